// @ts-check
// Snapshots ("Lagre måling"): a dated, named copy of a questionnaire's answers and of
// its likert scores, kept in the record (schema 2, scorer/RECORDS.md), so the
// learner can compare, for example, the start and the end of the programme.
//
// Scores are kept as the scorer gave them at the time: the results'
// `snapshot_scores`, copied as they are (means, their display strings and exact
// values per dimension). The change between two measurements is the scorer's
// (`compare_json`, scorer/RESULTS.md); this module only draws it.

import { pairedBarChart } from "./charts.js";
import { constants } from "./constants.js";
import { h } from "./dom.js";
import { language, t } from "./i18n.js";
import { table } from "./result-tables.js";

/**
 * @import { Answers } from "./answers.js"
 * @import { NodeChild } from "./dom.js"
 * @import { Results } from "./results-view.js"
 */

/**
 * What a snapshot keeps of a dimension's score (lederskap_scorer/parts/likert.py, SnapshotDimension).
 * @typedef {object} SnapshotDimension
 * @property {string} id
 * @property {string} title
 * @property {number | null} mean
 * @property {string | null} mean_display
 * @property {[number, number] | null} mean_exact the exact mean as numerator and denominator
 */

/**
 * What a snapshot keeps of a likert part's scores (lederskap_scorer/parts/likert.py, SnapshotPart):
 * an entry of the results' `snapshot_scores` and of a snapshot's `scores`.
 * @typedef {{part: string, title: string, min: number, max: number, dimensions: SnapshotDimension[]}} SnapshotPart
 */

/**
 * A snapshot as this page makes it (scorer/RECORDS.md). A stored one may be anything: see shownSnapshots.
 * @typedef {object} Snapshot
 * @property {string} id
 * @property {string} name
 * @property {string} created an ISO time
 * @property {number} version the questionnaire's version its answers were given to
 * @property {Answers} answers
 * @property {SnapshotPart[] | null} scores null: not scored
 */

/**
 * A stored snapshot that can be shown: an object with an id. Its other fields are as stored
 * (anything, or missing); `name` and `created` are named so that it is what snapshotName
 * takes (a type of optional fields only takes a type that names one of them).
 * @typedef {Record<string, unknown> & {id: string, name?: unknown, created?: unknown}} ShownSnapshot
 */

/**
 * A dimension's change between two measurements (lederskap_scorer/snapshots.py, DimensionChange).
 * @typedef {object} DimensionChange
 * @property {string} id
 * @property {string} title
 * @property {number | null} from_mean
 * @property {string | null} from_mean_display
 * @property {number | null} to_mean
 * @property {string | null} to_mean_display
 * @property {number | null} change
 * @property {string | null} change_display
 */

/**
 * The change between two measurements: what the scorer's compare_json returns (scorer/RESULTS.md;
 * lederskap_scorer/snapshots.py, Comparison). `unusable` names the measurements whose scores are
 * not the scorer's, and then nothing is compared.
 * @typedef {object} Comparison
 * @property {number} compare_format
 * @property {("from" | "to")[]} unusable
 * @property {{part: string, title: string, min: number, max: number, dimensions: DimensionChange[]}[]} parts
 */

/**
 * A new snapshot id: "m-" and the time and four random hex digits (an id by the course's rules).
 * @param {number} [now] the time, in milliseconds since 1970
 * @returns {string}
 */
export function snapshotId(now = Date.now()) {
  const random = new Uint8Array(2);
  crypto.getRandomValues(random);
  const hex = [...random].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `m-${now.toString(36)}-${hex}`;
}

/**
 * The snapshots of a record that can be shown: objects with an id. Any other entry (a
 * record changed by hand or by another program) stays in the record and in its export.
 * @param {readonly unknown[]} snapshots
 * @returns {ShownSnapshot[]}
 */
export function shownSnapshots(snapshots) {
  return snapshots.filter(
    /** @returns {snapshot is ShownSnapshot} */
    (snapshot) => isObject(snapshot) && typeof snapshot.id === "string" && snapshot.id !== "",
  );
}

