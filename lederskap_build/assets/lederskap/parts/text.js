// The text part: fields the learner writes in (scorer: lederskap_scorer/parts/text.py).
// Its fields (a textarea each), its answers on the results page (the texts as
// written), its CSV rows. It has no results of its own. `textFields` also serves
// the checklist's summary field.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { csvValue, has } from "./common.js";

export const type = "text";
/** It has no results of its own. */
export const hasResults = false;

/** The answer ids of the part: its fields. */
export function answerIds(part) {
  return (part.fields || []).map((field) => field.id);
}

/** A textarea keeps its line breaks as "\n" whatever they were. */
export function lineBreaks(text) {
  return text.replace(/\r\n?/g, "\n");
}

/** Fields of text (a textarea each, a blank one is no answer), by their definitions ({id, label}). */
export function textFields(formFields, definitions) {
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
      for (const field of texts) if (wanted(field.id)) field.element.value = view[field.id] ?? "";
    },
  };
}

/** The part's fields in the form. */
export function fields(formFields, part) {
  return textFields(formFields, part.fields || []);
}

/** The part's answers on the results page: each field's text as written. */
export function answersView(part, answers) {
  return [textAnswers(part.fields || [], answers)];
}

export function textAnswers(fields, answers) {
  return h(
    "dl",
    { class: "lsk-my-texts" },
    fields.map((field) => {
      const text = typeof answers[field.id] === "string" && answers[field.id].trim() ? answers[field.id] : null;
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


/** The CSV rows of text fields: one per stored answer. */
export function textRows(definitions, answers, answerRow) {
  return definitions.filter((field) => has(answers, field.id)).map((field) => answerRow(field.id, field.label, csvValue(answers[field.id])));
}

/** The part's CSV rows. */
export function csvRows(part, answers, scored, { answerRow }) {
  return textRows(part.fields || [], answers, answerRow);
}

/** The part has no results of its own. */
export function drawResults() {
  return null;
}
