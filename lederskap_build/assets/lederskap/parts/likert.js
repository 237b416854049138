// @ts-check
// The likert part: statements on the questionnaire's scale, grouped in dimensions
// (scorer: lederskap_scorer/parts/likert.py). Its fields (one radio per point and
// statement), its answers on the results page, its CSV rows and its results (the
// means per dimension as a chart and a table, bands, the overall profile and the
// suggestions).

import { scaleBarChart } from "../charts.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { joinNames, problemList, table } from "../result-tables.js";
import { csvValue, has } from "./common.js";

/**
 * @import { Answers, AnswersViewContext, Band, Definition, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child, NodeChild } from "../dom.js"
 * @import { Problem } from "../result-tables.js"
 * @import { Drawn } from "../results-view.js"
 */

/**
 * A statement (lederskap_scorer/parts/likert.py, Item).
 * @typedef {{id: string, text: string, reverse: boolean}} Item
 */

/**
 * A dimension: statements measuring one thing (lederskap_scorer/parts/likert.py, Dimension).
 * @typedef {{id: string, title: string, items: Item[], description: string, bands: Band[]}} Dimension
 */

/**
 * A likert part of a definition (lederskap_scorer/parts/likert.py, LikertPart).
 * @typedef {object} LikertPart
 * @property {"likert"} type
 * @property {string} id
 * @property {string} title
 * @property {Dimension[]} dimensions
 * @property {string} intro
 * @property {number} suggestions how many development areas and strengths to suggest
 */

/**
 * A statement's inputs in the form: its radios, each by its value.
 * @typedef {object} LikertItemFields
 * @property {string} id
 * @property {string} text the statement
 * @property {HTMLElement} fieldset where its radios are (its clear button goes there too)
 * @property {HTMLInputElement[]} radios
 * @property {Map<string, HTMLInputElement>} byValue
 */

/**
 * A statement's result (scorer/RESULTS.md; lederskap_scorer/parts/likert.py, ItemResult).
 * @typedef {{id: string, text: string, reverse: boolean, answer: number | null, score: number | null}} ItemResult
 */

/**
 * A dimension's result (lederskap_scorer/parts/likert.py, DimensionResult).
 * @typedef {object} DimensionResult
 * @property {string} id
 * @property {string} title
 * @property {"scored" | "not-enough-answers"} status
 * @property {number} answered
 * @property {number} item_count
 * @property {number | null} mean
 * @property {string | null} mean_display
 * @property {[number, number] | null} mean_exact the exact mean as numerator and denominator
 * @property {{label: string, text: string} | null} band
 * @property {ItemResult[]} items
 */

/**
 * The profile across a part's dimensions (lederskap_scorer/parts/likert.py, OverallResult).
 * @typedef {object} OverallResult
 * @property {number | null} mean_of_dimensions
 * @property {string | null} mean_of_dimensions_display
 * @property {number} dimensions_scored
 * @property {number} dimension_count
 * @property {number | null} mean_of_items
 * @property {string | null} mean_of_items_display
 * @property {number} items_answered
 * @property {number} item_count
 */

/**
 * A suggested development area or strength (lederskap_scorer/parts/likert.py, SuggestedDimension).
 * @typedef {{id: string, title: string, mean: number, mean_display: string, items: ItemResult[]}} SuggestedDimension
 */

/** @typedef {"development_areas" | "strengths"} Side */

/**
 * Dimensions with the same mean across the cut-off of one side (lederskap_scorer/parts/likert.py, Tie).
 * @typedef {object} Tie
 * @property {Side} applies_to
 * @property {number} mean
 * @property {string} mean_display
 * @property {string[]} dimensions
 * @property {string[]} included
 * @property {string[]} left_out
 */

/**
 * Development areas and strengths (lederskap_scorer/parts/likert.py, Suggestions).
 * @typedef {object} Suggestions
 * @property {"suggested" | "turned-off" | "no-scored-dimensions" | "too-few-scored-dimensions"} status
 * @property {number} requested
 * @property {number} per_side
 * @property {SuggestedDimension[]} development_areas
 * @property {SuggestedDimension[]} strengths
 * @property {Tie[]} ties
 */

