// @ts-check
// Entry point of the course's browser code (loaded by mkdocs.yml as a module).
//
// First, on a page that uses the Python scorer, it starts the scorer's worker: Python's
// start is most of what a learner waits for, and it need not wait for the rest of the
// code. scorer-client.js imports nothing, so the worker is created as soon as this file
// and that one are loaded; pages.js, which mounts the forms and the site's own pages,
// loads meanwhile. Only the first page of a visit runs this: with Material's instant
// navigation, pages.js mounts what each later page holds, and starts the scorer there.

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

if (document.querySelector(USES_SCORER)) scorer().startForPage();

import("./pages.js").catch((error) => console.error("lederskap: the course's code could not be loaded", error));
