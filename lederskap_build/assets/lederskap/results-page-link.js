// @ts-check
// Sentences of a form that send the learner to their results page ("Mine resultater":
// the page with ::my-results, where snapshots are compared and files imported), with a
// link to it. The build writes where that page is (buildInfo.myResults); in a course
// without one, such a sentence is left out rather than naming a page that does not exist.

import { buildInfo } from "./build-info.js";
import { h } from "./dom.js";
import { tNodes } from "./i18n.js";

/**
 * The message `key` with its `{page}` a link to the learner's results page, as texts and
 * nodes (for h() or replaceChildren()); none when the course has no such page.
 * @param {string} key
 * @param {string} sitePath the site's path ("/kurs/"), which the page's address is relative to
 * @returns {(string | Node)[]}
 */
export function resultsPageSentence(key, sitePath) {
  const target = buildInfo.myResults;
  if (!target) return [];
  const link = h("a", { href: `${sitePath}${target.page}`, "data-lsk-results-page-link": true }, target.title);
  return tNodes(key, { page: link });
}
