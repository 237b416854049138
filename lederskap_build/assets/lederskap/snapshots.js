// Snapshots ("Lagre måling"): a dated, named copy of a questionnaire's answers and of
// its likert scores, kept in the record (schema 2, scorer/RECORDS.md), so the
// learner can compare, for example, the start and the end of the programme.
//
// Scores are kept as the scorer gave them at the time: the results'
// `snapshot_scores`, copied as they are (means, their display strings and exact
// values per dimension). The change between two measurements is the scorer's
// (`compare_json`, scorer/RESULTS.md); this module only draws it.

import { pairedBarChart } from "./charts.js";
import { h } from "./dom.js";
import { language, t } from "./i18n.js";

/** A new snapshot id: "m-" and the time and four random hex digits (an id by the course's rules). */
export function snapshotId(now = Date.now()) {
  const random = new Uint8Array(2);
  crypto.getRandomValues(random);
  const hex = [...random].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `m-${now.toString(36)}-${hex}`;
}

/**
 * The snapshots of a record that can be shown: objects with an id. Any other entry (a
 * record changed by hand or by another program) stays in the record and in its export.
 */
export function shownSnapshots(snapshots) {
  return snapshots.filter(
    (snapshot) => typeof snapshot === "object" && snapshot !== null && typeof snapshot.id === "string" && snapshot.id,
  );
}

/** A snapshot of `answers` (the record's, every id) and of `results` (null: not scored). */
export function makeSnapshot({ name, answers, version, results }) {
  return {
    id: snapshotId(),
    name: String(name || "").trim().slice(0, 200),
    created: new Date().toISOString(),
    version,
    answers: { ...answers },
    scores: results ? results.snapshot_scores : null,
  };
}

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short" });

/** A time as the learner reads it ("31. mai 2026 kl. 18:00"); the text itself when it is no time. */
export function formatTime(iso) {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? dateFormat.format(new Date(time)) : String(iso);
}

/** The name a snapshot is shown with: its own, or "Måling <date>". */
export function snapshotName(snapshot) {
  const name = typeof snapshot.name === "string" ? snapshot.name.trim() : "";
  return name || t("snapshot.unnamed", { date: formatTime(snapshot.created) });
}

/**
 * The change per dimension from one measurement to another, as a table and a chart, for
 * every likert part the two have in common: `comparison` is what the scorer's compare_json
 * returned (scorer/RESULTS.md); `from` and `to` are {label} of the two measurements.
 */
export function comparisonView(from, to, comparison) {
  if (comparison.unusable && comparison.unusable.length) {
    return [h("p", { class: "lsk-notice" }, t("compare.not_shown"))];
  }
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
    const table = h(
      "div",
      { class: "lsk-table-wrap" },
      h(
        "table",
        { class: "lsk-table lsk-compare-table", "data-lsk-compare": part.part },
        h("caption", {}, caption),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            [t("results.col_dimension"), from.label, to.label, t("compare.col_change")].map((text) =>
              h("th", { scope: "col" }, text),
            ),
          ),
        ),
        h(
          "tbody",
          {},
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
        ),
      ),
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
    nodes.push(h("div", { class: "lsk-compare-part" }, chart, table));
  }
  if (!nodes.length) nodes.push(h("p", { class: "lsk-results-empty" }, t("compare.nothing")));
  return nodes;
}
