// The choice part: questions answered with one of several labelled options (not a
// scale), optionally scored per option (scorer: lederskap_scorer/parts/choice.py).
// Its fields (a radio per option, named by the question, valued by the option's
// id), its answers on the results page (each question with the option chosen),
// its CSV rows, and, when it is scored, its results (the score per question, the
// total and the mean, from the scorer).

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { problemList, table } from "../result-tables.js";
import { csvValue, has } from "./common.js";

export const type = "choice";
/** It has results of its own when it is scored: a question's options have scores. */
export function hasResults(part) {
  return (part.questions || []).some((question) => (question.options || []).some((option) => "score" in option));
}

/** The answer ids of the part: its questions. */
export function answerIds(part) {
  return (part.questions || []).map((question) => question.id);
}

/** The part's fields in the form: per question its radios, each answering the option's id. */
export function fields(formFields, part) {
  const questions = [];
  for (const question of part.questions || []) {
    const radios = formFields.inputs.named("radio", question.id);
    if (!radios.length) continue;
    const byValue = new Map(radios.map((radio) => [radio.value, radio]));
    for (const radio of radios) formFields.radioAnswers.set(radio, { id: question.id, value: radio.value });
    questions.push({ id: question.id, byValue });
  }
  return {
    ids: questions.map((question) => question.id),
    read(answers, { checked }) {
      for (const question of questions) {
        const radio = checked.get(question.id);
        if (radio) answers[question.id] = formFields.radioAnswers.get(radio).value;
      }
    },
    view(answers, into) {
      for (const question of questions) {
        const given = has(answers, question.id) ? answers[question.id] : undefined;
        if (typeof given === "string" && question.byValue.has(given)) into[question.id] = given;
      }
    },
    write(view, wanted, { checked }) {
      for (const question of questions) {
        if (!wanted(question.id)) continue;
        const target = has(view, question.id) ? question.byValue.get(view[question.id]) : null;
        const now = checked.get(question.id);
        if (now && now !== target) now.checked = false;
        if (target && !target.checked) target.checked = true;
      }
    },
  };
}

function chosenText(question, answers) {
  if (!has(answers, question.id)) return t("choice.unanswered");
  const option = (question.options || []).find((candidate) => candidate.id === answers[question.id]);
  return option ? option.text : t("mine.not_usable");
}

/** The part's answers on the results page: each question with the option chosen, then its results box. */
export function answersView(part, answers, { resultsBox }) {
  return [
    h(
      "dl",
      { class: "lsk-my-texts lsk-my-choices" },
      (part.questions || []).map((question) => [
        h("dt", {}, question.text),
        h("dd", { "data-lsk-question": question.id }, chosenText(question, answers)),
      ]),
    ),
    hasResults(part) ? resultsBox(part.id) : null,
  ];
}

/** The part's CSV rows: one per stored answer (the option's text), then the total when scored. */
export function csvRows(part, answers, scored, { answerRow, scoreRow }) {
  const rows = [];
  for (const question of part.questions || []) {
    if (!has(answers, question.id)) continue;
    const option = (question.options || []).find((candidate) => candidate.id === answers[question.id]);
    rows.push(answerRow(question.id, question.text, option ? option.text : csvValue(answers[question.id])));
  }
  if (scored && scored.scored && scored.total_display !== null) {
    rows.push(scoreRow("csv.kind_sum", part.id, part.title, scored.total_display));
  }
  return rows;
}

/** The part's results (its entry of the results' `parts`) when it is scored; else none. */
export function drawResults(part, problems) {
  if (!part.scored) return null;
  const ids = new Set(part.questions.map((question) => question.id));
  const nodes = [
    h(
      "p",
      { class: "lsk-results-summary", "data-lsk-answered": part.answered },
      t("choice.answered", { answered: part.answered, total: part.question_count }),
    ),
  ];
  if (part.total_display === null) {
    nodes.push(h("p", { class: "lsk-results-empty" }, t("choice.none_answered")));
  } else {
    nodes.push(
      h("p", { "data-lsk-total": part.total }, t("choice.total", { total: part.total_display, max: part.max_total_display })),
      h("p", {}, t("choice.mean", { mean: part.mean_display })),
    );
  }
  const rows = part.questions
    .filter((question) => question.scored)
    .map((question) =>
      h(
        "tr",
        { "data-lsk-question": question.id },
        h("th", { scope: "row" }, question.text),
        h("td", {}, question.chosen ? question.chosen.text : t("choice.unanswered")),
        h("td", { class: "lsk-number-cell" }, question.score === null ? t("results.no_mean") : String(question.score)),
      ),
    );
  nodes.push(
    table(t("choice.table_caption"), [t("choice.col_question"), t("choice.col_answer"), t("choice.col_score")], rows),
    problemList(problems.filter((problem) => ids.has(problem.id))),
  );
  return { nodes, summary: t("choice.live", { answered: part.answered, total: part.question_count }) };
}
