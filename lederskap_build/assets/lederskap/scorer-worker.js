// @ts-check
// The module Web Worker that runs the Python scorer under Pyodide, off the main thread.
//
// Protocol (a small tagged union; every message is {type, id, data}):
//   page -> worker   {type: "start", id, data: {offline}}      boot Python (once); offline: whether a
//                                                              service worker controls the page
//                    {type: "score", id, data: {definition, answers, language}}   (JSON strings)
//                    {type: "migrate", id, data: {record}}     upgrade a stored record (its JSON text)
//                    {type: "check-import", id, data: {file, context}}   an import plan (JSON texts)
//                    {type: "compare", id, data: {from, to, language}}   the change between two measurements
//                    {type: "reply-answers", id, data: {definition, answers}}   what a team reply carries
//                    {type: "team", id, data: {own, others, ownAnswers, replies, language}}   the team result
//   worker -> page   {type: "stage", id, data: {stage}}        the start reached a stage
//                    {type: "ready", id, data: {stdlib, snapshot}}   the scorer can be used; stdlib:
//                                                              "trimmed" or "full" (the standard library it
//                                                              runs with); snapshot: "restored", "made" or
//                                                              null (start-snapshot.js)
//                    {type: "result", id, data: {json}}        the answer of score_json,
//                                                              migrate_record_json, check_import_json, compare_json,
//                                                              reply_answers_json or team_json
//                    {type: "error", id, data: {stage, message}}  a request failed
// Stages of the start, in order: "runtime" (load Pyodide), "wheel" (load our wheel; only
// with Pyodide's full standard library, see below), "import" (import lederskap_scorer.api).
// Any other message type is an error. Everything is loaded from this site: no CDN, no
// package index.
//
// The standard library: Pyodide starts with the archive the build made for the scorer
// (buildInfo.stdlib, lederskap_build/stdlib.py: byte-compiled, trimmed to the modules the
// scorer imports, and holding the scorer itself, byte-compiled too), which spares CPython
// compiling the standard library and the scorer from source on every start, and the wheel's
// download and installation: the stages are "runtime" and "import". Should Python ever miss
// a module of it (a ModuleNotFoundError, an ImportError of a submodule, or a Python that
// cannot even initialise), the worker says so in the console, posts the stage "fallback" and
// starts Python again with Pyodide's full python_stdlib.zip and the scorer's wheel
// (buildInfo.wheel): the stages "runtime", "wheel" and "import" follow. That happens during
// the start, or during a request, which is then made again. A failure of the fallback is
// reported like any failed start or request.
//
// The start snapshot (start-snapshot.js): when this build's offline cache holds the runtime,
// a start with the scorer's archive first restores the snapshot kept there, if any (the
// stages "runtime" and "import" as usual, each much shorter); without one, or if it fails,
// Python starts as above and, when a service worker controls the page (the page says so in
// "start"), a snapshot is taken once the scorer's API is imported and before any request, and
// kept for the next visit as soon as the offline cache holds the runtime. (A snapshot cannot
// hold JavaScript references, which loadPackage would leave in Python: a start with the
// archive loads no package.)

import { buildInfo } from "./build-info.js";
import { deleteSnapshot, findSnapshot, keepOnceRuntimeIsKept, runtimeCache } from "./start-snapshot.js";
import { wasmFetch } from "./wasm-fetch.js";

/** @typedef {"trimmed" | "full"} Stdlib */
/** @typedef {{restore: Promise<Uint8Array>} | {make: true} | null} SnapshotUse what a start does with a snapshot */
/** @typedef {{crashed: Promise<never>, crash: (error: Error) => void}} Attempt */

/**
 * The functions of lederskap_scorer.api the worker calls: JSON texts in, a JSON text (a Python
 * str) out.
 * @typedef {"score_json" | "migrate_record_json" | "compare_json" | "check_import_json" |
 *   "reply_answers_json" | "team_json"} ApiFunction
 */

