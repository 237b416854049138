// storage-keys.js: the names of the learner's data, and the move of first-format keys.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { MemoryStorage } from "./memory-storage.mjs";
import { siteModule } from "./site.mjs";

const { constants } = await siteModule("constants.js");
const { allKeys, courseScope, keyKind, legacyKeys, moveLegacyKeys, notesKey, sitePathFrom, storageKey, teamKeysDatabase } =
  await siteModule("storage-keys.js");

const { prefix: PREFIX, legacyPrefix: LEGACY, courseNotes: NOTES } = constants.storageKeys;

const RECORD = JSON.stringify({ schema: 2, version: 1, updated: "2026-05-31T10:00:00Z", answers: { a: 3 } });
const CACHE = JSON.stringify({
  build: "abc",
  language: "nb",
  answers: '{"a":3}',
  results: JSON.stringify({ results_format: 1, parts: [] }),
});
const TIME = "2026-05-31T10:00:00.123Z";

/** A storage holding `items` (key -> text), in that order. */
function storageWith(items, options) {
  const storage = new MemoryStorage(options);
  for (const [key, value] of Object.entries(items)) storage.setItem(key, value);
  return storage;
}

describe("the names of a course's data", () => {
  test("the scope holds the site path, a # and the course", () => {
    assert.equal(courseScope("/repo/", "kurs"), `${PREFIX}/repo/#kurs/`);
    assert.equal(courseScope("/", "kurs"), `${PREFIX}/#kurs/`);
  });

  test("the team invitation keys' database is named under the scope, apart from any questionnaire", () => {
    assert.equal(teamKeysDatabase("/repo/", "kurs"), `${PREFIX}/repo/#kurs/${constants.storageKeys.teamKeys}`);
    assert.equal(keyKind(teamKeysDatabase("/repo/", "kurs"), courseScope("/repo/", "kurs")), null);
  });

  test("a site path without its slashes gets them", () => {
    for (const path of ["/repo", "repo/", "repo"]) assert.equal(courseScope(path, "kurs"), `${PREFIX}/repo/#kurs/`);
    assert.equal(courseScope("", "kurs"), `${PREFIX}/#kurs/`);
  });

  test("a record's key and the course's notes are under the scope", () => {
    assert.equal(storageKey("/repo/", "kurs", "leder"), `${PREFIX}/repo/#kurs/leder`);
    assert.equal(notesKey("/repo/", "kurs"), `${PREFIX}/repo/#kurs/${NOTES}`);
  });

  test("the site path comes from the address of a module in assets/lederskap/", () => {
    assert.equal(sitePathFrom("https://user.github.io/repo/assets/lederskap/main.js"), "/repo/");
    assert.equal(sitePathFrom("https://example.org/assets/lederskap/main.js"), "/");
  });

  test("no scope is the beginning of another site's or course's", () => {
    const scopes = [courseScope("/n/", "kurs2"), courseScope("/n/kurs2/", "kurs"), courseScope("/n/", "kurs")];
    for (const a of scopes) {
      for (const b of scopes) if (a !== b) assert.ok(!b.startsWith(a), `${a} begins ${b}`);
    }
  });
});

describe("keyKind", () => {
  const scope = courseScope("/repo/", "kurs");

  test("tells every key of the format apart", () => {
    assert.deepEqual(keyKind(`${scope}leder`, scope), { questionnaire: "leder", kind: "record" });
    assert.deepEqual(keyKind(`${scope}leder/results`, scope), { questionnaire: "leder", kind: "results" });
    assert.deepEqual(keyKind(`${scope}leder/version/3`, scope), { questionnaire: "leder", kind: "version" });
    assert.deepEqual(keyKind(`${scope}leder/unreadable/${TIME}`, scope), {
      questionnaire: "leder",
      kind: "unreadable",
    });
    assert.deepEqual(keyKind(`${scope}leder/unreadable/2026-05-31T10:00:00Z`, scope), {
      questionnaire: "leder",
      kind: "unreadable",
    });
    assert.deepEqual(keyKind(`${scope}${NOTES}`, scope), { kind: "notes" });
  });

  test("questionnaires named like the parts of a key are still questionnaires", () => {
    assert.deepEqual(keyKind(`${scope}results`, scope), { questionnaire: "results", kind: "record" });
    assert.deepEqual(keyKind(`${scope}unreadable`, scope), { questionnaire: "unreadable", kind: "record" });
    assert.deepEqual(keyKind(`${scope}unreadable/results`, scope), { questionnaire: "unreadable", kind: "results" });
    assert.deepEqual(keyKind(`${scope}version/version/2`, scope), { questionnaire: "version", kind: "version" });
    assert.deepEqual(keyKind(`${scope}results/unreadable/${TIME}`, scope), {
      questionnaire: "results",
      kind: "unreadable",
    });
  });

  test("a key of another scope or of no known shape is none of ours", () => {
    for (const key of [
      `${courseScope("/repo/", "kurs2")}leder`,
      `${courseScope("/repo/sub/", "kurs")}leder`,
      `${courseScope("/", "kurs")}leder`,
      `${LEGACY}/repo/kurs/leder`,
      `${scope}`,
      `${scope}Leder`,
      `${scope}-leder`,
      `${scope}leder/other`,
      `${scope}leder/version/x`,
      `${scope}leder/unreadable/yesterday`,
      `${scope}leder/results/results`,
      `${scope}_other`,
    ]) {
      assert.equal(keyKind(key, scope), null, key);
    }
  });
});

