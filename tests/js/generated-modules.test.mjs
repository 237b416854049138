// The modules the build writes (build-info.js, messages.js) are what their declarations
// in types/lederskap/ say, which is what the type check of our modules relies on.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { buildInfo } = await siteModule("build-info.js");
const { messages } = await siteModule("messages.js");

const declarations = readFileSync(new URL("../../types/lederskap/build-info.d.ts", import.meta.url), "utf8");

/** The fields `interface <name> { ... }` of build-info.d.ts declares, sorted. */
function declaredFields(name) {
  const body = new RegExp(`interface ${name} \\{([^}]*)\\}`).exec(declarations);
  assert.ok(body, `build-info.d.ts declares ${name}`);
  return [...body[1].matchAll(/^\s*readonly (\w+)\??:/gm)].map((match) => match[1]).sort();
}

test("build-info.d.ts declares every field of buildInfo, and no other", () => {
  assert.deepEqual(declaredFields("BuildInfo"), Object.keys(buildInfo).sort());
  assert.deepEqual(declaredFields("StorageKeyConstants"), Object.keys(buildInfo.storageKeys).sort());
});

test("buildInfo's fields have their declared types", () => {
  assert.ok(Object.isFrozen(buildInfo));
  for (const name of ["course", "pyodideVersion", "wheel", "build"]) {
    assert.equal(typeof buildInfo[name], "string", name);
  }
  assert.equal(typeof buildInfo.offline, "boolean");
  assert.match(declarations, new RegExp(`readonly language: [^;]*"${buildInfo.language}"`));
  for (const value of Object.values(buildInfo.storageKeys)) assert.equal(typeof value, "string");
});

test("messages maps each key to a text", () => {
  assert.ok(Object.isFrozen(messages));
  assert.ok(Object.keys(messages).length > 0);
  for (const [key, text] of Object.entries(messages)) assert.equal(typeof text, "string", key);
});
