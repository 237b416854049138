// parts/likert.js: a statement of a suggestion in the learner's own terms (the drawing
// itself is tested in the browser, tests/browser/test_results_fixtures.py and
// test_suggestions.py).

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { t } = await siteModule("i18n.js");
const { answeredText } = await siteModule("parts/likert.js");

/** @param {object} fields */
const item = (fields) => ({
  id: "i",
  text: "I interrupt others.",
  reverse: false,
  answer: 2,
  answer_label: null,
  score: 2,
  ...fields,
});

test("a statement says what the learner answered, with the scale's label when it has one", () => {
  assert.equal(answeredText(item({})), t("results.you_answered", { answer: 2 }));
  assert.equal(
    answeredText(item({ answer_label: "Disagree" })),
    t("results.you_answered_labelled", { answer: 2, label: "Disagree" }),
  );
});

test("a reverse statement keeps the answer as given and says what it counts as, never the other way round", () => {
  const text = answeredText(item({ reverse: true, answer: 1, answer_label: "Strongly disagree", score: 7 }));
  const answered = t("results.you_answered_labelled", { answer: 1, label: "Strongly disagree" });
  assert.equal(text, `${answered} ${t("results.reverse_item", { score: 7 })}`);
  assert.ok(text.indexOf("1") < text.indexOf("7"));
});
