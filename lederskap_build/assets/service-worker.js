// @ts-check
// The course site's service worker: fast return visits and offline use.
//
// The build writes this file to the site root as sw.js (a service worker's scope
// is its folder, and GitHub Pages cannot widen it), with SITE filled in:
//   build     the build hash (build-info.js has the same one)
//   offline   false under `lederskap serve`: then this worker removes its caches
//             and unregisters itself, so that development always sees fresh files
//   pages     every page, relative to the site root ("./", "verktoy/", ...)
//   assets    [url, revision] of our browser code and the course's files: all
//             needed, so a failed download fails the install (the browser tries
//             again on the next visit)
//   runtime   [url, revision] of the Python runtime (Pyodide, the scorer's standard
//             library archive with the scorer, about 6 MB): kept when a page asks ("cache-runtime",
//             offline.js: once the visit needs Python, or the learner has stayed), not
//             by the install, so that a glance at the start page costs no runtime
//   optional  files that may be missing (search index, sitemap, 404 page); the
//             search languages' files Material's search worker imports are
//             found from the search index and kept the same way
//
// Caches: one per build, named "lederskap:<site path>#<build>", for example
// "lederskap:/kurs/#3f2a9c1b7d4e". Every GitHub Pages project site of one user
// shares one origin and one CacheStorage, so this worker only ever touches caches
// whose name starts with "lederskap:<its own site path>#" ("#" never occurs in a
// path, so "/kurs/" is not a prefix of "/kurs/annet/").
//
// Strategy:
//   install   fill the new build's cache: an asset whose revision is unchanged is
//             copied from this site's previous cache, the rest is downloaded
//             (revalidated, never taken stale from the HTTP cache); the runtime
//             only if the previous cache had it (a learner who has used it keeps
//             it across deploys, changed files downloaded); then take over
//             at once (skipWaiting), since every learner's answers live in
//             localStorage, which no version of the site's files can lose.
//   activate  delete this site's older caches and control the open pages
//             (clients.claim); the pages tell the learner to reload (offline.js).
//   fetch     pages (and the search index and sitemap): network first, the cached
//             copy when offline; everything else: the cache first, else the
//             network, keeping what came (Material's hashed assets are cached so
//             on the first visit). Only GET requests inside the site are handled.
//   message   {type: "cache-urls", urls}: cache what a page loaded before this
//             worker controlled it (Material's bundle and styles); answers on the
//             message's port with {type: "cached", build, cache}.
//             {type: "cache-runtime"}: keep the runtime; answers {type:
//             "runtime-kept", build, cache} or {type: "runtime-failed", message}.

"use strict";

/**
 * What the build writes in place of SITE's null (see above).
 * @typedef {object} SiteManifest
 * @property {string} build
 * @property {boolean} offline
 * @property {string[]} pages
 * @property {[path: string, revision: string][]} assets
 * @property {[path: string, revision: string][]} runtime
 * @property {string[]} optional
 */

/** @type {SiteManifest} */
// @ts-expect-error: null in this template; the build writes the manifest in its place.
const SITE = /* lederskap:site */ null;

// This worker's global scope (`self`), with the type of a service worker's.
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const SCOPE = new URL(worker.registration.scope);
const PREFIX = `lederskap:${SCOPE.pathname}#`;
const CACHE = PREFIX + SITE.build;
const REVISION = "X-Lederskap-Revision";

const absolute = (/** @type {string} */ url) => new URL(url, SCOPE).href;
const networkFirst = new Set([...SITE.pages, ...SITE.optional].map(absolute));
/** The revision of each file of the manifest, by its address: what a copy kept on the way (fetch) is marked with. */
const REVISIONS = new Map([...SITE.assets, ...SITE.runtime].map(([path, revision]) => [absolute(path), revision]));

/** @param {URL} url */
function inSite(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
}

/** @param {string} name a cache's name */
function isOurs(name) {
  return name.startsWith(PREFIX);
}

/**
 * A copy of a response that can be stored and served for any request (no redirect flag), with its revision.
 * @param {Response} response
 * @param {string} [revision]
 * @returns {Promise<Response>}
 */
