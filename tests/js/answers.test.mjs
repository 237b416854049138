// answers.js: when two answers are the same one. A save writes only the ids whose answer in the
// form differs from what the form shows for the stored record (record-sync.js), so "the
// same" must not depend on the order of ticked options, on empty cells or on line breaks.

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { sameAnswer } = await siteModule("answers.js");

test("numbers and texts are the same when they are equal, and never each other", () => {
  assert.equal(sameAnswer(3, 3), true);
  assert.equal(sameAnswer(3, 4), false);
  assert.equal(sameAnswer("evening", "evening"), true);
  assert.equal(sameAnswer(3, "3"), false);
});

test("a text is the same whatever its line breaks", () => {
  assert.equal(sameAnswer("one\r\ntwo", "one\ntwo"), true);
  assert.equal(sameAnswer("one\rtwo", "one\ntwo"), true);
  assert.equal(sameAnswer("one two", "one\ntwo"), false);
});

test("ticked options are the same in any order", () => {
  assert.equal(sameAnswer(["read", "walk"], ["walk", "read"]), true);
  assert.equal(sameAnswer(["read"], ["read", "walk"]), false);
});

test("an allocation row is the same without its empty cells, in any order", () => {
  assert.equal(sameAnswer({ now: 40, wished: 20 }, { wished: 20, now: 40 }), true);
  assert.equal(sameAnswer({ now: 40, wished: null }, { now: 40 }), true);
  assert.equal(sameAnswer({ now: 40 }, { now: 41 }), false);
});

test("no answer is only the same as no answer", () => {
  assert.equal(sameAnswer(undefined, undefined), true);
  assert.equal(sameAnswer(undefined, null), false);
  assert.equal(sameAnswer(undefined, ""), false);
  assert.equal(sameAnswer(undefined, "undefined"), false);
});

test("no answer at all is what the scorer says it is (tests/fixtures/empty-answers.json)", async () => {
  const { isEmptyAnswer } = await siteModule("answers.js");
  const { readFile } = await import("node:fs/promises");
  const { cases } = JSON.parse(await readFile(new URL("../fixtures/empty-answers.json", import.meta.url), "utf8"));
  assert.ok(cases.length > 10);
  for (const { value, empty, why } of cases) assert.equal(isEmptyAnswer(value), empty, why);
});
