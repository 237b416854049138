// @ts-check
// The team result on the team page: what the scorer's team_json says (scorer/TEAM.md,
// "The team result"), drawn. Nothing is computed here: the means, the gaps, the bands'
// counts and their display texts are the scorer's; this module picks the words from the
// catalogue and lays them out as a chart (with its text equivalent, a table) and sentences.

import { scaleBarChart } from "./charts.js";
import { h } from "./dom.js";
import { counted, t, tNodes } from "./i18n.js";
import { table } from "./result-tables.js";

/**
 * A band with its count (TeamBand).
 * @typedef {object} TeamBand
 * @property {string} label
 * @property {number} min
 * @property {string} min_display
 * @property {number} max
 * @property {string} max_display
 * @property {number} replies
 */

/**
 * One dimension of the team result (TeamDimension).
 * @typedef {object} TeamDimension
 * @property {string} id
 * @property {string} title
 * @property {"scored" | "not-enough-answers" | "not-given"} own_status
 * @property {number | null} own_mean
 * @property {string | null} own_mean_display
 * @property {{label: string, text: string} | null} own_band
 * @property {"shown" | "too-few-replies"} status
 * @property {number} replies
 * @property {number | null} others_mean
 * @property {string | null} others_mean_display
 * @property {{label: string, text: string} | null} others_band
 * @property {TeamBand[]} bands
 * @property {string | null} gap_display
 * @property {"others-higher" | "others-lower" | "same" | null} gap_direction
 */

/**
 * The team result (team_json).
 * @typedef {object} TeamResult
 * @property {number} min_replies
 * @property {number} replies
 * @property {number} replies_with_means
 * @property {boolean} own_answers
 * @property {{min: number, max: number}} scale
 * @property {TeamDimension[]} dimensions
 */

/**
 * A mean with its band's label: "3,7 (Godt på vei)".
 * @param {string | null} display
 * @param {{label: string} | null} band
 * @returns {string}
 */
function meanText(display, band) {
  if (display === null) return "";
  return band && band.label ? t("team.result.mean_band", { mean: display, band: band.label }) : display;
}

/**
 * What the others' side of a dimension says: its mean, or why there is none.
 * @param {TeamResult} result
 * @param {TeamDimension} dimension
 * @returns {string}
 */
function othersText(result, dimension) {
  if (dimension.status === "shown") return meanText(dimension.others_mean_display, dimension.others_band);
  return t("team.too_few_replies", { min: result.min_replies, count: dimension.replies });
}

/**
 * What one's own side of a dimension says.
 * @param {TeamDimension} dimension
 * @returns {string}
 */
function ownText(dimension) {
  if (dimension.own_status === "scored") return meanText(dimension.own_mean_display, dimension.own_band);
  return t(dimension.own_status === "not-given" ? "team.own_not_given" : "team.own_not_enough");
}

/**
 * The gap of a dimension in words, or null when there is none to tell.
 * @param {TeamDimension} dimension
 * @returns {string | null}
 */
function gapText(dimension) {
  if (dimension.gap_direction === null) return null;
  return t(`team.gap.${dimension.gap_direction}`, { gap: dimension.gap_display });
}

/**
 * The comparison of one's own view with the others' (a view's invitation): a chart of both
 * means per dimension on the scale, the same as a table, and each gap in words.
 * @param {TeamResult} result
 * @returns {(HTMLElement | null)[]}
 */