describe("allKeys", () => {
  test("lists every key", () => {
    assert.deepEqual(allKeys(storageWith({ a: "1", b: "2" })), ["a", "b"]);
  });

  test("keeps what it found when storage fails while being read", () => {
    const storage = storageWith({ a: "1", b: "2", c: "3" });
    storage.key = (index) => {
      if (index === 2) throw new DOMException("blocked", "SecurityError");
      return MemoryStorage.prototype.key.call(storage, index);
    };
    assert.deepEqual(allKeys(storage), ["a", "b"]);
  });
});

describe("legacyKeys", () => {
  test("finds this site's and course's first-format keys with their kind", () => {
    const storage = storageWith({
      [`${LEGACY}/repo/kurs/leder`]: RECORD,
      [`${LEGACY}/repo/kurs/leder/results`]: CACHE,
      [`${LEGACY}/repo/kurs/${NOTES}`]: "{}",
      [`${LEGACY}/repo/kurs2/leder`]: RECORD,
      [`${LEGACY}/other/kurs/leder`]: RECORD,
      [`${PREFIX}/repo/#kurs/leder`]: RECORD,
    });
    assert.deepEqual(legacyKeys(storage, "/repo/", "kurs"), [
      {
        key: `${LEGACY}/repo/kurs/leder`,
        rest: "leder",
        raw: RECORD,
        kind: { questionnaire: "leder", kind: "record" },
      },
      {
        key: `${LEGACY}/repo/kurs/leder/results`,
        rest: "leder/results",
        raw: CACHE,
        kind: { questionnaire: "leder", kind: "results" },
      },
      { key: `${LEGACY}/repo/kurs/${NOTES}`, rest: NOTES, raw: "{}", kind: { kind: "notes" } },
    ]);
  });

  // The site /n/ with the course "kurs2" and the site /n/kurs2/ with the course "kurs" had
  // overlapping first-format scopes: "lederskap/v1/n/kurs2/" begins "lederskap/v1/n/kurs2/kurs/".
  const key = `${LEGACY}/n/kurs2/kurs/results`;

  test("a nested site's record of a questionnaire named 'results' is not the outer site's results cache", () => {
    const storage = storageWith({ [key]: RECORD });
    assert.deepEqual(legacyKeys(storage, "/n/", "kurs2"), []);
    assert.deepEqual(
      legacyKeys(storage, "/n/kurs2/", "kurs").map((found) => found.kind),
      [{ questionnaire: "results", kind: "record" }],
    );
  });

  test("the outer site's results cache of a questionnaire named like the nested course is not its record", () => {
    const storage = storageWith({ [key]: CACHE });
    assert.deepEqual(legacyKeys(storage, "/n/kurs2/", "kurs"), []);
    assert.deepEqual(
      legacyKeys(storage, "/n/", "kurs2").map((found) => found.kind),
      [{ questionnaire: "kurs", kind: "results" }],
    );
  });

  test("the results cache of a questionnaire named 'unreadable' stays with its own site", () => {
    // The outer site's "unreadable/results" is, seen from a nested site whose course is
    // "unreadable", that site's record of a questionnaire named "results".
    const storage = storageWith({
      [`${LEGACY}/n/kurs2/unreadable`]: RECORD,
      [`${LEGACY}/n/kurs2/unreadable/results`]: CACHE,
      [`${LEGACY}/n/kurs2/unreadable/unreadable/${TIME}`]: "not JSON",
    });
    assert.deepEqual(legacyKeys(storage, "/n/kurs2/", "unreadable"), []);
    assert.deepEqual(
      legacyKeys(storage, "/n/", "kurs2").map((found) => found.kind),
      [
        { questionnaire: "unreadable", kind: "record" },
        { questionnaire: "unreadable", kind: "results" },
        { questionnaire: "unreadable", kind: "unreadable" },
      ],
    );
  });

  test("a key that cannot be read is left out", () => {
    const storage = storageWith({ [`${LEGACY}/repo/kurs/a`]: RECORD, [`${LEGACY}/repo/kurs/b`]: RECORD });
    storage.getItem = (name) => {
      if (name.endsWith("/a")) throw new DOMException("blocked", "SecurityError");
      return MemoryStorage.prototype.getItem.call(storage, name);
    };
    assert.deepEqual(
      legacyKeys(storage, "/repo/", "kurs").map((found) => found.rest),
      ["b"],
    );
  });
});