/**
 * The results of a likert part (scorer/RESULTS.md; lederskap_scorer/parts/likert.py, LikertResult).
 * @typedef {object} LikertResult
 * @property {"likert"} type
 * @property {string} id
 * @property {string} title
 * @property {{min: number, max: number}} scale
 * @property {DimensionResult[]} dimensions
 * @property {OverallResult} overall
 * @property {Suggestions} suggestions
 */

export const type = "likert";
/** It has results of its own (drawResults). */
export const hasResults = true;

/**
 * The answer ids of the part: its statements.
 * @param {LikertPart} part
 * @returns {string[]}
 */
export function answerIds(part) {
  return (part.dimensions || []).flatMap((dimension) => (dimension.items || []).map((item) => item.id));
}

/**
 * The part's fields in the form: per statement its radios, each radio by its value, read
 * once (reading every radio's value and state on each save would cost a long form a tenth
 * of a second and more). `checked` (from FormFields.checkedRadios) is read once per pass.
 * @param {FormFields} formFields
 * @param {LikertPart} part
 * @returns {FieldGroup}
 */
export function fields(formFields, part) {
  /** @type {LikertItemFields[]} */
  const items = [];
  for (const dimension of part.dimensions || []) {
    for (const item of dimension.items || []) {
      // Indexed by type "radio": inputs, never textareas.
      const radios = /** @type {HTMLInputElement[]} */ (formFields.inputs.named("radio", item.id));
      if (!radios.length) continue;
      // An input found in the form has a parent element.
      const fieldset = /** @type {HTMLElement} */ (radios[0].closest("fieldset") || radios[0].parentElement);
      const byValue = new Map(radios.map((radio) => [radio.value, radio]));
      for (const radio of radios) formFields.radioAnswers.set(radio, { id: item.id, value: Number(radio.value) });
      items.push({ id: item.id, text: item.text, fieldset, radios, byValue });
    }
  }
  return {
    ids: items.map((item) => item.id),
    items,
    read(answers, { checked }) {
      for (const item of items) {
        const radio = checked.get(item.id);
        const answer = radio && formFields.radioAnswers.get(radio);
        if (answer) answers[item.id] = answer.value;
      }
    },
    view(answers, into) {
      for (const item of items) {
        const given = has(answers, item.id) ? answers[item.id] : undefined;
        if (typeof given === "number" && item.byValue.has(String(given))) into[item.id] = given;
      }
    },
    write(view, wanted, { checked }) {
      for (const item of items) {
        if (!wanted(item.id)) continue;
        const value = has(view, item.id) ? String(view[item.id]) : null;
        const now = checked.get(item.id);
        const target = value === null ? null : item.byValue.get(value);
        if (now && now !== target) now.checked = false;
        if (target && !target.checked) target.checked = true;
      }
    },
  };
}

/**
 * The part's answers on the results page: every statement with the answer as stored, and its results box.
 * @param {LikertPart} part
 * @param {Answers} answers
 * @param {AnswersViewContext} context
 * @returns {Child[]}
 */
export function answersView(part, answers, { definition, resultsBox }) {
  return [answersTable(part, answers, definition), resultsBox(part.id)];
}

/**
 * @param {LikertPart} part
 * @param {Answers} answers
 * @param {Pick<Definition, "scale">} definition
 * @returns {HTMLDivElement}
 */
