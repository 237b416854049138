// The column sums of an allocation part ([data-lsk-totals]). While the learner
// types, each sum is added up here so that something shows at once: a
// provisional figure, marked as such. Once the scorer has scored the answers on
// screen, its figures replace it (scorer/RESULTS.md: `sum_display`,
// `matches_total`, `difference_display`), and a column that does not add up offers
// a button that writes the scorer's scaled values (`scaled`) into the inputs. The
// page never scales or rounds itself: without Python there is no button.

import { h, replaceChildren } from "./dom.js";
import { formatNumber, t } from "./i18n.js";
import { numberIn } from "./parts/allocation.js";

// Only for the provisional figure: the scorer decides whether a column adds up.
const PROVISIONAL_TOLERANCE = 1e-9;

export class AllocationTotals {
  /** `allocation` is one entry of FormFields.allocations; `onScaled` saves and rescores. */
  constructor(form, allocation, { onScaled }) {
    this.part = allocation.part;
    this.rows = allocation.rows;
    this.total = Number(this.part.total) || 100;
    this.unit = this.part.unit || "";
    this.onScaled = onScaled;
    this.element = form.querySelector(`[data-lsk-totals="${CSS.escape(this.part.id)}"]`);
    this.scored = new Map(); // column id -> the scorer's column (RESULTS.md), for the answers on screen
    if (!this.element) return;
    this.lines = h("span", { class: "lsk-totals-lines" });
    this.announcer = h("span", { class: "lsk-visually-hidden", "aria-live": "polite" });
    replaceChildren(this.element, this.lines, this.announcer);
  }

  columns() {
    return (this.part.columns || []).map((column) => {
      const cells = this.rows
        .map((row) => ({ row: row.id, input: (row.inputs.find((cell) => cell.column === column.id) || {}).input }))
        .filter((cell) => cell.input);
      const values = cells.map((cell) => numberIn(cell.input));
      const given = values.filter((value) => value !== null);
      const sum = given.reduce((a, b) => a + b, 0);
      return { column, cells, values, answered: given.length, sum };
    });
  }

  /**
   * The scorer's result of this part for the answers on screen (null: the answers changed
   * since, or there is none): its figures replace the provisional ones.
   */
  setProposals(allocationResult) {
    this.scored.clear();
    for (const column of (allocationResult && allocationResult.columns) || []) this.scored.set(column.id, column);
    this.update();
  }

  update() {
    if (!this.element) return;
    this.lineFor ||= new Map();
    for (const info of this.columns()) this.updateLine(info);
  }

  // Each column's line and button are made once and then only updated, so a
  // button never disappears under the pointer between mousedown and click (a
  // number input's change event fires on that mousedown).
  updateLine(info) {
    const { column, answered, sum } = info;
    let line = this.lineFor.get(column.id);
    if (!line) {
      const text = h("span", { class: "lsk-total-text" });
      const button = h(
        "button",
        { type: "button", class: "lsk-button lsk-scale", "data-lsk-scale": column.id, hidden: true },
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
    const figures = scored
      ? {
          sum: scored.sum_display,
          state: scored.matches_total ? "matches" : scored.difference < 0 ? "short" : "over",
          amount: scored.difference_display.replace(/^[+-]/, ""),
        }
      : {
          sum: formatNumber(sum),
          state: Math.abs(sum - this.total) <= PROVISIONAL_TOLERANCE ? "matches" : sum < this.total ? "short" : "over",
          amount: formatNumber(Math.abs(this.total - sum)),
        };
    const state = answered === 0 ? "empty" : figures.state;
    const words = [
      t("allocation.sum", {
        column: column.text,
        sum: answered === 0 ? formatNumber(0) : figures.sum,
        total: formatNumber(this.total),
        unit: this.unit,
      }),
    ];
    if (state === "empty") words.push(t("allocation.empty"));
    else if (state === "matches") words.push(t("allocation.matches"));
    else words.push(t(state === "short" ? "allocation.missing" : "allocation.over", { amount: figures.amount, unit: this.unit }));
    const provisional = !scored && answered > 0;
    if (provisional) words.push(t("allocation.provisional"));
    const text = words.join(" ");
    if (line.text.textContent !== text) line.text.textContent = text;
    line.element.className = `lsk-total lsk-total--${state}`;
    line.element.dataset.lskState = state;
    line.element.toggleAttribute("data-lsk-provisional", provisional);
    line.button.hidden = !(scored && Array.isArray(scored.scaled) && scored.scaled.length);
  }

  /** Write the scorer's scaled values of `column` into its inputs. */
  scale(column, cells) {
    const scored = this.scored.get(column.id);
    if (!scored || !Array.isArray(scored.scaled)) return;
    const proposal = new Map(scored.scaled.map((entry) => [entry.row, entry.value]));
    for (const cell of cells) {
      if (proposal.has(cell.row)) cell.input.value = String(proposal.get(cell.row));
    }
    this.announcer.textContent = t("allocation.scaled", {
      column: column.text,
      total: formatNumber(this.total),
      unit: this.unit,
    });
    const buttonHadFocus = document.activeElement === (this.lineFor.get(column.id) || {}).button;
    this.onScaled();
    // The button hides now that the column adds up: keep focus in the column.
    if (cells[0] && (buttonHadFocus || document.activeElement === document.body)) cells[0].input.focus();
  }
}
