// @ts-check
// The likert part: statements on the questionnaire's scale, grouped in dimensions
// (scorer: lederskap_scorer/parts/likert.py). Its fields (one radio per point and
// statement, and one for "not applicable" where the scale offers it: the answer
// constants.notApplicable, shown in the scale's words, never as a number), its
// answers on the results page, its CSV rows and its results: the
// means per dimension once each (a chart with the bands' lines, and its text
// equivalent, the list of areas with their bands), one overall average, and the
// suggestions exactly as the scorer made them (lists, or the sentence that says why
// there are none; statements in the learner's own terms).

import { scaleBarChart } from "../charts.js";
import { constants } from "../constants.js";
import { richText } from "../rich-text.js";
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
 * @import { SummaryPiece } from "./index.js"
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
 * @typedef {object} ItemResult
 * @property {string} id
 * @property {string} text
 * @property {boolean} reverse
 * @property {number | null} answer
 * @property {boolean} not_applicable answered "not applicable" (no answer on the scale, no score)
 * @property {number | null} score
 */

/**
 * A dimension's result (lederskap_scorer/parts/likert.py, DimensionResult).
 * @typedef {object} DimensionResult
 * @property {string} id
 * @property {string} title
 * @property {"scored" | "not-enough-answers"} status
 * @property {number} answered on the scale or "not applicable"
 * @property {number} not_applicable how many of those are "not applicable"
 * @property {number} item_count
 * @property {number | null} mean
 * @property {string | null} mean_display
 * @property {[number, number] | null} mean_exact the exact mean as numerator and denominator
 * @property {{label: string, text: string} | null} band
 * @property {ItemResult[]} items
 */

/**
 * Where a band starts (lederskap_scorer/parts/likert.py, BandStart).
 * @typedef {{label: string, min: number, min_display: string}} BandStart
 */

/**
 * A set of bands and the dimensions judged by it (lederskap_scorer/parts/likert.py, BandSet).
 * @typedef {{dimensions: string[], bands: BandStart[]}} BandSet
 */

/**
 * The profile across a part's dimensions (lederskap_scorer/parts/likert.py, OverallResult).
 * @typedef {object} OverallResult
 * @property {number | null} mean_of_dimensions
 * @property {string | null} mean_of_dimensions_display
 * @property {number} dimensions_scored
 * @property {number} dimension_count
 * @property {number} items_answered on the scale or "not applicable"
 * @property {number} items_not_applicable how many of those are "not applicable"
 * @property {number} item_count
 */

/**
 * A statement that pulls a suggested dimension down or up, with the answer as given
 * (lederskap_scorer/parts/likert.py, SuggestedItem).
 * @typedef {object} SuggestedItem
 * @property {string} id
 * @property {string} text
 * @property {boolean} reverse
 * @property {number} answer
 * @property {string | null} answer_label
 * @property {number} score what the answer counts as (differs from it for a reverse statement)
 */

/**
 * A suggested development area or strength (lederskap_scorer/parts/likert.py, SuggestedDimension).
 * @typedef {{id: string, title: string, items: SuggestedItem[]}} SuggestedDimension
 */

/** @typedef {"development_areas" | "strengths"} Side */

/**
 * One list of suggestions, or why there is none (lederskap_scorer/parts/likert.py, SuggestionSide).
 * @typedef {object} SuggestionSide
 * @property {"listed" | "tied" | "all-in-top-band" | "none-in-top-band"} status
 * @property {SuggestedDimension[]} dimensions
 * @property {string[]} tied
 */

/**
 * @typedef {"suggested" | "same-means" | "close-means" | "turned-off" | "no-scored-dimensions"
 *   | "too-few-scored-dimensions"} SuggestionStatus
 */

/**
 * Development areas and strengths (lederskap_scorer/parts/likert.py, Suggestions).
 * @typedef {object} Suggestions
 * @property {SuggestionStatus} status
 * @property {number} requested
 * @property {number} per_side
 * @property {number | null} spread
 * @property {string | null} spread_display
 * @property {SuggestionSide | null} development_areas
 * @property {SuggestionSide | null} strengths
 */

