// The modules the build writes (build-info.js, messages.js, constants.js) are what their
// declarations in types/lederskap/ say, which is what the type check of our modules relies on.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { buildInfo } = await siteModule("build-info.js");
const { messages } = await siteModule("messages.js");
const { constants } = await siteModule("constants.js");

/** The text of the declarations types/lederskap/<name>. */
function declarationsOf(name) {
  return readFileSync(new URL(`../../types/lederskap/${name}`, import.meta.url), "utf8");
}

const buildInfoDeclarations = declarationsOf("build-info.d.ts");
const constantsDeclarations = declarationsOf("constants.d.ts");

/** The body of `interface <name> { ... }` in `declarations` (it ends with a "}" on a line of its own). */
function interfaceBody(declarations, name) {
  const body = new RegExp(`^export interface ${name} \\{\n([\\s\\S]*?)^\\}$`, "m").exec(declarations);
  assert.ok(body, `the declarations declare ${name}`);
  return body[1];
}

/** The fields `interface <name>` of `declarations` declares, sorted. */
function declaredFields(declarations, name) {
  return [...interfaceBody(declarations, name).matchAll(/^\s*readonly (\w+)\??:/gm)].map((match) => match[1]).sort();
}

/** The type `interface <name>` of `declarations` declares for `field`. */
function declaredType(declarations, name, field) {
  const type = new RegExp(`^\\s*readonly ${field}: ([^;]*);`, "m").exec(interfaceBody(declarations, name));
  assert.ok(type, `${name}.${field} is declared`);
  return type[1];
}

test("build-info.d.ts declares every field of buildInfo, and no other", () => {
  assert.deepEqual(declaredFields(buildInfoDeclarations, "BuildInfo"), Object.keys(buildInfo).sort());
});

test("buildInfo's fields have their declared types", () => {
  assert.ok(Object.isFrozen(buildInfo));
  for (const name of ["course", "pyodideVersion", "wheel", "stdlib", "build"]) {
    assert.equal(typeof buildInfo[name], "string", name);
  }
  assert.equal(typeof buildInfo.offline, "boolean");
  if (buildInfo.myResults !== null) {
    assert.deepEqual(Object.keys(buildInfo.myResults).sort(), ["page", "title"]);
    assert.equal(typeof buildInfo.myResults.page, "string");
    assert.equal(typeof buildInfo.myResults.title, "string");
  }
  assert.ok(Array.isArray(buildInfo.questionnaires) && buildInfo.questionnaires.length > 0);
  for (const entry of buildInfo.questionnaires) {
    assert.deepEqual(Object.keys(entry).sort(), ["answerIds", "id", "page"]);
    assert.equal(typeof entry.page, "string");
    assert.ok(entry.answerIds.length > 0 && entry.answerIds.every((id) => typeof id === "string"), entry.id);
  }
  assert.match(buildInfoDeclarations, new RegExp(`readonly language: [^;]*"${buildInfo.language}"`));
});

test("constants.d.ts declares every field of constants, and no other", () => {
  assert.deepEqual(declaredFields(constantsDeclarations, "Constants"), Object.keys(constants).sort());
  assert.deepEqual(
    declaredFields(constantsDeclarations, "StorageKeyConstants"),
    Object.keys(constants.storageKeys).sort(),
  );
});

test("constants' fields have their declared types", () => {
  assert.ok(Object.isFrozen(constants));
  for (const [name, value] of Object.entries(constants)) {
    const declared = declaredType(constantsDeclarations, "Constants", name);
    if (declared === "StorageKeyConstants") continue;
    assert.equal(typeof value, declared, name);
  }
  for (const value of Object.values(constants.storageKeys)) assert.equal(typeof value, "string");
  for (const name of ["recordSchema", "exportFormatVersion", "maxImportBytes", "maxSnapshotName"]) {
    assert.ok(Number.isSafeInteger(constants[name]) && constants[name] > 0, name);
  }
});

test("the patterns are regular expressions without capturing groups, matched against a whole text", () => {
  // storage-keys.js puts them into a pattern of its own, whose groups it counts.
  for (const name of ["idPattern", "timePattern"]) {
    const source = constants[name];
    assert.ok(!source.startsWith("^") && !source.endsWith("$"), `${name} has no anchors`);
    assert.equal(new RegExp(`${source}|`).exec("").length, 1, `${name} has no capturing groups`);
  }
  const id = new RegExp(`^(?:${constants.idPattern})$`);
  for (const good of ["a", "leder-egenvurdering", "q_1", "0"]) assert.ok(id.test(good), good);
  for (const bad of ["", "-a", "a-", "A", "a b", "a/b", "a#b", "abc\n", "a".repeat(65)]) assert.ok(!id.test(bad), bad);
  // The pattern alone; that a time is a real date too is tested with data-file.js (data-file-export.test.mjs).
  const time = new RegExp(`^(?:${constants.timePattern})$`);
  for (const good of [new Date(0).toISOString(), "2026-05-31T18:00:00Z", "2026-05-31T18:00:00.123456Z"]) {
    assert.ok(time.test(good), good);
  }
  const bad = ["2026-05-31", "2026-05-31T18:00:00+02:00", "2026-05-31T18:00:00.1234567Z", "\u0662026-05-31T18:00:00Z"];
  for (const text of bad) assert.ok(!time.test(text), text);
});

test("messages maps each key to a text", () => {
  assert.ok(Object.isFrozen(messages));
  assert.ok(Object.keys(messages).length > 0);
  for (const [key, text] of Object.entries(messages)) assert.equal(typeof text, "string", key);
});