/**
 * The scorer's API module, a PyProxy of lederskap_scorer.api. Pyodide types what pyimport gives
 * as `any` (a Python module has whatever Python gives it); these are the functions we call.
 * @typedef {Record<ApiFunction, (...args: string[]) => unknown>} ScorerApi
 */

/** @type {ScorerApi | null} the scorer's API module once Python has started */
let api = null;
/** @type {Stdlib | null} the standard library the running Python has */
let stdlib = null;
/** @type {Promise<void> | null} the start (or the fallback's start) in progress or done */
let booting = null;
/** @type {Attempt | null} the start in progress, failed by errors no promise reports */
let attempt = null;
/** @type {"restored" | "made" | null} whether the running Python came from a snapshot or made one */
let snapshotState = null;
/** @type {(() => Promise<boolean>) | null} keeping the snapshot just made, once the start is reported */
let keepSnapshot = null;

const WHEEL_URL = new URL(buildInfo.wheel, import.meta.url).href;
const WASM_URL = new URL("./pyodide/pyodide.asm.wasm", import.meta.url).href;
/** The compressed WebAssembly, fetched in its place where the browser can decompress it (wasm-fetch.js). */
const WASM_GZ_URL = typeof DecompressionStream === "function" ? new URL(buildInfo.wasm, import.meta.url).href : null;
/** The file of the runtime the offline cache holds once it holds the runtime: the WebAssembly fetched. */
const RUNTIME_URL = WASM_GZ_URL ?? WASM_URL;
const fetchForPyodide = wasmFetch(self.fetch.bind(self), {
  wasmUrl: WASM_URL,
  gzUrl: WASM_GZ_URL,
  failed: (error) => attempt?.crash(error),
});
self.fetch = fetchForPyodide;

/**
 * Send a message to the page: {type, id, data} (see the protocol above).
 * @param {string} type
 * @param {unknown} id the request's id, as the page sent it
 * @param {object} [data]
 */
function post(type, id, data = {}) {
  self.postMessage({ type, id, data });
}

/**
 * Whether a value is an object whose fields can be read (an error need not be an Error).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null;
}

/**
 * The message of what was thrown: its `message` when it has one, else the thing itself as text.
 * @param {unknown} error
 * @returns {string}
 */
function messageOf(error) {
  const message = isObject(error) ? error.message : undefined;
  return message ? String(message) : String(error);
}

/** An error of a stage of the start ("runtime", "wheel", "import") or of a request. */
class StageError extends Error {
  /**
   * @param {string} stage
   * @param {unknown} cause what was thrown
   */
  constructor(stage, cause) {
    super(messageOf(cause));
    this.stage = stage;
    this.cause = cause;
    /** what Python wrote to stderr during a failed start (startPython) */
    this.printed = "";
  }
}

// Pyodide does not always reject when a file it fetches fails (a failed fetch of
// pyodide.asm.wasm surfaces as an unhandled rejection and loadPyodide never
// settles), so an uncaught error during a start fails that start at once
// instead of waiting for the page's timeout.
/** @returns {Attempt} */
function newAttempt() {
  let crash = () => {};
  /** @type {Promise<never>} */
  const crashed = new Promise((_, reject) => {
    crash = reject;
  });
  crashed.catch(() => {});
  return { crashed, crash };
}
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (attempt) attempt.crash(event.reason instanceof Error ? event.reason : new Error(String(event.reason)));
  else console.error("lederskap scorer: unhandled rejection", event.reason);
});
self.addEventListener("error", (event) => {
  if (!attempt) return;
  event.preventDefault();
  attempt.crash(event.error instanceof Error ? event.error : new Error(event.message || "script error"));
});

/**
 * Run one stage of the start (`work`), after telling the page it began; any failure, also one
 * that no promise reports (see newAttempt), is a StageError of that stage.
 * @template T
 * @param {unknown} id the start request's id
 * @param {string} name
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function stage(id, name, work) {
  post("stage", id, { stage: name });
  try {
    /** @type {Promise<never>} */
    const never = new Promise(() => {});
    return await Promise.race([work(), attempt ? attempt.crashed : never]);
  } catch (error) {
    throw error instanceof StageError ? error : new StageError(name, error);
  }
}

