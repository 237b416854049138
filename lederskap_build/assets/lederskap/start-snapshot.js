// @ts-check
// The scorer's start snapshot, for the scorer worker (scorer-worker.js): a copy of Python's
// memory taken right after the scorer's API was imported, so that a return visit restores
// it (about 0.4 s) instead of starting CPython and importing the scorer again (about 1.2 s).
//
// Where it lives: in this site's offline cache of this build, "lederskap:<site path>#<build>"
// (service-worker.js), under SNAPSHOT_URL, and only when that cache already holds the Python
// runtime, which the learner's visits have asked the service worker to keep (a snapshot made
// before that waits for it a while, then is dropped). So it comes and goes with the runtime: a new build's service worker deletes the old cache, snapshot
// included, and no site ever reads another's (the site path is in the cache's name). Without
// an offline cache (offline use off, service workers blocked) no snapshot is made, nor on a
// page no service worker controls (a first visit): the worker is told which (scorer-client.js).
//
// What it holds: the interpreter as it is after `import lederskap_scorer.api`, before any
// request: no answer, record or reply has passed through Python yet, so nothing of the
// learner's is in it. Pyodide's snapshots are undocumented (loadPyodide's `_makeSnapshot` and
// `_loadSnapshot`, `makeMemorySnapshot`) and fit only the exact Pyodide build that made them,
// so a stored one is marked with Pyodide's version and this build, and is used only when
// both match and its length is the one recorded. Anything that goes wrong in reading,
// restoring or storing one is a console message and a normal start, never the learner's
// concern; a snapshot that failed to restore is deleted.

import { buildInfo } from "./build-info.js";

/** The snapshot's address in the cache (never fetched: only a key of the cache). */
export const SNAPSHOT_URL = new URL("./pyodide/scorer-start.snapshot", import.meta.url).href;
const MARK = "X-Lederskap-Snapshot";
const LENGTH = "X-Lederskap-Snapshot-Length";
/** What a stored snapshot must be marked with to be used: this Pyodide and this build. */
const EXPECTED_MARK = `${buildInfo.pyodideVersion} ${buildInfo.build}`;

/** The site's root path, as the service worker's scope: the worker lives in <root>assets/lederskap/. */
const SITE_PATH = new URL("../../", import.meta.url).pathname;
/** The service worker's cache of this site and build (service-worker.js, CACHE). */
const CACHE_NAME = `lederskap:${SITE_PATH}#${buildInfo.build}`;

/**
 * This build's offline cache, if it exists and holds the Python runtime (`runtimeUrl`, the
 * WebAssembly file); else null. Never creates the cache.
 * @param {string} runtimeUrl
 * @returns {Promise<Cache | null>}
 */
export async function runtimeCache(runtimeUrl) {
  try {
    if (typeof caches === "undefined" || !(await caches.has(CACHE_NAME))) return null;
    const cache = await caches.open(CACHE_NAME);
    return (await cache.match(runtimeUrl, { ignoreVary: true })) ? cache : null;
  } catch {
    return null; // storage refused (a private window, a browser setting): no snapshot
  }
}

/**
 * The stored snapshot, if there is one that fits this Pyodide and build: `bytes`, the promise
 * of its bytes, which rejects if they are not all there. Else null; a stored one
 * that does not fit is deleted. The bytes are read while Pyodide loads (loadPyodide takes the
 * promise), since 30 MB take a while.
 * @param {Cache} cache
 * @returns {Promise<{bytes: Promise<Uint8Array>} | null>}
 */
export async function findSnapshot(cache) {
  let response;
  try {
    response = await cache.match(SNAPSHOT_URL, { ignoreVary: true });
  } catch (error) {
    console.info("lederskap scorer: the start snapshot could not be read", error);
    return null;
  }
  if (!response) return null;
  if (response.headers.get(MARK) !== EXPECTED_MARK) {
    await deleteSnapshot(cache, new Error("it was made by another Pyodide or build"));
    return null;
  }
  const length = Number(response.headers.get(LENGTH));
  const stored = response;
  const bytes = stored.arrayBuffer().then((buffer) => {
    if (length > 0 && buffer.byteLength === length) return new Uint8Array(buffer);
    throw new Error(`the start snapshot has ${buffer.byteLength} bytes, not ${length}`);
  });
  bytes.catch(() => {}); // its failure is the restore's
  return { bytes };
}

/**
 * Keep `bytes` as this build's snapshot. Failures (a full storage, say) are only reported.
 * @param {Cache} cache
 * @param {Uint8Array} bytes
 * @returns {Promise<void>}
 */
async function storeSnapshot(cache, bytes) {
  try {
    // The cache may have been deleted meanwhile by a newer build's service worker: never make it again.
    if (!(await caches.has(CACHE_NAME))) return;
    const headers = { "Content-Type": "application/octet-stream", [MARK]: EXPECTED_MARK, [LENGTH]: String(bytes.length) };
    await cache.put(SNAPSHOT_URL, new Response(new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]), { headers }));
  } catch (error) {
    console.info("lederskap scorer: the start snapshot could not be kept", error);
  }
}

/**
 * Keep `bytes` as this build's snapshot once the offline cache holds the runtime: at once if
 * it does, else as soon as a check (every `everyMs`) finds it there, which comes when the
 * service worker has kept the runtime the page asked it to keep; given up after `forMs`.
 * @param {string} runtimeUrl
 * @param {Uint8Array} bytes
 * @param {{everyMs?: number, forMs?: number}} [timing]
 * @returns {Promise<boolean>} whether it was handed to the cache
 */
export async function keepOnceRuntimeIsKept(runtimeUrl, bytes, { everyMs = 1_000, forMs = 120_000 } = {}) {
  const until = Date.now() + forMs;
  for (;;) {
    const cache = await runtimeCache(runtimeUrl);
    if (cache) {
      await storeSnapshot(cache, bytes);
      return true;
    }
    if (Date.now() + everyMs > until) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Delete the stored snapshot, saying why in the console.
 * @param {Cache} cache
 * @param {Error} why
 * @returns {Promise<void>}
 */
export async function deleteSnapshot(cache, why) {
  console.info(`lederskap scorer: the start snapshot is not used and is deleted: ${why.message}`);
  try {
    await cache.delete(SNAPSHOT_URL, { ignoreVary: true });
  } catch {
    // Nothing more to do: the next start makes a new one over it.
  }
}
