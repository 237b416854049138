// The checklist part: options to tick, and an optional summary field (scorer:
// lederskap_scorer/parts/checklist.py). Its fields (a checkbox per option named by
// the part, the summary's textarea), its answers on the results page (the ticked
// options, the summary), its CSV rows. It has no results of its own.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { has } from "./common.js";
import { textAnswers, textFields, textRows } from "./text.js";

export const type = "checklist";
/** It has no results of its own. */
export const hasResults = false;

/** The answer ids of the part: the part itself (the ticked options) and its summary field. */
export function answerIds(part) {
  return part.summary ? [part.id, part.summary.id] : [part.id];
}

/** The part's fields in the form. */
export function fields(formFields, part) {
  const boxes = formFields.inputs.named("checkbox", part.id);
  const summary = textFields(formFields, part.summary ? [part.summary] : []);
  const ticks = boxes.length ? [part.id] : [];
  return {
    ids: [...ticks, ...summary.ids],
    read(answers) {
      const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
      if (ticked.length) answers[part.id] = ticked;
      summary.read(answers);
    },
    view(answers, into) {
      const given = has(answers, part.id) ? answers[part.id] : undefined;
      if (boxes.length && Array.isArray(given)) {
        const ticked = boxes.map((box) => box.value).filter((option) => given.includes(option));
        if (ticked.length) into[part.id] = ticked;
      }
      summary.view(answers, into);
    },
    write(view, wanted) {
      if (boxes.length && wanted(part.id)) {
        const ticked = view[part.id] || [];
        for (const box of boxes) box.checked = ticked.includes(box.value);
      }
      summary.write(view, wanted);
    },
  };
}

/** The part's answers on the results page: the ticked options, then the summary. */
export function answersView(part, answers) {
  const chosen = Array.isArray(answers[part.id]) ? answers[part.id] : [];
  const options = (part.options || []).filter((option) => chosen.includes(option.id));
  return [
    options.length
      ? h("ul", { class: "lsk-my-chosen" }, options.map((option) => h("li", {}, option.text)))
      : h("p", { class: "lsk-results-empty" }, t("mine.nothing_chosen")),
    part.summary ? textAnswers([part.summary], answers) : null,
  ];
}

/** The part's CSV rows: the ticked options in one row, then the summary. */
export function csvRows(part, answers, scored, { answerRow }) {
  const rows = [];
  if (has(answers, part.id)) {
    const chosen = Array.isArray(answers[part.id]) ? answers[part.id] : [];
    const texts = new Map((part.options || []).map((option) => [option.id, option.text]));
    rows.push(answerRow(part.id, part.title, chosen.map((id) => texts.get(id) || id).join("; ")));
  }
  return [...rows, ...textRows(part.summary ? [part.summary] : [], answers, answerRow)];
}

/** The part has no results of its own. */
export function drawResults() {
  return null;
}
