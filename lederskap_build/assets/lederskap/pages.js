// @ts-check
// The course's browser code on every page, loaded by main.js (which first starts the
// scorer on a page that uses it).
//
// Finds the questionnaire forms on each page and mounts each form element
// once. With Material's instant navigation the page is swapped without
// reloading scripts: every new page arrives through window.document$, and
// module-level state (the scorer worker, see scorer-client.js) lives on.

import { followAnswers, markAnswered } from "./answered-marks.js";
import { pageChanged } from "./scorer-client.js";
import { startOffline } from "./offline.js";
import { mountQuestionnaire } from "./questionnaire.js";
import { buildInfo } from "./build-info.js";
import { openLocalStorage } from "./local-storage.js";
import { moveLegacyKeys, sitePathFrom } from "./storage-keys.js";

// This file lives at <site root>/assets/lederskap/pages.js.
const sitePath = sitePathFrom(import.meta.url);
// Keys of the first format are moved once, before any form reads its record.
moveLegacyKeys(openLocalStorage(), sitePath, buildInfo.course);
/** @type {WeakSet<Element>} */
const mounted = new WeakSet();

function mountAll() {
  try {
    markAnswered(sitePath);
  } catch (error) {
    // Only marks: whatever is stored, the page and its forms work without them.
    console.error("lederskap: could not mark the answered questionnaires", error);
  }
  const forms = /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll("form.lsk-questionnaire"));
  for (const form of forms) {
    if (mounted.has(form)) continue;
    mounted.add(form);
    try {
      mountQuestionnaire(form, { sitePath });
    } catch (error) {
      // One broken form must not stop the others, nor the rest of the page.
      console.error("lederskap: could not set up the questionnaire", error);
    }
  }
  // The site's own pages (the ::my-results and ::team directives): their code is loaded
  // only there, so that a questionnaire page does not download it.
  mountBlocks("div.lsk-my-results", () => import("./my-results.js").then(({ mountMyResults }) => mountMyResults));
  mountBlocks("div.lsk-team", () => import("./team-page.js").then(({ mountTeam }) => mountTeam));
}

/**
 * Mount each container of a block not mounted yet, with the code loaded on first use.
 * @param {string} selector
 * @param {() => Promise<(container: HTMLElement, options: {sitePath: string}) => void>} load
 */
function mountBlocks(selector, load) {
  const found = /** @type {NodeListOf<HTMLDivElement>} */ (document.querySelectorAll(selector));
  const containers = [...found].filter((c) => !mounted.has(c));
  if (containers.length === 0) return;
  for (const container of containers) mounted.add(container);
  load()
    .then((mount) => {
      for (const container of containers) mount(container, { sitePath });
    })
    .catch((error) => console.error(`lederskap: could not set up ${selector}`, error));
}

window.__lederskap ||= {};
window.__lederskap.sitePath = sitePath;

// Once per visit, not per page: the service worker for return visits and offline use, and
// the marks of the answered questionnaires kept up to date as answers change.
startOffline();
followAnswers(sitePath);

if (window.document$ && typeof window.document$.subscribe === "function") {
  let shown = 0;
  window.document$.subscribe(() => {
    // A page of the visit after the first (the first's scorer start is main.js's).
    if (shown++ > 0) pageChanged();
    mountAll();
  });
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll, { once: true });
} else {
  mountAll();
}
