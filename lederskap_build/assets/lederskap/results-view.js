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

class PartResults {
  constructor(section) {
    this.section = section;
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

  show(nodes, summary) {
    replaceChildren(this.body, nodes);
    this.section.dataset.lskState = "shown";
    if (this.live.textContent !== summary) this.live.textContent = summary;
  }
}

export class ResultsView {
  constructor(form) {
    this.parts = new Map();
    for (const section of form.querySelectorAll("[data-lsk-results]")) {
      this.parts.set(section.dataset.lskResults, new PartResults(section));
    }
  }

  /** Remove every result shown (back to the placeholders the build rendered). */
  reset() {
    for (const part of this.parts.values()) part.reset();
  }

  /** Render `results` (the parsed results JSON) into every results container it has a part for. */
  render(results) {
    const problems = Array.isArray(results.problems) ? results.problems : [];
    for (const part of results.parts || []) {
      const target = this.parts.get(part.id);
      const drawn = target ? partKind(part.type).drawResults(part, problems) : null;
      if (target && drawn) target.show(drawn.nodes, drawn.summary);
    }
  }
}