/**
 * The results of a likert part (scorer/RESULTS.md; lederskap_scorer/parts/likert.py, LikertResult).
 * @typedef {object} LikertResult
 * @property {"likert"} type
 * @property {string} id
 * @property {string} title
 * @property {{min: number, max: number, not_applicable: string | null}} scale its ends, and the words of its
 *   "not applicable" choice (null: it has none)
 * @property {DimensionResult[]} dimensions
 * @property {BandSet[]} band_sets
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
      for (const radio of radios) formFields.radioAnswers.set(radio, { id: item.id, value: radioAnswer(radio) });
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
        const shown = typeof given === "number" || given === constants.notApplicable;
        if (shown && item.byValue.has(String(given))) into[item.id] = given;
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
 * What choosing a statement's radio answers: its point of the scale, or "not applicable".
 * @param {HTMLInputElement} radio
 * @returns {number | string}
 */
function radioAnswer(radio) {
  return radio.value === constants.notApplicable ? constants.notApplicable : Number(radio.value);
}

/**
 * A stored answer "not applicable" in the words of the scale's choice; null for any other value, or
 * where the scale has no such choice (then it is a value that does not fit, like any other).
 * @param {unknown} value
 * @param {Pick<Definition, "scale">} definition
 * @returns {string | null}
 */
function notApplicableText(value, definition) {
  const words = definition.scale?.not_applicable;
  return value === constants.notApplicable && words ? words : null;
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
          : (notApplicableText(value, definition) ??
            (has(answers, item.id) ? t("mine.not_usable") : t("mine.unanswered_item")));
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
  return table(
    t("mine.answers_caption", { part: part.title }),
    [t("mine.col_statement"), t("mine.col_answer")],
    rows,
    null,
    { class: "lsk-answers-table" },
  );
}

/**
 * The part's CSV rows: one per stored answer (as stored; "not applicable" in the scale's words), then the
 * mean of each dimension.
 * @param {LikertPart} part
 * @param {Answers} answers
 * @param {LikertResult | null} scored its results, when the scorer has computed them
 * @param {CsvRowMakers} rows
 * @returns {CsvRow[]}
 */
