// @ts-check
// Entry point of the course's browser code (loaded by mkdocs.yml as a module).
//
// The scorer's worker is started by scorer-start.js, which the page's head loads first
// (imported here too, for a page whose head did not). pages.js mounts the forms and the
// site's own pages, on this page and on each page Material's instant navigation shows.

import "./scorer-start.js";

import("./pages.js").catch((error) => console.error("lederskap: the course's code could not be loaded", error));
