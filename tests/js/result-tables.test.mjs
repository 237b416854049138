// result-tables.js: names listed in words, and an answer problem of the scorer in words.
// (The tables are drawn in the browser: tests/browser/.)

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { t } = await siteModule("i18n.js");
const { joinNames, problemText } = await siteModule("result-tables.js");

test("names are listed with commas and the language's word for 'and' before the last", () => {
  const and = t("results.list_and");
  assert.equal(joinNames([]), "");
  assert.equal(joinNames(["Focus"]), "Focus");
  assert.equal(joinNames(["Focus", "Care"]), `Focus ${and} Care`);
  assert.equal(joinNames(["Focus", "Care", "Trust"]), `Focus, Care ${and} Trust`);
});

test("a problem is worded by the catalogue's problem.<code>, filled in with its values", () => {
  const text = problemText({ code: "not-a-text", values: { question: "A strength" } });
  assert.equal(text, t("problem.not-a-text", { question: "A strength" }));
  assert.match(text, /A strength/);
  assert.doesNotMatch(text, /\{question\}/);
});

test("a problem without values leaves its placeholders as they are", () => {
  assert.equal(problemText({ code: "not-a-text", values: null }), t("problem.not-a-text"));
});
