// @ts-check
// The column sums of an allocation part ([data-lsk-totals]). While the learner
// types, each sum is added up here so that something shows at once: a
// provisional figure, marked as such. Once the scorer has scored the answers on
// screen, its figures replace it (scorer/RESULTS.md: `sum_display`,
// `matches_total`, `difference_display`), and a column that does not add up offers
// a button that writes the scorer's scaled values (`scaled`) into the inputs. The
// page never scales or rounds itself: without Python there is no button.
//
// Each cell says at once, at the field and in the live region, when what it holds
// does not count: text that is not a number (not saved), or a number outside the
// range the build wrote on it from the definition (saved as typed, left out of the
// sum here as the scorer leaves it out of its own, with a problem in the results).

import { h, replaceChildren } from "./dom.js";
import { formatNumber, t } from "./i18n.js";
import { numberText, readCell } from "./parts/allocation.js";

/**
 * @import { AllocationFields, AllocationResult, CellReading, ColumnResult } from "./parts/allocation.js"
 * @import { Option } from "./parts/checklist.js"
 */

/**
 * A column as typed in the form: its cells, their numbers and the sum of those given.
 * @typedef {object} ColumnSum
 * @property {Option} column
 * @property {{row: string, input: HTMLInputElement, reading: CellReading}[]} cells
 * @property {number} answered how many cells hold a number in the range
 * @property {number} sum of those numbers
 */

/**
 * What a column's line says (columnFigures).
 * @typedef {object} ColumnFigures
 * @property {"empty" | "matches" | "short" | "over"} state
 * @property {string} sum the sum, as shown
 * @property {string} amount how much is missing or over, as shown
 * @property {boolean} provisional whether the figures are the page's own, not yet the scorer's
 */

/**
 * A column's line: its text and its "scale" button.
 * @typedef {{element: HTMLSpanElement, text: HTMLSpanElement, button: HTMLButtonElement}} TotalLine
 */

/**
 * A cell's message at its field, and what the cell held when it was last written.
 * @typedef {{element: HTMLSpanElement, state: CellReading["state"]}} CellMessage
 */

// Only for the provisional figure: the scorer decides whether a column adds up.
const PROVISIONAL_TOLERANCE = 1e-9;

/**
 * What a column's line says: the scorer's figures (`scored`, its column for the answers on
 * screen) or, without them, the sum as typed, marked provisional. A column without any
 * number is "empty", whatever the scorer says.
 * @param {Pick<ColumnSum, "answered" | "sum">} typed
 * @param {number} total what each column should add up to
 * @param {Pick<ColumnResult, "sum_display" | "matches_total" | "difference" | "difference_display"> | null} scored
 * @returns {ColumnFigures}
 */
export function columnFigures({ answered, sum }, total, scored) {
  /** @type {Omit<ColumnFigures, "provisional">} */
  const figures = scored
    ? {
        sum: scored.sum_display,
        state: scored.matches_total ? "matches" : scored.difference < 0 ? "short" : "over",
        amount: scored.difference_display.replace(/^[+-]/, ""),
      }
    : {
        sum: formatNumber(sum),
        state: Math.abs(sum - total) <= PROVISIONAL_TOLERANCE ? "matches" : sum < total ? "short" : "over",
        amount: formatNumber(Math.abs(total - sum)),
      };
  return {
    state: answered === 0 ? "empty" : figures.state,
    sum: answered === 0 ? formatNumber(0) : figures.sum,
    amount: figures.amount,
    provisional: !scored && answered > 0,
  };
}

export class AllocationTotals {
  /**
   * @param {ParentNode} form the questionnaire's form
   * @param {AllocationFields} allocation one entry of FormFields.allocations
   * @param {{onScaled: () => void}} options onScaled: saves and rescores
   */
  constructor(form, allocation, { onScaled }) {
    this.part = allocation.part;
    this.rows = allocation.rows;
    this.total = Number(this.part.total) || 100;
    this.unit = this.part.unit || "";
    this.onScaled = onScaled;
    this.element = form.querySelector(`[data-lsk-totals="${CSS.escape(this.part.id)}"]`);
    /** @type {Map<string, ColumnResult>} column id -> the scorer's column (RESULTS.md), for the answers on screen */
    this.scored = new Map();
    /** @type {Map<string, TotalLine>} column id -> its line, made once (updateLine) */
    this.lineFor = new Map();
    this.lines = h("span", { class: "lsk-totals-lines" });
    this.announcer = h("span", { class: "lsk-visually-hidden", "aria-live": "polite" });
    /** @type {Map<HTMLInputElement, CellMessage>} each cell's message, made once (updateCell) */
    this.messageFor = new Map();
    if (!this.element) return;
    replaceChildren(this.element, this.lines, this.announcer);
  }

  /** @returns {ColumnSum[]} */
  columns() {
    return (this.part.columns || []).map((column) => {
      const cells = this.rows.flatMap((row) => {
        const cell = row.inputs.find((entry) => entry.column === column.id);
        return cell ? [{ row: row.id, input: cell.input, reading: readCell(cell.input) }] : [];
      });
      // Only numbers in the range count, as in the scorer's sum.
      const given = cells.flatMap(({ reading }) => (reading.state === "number" ? [reading.value] : []));
      const sum = given.reduce((a, b) => a + b, 0);
      return { column, cells, answered: given.length, sum };
    });
  }

