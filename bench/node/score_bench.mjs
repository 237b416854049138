// Times score_json inside Pyodide under Node: the scorer wheel as the site ships it.
//
//   node score_bench.mjs <pyodide.mjs> <wheel> <definition.json> <answers.json> <warmup> <calls>
//
// Prints one JSON object: {bootMs, wheelMs, firstCallMs, callsMs: [...]}, every
// time measured with performance.now() around the call from JavaScript, as the
// browser's worker makes it (arguments and result cross the JS/Python boundary).

import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [pyodideModule, wheel, definitionFile, answersFile, warmupText, callsText] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideModule).href);
const definition = await readFile(definitionFile, "utf8");
const answers = await readFile(answersFile, "utf8");

let start = performance.now();
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (text) => process.stderr.write(`${text}\n`) });
const bootMs = performance.now() - start;

start = performance.now();
await pyodide.loadPackage(wheel, { messageCallback: () => {} });
const api = pyodide.pyimport("lederskap_scorer.api");
const wheelMs = performance.now() - start;

const call = () => {
  const begin = performance.now();
  const result = api.score_json(definition, answers, "nb");
  const took = performance.now() - begin;
  if (typeof result !== "string" || !result.includes('"dimensions"')) {
    throw new Error(`unexpected scorer result: ${String(result).slice(0, 200)}`);
  }
  return took;
};

const firstCallMs = call();
for (let i = 0; i < Number(warmupText); i += 1) call();
const callsMs = [];
for (let i = 0; i < Number(callsText); i += 1) callsMs.push(call());
process.stdout.write(`${JSON.stringify({ bootMs, wheelMs, firstCallMs, callsMs })}\n`);
