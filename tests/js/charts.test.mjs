// charts.js: the labels' line breaks (the drawing itself is tested in the browser, tests/browser/).

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { wrapText } = await siteModule("charts.js");

test("a short label is one line", () => {
  assert.deepEqual(wrapText("Focus and plans"), ["Focus and plans"]);
});

test("a long label breaks at spaces, each line at most the width", () => {
  const text = "Jeg gir medarbeiderne mine tydelige forventninger og følger opp det vi har avtalt";
  const lines = wrapText(text, 20);
  assert.equal(lines.join(" "), text);
  for (const line of lines) assert.ok(line.length <= 20, line);
  assert.deepEqual(wrapText("a b c", 3), ["a b", "c"]);
});

test("a word longer than a line is split with a hyphen", () => {
  assert.deepEqual(wrapText("abcdefghij", 4), ["abc-", "def-", "ghij"]);
  assert.deepEqual(wrapText("ab abcdefghij c", 4), ["ab", "abc-", "def-", "ghij", "c"]);
});

test("runs of spaces count as one, and an empty label is one empty line", () => {
  assert.deepEqual(wrapText("  spaced   out  "), ["spaced out"]);
  assert.deepEqual(wrapText(""), [""]);
  assert.deepEqual(wrapText("   "), [""]);
});

test("a label that is not text is shown as its text", () => {
  assert.deepEqual(wrapText(12), ["12"]);
});
