// i18n.js: interface text from the catalogue, and numbers written as the scorer writes them.

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { buildInfo } = await siteModule("build-info.js");
const { messages } = await siteModule("messages.js");
const { counted, formatNumber, language, t, tNodes } = await siteModule("i18n.js");

/** A number as the course's language writes a decimal: "12,5" in nb, "12.5" in en. */
const decimal = (text) => (buildInfo.language === "nb" ? text.replace(".", ",") : text);

test("the language is the course's", () => {
  assert.equal(language, buildInfo.language);
});

test("a message is the catalogue's text with its placeholders filled", () => {
  const template = messages["form.radio_name"];
  assert.match(template, /\{value\}.*\{max\}/);
  assert.equal(t("form.radio_name", { value: 3, max: 5 }), template.replace("{value}", "3").replace("{max}", "5"));
});

test("a placeholder without a value stays as it is, and values it does not name are ignored", () => {
  const template = messages["form.radio_name"];
  assert.equal(t("form.radio_name", { value: 3, other: 1 }), template.replace("{value}", "3"));
  assert.equal(t("form.radio_name"), template);
});

test("a value is inserted as text, never read as a placeholder or a replacement pattern", () => {
  const template = messages["form.radio_name"];
  const expected = template.replace("{max}", "5").replace("{value}", () => "{max} $&");
  assert.equal(t("form.radio_name", { value: "{max} $&", max: 5 }), expected);
});

test("a key the catalogue does not have is shown as the key and reported", (context) => {
  const error = context.mock.method(console, "error", () => {});
  assert.equal(t("no.such.message"), "no.such.message");
  assert.equal(error.mock.callCount(), 1);
  assert.match(error.mock.calls[0].arguments[0], /no\.such\.message/);
});

test("a key named like a property of every object is not a message", (context) => {
  context.mock.method(console, "error", () => {});
  assert.equal(t("toString"), "toString");
  assert.equal(t("constructor"), "constructor");
});

test("counted chooses the form the language gives the number (Intl.PluralRules)", () => {
  const rules = new Intl.PluralRules(language);
  const key = Object.keys(messages).find((name) => `${name}.one` in messages && messages[name].includes("{count}"));
  assert.ok(key, "the catalogue has a message with a form for one");
  assert.equal(rules.select(1), "one");
  assert.equal(counted(1, key), messages[`${key}.one`].replace("{count}", "1"));
  assert.equal(counted(2, key), messages[key].replace("{count}", "2"));
  assert.equal(counted(0, key), messages[key].replace("{count}", "0"));
  assert.equal(counted(21, key), messages[key].replace("{count}", "21"));
});

test("counted fills in other values, and takes the general form where the language has no other", () => {
  const general = Object.keys(messages).find(
    (name) => messages[name].includes("{count}") && !Object.keys(messages).some((k) => k.startsWith(`${name}.`)),
  );
  assert.ok(general, "the catalogue has a message with one form for every number");
  assert.equal(counted(1, general), messages[general].replace("{count}", "1"));
  assert.equal(counted(3, "import.file_info", { file: "a.json" }), t("import.file_info", { file: "a.json" }));
});

test("every form for a plural category is one the course's language has, beside its general form", () => {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const name of Object.keys(messages)) {
    const match = /^(.*)\.(zero|one|two|few|many|other)$/.exec(name);
    if (!match) continue;
    assert.ok(categories.includes(match[2]) && match[2] !== "other", `${name}: ${language} has no such form`);
    assert.ok(match[1] in messages, `${name} has no general form`);
  }
});

test("tNodes puts a node in its placeholder's place and fills the other values as text", () => {
  const link = { textContent: "Mine resultater" };
  const key = Object.keys(messages).find((name) => /^[^{]+\{page\}[^{]*$/.test(messages[name]));
  assert.ok(key, "the catalogue has a sentence with a link to a page");
  const [before, after] = messages[key].split("{page}");
  const parts = tNodes(key, { page: link });
  assert.deepEqual(parts, [before, link, after].filter((part) => part !== ""));
  assert.equal(tNodes("import.file_info", { file: "a.json" }).join(""), t("import.file_info", { file: "a.json" }));
});

test("whole numbers have no decimals, others one, in the course's language", () => {
  assert.equal(formatNumber(40), "40");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(12.5), decimal("12.5"));
  assert.equal(formatNumber(1 / 3), decimal("0.3"));
});

test("numbers are never grouped, and a minus is an ASCII hyphen-minus", () => {
  assert.equal(formatNumber(1234567), "1234567");
  assert.equal(formatNumber(-2.5), decimal("-2.5"));
  assert.equal(formatNumber(-40), "-40");
});