/**
 * Seed Python's `random` anew, if it was imported before the snapshot was taken.
 * @param {import("./pyodide/pyodide.mjs").PyodideAPI} pyodide
 */
function reseed(pyodide) {
  const sys = pyodide.pyimport("sys");
  const random = sys.modules.get("random");
  if (random) {
    random.seed();
    random.destroy();
  }
  sys.destroy();
}

/**
 * Start Python and import the scorer's API. `stdLibURL` is the build's archive for the scorer,
 * which holds the scorer too (the stages "runtime" and "import"), or null for Pyodide's own
 * python_stdlib.zip, with the scorer from its wheel (the stages "runtime", "wheel", "import").
 * With `snapshot` (only with the archive), Python is restored from a snapshot's bytes, or a
 * snapshot is made once the API is imported (its bytes in the answer; null if making it failed,
 * which is only reported). A failure is a StageError whose `printed` is what Python wrote to
 * stderr meanwhile.
 * @param {unknown} id the request that started it
 * @param {string | null} stdLibURL
 * @param {SnapshotUse} [snapshot]
 * @returns {Promise<{api: ScorerApi, snapshot: Uint8Array | null}>}
 */
async function startPython(id, stdLibURL, snapshot = null) {
  attempt = newAttempt();
  /** @type {string[]} */
  const printed = [];
  try {
    const pyodide = await stage(id, "runtime", async () => {
      const { loadPyodide } = await import("./pyodide/pyodide.mjs");
      return loadPyodide({
        indexURL: new URL("./pyodide/", import.meta.url).href,
        ...(stdLibURL ? { stdLibURL } : {}),
        ...(snapshot && "restore" in snapshot ? { _loadSnapshot: snapshot.restore } : {}),
        ...(snapshot && "make" in snapshot ? { _makeSnapshot: true } : {}),
        stdout: () => {},
        stderr: (text) => {
          printed.push(text);
          console.warn(`lederskap scorer: ${text}`);
        },
      });
    });
    if (!stdLibURL) {
      await stage(id, "wheel", async () => {
        /** @type {string[]} */
        const problems = [];
        const loaded = await pyodide.loadPackage(WHEEL_URL, {
          messageCallback: () => {},
          errorCallback: (message) => problems.push(message),
        });
        if (!loaded || loaded.length === 0) throw new Error(problems.join("; ") || "the scorer wheel was not loaded");
      });
    }
    const module = await stage(id, "import", async () => {
      // A restored Python would otherwise draw the same random numbers on every visit.
      if (snapshot && "restore" in snapshot) reseed(pyodide);
      return /** @type {ScorerApi} */ (pyodide.pyimport("lederskap_scorer.api"));
    });
    let made = null;
    if (snapshot && "make" in snapshot) {
      try {
        made = pyodide.makeMemorySnapshot();
      } catch (error) {
        console.info("lederskap scorer: no start snapshot could be made", error);
      }
    }
    return { api: module, snapshot: made };
  } catch (error) {
    // stage() fails with StageErrors only.
    if (error instanceof StageError) error.printed = printed.join("\n");
    throw error;
  } finally {
    attempt = null;
  }
}

/**
 * What Python says of a module it cannot find: "No module named 'x'" for `import x`, and "cannot
 * import name 'x' from [partially initialized module] 'y'" for `from y import x` when y has no
 * submodule x (the scorer's packages import theirs so).
 */
const MISSING_MODULE = /No module named '[^']+'|cannot import name '[^']+' from (?:partially initialized module )?'[^']+'/;

/**
 * Why Python must start again with the full standard library, when `error` (of a start or a
 * request with the trimmed one) comes from that archive: a module it lacks, of the standard
 * library or of the scorer, which the archive holds too (MISSING_MODULE), the archive not
 * loaded (its URL, `trimmed`, is in the message), or a CPython that could not initialise and
 * exited (its codecs are in the standard library; the last error it printed). Else null: the
 * error is not the archive's.
 * @param {unknown} error
 * @param {string | null} trimmed the address of the scorer's standard library
 * @returns {string | null}
 */
