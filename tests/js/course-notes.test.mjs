// course-notes.js: when each questionnaire was last exported, and since when it has answers
// no export holds (for the reminder to export), kept in the course's notes, and in memory for
// the visit when they cannot be stored.

import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";

import { MemoryStorage } from "./memory-storage.mjs";
import { siteModule } from "./site.mjs";

const {
  EXPORT_REMINDER_DAYS,
  askToPersist,
  exportIsDue,
  forgetExport,
  forgetNotesInMemory,
  lastExport,
  noteChange,
  noteExport,
  unexportedSince,
} = await siteModule("course-notes.js");
const { courseScope, storageKey } = await siteModule("storage-keys.js");

const SITE = "/repo/";
const COURSE = "kurs";
const DAY = 24 * 60 * 60 * 1000;

let storage;
beforeEach(() => {
  storage = new MemoryStorage();
  // local-storage.js reads window.localStorage.
  globalThis.window = { localStorage: storage };
  forgetNotesInMemory(SITE, COURSE);
});

/** The keys of the course's notes stored now. */
function notesKeys() {
  return Object.keys(storage.snapshot()).filter((key) => key.startsWith(courseScope(SITE, COURSE)));
}

describe("the reminder to export", () => {
  const now = Date.parse("2026-06-15T12:00:00.000Z");

  test("is not due when no answer is waiting for an export, even if nothing was ever exported", () => {
    assert.equal(exportIsDue(null, now), false);
  });

  test(`is due once answers have waited for an export more than ${EXPORT_REMINDER_DAYS} days`, () => {
    const daysAgo = (days) => new Date(now - days * DAY).toISOString();
    assert.equal(exportIsDue(daysAgo(0), now), false, "not on the first day");
    assert.equal(exportIsDue(daysAgo(1), now), false);
    assert.equal(exportIsDue(daysAgo(EXPORT_REMINDER_DAYS), now), false);
    assert.equal(exportIsDue(daysAgo(EXPORT_REMINDER_DAYS + 1), now), true);
  });

  test("is due when the time noted cannot be read", () => {
    assert.equal(exportIsDue("yesterday", now), true);
  });
});

describe("since when a questionnaire has answers no export holds", () => {
  test("starts at the first change after the last export, and an export ends it", () => {
    assert.equal(unexportedSince(SITE, COURSE, "leder", null), null);
    noteChange(SITE, COURSE, "leder");
    const first = unexportedSince(SITE, COURSE, "leder", null);
    assert.ok(first && Number.isFinite(Date.parse(first)));
    const notes = JSON.parse(storage.getItem(notesKeys()[0]));
    notes.unexported.leder = "2026-01-01T00:00:00.000Z"; // an earlier first change
    storage.setItem(notesKeys()[0], JSON.stringify(notes));
    noteChange(SITE, COURSE, "leder");
    assert.equal(unexportedSince(SITE, COURSE, "leder", null), "2026-01-01T00:00:00.000Z", "a later change keeps it");
    noteExport(SITE, COURSE, ["leder"]);
    assert.equal(unexportedSince(SITE, COURSE, "leder", "2026-01-02T00:00:00.000Z"), null);
    assert.equal(unexportedSince(SITE, COURSE, "team", null), null, "each questionnaire has its own");
  });

  test("answers saved before changes were noted count from the record's time, unless an export holds them", () => {
    const updated = "2026-03-01T10:00:00.000Z";
    assert.equal(unexportedSince(SITE, COURSE, "leder", updated), updated, "never exported");
    assert.equal(unexportedSince(SITE, COURSE, "leder", "not a time"), null);
    noteExport(SITE, COURSE, ["leder"]); // now: later than the record's time
    assert.equal(unexportedSince(SITE, COURSE, "leder", updated), null);
    assert.equal(unexportedSince(SITE, COURSE, "leder", "2999-01-01T00:00:00.000Z"), "2999-01-01T00:00:00.000Z");
  });

  test("is forgotten with the questionnaire's answers", () => {
    noteChange(SITE, COURSE, "leder");
    forgetExport(storageKey(SITE, COURSE, "leder"));
    assert.equal(unexportedSince(SITE, COURSE, "leder", null), null);
    assert.deepEqual(notesKeys(), []);
  });
});

describe("when each questionnaire was last exported", () => {
  test("is noted per questionnaire of the course, in one stored note", () => {
    assert.equal(lastExport(SITE, COURSE, "leder"), null);
    noteExport(SITE, COURSE, ["leder", "team"]);
    const time = lastExport(SITE, COURSE, "leder");
    assert.ok(time && Number.isFinite(Date.parse(time)));
    assert.equal(lastExport(SITE, COURSE, "team"), time);
    assert.equal(lastExport(SITE, COURSE, "other"), null);
    assert.equal(lastExport(SITE, "another-course", "leder"), null, "another course's notes are its own");
    assert.equal(notesKeys().length, 1);
    assert.deepEqual(Object.keys(JSON.parse(storage.getItem(notesKeys()[0])).exported), ["leder", "team"]);
  });

  test("is forgotten with the questionnaire's answers; the note goes with the last one", () => {
    noteExport(SITE, COURSE, ["leder", "team"]);
    forgetExport(storageKey(SITE, COURSE, "leder"));
    assert.equal(lastExport(SITE, COURSE, "leder"), null);
    assert.notEqual(lastExport(SITE, COURSE, "team"), null);
    forgetExport(storageKey(SITE, COURSE, "team"));
    assert.deepEqual(notesKeys(), []);
  });

  test("is kept in memory for the visit when it cannot be stored", () => {
    storage.quota = 0;
    noteExport(SITE, COURSE, ["leder"]);
    assert.deepEqual(notesKeys(), []);
    assert.notEqual(lastExport(SITE, COURSE, "leder"), null);
    storage.quota = Infinity;
    noteExport(SITE, COURSE, ["team"]);
    assert.deepEqual(Object.keys(JSON.parse(storage.getItem(notesKeys()[0])).exported).sort(), ["leder", "team"]);
  });

  test("a note that is not the course's notes is read as none, and written anew", () => {
    noteExport(SITE, COURSE, ["leder"]);
    const [key] = notesKeys();
    for (const text of ["not JSON", "[]", JSON.stringify({ schema: 1, exported: "x" })]) {
      storage.setItem(key, text);
      assert.equal(lastExport(SITE, COURSE, "leder"), null, text);
    }
    noteExport(SITE, COURSE, ["team"]);
    assert.deepEqual(Object.keys(JSON.parse(storage.getItem(key)).exported), ["team"]);
  });
});

test("persistent storage is asked for once, and noted in the course's notes", async () => {
  let asked = 0;
  const storageManager = { persist: async () => ((asked += 1), true) };
  Object.defineProperty(globalThis, "navigator", { value: { storage: storageManager }, configurable: true });
  askToPersist(SITE, COURSE);
  askToPersist(SITE, COURSE);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(asked, 1);
  assert.equal(window.__lederskap.persisted, true);
  const notes = JSON.parse(storage.getItem(notesKeys()[0]));
  assert.ok(Number.isFinite(Date.parse(notes.persist)));
});
