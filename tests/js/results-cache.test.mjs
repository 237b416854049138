// results-cache.js: results kept for exactly the same answers, language and build, and
// nothing else changes when they cannot be read or written.

import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { MemoryStorage } from "./memory-storage.mjs";
import { siteModule } from "./site.mjs";

const { buildInfo } = await siteModule("build-info.js");
const { ResultsCache } = await siteModule("results-cache.js");

const RECORD_KEY = "lederskap/v2:/repo/#kurs/leder";
const KEY = `${RECORD_KEY}/results`;
const ANSWERS = '{"a":3}';
const RESULTS = JSON.stringify({ results_format: 1, parts: [] });

let storage;
beforeEach(() => {
  storage = new MemoryStorage();
  // storage.js reads window.localStorage.
  globalThis.window = { localStorage: storage };
});

test("results written for some answers are read for the same answers only", () => {
  const cache = new ResultsCache(RECORD_KEY, "nb");
  cache.write(ANSWERS, RESULTS);
  assert.deepEqual(JSON.parse(storage.getItem(KEY)), {
    build: buildInfo.build,
    language: "nb",
    answers: ANSWERS,
    results: RESULTS,
  });
  assert.equal(cache.read(ANSWERS), RESULTS);
  assert.equal(cache.read('{"a":4}'), null);
  assert.equal(storage.getItem(KEY) !== null, true, "other answers leave the entry");
});

test("results of another language or another build are not used", () => {
  new ResultsCache(RECORD_KEY, "en").write(ANSWERS, RESULTS);
  assert.equal(new ResultsCache(RECORD_KEY, "nb").read(ANSWERS), null);
  storage.setItem(KEY, JSON.stringify({ build: "older", language: "nb", answers: ANSWERS, results: RESULTS }));
  assert.equal(new ResultsCache(RECORD_KEY, "nb").read(ANSWERS), null);
});

test("an entry that is not a results cache is removed", () => {
  const cache = new ResultsCache(RECORD_KEY, "nb");
  for (const text of [
    "not JSON",
    "[]",
    "null",
    JSON.stringify({ build: buildInfo.build, language: "nb", answers: ANSWERS }),
    JSON.stringify({ build: buildInfo.build, language: "nb", answers: ANSWERS, results: "not JSON" }),
    JSON.stringify({ build: buildInfo.build, language: "nb", answers: ANSWERS, results: '{"parts":[]}' }),
  ]) {
    storage.setItem(KEY, text);
    assert.equal(cache.read(ANSWERS), null, text);
    assert.equal(storage.getItem(KEY), null, text);
  }
});

test("results too large to be worth the space are not kept, and an older entry goes", () => {
  const cache = new ResultsCache(RECORD_KEY, "nb");
  cache.write(ANSWERS, RESULTS);
  cache.write(ANSWERS, JSON.stringify({ results_format: 1, parts: [], padding: "x".repeat(200_000) }));
  assert.equal(storage.getItem(KEY), null);
});

test("when storage is full the entry is dropped rather than kept stale", () => {
  const cache = new ResultsCache(RECORD_KEY, "nb");
  cache.write(ANSWERS, RESULTS);
  storage.quota = storage.used();
  cache.write('{"a":4,"b":5}', RESULTS);
  assert.equal(storage.getItem(KEY), null);
});

test("without usable localStorage nothing is read or written, and nothing fails", () => {
  storage.setItem(KEY, JSON.stringify({ build: buildInfo.build, language: "nb", answers: ANSWERS, results: RESULTS }));
  storage.getItem = () => {
    throw new DOMException("blocked", "SecurityError");
  };
  const cache = new ResultsCache(RECORD_KEY, "nb");
  assert.equal(cache.read(ANSWERS), null);
  cache.write(ANSWERS, RESULTS);
  cache.forget();
  globalThis.window = {};
  assert.equal(cache.read(ANSWERS), null);
  cache.write(ANSWERS, RESULTS);
});

test("results of no answers are not kept, and remove what was kept before", () => {
  const cache = new ResultsCache(RECORD_KEY, "nb");
  cache.write(ANSWERS, RESULTS);
  cache.write("{}", RESULTS);
  assert.equal(storage.getItem(KEY), null);
  assert.equal(cache.read("{}"), null);
});