function fallbackCause(error, trimmed) {
  const message = messageOf(error);
  const printed = error instanceof StageError ? error.printed : "";
  const named = MISSING_MODULE.exec(`${message}\n${printed}`);
  if (named) return named[0];
  if (trimmed && message.includes(trimmed)) return message;
  const cause = error instanceof StageError ? error.cause : error;
  const exited = isObject(cause) && (cause.name === "ExitStatus" || cause.constructor?.name === "ExitStatus");
  if (!exited) return null;
  const printedErrors = printed.match(/^\w+Error: .*$/gm);
  return printedErrors ? printedErrors[printedErrors.length - 1] : message;
}

/**
 * Start Python with Pyodide's full standard library, after the trimmed one failed for `cause`.
 * @param {unknown} id the request during which the trimmed one failed
 * @param {string} cause
 * @returns {Promise<void>}
 */
function fallBack(id, cause) {
  console.warn(
    `lederskap scorer: Python with the scorer's standard library failed (${cause}); starting again with python_stdlib.zip`,
  );
  post("stage", id, { stage: "fallback", cause });
  api = null;
  stdlib = null;
  snapshotState = null;
  booting = startPython(id, null).then((started) => {
    api = started.api;
    stdlib = "full";
  });
  return booting;
}

/**
 * Start Python, with the scorer's standard library if the build made one.
 * @param {unknown} id the start request's id
 * @param {boolean} offline whether a service worker controls the page (the site works offline)
 * @returns {Promise<void>}
 */
async function boot(id, offline) {
  if (typeof WebAssembly !== "object") throw new StageError("runtime", new Error("WebAssembly is not available"));
  // Every start needs the WebAssembly and Pyodide's code: both are on their way while the
  // offline cache is searched for a snapshot.
  fetchForPyodide.prefetch();
  import("./pyodide/pyodide.mjs").catch(() => {}); // a failure is the stage "runtime"'s
  const trimmed = buildInfo.stdlib ? new URL(buildInfo.stdlib, import.meta.url).href : null;
  if (trimmed) {
    // Only a page the service worker controls can have a snapshot in its cache, or keep one: a
    // first visit neither looks for one nor spends the time to make one.
    const cache = offline ? await runtimeCache(RUNTIME_URL) : null;
    const stored = cache ? await findSnapshot(cache) : null;
    if (cache && stored) {
      try {
        api = (await startPython(id, trimmed, { restore: stored.bytes })).api;
        stdlib = "trimmed";
        snapshotState = "restored";
        return;
      } catch (error) {
        await deleteSnapshot(cache, new Error(`restoring it failed (${messageOf(error)})`));
      }
    }
    try {
      const started = await startPython(id, trimmed, offline ? { make: true } : null);
      api = started.api;
      stdlib = "trimmed";
      const made = started.snapshot;
      if (made) {
        snapshotState = "made";
        keepSnapshot = () => keepOnceRuntimeIsKept(RUNTIME_URL, made);
      }
      return;
    } catch (error) {
      const cause = fallbackCause(error, trimmed);
      if (cause === null) throw error;
      await fallBack(id, cause);
      return;
    }
  }
  api = (await startPython(id, null)).api;
  stdlib = "full";
}

/**
 * api.<name>(...args), for the request `id` of the stage `stageName` ("score", "records"). With the
 * trimmed standard library, a module it lacks starts Python again with the full one, and the call
 * is made again there.
 * @param {unknown} id
 * @param {string} stageName
 * @param {ApiFunction} name
 * @param {string[]} args
 * @returns {Promise<unknown>}
 */
async function callScorer(id, stageName, name, args) {
  if (booting) await booting.catch(() => {});
  if (!api) throw new StageError(stageName, new Error("the scorer has not been started"));
  try {
    return api[name](...args);
  } catch (error) {
    const cause = stdlib === "trimmed" ? fallbackCause(error, null) : null;
    if (cause === null) throw new StageError(stageName, error);
    try {
      await fallBack(id, cause);
      if (!api) throw new Error("the scorer has not been started");
      return api[name](...args);
    } catch (again) {
      throw again instanceof StageError ? again : new StageError(stageName, again);
    }
  }
}

