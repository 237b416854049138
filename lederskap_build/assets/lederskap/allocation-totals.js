// The live column sums of an allocation part ([data-lsk-totals]), computed
// here in plain JavaScript so the learner sees "Sum: 90 % av 100 %" at once,
// before (and without) Python. A column that has numbers but does not add up
// offers a button that scales it to the total and writes the scaled values
// into the inputs, by the same largest-remainder rule as the scorer
// (scorer/src/lederskap_scorer/allocation.py).

import { numberIn } from "./answers.js";
import { h, replaceChildren } from "./dom.js";
import { formatNumber, t } from "./i18n.js";

const TOLERANCE = 1e-9;

/** Scale `values` (sum above 0) to whole numbers adding up to `total` exactly. */
export function largestRemainder(values, total) {
  const sum = values.reduce((a, b) => a + b, 0);
  const shares = values.map((value) => (value * total) / sum);
  const result = shares.map((share) => Math.floor(share + 1e-9));
  const missing = total - result.reduce((a, b) => a + b, 0);
  const order = shares
    .map((share, index) => ({ index, remainder: share - result[index] }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order.slice(0, Math.max(missing, 0))) result[index] += 1;
  return result;
}

export class AllocationTotals {
  /** `allocation` is one entry of FormFields.allocations; `onScaled` saves and rescores. */
  constructor(form, allocation, { onScaled }) {
    this.part = allocation.part;
    this.rows = allocation.rows;
    this.total = Number(this.part.total) || 100;
    this.unit = this.part.unit || "";
    this.onScaled = onScaled;
    this.element = form.querySelector(`[data-lsk-totals="${CSS.escape(this.part.id)}"]`);
    this.proposals = new Map(); // column id -> [{row, value}] from the scorer, for the current answers
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

  /** Use the scorer's scaled proposals while they belong to the answers on screen. */
  setProposals(allocationResult) {
    this.proposals.clear();
    for (const column of (allocationResult && allocationResult.columns) || []) {
      if (column.scaled) this.proposals.set(column.id, column.scaled);
    }
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
        if (current && current.sum > 0) this.scale(current.column, current.cells, current.values);
      });
      const element = h("span", { class: "lsk-total", "data-lsk-column": column.id }, text, " ", button);
      line = { element, text, button };
      this.lineFor.set(column.id, line);
      this.lines.append(line.element);
    }
    const matches = Math.abs(sum - this.total) <= TOLERANCE;
    const words = [
      t("allocation.sum", {
        column: column.text,
        sum: formatNumber(matches ? this.total : sum),
        total: formatNumber(this.total),
        unit: this.unit,
      }),
    ];
    let state;
    if (answered === 0) {
      state = "empty";
      words.push(t("allocation.empty"));
    } else if (matches) {
      state = "matches";
      words.push(t("allocation.matches"));
    } else if (sum < this.total) {
      state = "short";
      words.push(t("allocation.missing", { amount: formatNumber(this.total - sum), unit: this.unit }));
    } else {
      state = "over";
      words.push(t("allocation.over", { amount: formatNumber(sum - this.total), unit: this.unit }));
    }
    const text = words.join(" ");
    if (line.text.textContent !== text) line.text.textContent = text;
    line.element.className = `lsk-total lsk-total--${state}`;
    line.element.dataset.lskState = state;
    line.button.hidden = !((state === "short" || state === "over") && sum > 0);
  }

  scale(column, cells, values) {
    const fromScorer = new Map((this.proposals.get(column.id) || []).map((entry) => [entry.row, entry.value]));
    let scaled = cells.map((cell) => fromScorer.get(cell.row));
    if (scaled.some((value) => typeof value !== "number")) {
      scaled = largestRemainder(
        values.map((value) => value || 0),
        this.total,
      );
    }
    cells.forEach((cell, index) => {
      cell.input.value = String(scaled[index]);
    });
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