/**
 * Whether a value is an object (a list is one too), whose fields can be read.
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null;
}

/**
 * A snapshot of `answers` (the record's, every id) and of `results` (null: not scored).
 * @param {{name: string, answers: Answers, version: number, results: Pick<Results, "snapshot_scores"> | null}} made
 * @returns {Snapshot}
 */
export function makeSnapshot({ name, answers, version, results }) {
  return {
    id: snapshotId(),
    name: String(name || "").trim().slice(0, constants.maxSnapshotName),
    created: new Date().toISOString(),
    version,
    answers: { ...answers },
    scores: results ? results.snapshot_scores : null,
  };
}

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" });

/**
 * A time as the learner reads it ("31. mai 2026 kl. 18:00"); the text itself when it is no time.
 * @param {unknown} iso an ISO time, as stored (or anything stored in its place)
 * @returns {string}
 */
export function formatTime(iso) {
  const time = Date.parse(String(iso));
  return Number.isFinite(time) ? dateFormat.format(new Date(time)) : String(iso);
}

/**
 * The name a snapshot is shown with: its own, or "Måling <date>".
 * @param {{name?: unknown, created?: unknown}} snapshot
 * @returns {string}
 */
export function snapshotName(snapshot) {
  const name = typeof snapshot.name === "string" ? snapshot.name.trim() : "";
  return name || t("snapshot.unnamed", { date: formatTime(snapshot.created) });
}

/**
 * The change per dimension from one measurement to another, as a table and a chart, for
 * every likert part the two have in common: `comparison` is what the scorer's compare_json
 * returned (scorer/RESULTS.md); `from` and `to` are {label} of the two measurements.
 * @param {{label: string}} from
 * @param {{label: string}} to
 * @param {Comparison} comparison
 * @returns {NodeChild[]}
 */
export function comparisonView(from, to, comparison) {
  if (comparison.unusable && comparison.unusable.length) {
    return [h("p", { class: "lsk-notice" }, t("compare.not_shown"))];
  }
  /** @type {NodeChild[]} */
  const nodes = [];
  for (const part of comparison.parts || []) {
    const rows = part.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      from: { mean: d.from_mean, mean_display: d.from_mean_display },
      to: { mean: d.to_mean, mean_display: d.to_mean_display },
      change: d.change_display,
    }));
    const caption = t("compare.caption", { part: part.title, from: from.label, to: to.label });
    // result-tables.js labels each cell with its column, so a phone keeps "Fra", "Til" and the change.
    const changes = table(
      caption,
      [t("results.col_dimension"), from.label, to.label, t("compare.col_change")],
      rows.map((row) =>
        h(
          "tr",
          { "data-lsk-dimension": row.id },
          h("th", { scope: "row" }, row.title),
          h("td", { class: "lsk-number-cell" }, row.from.mean_display || t("results.no_mean")),
          h("td", { class: "lsk-number-cell" }, row.to.mean_display || t("results.no_mean")),
          h("td", { class: "lsk-number-cell", "data-lsk-change": true }, row.change ?? t("results.no_mean")),
        ),
      ),
      null,
      { class: "lsk-compare-table", "data-lsk-compare": part.part },
    );
    const chart = h(
      "figure",
      { class: "lsk-figure" },
      pairedBarChart({
        title: t("compare.chart_title", { part: part.title, from: from.label, to: to.label }),
        description: t("chart.table_note"),
        max: part.max,
        missingText: t("chart.no_value"),
        series: [{ label: from.label }, { label: to.label }],
        rows: rows.map((row) => ({
          label: row.title,
          values: [
            { value: row.from.mean, text: row.from.mean_display || "" },
            { value: row.to.mean, text: row.to.mean_display || "" },
          ],
        })),
      }),
    );
    nodes.push(h("div", { class: "lsk-compare-part" }, chart, changes));
  }
  if (!nodes.length) nodes.push(h("p", { class: "lsk-results-empty" }, t("compare.nothing")));
  return nodes;
}
