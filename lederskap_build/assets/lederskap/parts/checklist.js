// @ts-check
// The checklist part: options to tick, and an optional summary field (scorer:
// lederskap_scorer/parts/checklist.py). Its fields (a checkbox per option named by
// the part, the summary's textarea), its answers on the results page (the ticked
// options, the summary), its CSV rows. It has no results of its own.

import { h } from "../dom.js";
import { plainText, richInline } from "../rich-text.js";
import { t } from "../i18n.js";
import { has } from "./common.js";
import { textAnswers, textFields, textRows, writtenTexts } from "./text.js";

/**
 * @import { Answers, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child } from "../dom.js"
 * @import { SummaryPiece } from "./index.js"
 * @import { TextAnswer, TextField } from "./text.js"
 */

/**
 * An option to tick (lederskap_scorer/parts/shared.py, Option; also an allocation's row or column).
 * @typedef {{id: string, text: string}} Option
 */

/**
 * A checklist part of a definition (lederskap_scorer/parts/checklist.py, ChecklistPart).
 * @typedef {object} ChecklistPart
 * @property {"checklist"} type
 * @property {string} id
 * @property {string} title
 * @property {Option[]} options
 * @property {string} intro
 * @property {TextField | null} summary
 */

/**
 * The results of a checklist part (scorer/RESULTS.md; lederskap_scorer/parts/checklist.py,
 * ChecklistResult): nothing to draw.
 * @typedef {object} ChecklistResult
 * @property {"checklist"} type
 * @property {string} id
 * @property {string} title
 * @property {{id: string, text: string}[]} chosen
 * @property {TextAnswer | null} summary
 */

export const type = "checklist";
/** It has no results of its own. */
export const hasResults = false;

/**
 * The answer ids of the part: the part itself (the ticked options) and its summary field.
 * @param {ChecklistPart} part
 * @returns {string[]}
 */
export function answerIds(part) {
  return part.summary ? [part.id, part.summary.id] : [part.id];
}

/**
 * The part's fields in the form.
 * @param {FormFields} formFields
 * @param {ChecklistPart} part
 * @returns {FieldGroup}
 */
export function fields(formFields, part) {
  // Indexed by type "checkbox": inputs, never textareas.
  const boxes = /** @type {HTMLInputElement[]} */ (formFields.inputs.named("checkbox", part.id));
  const summary = textFields(formFields, part.summary ? [part.summary] : []);
  const ticks = boxes.length ? [part.id] : [];
  return {
    ids: [...ticks, ...summary.ids],
    read(answers, state) {
      const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
      if (ticked.length) answers[part.id] = ticked;
      summary.read(answers, state);
    },
    view(answers, into) {
      const given = has(answers, part.id) ? answers[part.id] : undefined;
      if (boxes.length && Array.isArray(given)) {
        const ticked = boxes.map((box) => box.value).filter((option) => given.includes(option));
        if (ticked.length) into[part.id] = ticked;
      }
      summary.view(answers, into);
    },
    write(view, wanted, state) {
      if (boxes.length && wanted(part.id)) {
        const shown = view[part.id];
        const ticked = Array.isArray(shown) ? shown : [];
        for (const box of boxes) box.checked = ticked.includes(box.value);
      }
      summary.write(view, wanted, state);
    },
  };
}

/**
 * The part's answers on the results page: the ticked options, then the summary.
 * @param {ChecklistPart} part
 * @param {Answers} answers
 * @returns {Child[]}
 */
export function answersView(part, answers) {
  const given = answers[part.id];
  /** @type {unknown[]} */
  const chosen = Array.isArray(given) ? given : [];
  const options = (part.options || []).filter((option) => chosen.includes(option.id));
  return [
    options.length
      ? h("ul", { class: "lsk-my-chosen" }, options.map((option) => h("li", {}, richInline(option.text))))
      : h("p", { class: "lsk-results-empty" }, t("mine.nothing_chosen")),
    part.summary ? textAnswers([part.summary], answers) : null,
  ];
}

/**
 * The part's CSV rows: the ticked options in one row, then the summary.
 * @param {ChecklistPart} part
 * @param {Answers} answers
 * @param {unknown} scored its results (not in the CSV)
 * @param {CsvRowMakers} rows
 * @returns {CsvRow[]}
 */
export function csvRows(part, answers, scored, { answerRow }) {
  const rows = [];
  if (has(answers, part.id)) {
    const given = answers[part.id];
    /** @type {unknown[]} */
    const chosen = Array.isArray(given) ? given : [];
    /** @type {Map<unknown, string>} an option's text by its id (a stored value may be anything) */
    const texts = new Map((part.options || []).map((option) => [option.id, plainText(option.text)]));
    rows.push(answerRow(part.id, part.title, chosen.map((id) => texts.get(id) || id).join("; ")));
  }
  return [...rows, ...textRows(part.summary ? [part.summary] : [], answers, answerRow)];
}

/**
 * The part has no results of its own.
 * @returns {null}
 */
export function drawResults() {
  return null;
}

/**
 * Whether the part's results hold a text the learner wrote: its answered summary.
 * @param {ChecklistResult} part
 * @returns {boolean}
 */
export function ownWords(part) {
  return part.summary !== null;
}

/**
 * The part in the summary for a conversation: what the learner ticked, and their summary when
 * they chose to include it.
 * @param {ChecklistResult} part
 * @param {{ownWords: boolean}} options
 * @returns {SummaryPiece | null}
 */
export function summaryView(part, { ownWords: include }) {
  const summary = include ? part.summary : null;
  if (part.chosen.length === 0 && !summary) return null;
  return {
    lead: true,
    nodes: [
      h("h4", { class: "lsk-summary-part" }, part.title),
      part.chosen.length
        ? h("ul", { class: "lsk-my-chosen" }, part.chosen.map((option) => h("li", {}, richInline(option.text))))
        : null,
      summary ? writtenTexts([summary]) : null,
    ],
  };
}
