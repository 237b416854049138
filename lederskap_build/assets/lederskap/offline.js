// @ts-check
// Offline use and fast return visits: registers the site's service worker
// (sw.js at the site root, written by the build from service-worker.js; see
// there for its caches and strategy) once the page has loaded and its scorer, if
// it has one, has started.
//
// On the first visit the pages were loaded before the worker was in control, so
// the page tells the worker which files it loaded (Material's bundle and styles)
// for it to keep too. When a new version of the site takes over an open page
// (after a deploy), the learner is told, politely, to reload: the page's code is
// still the old one. Answers are in localStorage and are never touched by this.
//
// The Python runtime (Pyodide and the scorer's archive, about 6 MB) is not part of
// the worker's install: a learner who only reads the start page on a phone does
// not pay for it. It is kept for offline use as soon as this visit starts a
// scorer (a questionnaire or the results page, which fetch it anyway), or after
// the learner has stayed on the site for RUNTIME_AFTER_MS with the page in view;
// under Save-Data (navigator.connection.saveData) only in the first case.
//
// Under `lederskap serve` (buildInfo.offline false) no worker is registered, and
// one left from an earlier build of the same address is removed.
//
// State for tests and the curious: window.__lederskap.offline =
//   {state: "unsupported" | "registering" | "ready" | "failed" | "off", build, cache,
//    runtime: "waiting" | "save-data" | "keeping" | "kept" | "failed"}

import { buildInfo } from "./build-info.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { scorerSettled, scorerStarted } from "./scorer-client.js";

/** How long a learner stays, with a page of the site in view, before the Python runtime is kept without a questionnaire. */
export const RUNTIME_AFTER_MS = 20_000;

// This file lives at <site root>/assets/lederskap/offline.js.
const siteRoot = new URL("../../", import.meta.url);

/** @param {LederskapOfflineState} values */
function debugState(values) {
  window.__lederskap ||= {};
  window.__lederskap.offline = { ...(window.__lederskap.offline || {}), ...values };
}

/**
 * The absolute address of `text` if it is inside this site, else null.
 * @param {string} text
 * @returns {string | null}
 */
function inSite(text) {
  try {
    const url = new URL(text, location.href);
    return url.origin === siteRoot.origin && url.pathname.startsWith(siteRoot.pathname) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The files of this site that the page has loaded so far.
 * @returns {string[]}
 */
function loadedUrls() {
  /** @type {Set<string>} */
  const urls = new Set();
  for (const entry of performance.getEntriesByType("resource")) urls.add(entry.name);
  for (const element of document.querySelectorAll("script[src], link[rel~='stylesheet'][href], link[rel~='icon'][href]")) {
    urls.add(element instanceof HTMLScriptElement ? element.src : /** @type {HTMLLinkElement} */ (element).href);
  }
  return [...urls].map(inSite).filter((url) => url !== null);
}

/**
 * Ask the active worker to keep `urls`; resolves with its answer.
 * @param {ServiceWorker} worker
 * @param {string[]} urls
 * @returns {Promise<{type?: string, build?: string, cache?: string}>}
 */
function cacheUrls(worker, urls) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data || {});
    worker.postMessage({ type: "cache-urls", urls }, [channel.port2]);
  });
}

/**
 * Ask the active worker to keep the Python runtime; resolves with whether it did.
 * @param {ServiceWorker} worker
 * @returns {Promise<boolean>}
 */
function keepRuntimeIn(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(Boolean(event.data && event.data.type === "runtime-kept"));
    worker.postMessage({ type: "cache-runtime" }, [channel.port2]);
  });
}

/**
 * Resolves after the page has been in view for `ms` in all (time in a background tab does
 * not count), at a moment the browser is idle.
 * @param {number} ms
 * @returns {Promise<void>}
 */
function stayed(ms) {
  return new Promise((resolve) => {
    let left = ms;
    let since = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const done = () => {
      document.removeEventListener("visibilitychange", follow);
      const idle = window.requestIdleCallback || ((/** @type {() => void} */ run) => setTimeout(run, 0));
      idle(() => resolve());
    };
    const follow = () => {
      clearTimeout(timer);
      if (document.visibilityState === "visible") {
        since = performance.now();
        timer = setTimeout(done, left);
      } else if (since) {
        left = Math.max(0, left - (performance.now() - since));
        since = 0;
      }
    };
    document.addEventListener("visibilitychange", follow);
    follow();
  });
}

/**
 * Keep the Python runtime for offline use once this visit needs it or the learner has stayed
 * (never only for staying under Save-Data).
 * @param {ServiceWorkerContainer} container
 */
