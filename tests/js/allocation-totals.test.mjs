// allocation-totals.js: what a column's line says while the learner types (the page's own
// provisional sum) and once the scorer has the answers on screen (its figures), and
// parts/allocation.js's reading of what a learner typed into a cell. (The lines, the cells'
// messages and the "scale" button are tested in the browser, tests/browser/test_allocation.py.)

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { siteModule } from "./site.mjs";

const { formatNumber } = await siteModule("i18n.js");
const { columnFigures } = await siteModule("allocation-totals.js");
const { numberIn, numberText, readCell, typedNumber } = await siteModule("parts/allocation.js");

/** A column as typed: the numbers given (null: an empty cell). */
function typed(...values) {
  const given = values.filter((value) => value !== null);
  return { answered: given.length, sum: given.reduce((a, b) => a + b, 0) };
}

describe("the provisional sum, before the scorer has the answers on screen", () => {
  test("a column short of its total says how much is missing", () => {
    assert.deepEqual(columnFigures(typed(30, 40.5, null), 100, null), {
      state: "short",
      sum: formatNumber(70.5),
      amount: formatNumber(29.5),
      provisional: true,
    });
  });

  test("a column over its total says by how much", () => {
    assert.deepEqual(columnFigures(typed(60, 50), 100, null), {
      state: "over",
      sum: formatNumber(110),
      amount: formatNumber(10),
      provisional: true,
    });
  });

  test("a column that adds up matches, also when binary fractions do not add up exactly", () => {
    assert.equal(typed(0.1, 64.1, 35.8).sum === 100, false, "the sum typed is not exactly 100");
    const figures = columnFigures(typed(0.1, 64.1, 35.8), 100, null);
    assert.equal(figures.state, "matches");
    assert.equal(figures.provisional, true);
    assert.equal(columnFigures(typed(40, 30), 70, null).state, "matches", "each part's own total");
    assert.equal(columnFigures(typed(99.99), 100, null).state, "short", "only rounding errors are forgiven");
  });

  test("a column without any number is empty, its sum 0, and nothing is provisional", () => {
    assert.deepEqual(columnFigures(typed(null, null), 100, null), {
      state: "empty",
      sum: formatNumber(0),
      amount: formatNumber(100),
      provisional: false,
    });
  });

  test("the sums are written as the scorer writes numbers", () => {
    assert.equal(columnFigures(typed(12.5), 100, null).sum, formatNumber(12.5));
    assert.match(formatNumber(12.5), /^12[.,]5$/);
    assert.equal(formatNumber(40), "40");
  });
});

describe("the scorer's figures, once it has scored the answers on screen", () => {
  const scored = (fields) => ({
    sum_display: "70",
    matches_total: false,
    difference: -30,
    difference_display: "-30",
    ...fields,
  });

  test("replace the sum as typed, and are not provisional", () => {
    assert.deepEqual(columnFigures(typed(30, 40), 100, scored({})), {
      state: "short",
      sum: "70",
      amount: "30",
      provisional: false,
    });
  });

  test("the scorer's verdict and amounts are shown as it wrote them", () => {
    const over = scored({ sum_display: "100,0001", difference: 0.0001, difference_display: "+0,0001" });
    const figures = columnFigures(typed(50, 50.0001), 100, over);
    assert.equal(figures.state, "over");
    assert.equal(figures.sum, "100,0001");
    assert.equal(figures.amount, "0,0001", "the sign is left out: the words say missing or over");
    const matches = scored({ sum_display: "100", matches_total: true, difference: 0, difference_display: "0" });
    const matching = columnFigures(typed(30, 70), 100, matches);
    assert.equal(matching.state, "matches");
    assert.equal(matching.sum, "100");
  });

  test("a column without any number is empty whatever the scorer says", () => {
    const empty = scored({ sum_display: "0", difference: -100, difference_display: "-100" });
    const figures = columnFigures(typed(null), 100, empty);
    assert.equal(figures.state, "empty");
    assert.equal(figures.sum, formatNumber(0));
    assert.equal(figures.provisional, false);
  });
});

describe("typedNumber: a number as a learner types it, in the course's language", () => {
  test("nb reads a decimal comma as a decimal comma, and a point too", () => {
    assert.equal(typedNumber("12,5", ","), 12.5, "not 125");
    assert.equal(typedNumber("12.5", ","), 12.5);
    assert.equal(typedNumber(" 40 ", ","), 40);
    assert.equal(typedNumber("0,25", ","), 0.25);
    assert.equal(typedNumber(",5", ","), 0.5);
    assert.equal(typedNumber("12,", ","), 12, "half typed");
    assert.equal(typedNumber("-10", ","), -10, "a number, if not one that fits");
  });

  test("en reads a decimal point only: a comma is no separator it could guess", () => {
    assert.equal(typedNumber("12.5", "."), 12.5);
    assert.equal(typedNumber("12,5", "."), null);
    assert.equal(typedNumber("1,000", "."), null);
  });

  test("nothing else is read as a number", () => {
    for (const text of ["", "abc", "12a", "1 000", "12,5,3", "1.2.3", "--1", "12 5", ",", "1e400"]) {
      assert.equal(typedNumber(text, ","), null, text);
    }
  });

  test("the default separator is the course's, as the page's numbers are written", () => {
    assert.equal(typedNumber(formatNumber(12.5)), 12.5);
    assert.equal(numberText(12.5), formatNumber(12.5));
  });

  test("a number shown in a cell reads back as the same number", () => {
    for (const value of [0, 12.5, 40, 0.1, 33.333333333333336, 1e-7, -10]) {
      assert.equal(typedNumber(numberText(value, ","), ","), value);
      assert.equal(typedNumber(numberText(value, "."), "."), value);
    }
    assert.equal(numberText(12.5, ","), "12,5");
  });
});

describe("readCell: what a cell holds, against the range the build wrote on it", () => {
  const cell = (value) => ({ value, dataset: { lskMin: "0", lskMax: "40" } });

  test("a number from min to max counts", () => {
    assert.deepEqual(readCell(cell("12,5"), ","), { state: "number", value: 12.5 });
    assert.deepEqual(readCell(cell("0"), ","), { state: "number", value: 0 });
    assert.deepEqual(readCell(cell("40"), ","), { state: "number", value: 40 });
  });

  test("a number outside them is a number, out of range", () => {
    assert.deepEqual(readCell(cell("150"), ","), { state: "out-of-range", value: 150 });
    assert.deepEqual(readCell(cell("-10"), ","), { state: "out-of-range", value: -10 });
    assert.deepEqual(readCell(cell("40,5"), ","), { state: "out-of-range", value: 40.5 });
  });

  test("blank is empty, and other text is not a number", () => {
    assert.deepEqual(readCell(cell("  "), ","), { state: "empty" });
    assert.deepEqual(readCell(cell("tolv"), ","), { state: "not-a-number" });
  });
});

describe("numberIn: the number in a cell, in or out of its range", () => {
  test("a number as typed", () => {
    assert.equal(numberIn({ value: formatNumber(12.5) }), 12.5);
    assert.equal(numberIn({ value: "0" }), 0);
    assert.equal(numberIn({ value: "150" }), 150);
  });

  test("an empty input, text that is not a number and a number too large are no number", () => {
    assert.equal(numberIn({ value: "" }), null);
    assert.equal(numberIn({ value: "abc" }), null);
    assert.equal(numberIn({ value: "1e400" }), null);
  });
});