  /**
   * The scorer's result of this part for the answers on screen (null: the answers changed
   * since, or there is none): its figures replace the provisional ones.
   * @param {Pick<AllocationResult, "columns"> | null | undefined} allocationResult
   */
  setProposals(allocationResult) {
    this.scored.clear();
    for (const column of (allocationResult && allocationResult.columns) || []) this.scored.set(column.id, column);
    this.update();
  }

  update() {
    const columns = this.columns();
    for (const { column, cells } of columns) {
      for (const cell of cells) this.updateCell(column, cell);
    }
    if (!this.element) return;
    for (const info of columns) this.updateLine(info);
  }

  /**
   * A cell's message at its field (aria-describedby, aria-invalid), said in the live region
   * when it appears or changes while the learner is in that cell.
   * @param {Option} column
   * @param {ColumnSum["cells"][number]} cell
   */
  updateCell(column, { row, input, reading }) {
    let message = this.messageFor.get(input);
    if (!message) {
      const element = h("span", { class: "lsk-cell-message", id: `${input.id}-message`, hidden: true });
      (input.closest(".lsk-allocation-cell") || input.parentElement)?.append(element);
      message = { element, state: "empty" };
      this.messageFor.set(input, message);
    }
    const { state } = reading;
    if (message.state === state) return;
    message.state = state;
    const wrong = state === "not-a-number" || state === "out-of-range";
    const text = wrong
      ? t(state === "not-a-number" ? "allocation.cell_not_a_number" : "allocation.cell_out_of_range", {
          min: formatNumber(Number(input.dataset.lskMin)),
          max: formatNumber(Number(input.dataset.lskMax)),
          unit: this.unit,
        })
      : "";
    message.element.textContent = text;
    message.element.hidden = !wrong;
    if (wrong) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", message.element.id);
    } else {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    if (wrong && document.activeElement === input) {
      const rowText = this.rows.find((entry) => entry.id === row)?.text ?? row;
      this.announcer.textContent = t("allocation.cell_announce", { row: rowText, column: column.text, message: text });
    }
  }

  // Each column's line and button are made once and then only updated, so a
  // button never disappears under the pointer between mousedown and click (a
  // number input's change event fires on that mousedown).
  /** @param {ColumnSum} info */
  updateLine(info) {
    const { column } = info;
    let line = this.lineFor.get(column.id);
    if (!line) {
      const text = h("span", { class: "lsk-total-text" });
      const button = h(
        "button",
        { type: "button", class: "lsk-button lsk-scale-column", "data-lsk-scale": column.id, hidden: true },
        t("allocation.scale", { column: column.text, total: formatNumber(this.total), unit: this.unit }),
      );
      button.addEventListener("click", () => {
        const current = this.columns().find((c) => c.column.id === column.id);
        if (current) this.scale(current.column, current.cells);
      });
      const element = h("span", { class: "lsk-total", "data-lsk-column": column.id }, text, " ", button);
      line = { element, text, button };
      this.lineFor.set(column.id, line);
      this.lines.append(line.element);
    }
    const scored = this.scored.get(column.id) || null;
    // The scorer's figures for the answers on screen, or the sum as typed, marked provisional.
    const { state, sum, amount, provisional } = columnFigures(info, this.total, scored);
    const words = [t("allocation.sum", { column: column.text, sum, total: formatNumber(this.total), unit: this.unit })];
    if (state === "empty") words.push(t("allocation.empty"));
    else if (state === "matches") words.push(t("allocation.matches"));
    else words.push(t(state === "short" ? "allocation.missing" : "allocation.over", { amount, unit: this.unit }));
    if (provisional) words.push(t("allocation.provisional"));
    const text = words.join(" ");
    if (line.text.textContent !== text) line.text.textContent = text;
    line.element.className = `lsk-total lsk-total--${state}`;
    line.element.dataset.lskState = state;
    line.element.toggleAttribute("data-lsk-provisional", provisional);
    line.button.hidden = !(scored && Array.isArray(scored.scaled) && scored.scaled.length);
  }

  /**
   * Write the scorer's scaled values of `column` into its inputs.
   * @param {Option} column
   * @param {ColumnSum["cells"]} cells
   */
  scale(column, cells) {
    const scored = this.scored.get(column.id);
    if (!scored || !Array.isArray(scored.scaled)) return;
    const proposal = new Map(scored.scaled.map((entry) => [entry.row, entry.value]));
    for (const cell of cells) {
      // A cell whose text does not count keeps what the learner typed, and its message.
      const counts = cell.reading.state === "number" || cell.reading.state === "empty";
      if (counts && proposal.has(cell.row)) cell.input.value = numberText(Number(proposal.get(cell.row)));
    }
    this.announcer.textContent = t("allocation.scaled", {
      column: column.text,
      total: formatNumber(this.total),
      unit: this.unit,
    });
    const buttonHadFocus = document.activeElement === this.lineFor.get(column.id)?.button;
    this.onScaled();
    // The button hides now that the column adds up: keep focus in the column.
    if (cells[0] && (buttonHadFocus || document.activeElement === document.body)) cells[0].input.focus();
  }
}
