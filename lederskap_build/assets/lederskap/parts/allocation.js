// @ts-check
// The allocation part: rows (what the time goes to) and columns (now, wished), each
// cell a number, each column adding up to a total (scorer: lederskap_scorer/parts/
// allocation.py). Its fields (a number input per row and column), its answers on the
// results page (its results box only), its CSV rows and its results (the check of
// every column's sum, a chart and a table).

import { pairedBarChart } from "../charts.js";
import { h } from "../dom.js";
import { language, t } from "../i18n.js";
import { problemList, table } from "../result-tables.js";
import { csvValue, has, isPlainObject } from "./common.js";

/**
 * @import { Answers, AnswersViewContext, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child, NodeChild } from "../dom.js"
 * @import { Problem } from "../result-tables.js"
 * @import { Drawn } from "../results-view.js"
 * @import { Option } from "./checklist.js"
 * @import { SummaryPiece } from "./index.js"
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

// A cell is a text field with the numeric keyboard (inputmode="decimal", render.py), not an
// <input type="number">: Chromium's number field drops a decimal comma ("12,5" becomes 125)
// and every letter as they are typed, so what a learner typed could turn into another
// number, or vanish, without a word. Here nothing typed is read as a number it does not say.

/** The decimal separator of the course's language ("," in nb), as Intl writes numbers in it. */
const DECIMAL = new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";

/**
 * The number a learner typed, read in the course's language, or null when the text is not
 * a number. The decimal separator is the language's ("12,5" is 12.5 in nb) or a point, which
 * every phone's number keys have; there is no grouping ("1 000" is not a number, nor is "1,5"
 * in en), so no text is read as a number other than the one it says.
 * @param {string} text
 * @param {string} [decimal] the language's decimal separator
 * @returns {number | null}
 */
export function typedNumber(text, decimal = DECIMAL) {
  const separators = decimal === "." ? "\\." : `\\.${decimal}`;
  const number = new RegExp(`^[+-]?(?:[0-9]+(?:[${separators}][0-9]*)?|[${separators}][0-9]+)(?:[eE][+-]?[0-9]+)?$`);
  const trimmed = text.trim();
  if (!number.test(trimmed)) return null;
  const value = Number(trimmed.replace(decimal, "."));
  return Number.isFinite(value) ? value : null;
}

/**
 * A number as a cell shows it, in the course's language ("12,5" in nb), read back by
 * typedNumber as the same number.
 * @param {number} value
 * @param {string} [decimal] the language's decimal separator
 * @returns {string}
 */
export function numberText(value, decimal = DECIMAL) {
  return String(value).replace(".", decimal);
}

/**
 * What a cell holds as typed: nothing, a number from its data-lsk-min to its data-lsk-max
 * (what the build wrote from the definition: 0 to the part's total), a number outside them,
 * or text that is not a number.
 * @typedef {{state: "empty"} | {state: "number" | "out-of-range", value: number} | {state: "not-a-number"}} CellReading
 */

/**
 * Read a cell. A number outside the range is still a number: it is stored as typed, and the
 * scorer, which judges what is stored, leaves it out of the results with a problem naming its
 * row and column. Text that is not a number cannot be stored (a cell's answer is a number):
 * the page says so at the field.
 * @param {{value: string, dataset: DOMStringMap}} input
 * @param {string} [decimal] the language's decimal separator
 * @returns {CellReading}
 */
export function readCell(input, decimal = DECIMAL) {
  if (input.value.trim() === "") return { state: "empty" };
  const value = typedNumber(input.value, decimal);
  if (value === null) return { state: "not-a-number" };
  const min = Number(input.dataset.lskMin);
  const max = Number(input.dataset.lskMax);
  return { state: value >= min && value <= max ? "number" : "out-of-range", value };
}

/**
 * The number in a cell (in or out of its range), or null when it is empty or not a number.
 * @param {{value: string}} input
 * @returns {number | null}
 */
export function numberIn(input) {
  return input.value.trim() === "" ? null : typedNumber(input.value);
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
        for (const { column, input } of row.inputs) {
          const cell = has(cells, column) ? cells[column] : undefined;
          input.value = typeof cell === "number" ? numberText(cell) : "";
        }
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

/**
 * The part's results hold no texts the learner wrote.
 * @returns {boolean}
 */
export function ownWords() {
  return false;
}

/**
 * The part in the summary for a conversation: one table, each row's values and the change wanted.
 * @param {AllocationResult} part
 * @returns {SummaryPiece | null}
 */
export function summaryView(part) {
  if (!part.rows.some((row) => row.values.some((cell) => cell.value !== null))) return null;
  const unit = part.unit;
  const value = (/** @type {string | null | undefined} */ display) =>
    display === null || display === undefined ? t("allocation.no_value") : t("allocation.value", { value: display, unit });
  const twoOrMore = part.columns.length >= 2;
  const head = [t("allocation.col_row"), ...part.columns.map((c) => c.text)];
  if (twoOrMore) head.push(t("allocation.col_change"));
  const rows = part.rows.map((row) =>
    h(
      "tr",
      { "data-lsk-row": row.id },
      h("th", { scope: "row" }, row.text),
      part.columns.map((column) =>
        h("td", { class: "lsk-number-cell" }, value(row.values.find((c) => c.column === column.id)?.display)),
      ),
      twoOrMore ? h("td", { class: "lsk-number-cell" }, value(row.change_display)) : null,
    ),
  );
  return { lead: false, nodes: [table(part.title, head, rows)] };
}