async function storable(response, revision) {
  const headers = new Headers(response.headers);
  if (revision) headers.set(REVISION, revision);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/**
 * @param {string} url
 * @param {string} [revision]
 * @returns {Promise<Response>}
 */
async function download(url, revision) {
  const response = await fetch(new Request(url, { cache: "no-cache", credentials: "same-origin" }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return storable(response, revision);
}

/**
 * This site's copy of `url` at `revision` in a cache of an earlier build, or null.
 * @param {string} url
 * @param {string} revision
 * @returns {Promise<Response | null>}
 */
async function previousCopy(url, revision) {
  for (const name of await caches.keys()) {
    if (!isOurs(name) || name === CACHE) continue;
    // caches.match with a cacheName never creates the cache (caches.open would, if an
    // activating worker deleted it meanwhile).
    const cached = await caches.match(url, { cacheName: name, ignoreVary: true });
    if (cached && cached.headers.get(REVISION) === revision) return cached;
  }
  return null;
}

/**
 * Put each of `files` into `cache`: copied from an earlier build's cache when its revision is
 * unchanged, else downloaded. Rejects if one cannot be had.
 * @param {Cache} cache
 * @param {[path: string, revision: string][]} files
 */
async function fill(cache, files) {
  await Promise.all(
    files.map(async ([path, revision]) => {
      const url = absolute(path);
      if ((await cache.match(url, { ignoreVary: true }))?.headers.get(REVISION) === revision) return;
      const copy = (await previousCopy(url, revision)) || (await download(url, revision));
      await cache.put(url, copy);
    }),
  );
}

/** Whether an earlier build's cache of this site holds any file of the runtime (the learner has used it). */
async function hadRuntime() {
  for (const name of await caches.keys()) {
    if (!isOurs(name) || name === CACHE) continue;
    for (const [path] of SITE.runtime) {
      if (await caches.match(absolute(path), { cacheName: name, ignoreVary: true })) return true;
    }
  }
  return false;
}

async function install() {
  if (!SITE.offline) return;
  const cache = await caches.open(CACHE);
  await fill(cache, SITE.assets);
  if (await hadRuntime()) await fill(cache, SITE.runtime);
  await keepEach(cache, [...SITE.pages, ...SITE.optional]);
  await keepEach(cache, await searchLanguages(cache));
}

/**
 * Download and keep each of `paths`; one that fails is left out.
 * @param {Cache} cache
 * @param {string[]} paths
 */
async function keepEach(cache, paths) {
  const outcomes = await Promise.allSettled(
    paths.map(async (path) => cache.put(absolute(path), await download(absolute(path)))),
  );
  for (const outcome of outcomes) {
    if (outcome.status === "rejected") console.warn(`lederskap offline: not cached: ${outcome.reason.message}`);
  }
}

/**
 * The files Material's search worker imports for the search index's languages (as its
 * search worker does: assets/javascripts/lunr/...), so that search works offline too.
 * A site Zensical built has none to import (its index is search.json): nothing is found.
 * @param {Cache} cache
 * @returns {Promise<string[]>}
 */
async function searchLanguages(cache) {
  const index = await cache.match(absolute("search/search_index.json"), { ignoreVary: true });
  if (!index) return [];
  /** @type {string[]} */
  let languages = [];
  try {
    const { config } = await index.json();
    const isCode = (/** @type {string} */ l) => /^[a-z]{2}$/.test(l);
    languages = config && Array.isArray(config.lang) ? config.lang.filter(isCode) : [];
  } catch {
    return [];
  }
  const base = "assets/javascripts/lunr/";
  const files = [];
  for (const language of languages) {
    if (language === "ja") files.push(`${base}tinyseg.js`);
    if (language === "hi" || language === "th") files.push(`${base}wordcut.js`);
    if (language !== "en") files.push(`${base}min/lunr.${language}.min.js`);
  }
  if (languages.length > 1) files.push(`${base}min/lunr.multi.min.js`);
  if (files.length) files.push(`${base}min/lunr.stemmer.support.min.js`);
  return files;
}

worker.addEventListener("install", (event) => {
  event.waitUntil(
    install().then(
      () => worker.skipWaiting(),
      async (error) => {
        // The browser tries again on a later visit; the pages say why in their console.
        const message = `${SITE.build}: ${error && error.message ? error.message : error}`;
        for (const client of await worker.clients.matchAll({ includeUncontrolled: true })) {
          client.postMessage({ type: "install-failed", message });
        }
        throw error;
      },
    ),
  );
});

async function activate() {
  const names = (await caches.keys()).filter((name) => isOurs(name) && (name !== CACHE || !SITE.offline));
  await Promise.all(names.map((name) => caches.delete(name)));
  if (SITE.offline) await worker.clients.claim();
  else await worker.registration.unregister();
}

worker.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

// This worker's cache, or null once a newer version has deleted it: an old worker
// still finishing a request must not create its cache again (caches.open would).
/** @returns {Promise<Cache | null>} */
async function ownCache() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

/**
 * @param {string} url
 * @param {Response} response
 */
async function keep(url, response) {
  if (!response.ok || response.type !== "basic") return;
  const cache = await ownCache();
  // Marked with its revision, so that keeping the runtime later (fill) does not download it again.
  if (cache) await cache.put(url, await storable(response, REVISIONS.get(url)));
}

/**
 * @param {FetchEvent} event
 * @param {string} url
 * @returns {Promise<Response>}
 */
async function fromNetworkFirst(event, url) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(url, response.clone()).catch(() => {}));
    return response;
  } catch (error) {
    const cached = await caches.match(url, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/**
 * @param {FetchEvent} event
 * @param {string} url
 * @returns {Promise<Response>}
 */
async function fromCacheFirst(event, url) {
  const cached = await caches.match(url, { cacheName: CACHE, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(keep(url, response.clone()).catch(() => {}));
  return response;
}

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!SITE.offline || request.method !== "GET" || request.headers.has("range")) return;
  const url = new URL(request.url);
  if (!inSite(url)) return;
  url.hash = "";
  const page =
    request.mode === "navigate" ||
    url.pathname.endsWith("/") ||
    url.pathname.endsWith(".html") ||
    networkFirst.has(`${url.origin}${url.pathname}`);
  if (page) event.respondWith(fromNetworkFirst(event, `${url.origin}${url.pathname}`));
  else event.respondWith(fromCacheFirst(event, url.href));
});

/** @param {string[]} urls */
async function cacheUrls(urls) {
  const cache = await ownCache();
  if (!cache) return;
  await Promise.allSettled(
    urls.map(async (text) => {
      const url = new URL(text, SCOPE);
      url.hash = "";
      if (!inSite(url) || url.href === absolute("sw.js") || (await cache.match(url.href, { ignoreVary: true }))) return;
      await keep(url.href, await fetch(url.href, { credentials: "same-origin" }));
    }),
  );
}

/** Keep the runtime in this build's cache; resolves with the answer to the page. */
async function cacheRuntime() {
  const cache = await ownCache();
  if (!cache) return { type: "runtime-failed", message: "this version of the site has been replaced" };
  try {
    await fill(cache, SITE.runtime);
    return { type: "runtime-kept", build: SITE.build, cache: CACHE };
  } catch (error) {
    return { type: "runtime-failed", message: error instanceof Error ? error.message : String(error) };
  }
}

worker.addEventListener("message", (event) => {
  const message = event.data && typeof event.data === "object" ? event.data : {};
  const port = event.ports && event.ports[0];
  if (message.type === "cache-runtime") {
    event.waitUntil(
      (SITE.offline ? cacheRuntime() : Promise.resolve({ type: "runtime-failed", message: "offline use is off" })).then(
        (answer) => port && port.postMessage(answer),
      ),
    );
    return;
  }
  if (message.type !== "cache-urls" || !Array.isArray(message.urls)) return;
  const urls = message.urls.filter((/** @type {unknown} */ url) => typeof url === "string");
  event.waitUntil(
    (SITE.offline ? cacheUrls(urls) : Promise.resolve()).then(() => {
      if (port) port.postMessage({ type: "cached", build: SITE.build, cache: CACHE });
    }),
  );
});
