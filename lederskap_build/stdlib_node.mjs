// Make the scorer's standard library archive inside the site's own Pyodide, under Node.
//
//   node lederskap_build/stdlib_node.mjs REQUEST_FILE
//
// Run by lederskap_build/stdlib.py, which explains why and caches the result. REQUEST_FILE
// holds {"pyodide": the npm package's folder, "wheel": the scorer wheel, "scorer_modules":
// [every module of the wheel], "extra_modules": [what error paths import], "date_time":
// [the zip entries' time], "out": the archive to write}. This boots Pyodide with its full
// standard library, traces imports (lederskap_build/stdlib_pyodide.py) through Pyodide's
// own start, installing the wheel, importing every scorer module and the error paths, and
// importing the scorer again from a zip, then byte-compiles every module the trace saw and the
// scorer's own modules with that same CPython and writes the archive (with the scorer's data files).
// Prints one JSON object on standard output: {"pyodide", "python", "magic", "modules":
// {name: file inside the archive}, "entries": [...]}. Diagnostics go to standard error;
// exits 1 with a message on any failure.
//
// Its functions are exported for tests/pyodide/run_stdlib_calls.mjs, which traces the
// fixtures' calls the same way.

import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * Boot the Pyodide of the npm package in `pyodideDir`, with the standard library archive
 * `stdlib` (a file path) or, without it, the package's own python_stdlib.zip.
 * PYTHONHASHSEED is fixed so that the same work gives the same bytecode.
 */
export async function startPyodide(pyodideDir, { stdlib = null, stderr = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const { loadPyodide } = await import(pathToFileURL(join(resolve(pyodideDir), "pyodide.mjs")).href);
  const options = { indexURL: resolve(pyodideDir), env: { PYTHONHASHSEED: "0" }, stdout: stderr, stderr };
  if (stdlib) options.stdLibURL = resolve(stdlib);
  return loadPyodide(options);
}

/** Run stdlib_pyodide.py in a namespace of its own; returns that namespace (a PyProxy of a dict). */
export async function loadStdlibTools(pyodide) {
  const source = await readFile(join(HERE, "stdlib_pyodide.py"), "utf8");
  const namespace = pyodide.globals.get("dict")();
  namespace.set("__name__", "lederskap_stdlib_pyodide");
  pyodide.runPython(source, { globals: namespace });
  return namespace;
}

/** Install the scorer wheel (a file path) as the browser's worker does in its fallback, with loadPackage. */
export async function installWheel(pyodide, wheel) {
  const problems = [];
  // A path, not a file:// URL: Pyodide reads a file:// URL without decoding it (a space stays %20).
  const loaded = await pyodide.loadPackage(resolve(wheel), {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (!loaded || loaded.length === 0 || problems.length > 0) {
    throw new Error(`${wheel}: loadPackage failed: ${problems.join("\n") || "nothing was loaded"}`);
  }
}

/**
 * What happens when something fails: a Python exception and a missing module each cross
 * into JavaScript as the scorer worker sees them (Pyodide formats their tracebacks), and
 * `modules` are imported and a chained exception formatted in Python.
 */
export function exerciseErrorPaths(pyodide, tools, modules) {
  try {
    pyodide.runPython("import json\njson.loads('{')");
  } catch (error) {
    if (error?.type !== "JSONDecodeError") throw error;
  }
  try {
    pyodide.pyimport("lederskap_no_such_module");
  } catch (error) {
    if (error?.type !== "ModuleNotFoundError") throw error;
  }
  tools.get("exercise_error_paths")(pyodide.toPy(modules));
}

async function main(argv) {
  if (argv.length !== 1) throw new Error("usage: node stdlib_node.mjs REQUEST_FILE");
  const request = JSON.parse(await readFile(argv[0], "utf8"));
  const pyodide = await startPyodide(request.pyodide);
  const tools = await loadStdlibTools(pyodide);
  const trace = tools.get("ImportTrace")();
  trace.start();
  await installWheel(pyodide, request.wheel);
  const importModule = pyodide.pyimport("importlib").import_module;
  for (const name of request.scorer_modules) importModule(name);
  exerciseErrorPaths(pyodide, tools, request.extra_modules);
  // The scorer goes into the archive too, byte-compiled: the worker imports it from there. What
  // importing it from a zip needs is traced by importing it again from one.
  const dateTime = pyodide.toPy(request.date_time);
  const scorer = tools.get("package_files")(
    pyodide.runPython("import lederskap_scorer, os; os.path.dirname(lederskap_scorer.__file__)"),
  );
  const scorerOnly = "/tmp/lederskap-scorer.zip";
  tools.get("write_archive")(pyodide.toPy([]), scorerOnly, dateTime, scorer);
  tools.get("import_from_archive")(scorerOnly, "lederskap_scorer", pyodide.toPy(request.scorer_modules));
  const modules = trace.modules().toJs({ dict_converter: Object.fromEntries });

  const target = "/tmp/lederskap-stdlib.zip";
  const entries = tools.get("write_archive")(pyodide.toPy(Object.values(modules)), target, dateTime, scorer).toJs();
  await writeFile(request.out, pyodide.FS.readFile(target));
  const runtime = pyodide
    .runPython("import sys, importlib.util; [sys.version.split()[0], importlib.util.MAGIC_NUMBER.hex()]")
    .toJs();
  process.stdout.write(
    `${JSON.stringify({ pyodide: pyodide.version, python: runtime[0], magic: runtime[1], modules, entries })}\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    // Only the message: a Pyodide error printed whole drags in megabytes of minified source.
    process.stderr.write(`stdlib_node.mjs: error: ${error?.message ?? String(error)}\n`);
    process.exit(1);
  }
}
