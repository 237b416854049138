// i18n.js: interface text from the catalogue, and numbers written as the scorer writes them.

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { buildInfo } = await siteModule("build-info.js");
const { messages } = await siteModule("messages.js");
const { counted, formatNumber, language, t } = await siteModule("i18n.js");

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

test("counted chooses the message for exactly one", () => {
  const key = Object.keys(messages).find((name) => `${name}_one` in messages && messages[name].includes("{count}"));
  assert.ok(key, "the catalogue has a message with a form for one");
  assert.equal(counted(1, key), t(`${key}_one`, { count: 1 }));
  assert.equal(counted(2, key), messages[key].replace("{count}", "2"));
  assert.equal(counted(0, key), messages[key].replace("{count}", "0"));
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
