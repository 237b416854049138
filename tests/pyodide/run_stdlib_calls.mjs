// Call functions of lederskap_scorer.api in real Pyodide under Node, tracing which modules
// of the standard library they load, with Pyodide's full standard library or with the
// archive the build makes for the scorer (lederskap_build/stdlib.py).
//
//   node tests/pyodide/run_stdlib_calls.mjs PYODIDE_DIR WHEEL REQUEST_FILE [STDLIB_ARCHIVE]
//
// REQUEST_FILE holds {"calls": [{"name", "function", "args": [strings]}, ...] (as for
// run_calls.mjs), "extra_modules": [lederskap_build.stdlib.EXTRA_MODULES]}. Boots Pyodide (with
// STDLIB_ARCHIVE as stdLibURL when given), starts the import trace of
// lederskap_build/stdlib_pyodide.py, installs the wheel when no archive is given (the archive
// holds the scorer), as the worker does, makes every call, then goes through the error paths the build traces
// (stdlib_node.mjs, exerciseErrorPaths). Prints one JSON object on standard output:
//   {"answers": {call name: the text returned, or {"raised": message}},
//    "modules": {module: its file in the standard library archive},
//    "missed": [every import no finder found, in order], "magic": the bytecode's magic number (hex)}
// Exits 1 with a message when Pyodide or the wheel cannot be loaded.

import { readFile } from "node:fs/promises";
import { exerciseErrorPaths, installWheel, loadStdlibTools, startPyodide } from "../../lederskap_build/stdlib_node.mjs";

function fail(message) {
  process.stderr.write(`run_stdlib_calls.mjs: error: ${message}\n`);
  process.exit(1);
}

async function main(argv) {
  if (argv.length !== 3 && argv.length !== 4) {
    fail("usage: node run_stdlib_calls.mjs PYODIDE_DIR WHEEL REQUEST_FILE [STDLIB_ARCHIVE]");
  }
  const [pyodideDir, wheel, requestFile, stdlib] = argv;
  const { calls, extra_modules: extraModules } = JSON.parse(await readFile(requestFile, "utf8"));
  if (!Array.isArray(calls) || calls.length === 0) fail(`${requestFile}: expected a non-empty list of calls`);

  const pyodide = await startPyodide(pyodideDir, { stdlib: stdlib ?? null });
  const tools = await loadStdlibTools(pyodide);
  const trace = tools.get("ImportTrace")();
  trace.start();
  // As the worker does: the build's archive holds the scorer; with the full standard library
  // it comes from the wheel.
  if (!stdlib) await installWheel(pyodide, wheel);

  const api = pyodide.pyimport("lederskap_scorer.api");
  const answers = {};
  for (const call of calls) {
    if (typeof api[call.function] !== "function") fail(`${call.name}: no function api.${call.function}`);
    try {
      answers[call.name] = String(api[call.function](...call.args));
    } catch (error) {
      answers[call.name] = { raised: String(error?.message ?? error).split("\n").slice(-3).join(" ") };
    }
  }
  api.destroy();
  exerciseErrorPaths(pyodide, tools, extraModules);

  const modules = trace.modules().toJs({ dict_converter: Object.fromEntries });
  const missed = trace.missed.toJs();
  const magic = pyodide.runPython("import importlib.util; importlib.util.MAGIC_NUMBER.hex()");
  process.stdout.write(`${JSON.stringify({ answers, modules, missed, magic })}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Only the message: a Pyodide error printed whole drags in megabytes of minified source.
  fail(error?.message ?? String(error));
}