async function keepRuntime(container) {
  const connection = /** @type {{saveData?: boolean} | undefined} */ (
    /** @type {{connection?: unknown}} */ (navigator).connection
  );
  const saveData = Boolean(connection && connection.saveData);
  debugState({ runtime: saveData ? "save-data" : "waiting" });
  /** @type {Promise<unknown>[]} */
  const reasons = [scorerStarted().then(scorerSettled)];
  if (!saveData) reasons.push(stayed(RUNTIME_AFTER_MS));
  await Promise.race(reasons);
  runtimeWanted = true;
  debugState({ runtime: "keeping" });
  const worker = container.controller || (await container.ready).active;
  await askToKeepRuntime(worker);
}

/** Whether this visit has asked for the Python runtime to be kept (a new worker is asked again). */
let runtimeWanted = false;

/**
 * Ask `worker` to keep the runtime, and say what came of it. A deploy may replace the worker
 * while it keeps the runtime in a cache about to be deleted, and a worker that is stopped never
 * answers: a new worker taking control is asked again (see register's controllerchange).
 * @param {ServiceWorker | null | undefined} worker
 */
async function askToKeepRuntime(worker) {
  const kept = worker ? await keepRuntimeIn(worker) : false;
  if (worker === navigator.serviceWorker.controller || !navigator.serviceWorker.controller) {
    debugState({ runtime: kept ? "kept" : "failed" });
  }
}

/**
 * Resolves with `worker` once it is activated (or redundant).
 * @param {ServiceWorker} worker
 * @returns {Promise<ServiceWorker>}
 */
function activated(worker) {
  if (worker.state === "activated") return Promise.resolve(worker);
  return new Promise((resolve) => {
    worker.addEventListener("statechange", function listener() {
      if (worker.state === "activated" || worker.state === "redundant") {
        worker.removeEventListener("statechange", listener);
        resolve(worker);
      }
    });
  });
}

/** @type {{region: HTMLElement, content: HTMLElement, text: HTMLElement} | null} */
let notice = null;

/** A status line at the top of every page, empty until a new version takes over. */
function updateNotice() {
  if (notice) return notice;
  const text = h("span", { class: "lsk-update-text" });
  const button = h("button", { type: "button", class: "lsk-button lsk-update-reload" }, t("offline.reload"));
  button.addEventListener("click", () => location.reload());
  const content = h("div", { class: "lsk-update-content", hidden: true }, text, " ", button);
  const region = h("div", { class: "lsk-update", role: "status", "data-lsk-update": true }, content);
  document.body.prepend(region);
  notice = { region, content, text };
  return notice;
}

function showUpdated() {
  const { region, content, text } = updateNotice();
  text.textContent = t("offline.updated");
  content.hidden = false;
  region.dataset.lskShown = "true";
}

/** @param {ServiceWorkerContainer} container */
async function register(container) {
  debugState({ state: "registering", build: buildInfo.build });
  let registration;
  try {
    registration = await container.register(new URL("sw.js", siteRoot), {
      scope: siteRoot.pathname,
      updateViaCache: "none",
    });
  } catch (error) {
    debugState({ state: "failed" });
    console.warn("lederskap: offline use is not available", error);
    return;
  }
  const ready = await container.ready;
  // `ready` resolves with a registration that has an active worker.
  const active = ready.active || registration.active;
  if (!active) throw new Error("the service worker registration has no active worker");
  const worker = await activated(active);
  const answer = await cacheUrls(worker, loadedUrls());
  debugState({ state: "ready", build: answer.build, cache: answer.cache });
  await keepRuntime(container);
}

/** @param {ServiceWorkerContainer} container */
async function removeWorkers(container) {
  debugState({ state: "off" });
  for (const registration of await container.getRegistrations()) {
    if (registration.scope === siteRoot.href) await registration.unregister();
  }
}

export function startOffline() {
  const container = navigator.serviceWorker;
  if (!container || typeof container.register !== "function") {
    debugState({ state: "unsupported" });
    return;
  }
  if (!buildInfo.offline) {
    removeWorkers(container).catch(() => {});
    return;
  }
  // The first worker taking control changes nothing for the learner; a later one is a new version.
  let controlled = Boolean(container.controller);
  updateNotice();
  container.addEventListener("message", (event) => {
    const message = event.data && typeof event.data === "object" ? event.data : {};
    if (message.type !== "install-failed") return;
    debugState({ installFailed: message.message });
    console.warn(`lederskap: a version of the site could not be kept for offline use: ${message.message}`);
  });
  container.addEventListener("controllerchange", () => {
    if (controlled) {
      showUpdated();
      // The new worker keeps what this page loaded, too, and the runtime if this visit asked for it.
      if (container.controller) cacheUrls(container.controller, loadedUrls()).catch(() => {});
      if (container.controller && runtimeWanted) {
        debugState({ runtime: "keeping" });
        askToKeepRuntime(container.controller).catch(() => {});
      }
    }
    controlled = true;
  });
  // After the page has loaded and the scorer (if the page starts one) has started:
  // the worker's files are then in the browser's cache, and nothing slows the first result.
  const start = () =>
    scorerSettled()
      .then(() => register(container))
      .catch((error) => console.warn("lederskap: offline use failed", error));
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
}
