// snapshots.js: a snapshot as "Lagre måling" makes it, which stored snapshots can be shown,
// and the name and time they are shown with. (The comparison is drawn in the browser:
// tests/browser/test_my_results.py.)

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { t } = await siteModule("i18n.js");
const { formatTime, makeSnapshot, shownSnapshots, snapshotId, snapshotName } = await siteModule("snapshots.js");

const SCORES = [{ part: "lead", title: "Leading", min: 1, max: 5, dimensions: [] }];

test("an id is m-, the time in base 36 and four hex digits, new each time", () => {
  const now = Date.UTC(2026, 4, 31, 18);
  const id = snapshotId(now);
  assert.match(id, /^m-[0-9a-z]+-[0-9a-f]{4}$/);
  assert.equal(parseInt(id.split("-")[1], 36), now);
  const ids = new Set(Array.from({ length: 20 }, () => snapshotId(now)));
  assert.ok(ids.size > 1, "the random digits tell snapshots of the same moment apart");
});

test("a snapshot copies the answers and keeps the scorer's snapshot scores", () => {
  const answers = { f1: 4, habits: ["read"] };
  const before = Date.now();
  const snapshot = makeSnapshot({ name: "  Start  ", answers, version: 3, results: { snapshot_scores: SCORES } });
  assert.match(snapshot.id, /^m-[0-9a-z]+-[0-9a-f]{4}$/);
  assert.equal(snapshot.name, "Start");
  assert.equal(snapshot.version, 3);
  assert.deepEqual(snapshot.answers, answers);
  assert.notEqual(snapshot.answers, answers, "a copy: later answers do not change it");
  assert.equal(snapshot.scores, SCORES);
  assert.ok(Date.parse(snapshot.created) >= before - 1000 && snapshot.created.endsWith("Z"));
});

test("a snapshot without results has no scores, and a name of at most 200 characters", () => {
  const snapshot = makeSnapshot({ name: "x".repeat(250), answers: {}, version: 1, results: null });
  assert.equal(snapshot.scores, null);
  assert.equal(snapshot.name.length, 200);
  assert.equal(makeSnapshot({ name: "", answers: {}, version: 1, results: null }).name, "");
});

test("only objects with an id are shown; every other entry stays where it is", () => {
  const good = { id: "m-1-abcd", name: "Start" };
  const stored = [good, null, "m-2", 3, {}, { id: "" }, { id: 7 }, { id: "m-3-0000" }];
  assert.deepEqual(shownSnapshots(stored), [good, { id: "m-3-0000" }]);
  assert.equal(stored.length, 8, "the record's list is left as it was");
});

test("a snapshot is shown with its own name, or with the date it was made", () => {
  const created = "2026-05-31T18:00:00.000Z";
  assert.equal(snapshotName({ name: " Start ", created }), "Start");
  for (const name of ["", "   ", undefined, 7]) {
    assert.equal(snapshotName({ name, created }), t("snapshot.unnamed", { date: formatTime(created) }));
  }
});

test("a time is written for the learner; a text that is no time is shown as it is", () => {
  const shown = formatTime("2026-05-31T18:00:00.000Z");
  assert.notEqual(shown, "2026-05-31T18:00:00.000Z");
  assert.match(shown, /2026/);
  assert.equal(formatTime("not a time"), "not a time");
  assert.equal(formatTime(undefined), "undefined");
});
