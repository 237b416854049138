// dom.js: ids for aria-labelledby and SVG patterns. (Building nodes needs a document: the
// browser tests, tests/browser/, cover it.)

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { uniqueId } = await siteModule("dom.js");

test("every id is new and keeps its readable prefix", () => {
  const ids = ["lsk-chart-title", "lsk-chart-title", "lsk-hatch"].map((prefix) => uniqueId(prefix));
  assert.equal(new Set(ids).size, 3);
  assert.match(ids[0], /^lsk-chart-title-\d+$/);
  assert.match(ids[2], /^lsk-hatch-\d+$/);
});
