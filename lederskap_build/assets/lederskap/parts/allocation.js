// @ts-check
// The allocation part: rows (what the time goes to) and columns (now, wished), each
// cell a number, each column adding up to a total (scorer: lederskap_scorer/parts/
// allocation.py). Its fields (a number input per row and column), its answers on the
// results page (its results box only), its CSV rows and its results (the check of
// every column's sum, a chart and a table).

import { pairedBarChart } from "../charts.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { problemList, table } from "../result-tables.js";
import { csvValue, has, isPlainObject } from "./common.js";

/**
 * @import { Answers, AnswersViewContext, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child, NodeChild } from "../dom.js"
 * @import { Problem } from "../result-tables.js"
 * @import { Drawn } from "../results-view.js"
 * @import { Option } from "./checklist.js"
 */

/**
 * An allocation part of a definition (lederskap_scorer/parts/allocation.py, AllocationPart):
 * each column's cells, one per row, add up to `total`.
 * @typedef {object} AllocationPart
 * @property {"allocation"} type
 * @property {string} id
 * @property {string} title
 * @property {Option[]} rows
 * @property {Option[]} columns
 * @property {string} intro
 * @property {number} total
 * @property {string} unit
 */

/**
 * A row's number inputs in the form, by column.
 * @typedef {{id: string, text: string, inputs: {column: string, input: HTMLInputElement}[]}} AllocationRowFields
 */

/**
 * An allocation part's inputs in the form (FormFields.allocations; allocation-totals.js adds up its columns).
 * @typedef {{part: AllocationPart, section: Element, rows: AllocationRowFields[]}} AllocationFields
 */

/**
 * A column's result (scorer/RESULTS.md; lederskap_scorer/parts/allocation.py, ColumnResult).
 * @typedef {object} ColumnResult
 * @property {string} id
 * @property {string} text
 * @property {number} answered
 * @property {number} sum
 * @property {string} sum_display
 * @property {boolean} matches_total
 * @property {number} difference the sum less the total
 * @property {string} difference_display
 * @property {{row: string, value: number}[] | null} scaled the scorer's proposal for a column that does not add up
 */

/**
 * A cell's result (lederskap_scorer/parts/allocation.py, CellValue).
 * @typedef {{column: string, value: number | null, display: string | null}} CellValue
 */

/**
 * A row's result (lederskap_scorer/parts/allocation.py, RowResult).
 * @typedef {object} RowResult
 * @property {string} id
 * @property {string} text
 * @property {CellValue[]} values
 * @property {number | null} change from the first column to the last
 * @property {string | null} change_display
 */

/**
 * The results of an allocation part (scorer/RESULTS.md; lederskap_scorer/parts/allocation.py, AllocationResult).
 * @typedef {object} AllocationResult
 * @property {"allocation"} type
 * @property {string} id
 * @property {string} title
 * @property {number} total
 * @property {string} unit
 * @property {ColumnResult[]} columns
 * @property {RowResult[]} rows
 */

export const type = "allocation";
/** It has results of its own (drawResults). */
export const hasResults = true;

/**
 * The answer ids of the part: its rows.
 * @param {AllocationPart} part
 * @returns {string[]}
 */
export function answerIds(part) {
  return (part.rows || []).map((row) => row.id);
}

/**
 * The number in a number input, or null when it is empty or not a number.
 * @param {Pick<HTMLInputElement, "value" | "valueAsNumber">} input
 * @returns {number | null}
 */
export function numberIn(input) {
  if (input.value === "") return null;
  const value = input.valueAsNumber;
  return Number.isFinite(value) ? value : null;
}

/**
 * The part's fields in the form: a number input per row and column (`allocation` feeds the live sums).
 * @param {FormFields} formFields
 * @param {AllocationPart} part
 * @returns {FieldGroup | null}
 */
