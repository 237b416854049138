// answered-marks.js: whether a questionnaire is answered, for the marks by the links to its page.
// An answer counts by the rule the page shares with the scorer (isEmptyAnswer), only under the
// questionnaire's own answer ids (the build's buildInfo.questionnaires).

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { answeredState } = await siteModule("answered-marks.js");
const { buildInfo } = await siteModule("build-info.js");

const IDS = ["a", "b", "c"];

test("nothing answered is no mark", () => {
  assert.equal(answeredState({}, IDS), null);
  assert.equal(answeredState({ a: null, b: " \n", c: [] }, IDS), null);
});

test("some answered is started, all answered is done", () => {
  assert.equal(answeredState({ a: 3 }, IDS), "started");
  assert.equal(answeredState({ a: 3, b: "Tekst", c: ["x"] }, IDS), "done");
  assert.equal(answeredState({ a: 3, b: "Tekst", c: { naa: null } }, IDS), "started");
});

test("answers to ids the questionnaire does not have are not counted", () => {
  assert.equal(answeredState({ removed: 4 }, IDS), null);
  assert.equal(answeredState({ a: 1, b: 2, removed: 4 }, IDS), "started");
  assert.equal(answeredState({ constructor: 1 }, ["constructor"]), "done");
  assert.equal(answeredState({}, ["constructor"]), null);
});

test("the build lists every placed questionnaire with its page and answer ids", () => {
  const ids = buildInfo.questionnaires.map((q) => q.id);
  assert.deepEqual(ids, [...ids].sort());
  for (const q of buildInfo.questionnaires) {
    assert.ok(q.page.endsWith("/") || q.page.endsWith(".html"), q.page);
    assert.ok(!q.page.startsWith("/"), q.page);
  }
});
