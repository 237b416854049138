// The module Web Worker that runs the Python scorer under Pyodide, off the main thread.
//
// Protocol (a small tagged union; every message is {type, id, data}):
//   page -> worker   {type: "start", id}                       boot Python (once)
//                    {type: "score", id, data: {definition, answers, language}}   (JSON strings)
//                    {type: "migrate", id, data: {record}}     upgrade a stored record (its JSON text)
//                    {type: "check-import", id, data: {file, context}}   an import plan (JSON texts)
//   worker -> page   {type: "stage", id, data: {stage}}        the start reached a stage
//                    {type: "ready", id, data: {}}             the scorer can be used
//                    {type: "result", id, data: {json}}        the answer of score_json,
//                                                              migrate_record_json or check_import_json
//                    {type: "error", id, data: {stage, message}}  a request failed
// Stages of the start, in order: "runtime" (load Pyodide), "wheel" (load our
// wheel), "import" (import lederskap_scorer.api). Any other message type is an
// error. Everything is loaded from this site: no CDN, no package index.

import { buildInfo } from "./build-info.js";

let api = null;
let booting = null;

function post(type, id, data = {}) {
  self.postMessage({ type, id, data });
}

class StageError extends Error {
  constructor(stage, cause) {
    super(cause && cause.message ? cause.message : String(cause));
    this.stage = stage;
  }
}

// Pyodide does not always reject when a file it fetches fails (a failed fetch of
// pyodide.asm.wasm surfaces as an unhandled rejection and loadPyodide never
// settles), so an uncaught error during the start fails the stage at once
// instead of waiting for the page's timeout.
let crash = null;
const crashed = new Promise((_, reject) => {
  crash = reject;
});
crashed.catch(() => {});
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (api) console.error("lederskap scorer: unhandled rejection", event.reason);
  else crash(event.reason instanceof Error ? event.reason : new Error(String(event.reason)));
});
self.addEventListener("error", (event) => {
  if (api) return;
  event.preventDefault();
  crash(event.error instanceof Error ? event.error : new Error(event.message || "script error"));
});

async function stage(id, name, work) {
  post("stage", id, { stage: name });
  try {
    return await Promise.race([work(), crashed]);
  } catch (error) {
    throw error instanceof StageError ? error : new StageError(name, error);
  }
}

async function boot(id) {
  if (typeof WebAssembly !== "object") throw new StageError("runtime", new Error("WebAssembly is not available"));
  const pyodide = await stage(id, "runtime", async () => {
    const { loadPyodide } = await import("./pyodide/pyodide.mjs");
    return loadPyodide({
      indexURL: new URL("./pyodide/", import.meta.url).href,
      stdout: () => {},
      stderr: (text) => console.warn(`lederskap scorer: ${text}`),
    });
  });
  await stage(id, "wheel", async () => {
    const problems = [];
    const loaded = await pyodide.loadPackage(new URL(buildInfo.wheel, import.meta.url).href, {
      messageCallback: () => {},
      errorCallback: (message) => problems.push(message),
    });
    if (!loaded || loaded.length === 0) throw new Error(problems.join("; ") || "the scorer wheel was not loaded");
  });
  api = await stage(id, "import", async () => pyodide.pyimport("lederskap_scorer.api"));
}

const handlers = {
  async start(id) {
    if (!booting) booting = boot(id);
    await booting;
    post("ready", id);
  },
  async score(id, data) {
    if (!api) throw new StageError("score", new Error("the scorer has not been started"));
    const { definition, answers, language } = data || {};
    if (typeof definition !== "string" || typeof answers !== "string" || typeof language !== "string") {
      throw new StageError("protocol", new Error("score expects the definition, answers and language as strings"));
    }
    let json;
    try {
      json = api.score_json(definition, answers, language);
    } catch (error) {
      throw new StageError("score", error);
    }
    post("result", id, { json: String(json) });
  },
  // The learner's records (scorer/RECORDS.md): JSON text in, JSON text out, like score.
  async migrate(id, data) {
    const { record } = data || {};
    if (typeof record !== "string") {
      throw new StageError("protocol", new Error("migrate expects the record as a string"));
    }
    post("result", id, { json: String(callApi("migrate_record_json", record)) });
  },
  async "check-import"(id, data) {
    const { file, context } = data || {};
    if (typeof file !== "string" || typeof context !== "string") {
      throw new StageError("protocol", new Error("check-import expects the file and the context as strings"));
    }
    post("result", id, { json: String(callApi("check_import_json", file, context)) });
  },
};

function callApi(name, ...args) {
  if (!api) throw new StageError("records", new Error("the scorer has not been started"));
  try {
    return api[name](...args);
  } catch (error) {
    throw new StageError("records", error);
  }
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  const id = message && typeof message === "object" ? message.id : undefined;
  const type = message && typeof message === "object" ? message.type : undefined;
  if (!Object.prototype.hasOwnProperty.call(handlers, type)) {
    post("error", id, { stage: "protocol", message: `unknown message type ${JSON.stringify(type)}` });
    return;
  }
  try {
    await handlers[type](id, message.data);
  } catch (error) {
    post("error", id, {
      stage: error instanceof StageError ? error.stage : "worker",
      message: error && error.message ? error.message : String(error),
    });
  }
});