describe("moveLegacyKeys", () => {
  const scope = courseScope("/repo/", "kurs");

  test("moves every key of this site and course into its scope, and nothing else", () => {
    const others = {
      [`${LEGACY}/repo/kurs2/leder`]: RECORD,
      [`${LEGACY}/n/kurs/leder`]: RECORD,
      [`${PREFIX}/repo/#kurs/other`]: RECORD,
    };
    const storage = storageWith({
      [`${LEGACY}/repo/kurs/leder`]: RECORD,
      [`${LEGACY}/repo/kurs/leder/results`]: CACHE,
      [`${LEGACY}/repo/kurs/leder/version/1`]: RECORD,
      [`${LEGACY}/repo/kurs/leder/unreadable/${TIME}`]: "{not JSON",
      [`${LEGACY}/repo/kurs/${NOTES}`]: '{"exported":{}}',
      ...others,
    });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 5);
    assert.deepEqual(storage.snapshot(), {
      ...others,
      [`${scope}leder`]: RECORD,
      [`${scope}leder/results`]: CACHE,
      [`${scope}leder/version/1`]: RECORD,
      [`${scope}leder/unreadable/${TIME}`]: "{not JSON",
      [`${scope}${NOTES}`]: '{"exported":{}}',
    });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 0, "a second move finds nothing");
  });

  test("without localStorage there is nothing to move", () => {
    assert.equal(moveLegacyKeys(null, "/repo/", "kurs"), 0);
  });

  test("a new key that already holds the same text is kept, and the old key goes", () => {
    const storage = storageWith({ [`${LEGACY}/repo/kurs/leder`]: RECORD, [`${scope}leder`]: RECORD });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 1);
    assert.deepEqual(storage.snapshot(), { [`${scope}leder`]: RECORD });
  });

  test("a new key that already holds another text is never written over: the old text is set aside", () => {
    const newer = JSON.stringify({ schema: 2, version: 1, answers: { a: 5 } });
    const storage = storageWith({ [`${LEGACY}/repo/kurs/leder`]: RECORD, [`${scope}leder`]: newer });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 1);
    const stored = storage.snapshot();
    assert.equal(stored[`${scope}leder`], newer);
    const aside = Object.keys(stored).filter((key) => key !== `${scope}leder`);
    assert.equal(aside.length, 1);
    assert.deepEqual(keyKind(aside[0], scope), { questionnaire: "leder", kind: "unreadable" });
    assert.equal(stored[aside[0]], RECORD);
  });

  test("the course's notes are set aside under their own key", () => {
    const storage = storageWith({ [`${LEGACY}/repo/kurs/${NOTES}`]: '{"a":1}', [`${scope}${NOTES}`]: '{"b":2}' });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 1);
    const stored = storage.snapshot();
    assert.equal(stored[`${scope}${NOTES}`], '{"b":2}');
    const aside = Object.keys(stored).filter((key) => key.startsWith(`${scope}${NOTES}/unreadable/`));
    assert.equal(aside.length, 1);
    assert.equal(stored[aside[0]], '{"a":1}');
    assert.equal(Object.keys(stored).length, 2);
  });

  test("an older results cache beside a newer one is only dropped", () => {
    const newer = JSON.stringify({ ...JSON.parse(CACHE), build: "def" });
    const storage = storageWith({ [`${LEGACY}/repo/kurs/leder/results`]: CACHE, [`${scope}leder/results`]: newer });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 1);
    assert.deepEqual(storage.snapshot(), { [`${scope}leder/results`]: newer });
  });

  test("with room for one copy only, the old key is removed first and the text kept under its new key", () => {
    const old = `${LEGACY}/repo/kurs/leder`;
    const storage = storageWith({ [old]: RECORD }, { quota: old.length + RECORD.length + 10 });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 1);
    assert.deepEqual(storage.snapshot(), { [`${scope}leder`]: RECORD });
  });

  test("with no room for the new key at all, the text stays under its old key for the next visit", () => {
    const old = `${LEGACY}/repo/kurs/leder`;
    // The new key is two characters longer (":" and "#"): one more character of room is not enough.
    assert.equal(`${scope}leder`.length, old.length + 2);
    const storage = storageWith({ [old]: RECORD }, { quota: old.length + RECORD.length + 1 });
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 0);
    assert.deepEqual(storage.snapshot(), { [old]: RECORD });
  });

  test("a text set aside in a full storage is kept under its old key", () => {
    const old = `${LEGACY}/repo/kurs/leder`;
    const newer = JSON.stringify({ schema: 2, version: 1, answers: { a: 5 } });
    const storage = storageWith(
      { [old]: RECORD, [`${scope}leder`]: newer },
      { quota: old.length + RECORD.length + `${scope}leder`.length + newer.length },
    );
    assert.equal(moveLegacyKeys(storage, "/repo/", "kurs"), 0);
    assert.deepEqual(storage.snapshot(), { [old]: RECORD, [`${scope}leder`]: newer });
  });
});