function answersTable(part, answers, definition) {
  const labels = new Map((definition.scale?.labels || []).map((label) => [label.value, label.text]));
  const rows = [];
  for (const dimension of part.dimensions || []) {
    rows.push(h("tr", { class: "lsk-group-row" }, h("th", { scope: "colgroup", colspan: 2 }, dimension.title)));
    for (const item of dimension.items || []) {
      const value = answers[item.id];
      const shown =
        typeof value === "number" && Number.isInteger(value)
          ? labels.has(value)
            ? t("mine.likert_value_labelled", { value, label: labels.get(value) })
            : String(value)
          : has(answers, item.id)
            ? t("mine.not_usable")
            : t("mine.unanswered_item");
      rows.push(
        h(
          "tr",
          { "data-lsk-item": item.id },
          h("th", { scope: "row" }, item.text),
          h("td", { class: "lsk-answer-cell" }, shown),
        ),
      );
    }
  }
  return h(
    "div",
    { class: "lsk-table-wrap" },
    h(
      "table",
      { class: "lsk-table lsk-answers-table" },
      h("caption", {}, t("mine.answers_caption", { part: part.title })),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          [t("mine.col_statement"), t("mine.col_answer")].map((text) => h("th", { scope: "col" }, text)),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}

/**
 * The part's CSV rows: one per stored answer, then the mean of each dimension.
 * @param {LikertPart} part
 * @param {Answers} answers
 * @param {LikertResult | null} scored its results, when the scorer has computed them
 * @param {CsvRowMakers} rows
 * @returns {CsvRow[]}
 */
export function csvRows(part, answers, scored, { answerRow, scoreRow }) {
  const rows = [];
  for (const dimension of part.dimensions || []) {
    for (const item of dimension.items || []) {
      if (has(answers, item.id)) rows.push(answerRow(item.id, item.text, csvValue(answers[item.id])));
    }
  }
  for (const d of scored ? scored.dimensions : []) rows.push(scoreRow("csv.kind_mean", d.id, d.title, d.mean_display ?? ""));
  return rows;
}

/**
 * The part's results (its entry of the results' `parts`), with the problems of its statements.
 * @param {LikertResult} part
 * @param {readonly Problem[]} problems the problems of every part's answers
 * @returns {Drawn}
 */
export function drawResults(part, problems) {
  /** @type {Set<string | null>} */
  const ids = new Set(part.dimensions.flatMap((d) => d.items.map((item) => item.id)));
  return { nodes: likert(part, problems.filter((p) => ids.has(p.id))), summary: likertSummary(part) };
}

/**
 * @param {LikertResult} part
 * @returns {string}
 */
function likertSummary(part) {
  return t("results.live_likert", {
    scored: part.overall.dimensions_scored,
    count: part.overall.dimension_count,
  });
}

/**
 * @param {LikertResult} part
 * @param {readonly Problem[]} problems its statements' problems
 * @returns {NodeChild[]}
 */
function likert(part, problems) {
  const { overall, scale } = part;
  /** @type {NodeChild[]} */
  const nodes = [
    h(
      "p",
      { class: "lsk-results-summary", "data-lsk-answered": overall.items_answered },
      t("results.answered", { answered: overall.items_answered, total: overall.item_count }),
    ),
  ];
  if (overall.dimensions_scored === 0) {
    nodes.push(h("p", { class: "lsk-results-empty" }, t("results.none_scored")));
  }
  nodes.push(
    h(
      "figure",
      { class: "lsk-figure" },
      scaleBarChart({
        title: t("chart.likert_title", { min: scale.min, max: scale.max }),
        description: t("chart.table_note"),
        min: scale.min,
        max: scale.max,
        missingText: t("chart.no_value"),
        rows: part.dimensions.map((d) => ({ label: d.title, value: d.mean, text: d.mean_display || "" })),
      }),
    ),
    dimensionTable(part),
    h("h4", { class: "lsk-results-subtitle" }, t("results.dimensions_heading")),
    h("ul", { class: "lsk-dimension-results" }, part.dimensions.map(dimensionEntry)),
    overallProfile(overall),
    suggestions(part.suggestions, part.dimensions),
    problemList(problems),
  );
  return nodes;
}

/**
 * @param {LikertResult} part
 * @returns {HTMLDivElement}
 */
function dimensionTable(part) {
  const rows = part.dimensions.map((d) =>
    h(
      "tr",
      { "data-lsk-dimension": d.id, "data-lsk-status": d.status },
      h("th", { scope: "row" }, d.title),
      h("td", { class: "lsk-number-cell", "data-lsk-mean": true }, d.mean_display || t("results.no_mean")),
      h("td", { class: "lsk-number-cell" }, t("results.n_of_total", { answered: d.answered, total: d.item_count })),
      h("td", {}, d.band ? d.band.label : d.status === "scored" ? "" : t("results.not_enough")),
    ),
  );
  return table(
    t("results.table_caption", { min: part.scale.min, max: part.scale.max }),
    [t("results.col_dimension"), t("results.col_mean"), t("results.col_answered"), t("results.col_band")],
    rows,
  );
}

/**
 * @param {DimensionResult} d
 * @returns {HTMLLIElement}
 */
function dimensionEntry(d) {
  /** @type {Child[]} */
  const children = [h("p", { class: "lsk-dimension-result-title" }, h("strong", {}, d.title))];
  if (d.status === "scored") {
    children.push(
      h(
        "p",
        { class: "lsk-dimension-result-mean" },
        t("results.dimension_mean", { mean: d.mean_display, answered: d.answered, total: d.item_count }),
      ),
    );
    if (d.band) {
      children.push(
        h(
          "p",
          { class: "lsk-band" },
          h("strong", { class: "lsk-band-label" }, d.band.label),
          d.band.text ? ` ${d.band.text}` : "",
        ),
      );
    }
  } else {
    children.push(
      h(
        "p",
        { class: "lsk-not-enough" },
        t("results.not_enough_text", { needed: Math.ceil(d.item_count / 2), total: d.item_count }),
      ),
    );
  }
  const attrs = { class: `lsk-dimension-result lsk-dimension-result--${d.status}`, "data-lsk-dimension": d.id };
  return h("li", attrs, children);
}

/**
 * @param {OverallResult} overall
 * @returns {HTMLDivElement}
 */
function overallProfile(overall) {
  const lines = [];
  if (overall.mean_of_dimensions_display) {
    lines.push(
      h(
        "p",
        { "data-lsk-overall": "dimensions" },
        t("results.overall_dimensions", {
          mean: overall.mean_of_dimensions_display,
          scored: overall.dimensions_scored,
          count: overall.dimension_count,
        }),
      ),
    );
  } else {
    lines.push(h("p", {}, t("results.overall_none")));
  }
  if (overall.mean_of_items_display) {
    lines.push(
      h(
        "p",
        { "data-lsk-overall": "items" },
        t("results.overall_items", {
          mean: overall.mean_of_items_display,
          answered: overall.items_answered,
          total: overall.item_count,
        }),
      ),
    );
  }
  const heading = h("h4", { class: "lsk-results-subtitle" }, t("results.overall_heading"));
  return h("div", { class: "lsk-overall" }, heading, lines);
}

/**
 * @param {Suggestions | null | undefined} s
 * @param {readonly DimensionResult[]} dimensions
 * @returns {HTMLDivElement | null}
 */
function suggestions(s, dimensions) {
  if (!s || s.status === "turned-off" || s.status === "no-scored-dimensions") return null;
  const heading = h("h4", { class: "lsk-results-subtitle" }, t("results.suggestions_heading"));
  if (s.status !== "suggested") {
    return h("div", { class: "lsk-suggestions" }, heading, h("p", {}, t("results.too_few")));
  }
  const titles = new Map(dimensions.map((d) => [d.id, d.title]));
  /** @type {(key: Side, list: readonly SuggestedDimension[], lowest: boolean) => HTMLDivElement} */
  const side = (key, list, lowest) =>
    h(
      "div",
      { class: "lsk-suggestion-side", "data-lsk-suggestions": key },
      h("p", {}, h("strong", {}, t(key === "development_areas" ? "results.development_areas" : "results.strengths"))),
      h(
        "ul",
        {},
        list.map((d) => {
          const score = d.items.length ? d.items[0].score : "";
          return h(
            "li",
            { "data-lsk-dimension": d.id },
            t("results.suggested_dimension", { title: d.title, mean: d.mean_display }),
            d.items.length
              ? h(
                  "span",
                  { class: "lsk-suggestion-items" },
                  ` ${t(lowest ? "results.lowest_items" : "results.highest_items", { score })} `,
                  d.items.map((item) => item.text).join("; "),
                )
              : null,
          );
        }),
      ),
    );
  const ties = (s.ties || []).map((tie) => {
    const name = (/** @type {string} */ id) => titles.get(id) || id;
    return h(
      "p",
      { class: "lsk-tie", "data-lsk-tie": tie.applies_to },
      t("results.tie", {
        dimensions: joinNames(tie.dimensions.map(name)),
        mean: tie.mean_display,
        included: joinNames(tie.included.map(name)),
        left_out: joinNames(tie.left_out.map(name)),
        side: t(`results.tie_side_${tie.applies_to}`),
      }),
    );
  });
  return h(
    "div",
    { class: "lsk-suggestions" },
    heading,
    h("p", { class: "lsk-hint" }, t("results.suggestions_intro")),
    side("development_areas", s.development_areas, true),
    side("strengths", s.strengths, false),
    ties,
  );
}