function comparison(result) {
  const rows = result.dimensions.flatMap((dimension) => [
    {
      label: t("team.result.chart_own", { dimension: dimension.title }),
      value: dimension.own_mean,
      text: dimension.own_mean_display || "",
      missingText: t(dimension.own_status === "not-given" ? "team.result.chart_own_missing" : "team.result.chart_own_few"),
    },
    {
      label: counted(dimension.replies, "team.result.chart_others", { dimension: dimension.title }),
      value: dimension.status === "shown" ? dimension.others_mean : null,
      text: dimension.others_mean_display || "",
    },
  ]);
  const chart = scaleBarChart({
    title: t("team.result.chart_title"),
    description: t("team.result.chart_description"),
    min: result.scale.min,
    max: result.scale.max,
    rows,
    missingText: t("team.result.chart_missing"),
  });
  const tableRows = result.dimensions.map((dimension) =>
    h(
      "tr",
      { "data-lsk-dimension": dimension.id },
      h("th", { scope: "row" }, dimension.title),
      h("td", {}, ownText(dimension)),
      h("td", {}, othersText(result, dimension)),
      h("td", {}, dimension.gap_display || "–"),
    ),
  );
  const words = result.dimensions
    .map((dimension) => ({ dimension, text: gapText(dimension) }))
    .filter((entry) => entry.text !== null)
    .map(({ dimension, text }) => h("li", {}, h("strong", {}, `${dimension.title}: `), text));
  return [
    h("figure", { class: "lsk-chart-figure" }, chart),
    table(
      t("team.result.table_caption"),
      [t("team.result.column_dimension"), t("team.result.column_own"), t("team.result.column_others"), t("team.result.column_gap")],
      tableRows,
      null,
      { "data-lsk-team-table": "comparison" },
    ),
    words.length ? h("ul", { class: "lsk-team-gaps" }, words) : h("p", {}, t("team.result.no_gaps")),
    words.length ? h("p", {}, t("team.result.gap_note")) : null,
  ];
}

/**
 * The group's picture: per dimension, how many replies' means fall in each band, and the
 * group's mean; only for the dimensions shown.
 * @param {TeamResult} result
 * @returns {HTMLElement}
 */
function distribution(result) {
  const shown = result.dimensions.filter((dimension) => dimension.status === "shown" && dimension.bands.length);
  const labels = shown.length ? shown[0].bands.map((band) => band.label) : [];
  const shared = shown.every(
    (dimension) => dimension.bands.length === labels.length && dimension.bands.every((band, i) => band.label === labels[i]),
  );
  /** @param {TeamBand} band */
  const range = (band) => t("team.result.band_range", { label: band.label, min: band.min_display, max: band.max_display });
  const head = [t("team.result.column_dimension"), t("team.result.column_group_mean")];
  if (shared && shown.length) head.push(...shown[0].bands.map(range));
  else head.push(t("team.result.column_bands"));
  const rows = result.dimensions.map((dimension) => {
    const cells = [h("th", { scope: "row" }, dimension.title)];
    if (dimension.status !== "shown") {
      cells.push(h("td", { colspan: head.length - 1 }, othersText(result, dimension)));
    } else {
      cells.push(h("td", {}, dimension.others_mean_display || ""));
      if (shared && shown.length) {
        cells.push(...dimension.bands.map((band) => h("td", {}, counted(band.replies, "team.result.replies_in_band"))));
      } else {
        const counts = dimension.bands.map((band) => `${range(band)}: ${counted(band.replies, "team.result.replies_in_band")}`);
        cells.push(h("td", {}, counts.join(" · ") || "–"));
      }
    }
    return h("tr", { "data-lsk-dimension": dimension.id }, ...cells);
  });
  return table(t("team.result.distribution_caption"), head, rows, null, { "data-lsk-team-table": "distribution" });
}

/**
 * The team result of an invitation, drawn.
 * @param {TeamResult} result
 * @param {"view" | "group"} kind a view's invitation compares with one's own; a group's shows the group
 * @param {HTMLAnchorElement | null} ownLink the page of one's own questionnaire (a view's), for when
 *   one's own answers are missing
 * @returns {HTMLElement}
 */
export function teamResultView(result, kind, ownLink) {
  const shownAny = result.dimensions.some((dimension) => dimension.status === "shown");
  const ownMissing = kind === "view" && result.dimensions.every((dimension) => dimension.own_status === "not-given");
  return h(
    "div",
    { class: "lsk-team-result", "data-lsk-team-result": kind },
    h("p", {}, t("team.result.threshold", { min: result.min_replies })),
    ownMissing && ownLink ? h("p", { class: "lsk-notice" }, tNodes("team.result.own_missing", { page: ownLink })) : null,
    kind === "view" ? comparison(result) : null,
    shownAny || kind === "group" ? distribution(result) : null,
    h("p", { class: "lsk-hint" }, t("team.result.addition")),
  );
}
