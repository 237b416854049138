// @ts-check
// Pieces every question type's results are drawn with (parts/<type>.js): a table
// that stays a table on a phone, the list of answers the scorer could not use,
// and a list of names in words.

import { h } from "./dom.js";
import { t } from "./i18n.js";

/** @import { Child } from "./dom.js" */

/**
 * A problem of the answers (scorer/RESULTS.md, "Problem"; lederskap_scorer/answers.py,
 * AnswerProblem): a code and its values, worded by the catalogue's `problem.<code>`.
 * @typedef {object} Problem
 * @property {string | null} id the answer's id (null: the answers as a whole)
 * @property {string | null} sub_id an allocation cell's column, a checklist's option
 * @property {string} code
 * @property {Record<string, string>} values
 */

/**
 * Names as a list in words: "a", "a and b", "a, b and c".
 * @param {readonly string[]} names
 * @returns {string}
 */
export function joinNames(names) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${t("results.list_and")} ${names.at(-1)}`;
}

// On a narrow screen the stylesheet shows each row of a results table as a block
// (no table wider than a phone): every data cell is labelled with its column's
// heading from data-lsk-label, and the explicit roles keep the table a table for
// screen readers whatever its CSS display.
/** @type {Readonly<Record<string, string>>} */
const ROLES = { TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TFOOT: "rowgroup", TR: "row", TD: "cell" };

/**
 * @param {HTMLTableElement} element
 * @param {readonly string[]} head the columns' headings
 * @returns {HTMLTableElement}
 */
function keepTableSemantics(element, head) {
  for (const node of [element, ...element.querySelectorAll("*")]) {
    const role =
      node instanceof HTMLTableCellElement && node.tagName === "TH"
        ? node.scope === "row"
          ? "rowheader"
          : "columnheader"
        : ROLES[node.tagName];
    if (role) node.setAttribute("role", role);
    if (node instanceof HTMLTableRowElement) {
      [...node.cells].forEach((cell, index) => {
        if (cell.tagName === "TD" && head[index]) cell.dataset.lskLabel = head[index];
      });
    }
  }
  return element;
}

/**
 * A results table in its scrolling wrapper: a caption, a row of column headings, the rows
 * (and a footer row), which stays a table on a narrow screen.
 * @param {string} caption
 * @param {readonly string[]} head the columns' headings
 * @param {readonly Child[]} rows the body's rows (tr elements)
 * @param {Child} [foot] the footer's row
 * @param {import("./dom.js").Attributes} [attrs] more attributes of the table (a class is added to lsk-table)
 * @returns {HTMLDivElement}
 */
export function table(caption, head, rows, foot = null, attrs = {}) {
  const classes = ["lsk-table", attrs.class].filter(Boolean).join(" ");
  return h(
    "div",
    { class: "lsk-table-wrap" },
    keepTableSemantics(
      h(
        "table",
        { ...attrs, class: classes },
        h("caption", {}, caption),
        h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
        h("tbody", {}, rows),
        foot ? h("tfoot", {}, foot) : null,
      ),
      head,
    ),
  );
}

/**
 * An answer problem of the results (scorer/RESULTS.md, "Problem") in words: the
 * scorer gives a code and its values, the catalogue the sentence.
 */
/**
 * @param {{code: string, values?: Readonly<Record<string, string>> | null}} problem
 * @returns {string}
 */
export function problemText(problem) {
  return t(`problem.${problem.code}`, problem.values || {});
}

/**
 * The problems of the answers as a list under a heading; none: nothing.
 * @param {readonly Problem[]} problems
 * @returns {HTMLDivElement | null}
 */
export function problemList(problems) {
  if (!problems.length) return null;
  return h(
    "div",
    { class: "lsk-problems" },
    h("h4", {}, t("results.problems_heading")),
    h("ul", {}, problems.map((problem) => h("li", { "data-lsk-problem": problem.code }, problemText(problem)))),
  );
}

