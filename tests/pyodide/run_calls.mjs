// Call functions of lederskap_scorer.api with the built scorer wheel in real Pyodide under Node.
//
//   node tests/pyodide/run_calls.mjs WHEEL CALLS_FILE
//
// CALLS_FILE holds a JSON list of {"name": ..., "function": ..., "args": [strings]}: each
// call is api.<function>(...args), as the scorer worker makes them in the browser
// (JSON text in, JSON text out). Prints one JSON object on standard output: call
// name -> the text the function returned, or {"raised": message} when it raised.
// Diagnostics go to standard error. Exits 1 with a message when Pyodide or the
// wheel cannot be loaded. Boots Pyodide as run_fixtures.mjs does, offline.

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadPyodide } from "pyodide";

function fail(message) {
  process.stderr.write(`run_calls.mjs: error: ${message}\n`);
  process.exit(1);
}

async function main(argv) {
  if (argv.length !== 2) fail("usage: node run_calls.mjs WHEEL CALLS_FILE");
  const [wheel, callsFile] = argv;
  const calls = JSON.parse(await readFile(callsFile, "utf8"));
  if (!Array.isArray(calls) || calls.length === 0) fail(`${callsFile}: expected a non-empty list of calls`);

  const toStderr = (line) => process.stderr.write(`${line}\n`);
  const pyodide = await loadPyodide({ stdout: toStderr, stderr: toStderr });
  const loadErrors = [];
  await pyodide.loadPackage(pathToFileURL(resolve(wheel)).href, {
    messageCallback: toStderr,
    errorCallback: (message) => loadErrors.push(message),
  });
  if (loadErrors.length > 0) fail(`${wheel}: loadPackage failed:\n${loadErrors.join("\n")}`);
  toStderr(`runtime: ${JSON.stringify({ pyodide: pyodide.version })}`);

  const api = pyodide.pyimport("lederskap_scorer.api");
  const results = {};
  for (const call of calls) {
    if (typeof api[call.function] !== "function") fail(`${call.name}: no function api.${call.function}`);
    try {
      results[call.name] = String(api[call.function](...call.args));
    } catch (error) {
      results[call.name] = { raised: String(error?.message ?? error).split("\n").slice(-2).join(" ") };
    }
  }
  api.destroy();
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  fail(error?.message ?? String(error));
}
