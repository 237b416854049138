// @ts-check
// The choice part: questions answered with one of several labelled options (not a
// scale), optionally scored per option (scorer: lederskap_scorer/parts/choice.py).
// Its fields (a radio per option, named by the question, valued by the option's
// id), its answers on the results page (each question with the option chosen),
// its CSV rows, and, when it is scored, its results (the score per question, the
// total and the mean, from the scorer).

import { h } from "../dom.js";
import { plainText, richInline } from "../rich-text.js";
import { counted, t } from "../i18n.js";
import { problemList, table } from "../result-tables.js";
import { csvValue, has } from "./common.js";

/**
 * @import { Answers, AnswersViewContext, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child, NodeChild } from "../dom.js"
 * @import { Problem } from "../result-tables.js"
 * @import { Drawn } from "../results-view.js"
 * @import { SummaryPiece } from "./index.js"
 */

/**
 * An option of a choice question (lederskap_scorer/parts/choice.py, ChoiceOption); `score`
 * is null in a question without scores.
 * @typedef {{id: string, text: string, score: number | null}} ChoiceOption
 */

/**
 * A choice question (lederskap_scorer/parts/choice.py, ChoiceQuestion).
 * @typedef {{id: string, text: string, options: ChoiceOption[], hint: string}} ChoiceQuestion
 */

/**
 * A choice part of a definition (lederskap_scorer/parts/choice.py, ChoicePart).
 * @typedef {{type: "choice", id: string, title: string, questions: ChoiceQuestion[], intro: string}} ChoicePart
 */

/**
 * A question's result (scorer/RESULTS.md; lederskap_scorer/parts/choice.py, QuestionResult).
 * @typedef {object} ChoiceQuestionResult
 * @property {string} id
 * @property {string} text
 * @property {boolean} scored
 * @property {{id: string, text: string} | null} chosen
 * @property {number | null} score
 */

/**
 * The results of a choice part (scorer/RESULTS.md; lederskap_scorer/parts/choice.py, ChoiceResult).
 * @typedef {object} ChoiceResult
 * @property {"choice"} type
 * @property {string} id
 * @property {string} title
 * @property {ChoiceQuestionResult[]} questions
 * @property {number} answered
 * @property {number} question_count
 * @property {boolean} scored
 * @property {number} scored_answered
 * @property {number} scored_count
 * @property {number | null} total
 * @property {string | null} total_display
 * @property {number | null} max_total
 * @property {string | null} max_total_display
 * @property {number | null} mean
 * @property {string | null} mean_display
 */

export const type = "choice";

/**
 * It has results of its own when it is scored: a question's options have scores (as
 * lederskap_scorer/parts/choice.py, is_scored: an option without one has `score: null`).
 * @param {ChoicePart} part
 * @returns {boolean}
 */
export function hasResults(part) {
  return (part.questions || []).some((question) =>
    (question.options || []).some((option) => typeof option.score === "number"),
  );
}

/**
 * The answer ids of the part: its questions.
 * @param {ChoicePart} part
 * @returns {string[]}
 */
export function answerIds(part) {
  return (part.questions || []).map((question) => question.id);
}

/**
 * The part's fields in the form: per question its radios, each answering the option's id.
 * @param {FormFields} formFields
 * @param {ChoicePart} part
 * @returns {FieldGroup}
 */
export function fields(formFields, part) {
  /** @type {{id: string, byValue: Map<string, HTMLInputElement>}[]} */
  const questions = [];
  for (const question of part.questions || []) {
    // Indexed by type "radio": inputs, never textareas.
    const radios = /** @type {HTMLInputElement[]} */ (formFields.inputs.named("radio", question.id));
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
        const answer = radio && formFields.radioAnswers.get(radio);
        if (answer) answers[question.id] = answer.value;
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
        const shown = has(view, question.id) ? view[question.id] : undefined;
        const target = typeof shown === "string" ? question.byValue.get(shown) : null;
        const now = checked.get(question.id);
        if (now && now !== target) now.checked = false;
        if (target && !target.checked) target.checked = true;
      }
    },
  };
}

