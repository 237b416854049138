// @ts-check
// The text part: fields the learner writes in (scorer: lederskap_scorer/parts/text.py).
// Its fields (a textarea each), its answers on the results page (the texts as
// written), its CSV rows. It has no results of its own. `textFields` also serves
// the checklist's summary field.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { csvValue, has } from "./common.js";

/**
 * @import { Answers, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child } from "../dom.js"
 * @import { SummaryPiece } from "./index.js"
 */

/**
 * A field the learner writes in (lederskap_scorer/parts/shared.py, TextField): a text part's
 * field, a checklist's summary.
 * @typedef {{id: string, label: string, hint: string, rows: number}} TextField
 */

/**
 * A text part of a definition (lederskap_scorer/parts/text.py, TextPart).
 * @typedef {{type: "text", id: string, title: string, fields: TextField[], intro: string}} TextPart
 */

/**
 * A text field's answer as written (lederskap_scorer/parts/shared.py, TextAnswer).
 * @typedef {{id: string, label: string, text: string}} TextAnswer
 */

/**
 * The results of a text part (scorer/RESULTS.md; lederskap_scorer/parts/text.py, TextResult): nothing to draw.
 * @typedef {{type: "text", id: string, title: string, fields: TextAnswer[]}} TextResult
 */

export const type = "text";
/** It has no results of its own. */
export const hasResults = false;

/**
 * The answer ids of the part: its fields.
 * @param {TextPart} part
 * @returns {string[]}
 */
export function answerIds(part) {
  return (part.fields || []).map((field) => field.id);
}

/**
 * A textarea keeps its line breaks as "\n" whatever they were.
 * @param {string} text
 * @returns {string}
 */
export function lineBreaks(text) {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Fields of text (a textarea each, a blank one is no answer), by their definitions.
 * @param {FormFields} formFields
 * @param {readonly Pick<TextField, "id">[]} definitions
 * @returns {FieldGroup}
 */
export function textFields(formFields, definitions) {
  /** @type {{id: string, element: HTMLInputElement | HTMLTextAreaElement}[]} */
  const texts = [];
  for (const field of definitions) {
    const [element] = formFields.inputs.named("textarea", field.id);
    if (element) texts.push({ id: field.id, element });
  }
  return {
    ids: texts.map((field) => field.id),
    read(answers) {
      for (const field of texts) if (field.element.value !== "") answers[field.id] = field.element.value;
    },
    view(answers, into) {
      for (const field of texts) {
        const given = has(answers, field.id) ? answers[field.id] : undefined;
        if (typeof given === "string" && given !== "") into[field.id] = lineBreaks(given);
      }
    },
    write(view, wanted) {
      for (const field of texts) {
        if (!wanted(field.id)) continue;
        const shown = view[field.id];
        field.element.value = typeof shown === "string" ? shown : "";
      }
    },
  };
}

/**
 * The part's fields in the form.
 * @param {FormFields} formFields
 * @param {TextPart} part
 * @returns {FieldGroup}
 */
export function fields(formFields, part) {
  return textFields(formFields, part.fields || []);
}

/**
 * The part's answers on the results page: each field's text as written.
 * @param {TextPart} part
 * @param {Answers} answers
 * @returns {Child[]}
 */
export function answersView(part, answers) {
  return [textAnswers(part.fields || [], answers)];
}

/**
 * Text fields with their answers as written, for the results page.
 * @param {readonly Pick<TextField, "id" | "label">[]} fields
 * @param {Answers} answers
 * @returns {HTMLDListElement}
 */
export function textAnswers(fields, answers) {
  return h(
    "dl",
    { class: "lsk-my-texts" },
    fields.map((field) => {
      const given = answers[field.id];
      const text = typeof given === "string" && given.trim() ? given : null;
      return [
        h("dt", {}, field.label),
        h(
          "dd",
          { class: text ? "lsk-my-text" : "lsk-results-empty", "data-lsk-field": field.id },
          text ?? t("mine.unanswered_item"),
        ),
      ];
    }),
  );
}

/**
 * The CSV rows of text fields: one per stored answer.
 * @param {readonly Pick<TextField, "id" | "label">[]} definitions
 * @param {Answers} answers
 * @param {CsvRowMakers["answerRow"]} answerRow
 * @returns {CsvRow[]}
 */
export function textRows(definitions, answers, answerRow) {
  return definitions.filter((field) => has(answers, field.id)).map((field) => answerRow(field.id, field.label, csvValue(answers[field.id])));
}

/**
 * The part's CSV rows.
 * @param {TextPart} part
 * @param {Answers} answers
 * @param {unknown} scored its results (it has none)
 * @param {CsvRowMakers} rows
 * @returns {CsvRow[]}
 */
export function csvRows(part, answers, scored, { answerRow }) {
  return textRows(part.fields || [], answers, answerRow);
}

/**
 * The part has no results of its own.
 * @returns {null}
 */
export function drawResults() {
  return null;
}

/**
 * Whether the part's results hold texts the learner wrote: any answered field.
 * @param {TextResult} part
 * @returns {boolean}
 */
export function ownWords(part) {
  return part.fields.length > 0;
}

/**
 * The part in the summary for a conversation: its answered fields as written, only when the
 * learner chose to include them (reflections are private unless they say otherwise).
 * @param {TextResult} part
 * @param {{ownWords: boolean}} options
 * @returns {SummaryPiece | null}
 */
export function summaryView(part, { ownWords: include }) {
  if (!include || part.fields.length === 0) return null;
  return { lead: true, nodes: [h("h4", { class: "lsk-summary-part" }, part.title), writtenTexts(part.fields)] };
}

/**
 * Answered text fields as the learner wrote them (the scorer's results list only answered ones).
 * @param {readonly TextAnswer[]} answers
 * @returns {HTMLDListElement}
 */
export function writtenTexts(answers) {
  return h(
    "dl",
    { class: "lsk-my-texts" },
    answers.map((answer) => [
      h("dt", {}, answer.label),
      h("dd", { class: "lsk-my-text", "data-lsk-field": answer.id }, answer.text),
    ]),
  );
}
