// @ts-check
// Showing the scorer's results (format: scorer/RESULTS.md) in the results
// containers the build placed after the parts that have results
// (section.lsk-results[data-lsk-results=<part id>] > [data-lsk-results-body]).
// Each question type draws its own (parts/<type>.js, `drawResults`).
//
// Numbers are shown with the scorer's display strings ("3,7"), never
// re-formatted. Every chart has a table with the same numbers. A short summary
// is announced politely when it changes; the tables themselves are not live.

import { h, replaceChildren } from "./dom.js";
import { partKind } from "./parts/index.js";

/**
 * @import { NodeChild } from "./dom.js"
 * @import { Problem } from "./result-tables.js"
 * @import { SnapshotPart } from "./snapshots.js"
 */

/**
 * A part's results drawn (a question type's `drawResults`): the nodes, and a short summary
 * announced when it changes.
 * @typedef {{nodes: NodeChild[], summary: string}} Drawn
 */

/**
 * A part's entry of the results' `parts`: the question types' union, declared with their
 * registry (parts/index.js); named here too for the modules that take it with Results.
 * @typedef {import("./parts/index.js").PartResult} PartResult
 */

/**
 * The scorer's results of a questionnaire's answers (scorer/RESULTS.md; lederskap_scorer/results.py, Results).
 * @typedef {object} Results
 * @property {number} results_format
 * @property {{id: string, version: number, title: string}} questionnaire
 * @property {string} language
 * @property {{answered: string[], unanswered: string[], not_in_questionnaire: string[], unusable: string[]}} answers
 * @property {Problem[]} problems
 * @property {PartResult[]} parts
 * @property {SnapshotPart[]} snapshot_scores what a snapshot keeps of the scores
 */

class PartResults {
  /** @param {HTMLElement} section a results container ([data-lsk-results]) */
  constructor(section) {
    this.section = section;
    /** @type {Element} */
    this.body = section.querySelector("[data-lsk-results-body]") || section;
    this.live = h("p", { class: "lsk-visually-hidden lsk-results-live", "aria-live": "polite" });
    this.section.append(this.live);
    this.placeholder = [...this.body.childNodes].map((node) => node.cloneNode(true));
  }

  /** Back to what the build rendered (no results yet). */
  reset() {
    replaceChildren(this.body, this.placeholder.map((node) => node.cloneNode(true)));
    delete this.section.dataset.lskState;
  }

  /**
   * @param {readonly NodeChild[]} nodes
   * @param {string} summary
   */
  show(nodes, summary) {
    replaceChildren(this.body, nodes);
    this.section.dataset.lskState = "shown";
    if (this.live.textContent !== summary) this.live.textContent = summary;
  }
}

export class ResultsView {
  /** @param {ParentNode} form a questionnaire form, or a questionnaire's box on the results page */
  constructor(form) {
    /** @type {Map<string, PartResults>} by the part's id */
    this.parts = new Map();
    const sections = /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll("[data-lsk-results]"));
    for (const section of sections) {
      // The selector guarantees the attribute.
      this.parts.set(/** @type {string} */ (section.dataset.lskResults), new PartResults(section));
    }
  }

  /** Remove every result shown (back to the placeholders the build rendered). */
  reset() {
    for (const part of this.parts.values()) part.reset();
  }

  /**
   * Render `results` (the parsed results JSON) into every results container it has a part for.
   * @param {Results} results
   */
  render(results) {
    const problems = Array.isArray(results.problems) ? results.problems : [];
    for (const part of results.parts || []) {
      const target = this.parts.get(part.id);
      const drawn = target ? partKind(part.type).drawResults(part, problems) : null;
      if (target && drawn) target.show(drawn.nodes, drawn.summary);
    }
  }
}