/**
 * The fields of a request's data (none when it is not an object).
 * @param {unknown} data
 * @returns {Record<string, unknown>}
 */
function fieldsOf(data) {
  return isObject(data) ? data : {};
}

/**
 * Each request type's handler (see the protocol above).
 * @type {Record<string, (id: unknown, data: unknown) => Promise<void>>}
 */
const handlers = {
  async start(id, data) {
    if (!booting) booting = boot(id, fieldsOf(data).offline === true && typeof caches !== "undefined");
    await booting;
    post("ready", id, { stdlib, snapshot: snapshotState });
    // Kept after the start is reported, so that the first result does not wait for it.
    const keep = keepSnapshot;
    keepSnapshot = null;
    if (keep) keep().catch((error) => console.info("lederskap scorer: the start snapshot was not kept", error));
  },
  async score(id, data) {
    const { definition, answers, language } = fieldsOf(data);
    if (typeof definition !== "string" || typeof answers !== "string" || typeof language !== "string") {
      throw new StageError("protocol", new Error("score expects the definition, answers and language as strings"));
    }
    const json = await callScorer(id, "score", "score_json", [definition, answers, language]);
    post("result", id, { json: String(json) });
  },
  // The learner's records (scorer/RECORDS.md): JSON text in, JSON text out, like score.
  async migrate(id, data) {
    const { record } = fieldsOf(data);
    if (typeof record !== "string") {
      throw new StageError("protocol", new Error("migrate expects the record as a string"));
    }
    post("result", id, { json: String(await callScorer(id, "records", "migrate_record_json", [record])) });
  },
  // The change between two measurements (scorer/RESULTS.md, compare_json).
  async compare(id, data) {
    const { from, to, language } = fieldsOf(data);
    if (typeof from !== "string" || typeof to !== "string" || typeof language !== "string") {
      throw new StageError("protocol", new Error("compare expects the two scores and the language as strings"));
    }
    post("result", id, { json: String(await callScorer(id, "score", "compare_json", [from, to, language])) });
  },
  // The team tool (scorer/TEAM.md): what a member's reply carries, and the inviter's team result.
  async "reply-answers"(id, data) {
    const { definition, answers } = fieldsOf(data);
    if (typeof definition !== "string" || typeof answers !== "string") {
      throw new StageError("protocol", new Error("reply-answers expects the definition and the answers as strings"));
    }
    post("result", id, { json: String(await callScorer(id, "score", "reply_answers_json", [definition, answers])) });
  },
  async team(id, data) {
    const fields = fieldsOf(data);
    const args = [fields.own, fields.others, fields.ownAnswers, fields.replies, fields.language];
    const texts = args.filter((value) => typeof value === "string");
    if (texts.length !== args.length) {
      throw new StageError("protocol", new Error("team expects the definitions, answers, replies and language as strings"));
    }
    const json = await callScorer(id, "score", "team_json", texts);
    post("result", id, { json: String(json) });
  },
  async "check-import"(id, data) {
    const { file, context } = fieldsOf(data);
    if (typeof file !== "string" || typeof context !== "string") {
      throw new StageError("protocol", new Error("check-import expects the file and the context as strings"));
    }
    post("result", id, { json: String(await callScorer(id, "records", "check_import_json", [file, context])) });
  },
};

self.addEventListener("message", async (event) => {
  const message = event instanceof MessageEvent ? event.data : undefined;
  const id = isObject(message) ? message.id : undefined;
  const type = isObject(message) ? message.type : undefined;
  if (typeof type !== "string" || !Object.prototype.hasOwnProperty.call(handlers, type)) {
    post("error", id, { stage: "protocol", message: `unknown message type ${JSON.stringify(type)}` });
    return;
  }
  try {
    await handlers[type](id, fieldsOf(message).data);
  } catch (error) {
    post("error", id, {
      stage: error instanceof StageError ? error.stage : "worker",
      message: messageOf(error),
    });
  }
});
