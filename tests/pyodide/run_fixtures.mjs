// Score every scoring fixture with the built scorer wheel in real Pyodide under Node.
//
//   node tests/pyodide/run_fixtures.mjs WHEEL FIXTURES_DIR
//
// Boots Pyodide from the npm package (node_modules/pyodide: loadPyodide finds
// pyodide.asm.wasm, python_stdlib.zip and pyodide-lock.json next to its own
// module file, so this works offline), loads the wheel with
// pyodide.loadPackage(file:// URL) as the browser's fallback does with an http(s) URL,
// and calls lederskap_scorer.api.score_json for every FIXTURES_DIR/*.json
// ({"definition": {...}, "answers": ..., "language": "nb"|"en"}).
//
// Prints one JSON object on standard output: fixture name (file name without
// .json, sorted) -> the results JSON text score_json returned. Diagnostics go
// to standard error, including one line "runtime: {...}" saying which Pyodide,
// Python and scorer module ran. Exits 1 with a message on any failure.
//
// The definition must be inline plain data: Node has no YAML parser, so
// tests/pyodide/test_wheel_in_pyodide.py first writes the fixtures with their
// YAML definitions resolved.

import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadPyodide } from "pyodide";

function fail(message) {
  process.stderr.write(`run_fixtures.mjs: error: ${message}\n`);
  process.exit(1);
}

async function readFixtures(directory) {
  const names = (await readdir(directory)).filter((name) => name.endsWith(".json")).sort();
  if (names.length === 0) {
    fail(`${directory}: expected fixture files (*.json), but found none`);
  }
  const fixtures = [];
  for (const name of names) {
    const path = join(directory, name);
    const fixture = JSON.parse(await readFile(path, "utf8"));
    if (typeof fixture.definition !== "object" || fixture.definition === null) {
      fail(
        `${path}: expected the definition as inline plain data, but got ${JSON.stringify(fixture.definition)} ` +
          "(YAML definitions must be resolved first; test_wheel_in_pyodide.py does that)",
      );
    }
    fixtures.push({ name: basename(name, ".json"), path, ...fixture });
  }
  return fixtures;
}

async function main(argv) {
  if (argv.length !== 2) {
    fail("usage: node run_fixtures.mjs WHEEL FIXTURES_DIR");
  }
  const [wheel, fixturesDir] = argv;
  const fixtures = await readFixtures(fixturesDir);

  const toStderr = (line) => process.stderr.write(`${line}\n`);
  const pyodide = await loadPyodide({ stdout: toStderr, stderr: toStderr });

  const loadErrors = [];
  await pyodide.loadPackage(pathToFileURL(resolve(wheel)).href, {
    messageCallback: toStderr,
    errorCallback: (message) => loadErrors.push(message),
  });
  if (loadErrors.length > 0) {
    fail(`${wheel}: loadPackage failed:\n${loadErrors.join("\n")}`);
  }

  const runtime = pyodide.runPython(`
import json, sys
import lederskap_scorer
json.dumps({
    "pyodide": ${JSON.stringify(pyodide.version)},
    "python": sys.version.split()[0],
    "platform": sys.platform,
    "scorer_version": lederskap_scorer.__version__,
    "scorer_file": lederskap_scorer.__file__,
})
`);
  toStderr(`runtime: ${runtime}`);

  const api = pyodide.pyimport("lederskap_scorer.api");
  const results = {};
  for (const fixture of fixtures) {
    try {
      results[fixture.name] = api.score_json(
        JSON.stringify(fixture.definition),
        JSON.stringify(fixture.answers),
        fixture.language ?? "nb",
      );
    } catch (error) {
      fail(`${fixture.path}: score_json raised:\n${error.message}`);
    }
  }
  api.destroy();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  // Only the message: a Pyodide error printed whole drags in megabytes of minified source.
  fail(error?.message ?? String(error));
}
