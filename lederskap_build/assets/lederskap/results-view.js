// Showing the scorer's results (format: scorer/RESULTS.md) in the results
// containers the build placed after each likert and allocation part
// (section.lsk-results[data-lsk-results=<part id>] > [data-lsk-results-body]).
//
// Numbers are shown with the scorer's display strings ("3,7"), never
// re-formatted. Every chart has a table with the same numbers. A short summary
// is announced politely when it changes; the tables themselves are not live.

import { pairedBarChart, scaleBarChart } from "./charts.js";
import { h, replaceChildren } from "./dom.js";
import { t } from "./i18n.js";

function joinNames(names) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${t("results.list_and")} ${names.at(-1)}`;
}

// On a narrow screen the stylesheet shows each row of a results table as a block
// (no table wider than a phone): every data cell is labelled with its column's
// heading from data-lsk-label, and the explicit roles keep the table a table for
// screen readers whatever its CSS display.
const ROLES = { TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TFOOT: "rowgroup", TR: "row", TD: "cell" };

function keepTableSemantics(element, head) {
  for (const node of [element, ...element.querySelectorAll("*")]) {
    const role = node.tagName === "TH" ? (node.scope === "row" ? "rowheader" : "columnheader") : ROLES[node.tagName];
    if (role) node.setAttribute("role", role);
    if (node.tagName === "TR") {
      [...node.cells].forEach((cell, index) => {
        if (cell.tagName === "TD" && head[index]) cell.dataset.lskLabel = head[index];
      });
    }
  }
  return element;
}

function table(caption, head, rows, foot = null, attrs = {}) {
  return h(
    "div",
    { class: "lsk-table-wrap" },
    keepTableSemantics(
      h(
        "table",
        { class: "lsk-table", ...attrs },
        h("caption", {}, caption),
        h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
        h("tbody", {}, rows),
        foot ? h("tfoot", {}, foot) : null,
      ),
      head,
    ),
  );
}

class PartResults {
  constructor(section) {
    this.section = section;
    this.body = section.querySelector("[data-lsk-results-body]") || section;
    this.live = h("p", { class: "lsk-visually-hidden lsk-results-live", "aria-live": "polite" });
    this.section.append(this.live);
    this.placeholder = [...this.body.childNodes].map((node) => node.cloneNode(true));
  }

  /** Back to what the build rendered (no results yet). */
  reset() {
    replaceChildren(this.body, this.placeholder.map((node) => node.cloneNode(true)));
    delete this.section.dataset.lskState;
  }

  show(nodes, summary) {
    replaceChildren(this.body, nodes);
    this.section.dataset.lskState = "shown";
    if (this.live.textContent !== summary) this.live.textContent = summary;
  }
}

export class ResultsView {
  constructor(form) {
    this.parts = new Map();
    for (const section of form.querySelectorAll("[data-lsk-results]")) {
      this.parts.set(section.dataset.lskResults, new PartResults(section));
    }
  }

  /** Remove every result shown (back to the placeholders the build rendered). */
  reset() {
    for (const part of this.parts.values()) part.reset();
  }

  /** Render `results` (the parsed results JSON) into every results container it has a part for. */
  render(results) {
    const problems = Array.isArray(results.problems) ? results.problems : [];
    for (const part of results.parts || []) {
      const target = this.parts.get(part.id);
      if (!target) continue;
      if (part.type === "likert") {
        const ids = new Set(part.dimensions.flatMap((d) => d.items.map((item) => item.id)));
        target.show(likert(part, problems.filter((p) => ids.has(p.id))), likertSummary(part));
      } else if (part.type === "allocation") {
        const ids = new Set(part.rows.map((row) => row.id));
        target.show(allocation(part, problems.filter((p) => ids.has(p.id))), t("results.live_allocation"));
      }
    }
  }
}

function likertSummary(part) {
  return t("results.live_likert", {
    scored: part.overall.dimensions_scored,
    count: part.overall.dimension_count,
  });
}

/** The scorer's problem messages start in lower case without a full stop (RESULTS.md). */
function sentence(message) {
  const text = String(message || "");
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : "";
}

function problemList(problems) {
  if (!problems.length) return null;
  return h(
    "div",
    { class: "lsk-problems" },
    h("h4", {}, t("results.problems_heading")),
    h("ul", {}, problems.map((problem) => h("li", {}, sentence(problem.message)))),
  );
}

// ---- likert ---------------------------------------------------------------

function likert(part, problems) {
  const { overall, scale } = part;
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

function dimensionEntry(d) {
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

function suggestions(s, dimensions) {
  if (!s || s.status === "turned-off" || s.status === "no-scored-dimensions") return null;
  const heading = h("h4", { class: "lsk-results-subtitle" }, t("results.suggestions_heading"));
  if (s.status !== "suggested") {
    return h("div", { class: "lsk-suggestions" }, heading, h("p", {}, t("results.too_few")));
  }
  const titles = new Map(dimensions.map((d) => [d.id, d.title]));
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
    const name = (id) => titles.get(id) || id;
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

// ---- allocation -----------------------------------------------------------

function allocation(part, problems) {
  const unit = part.unit;
  const value = (display) =>
    display === null || display === undefined
      ? t("allocation.no_value")
      : t("allocation.value", { value: display, unit });
  const anyValue = part.rows.some((row) => row.values.some((cell) => cell.value !== null));
  if (!anyValue) return [h("p", { class: "lsk-results-empty" }, t("allocation.empty_results")), problemList(problems)];
  const columns = part.columns;
  const first = columns[0];
  const last = columns.at(-1);
  const twoOrMore = columns.length >= 2;
  const checks = h(
    "ul",
    { class: "lsk-allocation-checks" },
    columns.map((column) =>
      h(
        "li",
        { "data-lsk-column": column.id, "data-lsk-matches": String(column.matches_total) },
        column.matches_total
          ? t("allocation.check_matches", { column: column.text, total: part.total, unit })
          : t("allocation.check_off", {
              column: column.text,
              sum: column.sum_display,
              total: part.total,
              difference: column.difference_display,
              unit,
            }),
      ),
    ),
  );
  const series = twoOrMore ? [first, last] : [first];
  const chart = h(
    "figure",
    { class: "lsk-figure" },
    pairedBarChart({
      title: twoOrMore
        ? t("chart.allocation_title", { first: first.text, last: last.text })
        : t("allocation.table_caption"),
      description: t("chart.table_note"),
      max: part.total,
      missingText: t("allocation.no_value"),
      series: series.map((column) => ({ label: column.text })),
      rows: part.rows.map((row) => ({
        label: row.text,
        values: series.map((column) => {
          const cell = row.values.find((c) => c.column === column.id) || {};
          return { value: cell.value ?? null, text: value(cell.display) };
        }),
      })),
    }),
  );
  const head = [t("allocation.col_row"), ...columns.map((c) => c.text)];
  if (twoOrMore) head.push(t("allocation.col_change"));
  const rows = part.rows.map((row) =>
    h(
      "tr",
      { "data-lsk-row": row.id },
      h("th", { scope: "row" }, row.text),
      columns.map((column) => {
        const cell = row.values.find((c) => c.column === column.id) || {};
        return h("td", { class: "lsk-number-cell", "data-lsk-column": column.id }, value(cell.display));
      }),
      twoOrMore
        ? h("td", { class: "lsk-number-cell", "data-lsk-change": true }, value(row.change_display))
        : null,
    ),
  );
  const foot = h(
    "tr",
    {},
    h("th", { scope: "row" }, t("allocation.row_sum")),
    columns.map((column) =>
      h("td", { class: "lsk-number-cell", "data-lsk-column": column.id }, value(column.sum_display)),
    ),
    twoOrMore ? h("td", {}) : null,
  );
  return [checks, chart, table(t("allocation.table_caption"), head, rows, foot), problemList(problems)];
}
