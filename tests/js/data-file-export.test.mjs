// data-file.js: the export file, made without Python, holds what the scorer accepts.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { constants } = await siteModule("constants.js");
const { exportDocument, exportEntry, exportTeam } = await siteModule("data-file.js");

// The texts that are times of a record or a file, and those that are not, by the scorer's rule
// (records/file_values.py, is_time; tests/records/test_records.py reads the same list).
const { times } = JSON.parse(readFileSync(new URL("../records/fixtures/times.json", import.meta.url), "utf8"));

test("an export writes a record's `updated` when the scorer reads it as a time, else null", () => {
  for (const [text, isTime] of times) {
    const entry = exportEntry("check", 1, { schema: 2, answers: {}, updated: text });
    assert.equal(entry.updated, isTime ? text : null, JSON.stringify(text));
  }
});

test("an export keeps every answer and snapshot as stored, and a version of the record's own", () => {
  const record = { schema: 2, version: 3, answers: { a: 9, gone: "x" }, snapshots: [null, { id: "s" }] };
  assert.deepEqual(exportEntry("check", 1, record), {
    id: "check",
    version: 3,
    updated: null,
    answers: { a: 9, gone: "x" },
    snapshots: [null, { id: "s" }],
  });
  for (const version of [-1, 1.5, "3", null]) {
    assert.equal(exportEntry("check", 2, { ...record, version }).version, 2, JSON.stringify(version));
  }
  const none = { id: "check", version: 2, updated: null, answers: {}, snapshots: [] };
  assert.deepEqual(exportEntry("check", 2, null), none);
});

test("an export file is of the scorer's format and version", () => {
  const file = exportDocument({ course: "c", site: "https://example.org/", entries: [] });
  assert.equal(file.format, constants.exportFormat);
  assert.equal(file.format_version, constants.exportFormatVersion);
  assert.deepEqual(Object.keys(file), ["format", "format_version", "course", "site", "exported", "questionnaires"]);
});

test("a whole course's export carries the team replies opened, each invitation with its id, and no key", () => {
  const reply = { id: "0".repeat(31) + "1", answers: '{"a":4}', opened: "2026-05-03T19:00:00.000Z" };
  const stored = {
    ["f".repeat(32)]: {
      kind: "view",
      questionnaire: "view-of-check",
      version: 1,
      own: "check",
      created: "2026-05-01T08:00:00.000Z",
      replies: [{ ...reply, extra: "not in the format" }],
      privateKey: "never stored here, and never exported",
    },
  };
  const team = exportTeam(stored);
  assert.deepEqual(team, [
    {
      id: "f".repeat(32),
      kind: "view",
      questionnaire: "view-of-check",
      version: 1,
      own: "check",
      created: "2026-05-01T08:00:00.000Z",
      replies: [reply],
    },
  ]);
  const file = exportDocument({ course: "c", site: "https://example.org/", entries: [], team });
  assert.deepEqual(Object.keys(file), ["format", "format_version", "course", "site", "exported", "questionnaires", "team"]);
  assert.deepEqual(file.team, team);
  assert.deepEqual(exportDocument({ course: "c", site: "https://example.org/", entries: [], team: [] }).team, []);
});