/**
 * The text of the option chosen in answer to `question`, or why there is none.
 * @param {ChoiceQuestion} question
 * @param {Answers} answers
 * @returns {(Node | string)[]}
 */
function chosenText(question, answers) {
  if (!has(answers, question.id)) return [t("choice.unanswered")];
  const option = (question.options || []).find((candidate) => candidate.id === answers[question.id]);
  return option ? richInline(option.text) : [t("mine.not_usable")];
}

/**
 * The part's answers on the results page: each question with the option chosen, then its results box.
 * @param {ChoicePart} part
 * @param {Answers} answers
 * @param {AnswersViewContext} context
 * @returns {Child[]}
 */
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

/**
 * The part's CSV rows: one per stored answer (the option's text), then the total when scored.
 * @param {ChoicePart} part
 * @param {Answers} answers
 * @param {ChoiceResult | null} scored its results, when the scorer has computed them
 * @param {CsvRowMakers} rows
 * @returns {CsvRow[]}
 */
export function csvRows(part, answers, scored, { answerRow, scoreRow }) {
  const rows = [];
  for (const question of part.questions || []) {
    if (!has(answers, question.id)) continue;
    const option = (question.options || []).find((candidate) => candidate.id === answers[question.id]);
    rows.push(answerRow(question.id, question.text, option ? plainText(option.text) : csvValue(answers[question.id])));
  }
  if (scored && scored.scored && scored.total_display !== null) {
    rows.push(scoreRow("csv.kind_sum", part.id, part.title, scored.total_display));
  }
  return rows;
}

/**
 * The part's results (its entry of the results' `parts`) when it is scored; else none.
 * @param {ChoiceResult} part
 * @param {readonly Problem[]} problems the problems of every part's answers
 * @returns {Drawn | null}
 */
export function drawResults(part, problems) {
  if (!part.scored) return null;
  /** @type {Set<string | null>} */
  const ids = new Set(part.questions.map((question) => question.id));
  /** @type {NodeChild[]} */
  const nodes = [
    h(
      "p",
      { class: "lsk-results-summary", "data-lsk-answered": part.answered },
      counted(part.question_count, "choice.answered", { answered: part.answered, total: part.question_count }),
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
        h("td", {}, question.chosen ? richInline(question.chosen.text) : t("choice.unanswered")),
        h("td", { class: "lsk-number-cell" }, question.score === null ? t("results.no_mean") : String(question.score)),
      ),
    );
  nodes.push(
    table(t("choice.table_caption"), [t("choice.col_question"), t("choice.col_answer"), t("choice.col_score")], rows),
    problemList(problems.filter((problem) => ids.has(problem.id))),
  );
  const summary = counted(part.question_count, "choice.live", { answered: part.answered, total: part.question_count });
  return { nodes, summary };
}

/**
 * The part's results hold no texts the learner wrote.
 * @returns {boolean}
 */
export function ownWords() {
  return false;
}

/**
 * The part in the summary for a conversation: each answered question with the option chosen,
 * and the total when it is scored.
 * @param {ChoiceResult} part
 * @returns {SummaryPiece | null}
 */
export function summaryView(part) {
  const answered = part.questions.filter((question) => question.chosen !== null);
  if (answered.length === 0) return null;
  const rows = answered.map((question) =>
    h(
      "tr",
      { "data-lsk-question": question.id },
      h("th", { scope: "row" }, question.text),
      h("td", {}, question.chosen ? richInline(question.chosen.text) : null),
    ),
  );
  return {
    lead: false,
    nodes: [
      table(part.title, [t("choice.col_question"), t("choice.col_answer")], rows),
      part.scored && part.total_display !== null
        ? h("p", {}, t("choice.total", { total: part.total_display, max: part.max_total_display }))
        : null,
    ],
  };
}