export function csvRows(part, answers, scored, { answerRow, scoreRow, definition }) {
  const rows = [];
  for (const dimension of part.dimensions || []) {
    for (const item of dimension.items || []) {
      if (!has(answers, item.id)) continue;
      const value = answers[item.id];
      rows.push(answerRow(item.id, item.text, notApplicableText(value, definition) ?? csvValue(value)));
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
  const { overall } = part;
  return [
    h(
      "p",
      {
        class: "lsk-results-summary",
        "data-lsk-answered": overall.items_answered,
        "data-lsk-not-applicable": overall.items_not_applicable,
      },
      answeredLine(part),
    ),
    overall.dimensions_scored === 0 ? h("p", { class: "lsk-results-empty" }, t("results.none_scored")) : null,
    chartFigure(part),
    h("h4", { class: "lsk-results-subtitle" }, t("results.dimensions_heading")),
    h(
      "ul",
      { class: "lsk-dimension-results" },
      part.dimensions.map((d) => dimensionEntry(d, part.scale.not_applicable)),
    ),
    overallLine(overall),
    suggestions(part.suggestions, part.dimensions),
    problemList(problems),
  ];
}

/**
 * How many statements are answered, and how many of them "not applicable" (which count in no average).
 * @param {LikertResult} part
 * @returns {string}
 */
function answeredLine(part) {
  const { overall } = part;
  const counts = { answered: overall.items_answered, total: overall.item_count };
  if (!overall.items_not_applicable) return t("results.answered", counts);
  const text = part.scale.not_applicable;
  return t("results.answered_not_applicable", { ...counts, not_applicable: overall.items_not_applicable, text });
}

/**
 * The means as a bar chart with a dashed line where each band starts, and under it, in words,
 * where the lines are. The numbers are in the list of areas that follows (its text equivalent).
 * @param {LikertResult} part
 * @returns {HTMLElement}
 */
function chartFigure(part) {
  const { scale } = part;
  /** @type {Map<string, readonly BandStart[]>} */
  const bandsOf = new Map(part.band_sets.flatMap((set) => set.dimensions.map((id) => [id, set.bands])));
  const chart = scaleBarChart({
    title: t("chart.likert_title", { min: scale.min, max: scale.max }),
    description: t("chart.list_note"),
    min: scale.min,
    max: scale.max,
    missingText: t("chart.no_value"),
    rows: part.dimensions.map((d) => ({
      label: d.title,
      value: d.mean,
      text: d.mean_display || "",
      // The first band starts at the scale's end: a line only where one band gives way to the next.
      lines: (bandsOf.get(d.id) || []).slice(1).map((band) => band.min),
    })),
  });
  const key = bandKey(part);
  return h("figure", { class: "lsk-figure" }, chart, key ? h("figcaption", { class: "lsk-chart-key" }, key) : null);
}

/**
 * Where the chart's band lines are, in words: one sentence for one set of bands, one per set otherwise.
 * @param {LikertResult} part
 * @returns {string | null}
 */
function bandKey(part) {
  const sets = part.band_sets;
  /** @type {(bands: readonly BandStart[]) => string} */
  const starts = (bands) =>
    joinNames(bands.map((band) => t("chart.band_from", { min: band.min_display, label: band.label })));
  if (sets.length === 0) return null;
  if (sets.length === 1) return t("chart.bands", { bands: starts(sets[0].bands) });
  const titles = new Map(part.dimensions.map((d) => [d.id, d.title]));
  const each = sets.map((set) => {
    const dimensions = joinNames(set.dimensions.map((id) => titles.get(id) || id));
    return t("chart.bands_for", { dimensions, bands: starts(set.bands) });
  });
  return [t("chart.bands_lead"), ...each].join(" ");
}

/**
 * One area: its mean, how many of its statements are answered (and how many of them "not applicable"),
 * its band and the band's text.
 * @param {DimensionResult} d
 * @param {string | null} notApplicable the words of the scale's "not applicable" choice
 * @returns {HTMLLIElement}
 */
function dimensionEntry(d, notApplicable) {
  /** @type {Child[]} */
  const children = [h("p", { class: "lsk-dimension-result-title" }, h("strong", {}, d.title))];
  const inapplicable = { not_applicable: d.not_applicable, text: notApplicable };
  if (d.status === "scored") {
    const counts = { mean: d.mean_display, answered: d.answered, total: d.item_count };
    children.push(
      h(
        "p",
        { class: "lsk-dimension-result-mean" },
        d.not_applicable
          ? t("results.dimension_mean_not_applicable", { ...counts, ...inapplicable })
          : t("results.dimension_mean", counts),
      ),
    );
    if (d.band) {
      // The label, then the author's text (Markdown: paragraphs, lists, links; rich-text.js).
      const label = h("strong", { class: "lsk-band-label" }, d.band.label);
      children.push(h("div", { class: "lsk-band" }, richText(d.band.text, "lsk-band-text", [label])));
    }
  } else {
    const counts = { needed: Math.ceil(d.item_count / 2), total: d.item_count };
    children.push(
      h(
        "p",
        { class: "lsk-not-enough" },
        d.not_applicable
          ? t("results.not_enough_not_applicable", { ...counts, ...inapplicable })
          : t("results.not_enough_text", counts),
      ),
    );
  }
  const attrs = {
    class: `lsk-dimension-result lsk-dimension-result--${d.status}`,
    "data-lsk-dimension": d.id,
    "data-lsk-mean": d.mean_display,
    "data-lsk-count": `${d.answered}/${d.item_count}`,
  };
  return h("li", attrs, children);
}

/**
 * The one overall average, and what it is.
 * @param {OverallResult} overall
 * @returns {HTMLParagraphElement}
 */
function overallLine(overall) {
  if (!overall.mean_of_dimensions_display) return h("p", { class: "lsk-overall" }, t("results.overall_none"));
  return h(
    "p",
    { class: "lsk-overall", "data-lsk-overall": "dimensions" },
    t("results.overall_dimensions", {
      mean: overall.mean_of_dimensions_display,
      scored: overall.dimensions_scored,
      count: overall.dimension_count,
    }),
  );
}

/**
 * What the learner answered to a statement, and what a reverse statement's answer counts as.
 * @param {SuggestedItem} item
 * @returns {string}
 */
export function answeredText(item) {
  const answered =
    item.answer_label === null
      ? t("results.you_answered", { answer: item.answer })
      : t("results.you_answered_labelled", { answer: item.answer, label: item.answer_label });
  return item.reverse ? `${answered} ${t("results.reverse_item", { score: item.score })}` : answered;
}

/**
 * A suggested area, with the statements that pull its average down (or up), each on its own line.
 * @param {SuggestedDimension} d
 * @param {boolean} lowest a development area (else a strength)
 * @returns {HTMLLIElement}
 */
function suggestedEntry(d, lowest) {
  return h(
    "li",
    { "data-lsk-dimension": d.id },
    h("span", { class: "lsk-suggested-title" }, d.title),
    d.items.length
      ? h(
          "div",
          { class: "lsk-suggestion-statements" },
          h("p", {}, t(lowest ? "results.pulls_down" : "results.pulls_up")),
          h(
            "ul",
            {},
            d.items.map((item) =>
              h(
                "li",
                { "data-lsk-item": item.id },
                h("span", { class: "lsk-statement" }, item.text),
                " ",
                h("span", { class: "lsk-item-answer" }, answeredText(item)),
              ),
            ),
          ),
        )
      : null,
  );
}

/**
 * One side of the suggestions: its heading, then its list or the sentence saying why there is none.
 * @param {Side} key
 * @param {SuggestionSide} side
 * @param {ReadonlyMap<string, string>} titles the dimensions' titles by id
 * @returns {HTMLDivElement}
 */
function suggestionSide(key, side, titles) {
  const lowest = key === "development_areas";
  /** @type {Child} */
  let body;
  switch (side.status) {
    case "listed":
      body = h("ul", { class: "lsk-suggestion-list" }, side.dimensions.map((d) => suggestedEntry(d, lowest)));
      break;
    case "tied":
      body = h(
        "p",
        { class: "lsk-suggestion-note" },
        t(`results.tied_${key}`, { dimensions: joinNames(side.tied.map((id) => titles.get(id) || id)) }),
      );
      break;
    default:
      body = h("p", { class: "lsk-suggestion-note" }, t(`results.${side.status.replaceAll("-", "_")}`));
  }
  return h(
    "div",
    { class: "lsk-suggestion-side", "data-lsk-suggestions": key, "data-lsk-side-status": side.status },
    h("p", {}, h("strong", {}, t(lowest ? "results.development_areas" : "results.strengths"))),
    body,
  );
}

/**
 * The suggestions as the scorer made them: two sides, or one sentence saying why there are none.
 * @param {Suggestions | null | undefined} s
 * @param {readonly DimensionResult[]} dimensions
 * @returns {HTMLDivElement | null}
 */
function suggestions(s, dimensions) {
  if (!s || s.status === "turned-off" || s.status === "no-scored-dimensions") return null;
  const heading = h("h4", { class: "lsk-results-subtitle" }, t("results.suggestions_heading"));
  // The suggestions are the site's, not the course's: said first, wherever there are any.
  const intro = h("p", { class: "lsk-hint lsk-site-note" }, t("results.suggestions_intro"));
  /** @type {Child[]} */
  let body;
  switch (s.status) {
    case "same-means":
      body = [intro, h("p", { class: "lsk-suggestion-note" }, t("results.same_means"))];
      break;
    case "close-means":
      body = [intro, h("p", { class: "lsk-suggestion-note" }, t("results.close_means", { spread: s.spread_display }))];
      break;
    case "suggested": {
      const titles = new Map(dimensions.map((d) => [d.id, d.title]));
      intro.append(` ${t("results.suggestions_use")}`);
      body = [
        intro,
        s.development_areas ? suggestionSide("development_areas", s.development_areas, titles) : null,
        s.strengths ? suggestionSide("strengths", s.strengths, titles) : null,
      ];
      break;
    }
    default:
      body = [h("p", {}, t("results.too_few"))];
  }
  return h("div", { class: "lsk-suggestions", "data-lsk-suggestion-status": s.status }, heading, body);
}

/**
 * The part's results hold no texts the learner wrote.
 * @returns {boolean}
 */
export function ownWords() {
  return false;
}

/**
 * The part in the summary for a conversation: each area's average and band in one table, then the
 * suggestions as the results show them, with the statements that pull an area down or up.
 * @param {LikertResult} part
 * @returns {SummaryPiece | null}
 */
export function summaryView(part) {
  if (part.overall.dimensions_scored === 0) return null;
  const rows = part.dimensions.map((d) =>
    h(
      "tr",
      { "data-lsk-dimension": d.id },
      h("th", { scope: "row" }, d.title),
      h("td", { class: "lsk-number-cell" }, d.mean_display ?? t("summary.too_few")),
      h("td", {}, d.band ? d.band.label : null),
    ),
  );
  const head = [t("summary.col_area"), t("summary.col_mean"), t("summary.col_band")];
  // Answers "not applicable" count in no average: said under the averages, in the scale's words.
  const count = part.overall.items_not_applicable;
  const inapplicable = count
    ? h("p", { class: "lsk-summary-answered", "data-lsk-not-applicable": count }, answeredLine(part))
    : null;
  return {
    lead: false,
    nodes: [table(part.title, head, rows), inapplicable, suggestions(part.suggestions, part.dimensions)],
  };
}