export function fields(formFields, part) {
  const section = formFields.form.querySelector(`[data-lsk-part="${CSS.escape(part.id)}"]`);
  if (!section) return null;
  /** @type {AllocationRowFields[]} */
  const rows = [];
  for (const row of part.rows || []) {
    const inputs = [];
    for (const column of part.columns || []) {
      const input = formFields.inputs.cell(row.id, column.id);
      if (input && section.contains(input)) inputs.push({ column: column.id, input });
    }
    if (inputs.length) rows.push({ id: row.id, text: row.text, inputs });
  }
  return {
    ids: rows.map((row) => row.id),
    allocation: { part, section, rows },
    read(answers) {
      for (const row of rows) {
        /** @type {Record<string, number>} */
        const cells = {};
        for (const { column, input } of row.inputs) {
          const value = numberIn(input);
          if (value !== null) cells[column] = value;
        }
        if (Object.keys(cells).length) answers[row.id] = cells;
      }
    },
    view(answers, into) {
      for (const row of rows) {
        const given = has(answers, row.id) ? answers[row.id] : undefined;
        if (!isPlainObject(given)) continue;
        /** @type {Record<string, number>} */
        const cells = {};
        for (const { column } of row.inputs) {
          const cell = has(given, column) ? given[column] : undefined;
          if (typeof cell === "number" && Number.isFinite(cell)) cells[column] = cell;
        }
        if (Object.keys(cells).length) into[row.id] = cells;
      }
    },
    write(view, wanted) {
      for (const row of rows) {
        if (!wanted(row.id)) continue;
        const shown = view[row.id];
        const cells = isPlainObject(shown) ? shown : {};
        for (const { column, input } of row.inputs) input.value = has(cells, column) ? String(cells[column]) : "";
      }
    },
  };
}

/**
 * The part's answers on the results page: its results box (the table shows every value).
 * @param {AllocationPart} part
 * @param {Answers} answers
 * @param {AnswersViewContext} context
 * @returns {Child[]}
 */
export function answersView(part, answers, { resultsBox }) {
  return [resultsBox(part.id)];
}

/**
 * The part's CSV rows: one per stored cell, then each column's sum.
 * @param {AllocationPart} part
 * @param {Answers} answers
 * @param {AllocationResult | null} scored its results, when the scorer has computed them
 * @param {CsvRowMakers} rows
 * @returns {CsvRow[]}
 */
export function csvRows(part, answers, scored, { answerRow, scoreRow }) {
  const rows = [];
  for (const row of part.rows || []) {
    const cells = answers[row.id];
    if (!isPlainObject(cells)) continue;
    for (const column of part.columns || []) {
      if (has(cells, column.id)) {
        rows.push(answerRow(`${row.id}.${column.id}`, `${row.text}: ${column.text}`, csvValue(cells[column.id])));
      }
    }
  }
  for (const column of scored ? scored.columns : []) {
    rows.push(scoreRow("csv.kind_sum", column.id, column.text, column.sum_display));
  }
  return rows;
}

/**
 * The part's results (its entry of the results' `parts`), with the problems of its rows.
 * @param {AllocationResult} part
 * @param {readonly Problem[]} problems the problems of every part's answers
 * @returns {Drawn}
 */
export function drawResults(part, problems) {
  /** @type {Set<string | null>} */
  const ids = new Set(part.rows.map((row) => row.id));
  return { nodes: allocation(part, problems.filter((p) => ids.has(p.id))), summary: t("results.live_allocation") };
}

/**
 * @param {AllocationResult} part
 * @param {readonly Problem[]} problems its rows' problems
 * @returns {NodeChild[]}
 */
function allocation(part, problems) {
  const unit = part.unit;
  const value = (/** @type {string | null | undefined} */ display) =>
    display === null || display === undefined
      ? t("allocation.no_value")
      : t("allocation.value", { value: display, unit });
  const anyValue = part.rows.some((row) => row.values.some((cell) => cell.value !== null));
  if (!anyValue) return [h("p", { class: "lsk-results-empty" }, t("allocation.empty_results")), problemList(problems)];
  const columns = part.columns;
  const first = columns[0];
  const last = columns[columns.length - 1];
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
          const cell = row.values.find((c) => c.column === column.id);
          return { value: cell?.value ?? null, text: value(cell?.display) };
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
        const cell = row.values.find((c) => c.column === column.id);
        return h("td", { class: "lsk-number-cell", "data-lsk-column": column.id }, value(cell?.display));
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
