// @ts-check
// Starts the scorer's worker as early as a page can. Python's start is most of what a
// learner waits for, and the course's code (main.js) runs only after Material's script at
// the end of the page. This module is loaded from the page's head instead (templates/main.html,
// async): it watches the page being parsed and starts the scorer as soon as an element that
// uses it is there. main.js imports it too, which runs it if a page's head did not.
// Only the first page of a visit runs it: with Material's instant navigation, pages.js
// mounts what each later page holds, and starts the scorer there.

import { scorer } from "./scorer-client.js";

/**
 * What starts the scorer once pages.js mounts it: a questionnaire with results
 * (questionnaire.js), the results page of a course with questionnaires (my-results.js),
 * the team page (team-page.js).
 */
const USES_SCORER = [
  "form.lsk-questionnaire [data-lsk-results]",
  "div.lsk-my-results .lsk-my-results-questionnaire",
  "div.lsk-team",
].join(", ");

const usesScorer = () => document.querySelector(USES_SCORER) !== null;

if (usesScorer()) {
  scorer().startForPage();
} else if (document.readyState === "loading") {
  const observer = new MutationObserver(() => {
    if (!usesScorer()) return;
    observer.disconnect();
    scorer().startForPage();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => observer.disconnect(), { once: true });
}
