// @ts-check
// The learner's answers in localStorage, one record per questionnaire, under
// the course's scope on this site (storage-keys.js), so that a whole course can
// be listed and deleted, and never another site's or course's.
//
// Record (schema 2; scorer/RECORDS.md):
//   {schema: 2, course, questionnaire, version, updated: ISO time,
//    answers: {<answer id>: value}, snapshots: [{id, name, created, version, answers, scores}]}
// Schema 1 had no snapshots. The schema this page writes is the scorer's
// (RECORD_SCHEMA, lederskap_scorer/records/migration.py), from constants.js. Every
// schema keeps `answers` as an object keyed by id: that is all this module relies
// on to fill in a form, so the page is usable at once, before Python. The upgrade
// of an older record (migrate_record) runs in Python through the scorer worker,
// and is written back only if the stored text is still the one that was upgraded.
// Until then a save changes only the answers, `version` and `updated` of the
// record and keeps its schema.
//
// Nothing is ever dropped: values under ids the form does not know, and values
// the form cannot show, stay in the record. A save re-reads the record and
// writes only the ids this tab changed since it last read it, so two tabs never
// undo each other's answers. A stored text that cannot be read (not JSON, or of
// a newer schema) is copied aside before anything is written over it; if that
// copy fails, the record is never written. Without localStorage (blocked, full,
// private mode) answers live in memory for the visit and the learner is told.

import { constants } from "./constants.js";
import { forgetExport, forgetNotesInMemory } from "./course-notes.js";
import { openLocalStorage, timestamp } from "./local-storage.js";
import { allKeys, courseScope, keyKind, legacyKeys, storageKey } from "./storage-keys.js";

/** The schema of the records this page writes: the scorer's RECORD_SCHEMA. */
export const SCHEMA = constants.recordSchema;

/**
 * A stored record, as far as the page relies on one: parseRecord only gives one with a
 * whole-number `schema` and `answers` that are an object (every schema keeps them so).
 * Every other field is as stored, and may be anything.
 * @typedef {object} StoredRecord
 * @property {number} schema
 * @property {Record<string, unknown>} answers answer id -> value, every id kept (known to the form or not)
 * @property {unknown} [course]
 * @property {unknown} [questionnaire]
 * @property {unknown} [version]
 * @property {unknown} [updated]
 * @property {unknown} [snapshots] a list from schema 2 (snapshotsOf)
 */

/**
 * Why a stored text cannot be used: "unreadable" (not JSON, not a record) or "newer" (a newer schema).
 * @typedef {"unreadable" | "newer"} RecordProblem
 */

/**
 * A stored text, read (parseRecord).
 * @typedef {{record: StoredRecord, problem: null} | {record: null, problem: RecordProblem}} ParsedRecord
 */

/**
 * What the learner should be told about the stored answers (see AnswerStore).
 * @typedef {"unavailable" | "save-failed" | "unreadable" | "newer" | "unreadable-kept" | "older-version"
 *   | "not-upgraded"} Notice
 */

/**
 * The record of one questionnaire of the course (courseRecords).
 * @typedef {object} CourseRecord
 * @property {string | null} raw the stored text (null: the record is only in memory)
 * @property {StoredRecord | null} record
 * @property {RecordProblem | null} problem
 * @property {boolean} [kept] true: the record holds what this visit could not store (then `raw` is not all of it)
 */

// Records kept for this visit when they cannot be stored (key -> record): they
// survive the page swaps of instant navigation, not a reload.
/** @type {Map<string, StoredRecord>} */
const memory = new Map();

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Read a stored text: {record} when it is a record of a schema this page can read,
 * {problem: "unreadable"} (not JSON, not a record) or {problem: "newer"} (a newer schema).
 * @param {string} raw
 * @returns {ParsedRecord}
 */
export function parseRecord(raw) {
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    return { record: null, problem: "unreadable" };
  }
  const schema = isPlainObject(record) ? record.schema : undefined;
  if (!isPlainObject(record) || typeof schema !== "number" || !Number.isInteger(schema) || schema < 1) {
    return { record: null, problem: "unreadable" };
  }
  if (schema > SCHEMA) return { record: null, problem: "newer" };
  if (!isPlainObject(record.answers)) return { record: null, problem: "unreadable" };
  return { record: /** @type {StoredRecord} */ (record), problem: null };
}

/**
 * The snapshots of a record (none in schema 1), every entry as stored.
 * @param {StoredRecord | null | undefined} record
 * @returns {unknown[]}
 */
export function snapshotsOf(record) {
  return record && Array.isArray(record.snapshots) ? record.snapshots : [];
}

/**
 * The id of a stored snapshot entry (undefined for an entry that is not an object).
 * @param {unknown} snapshot
 * @returns {unknown}
 */
function snapshotId(snapshot) {
  return typeof snapshot === "object" && snapshot !== null ? /** @type {{id?: unknown}} */ (snapshot).id : undefined;
}

/**
 * The stored answers of one questionnaire.
 *
 * `notices` lists what the learner should be told, each one of:
 *   "unavailable"      localStorage cannot be used: answers are kept on this page only;
 *   "save-failed"      the last save failed (storage full?): answers are kept on this page only;
 *   "unreadable"       the stored answers could not be read; they were copied aside, starting fresh;
 *   "newer"            the stored answers were saved by a newer version of the site; copied aside;
 *   "unreadable-kept"  as above, but copying aside failed: the old record is left alone and new
 *                      answers are kept on this page only;
 *   "older-version"    the answers were given to an earlier version of the questionnaire;
 *   "not-upgraded"     the record of an older schema could not be upgraded by the scorer (it holds
 *                      something it cannot read, scorer/RECORDS.md): kept as it is, the form works.
 */
export class AnswerStore {
  /**
   * @param {{sitePath: string, course: string, questionnaire: string, version: number}} questionnaire
   *   the site's path, the course, the questionnaire and its version now
   */
  constructor({ sitePath, course, questionnaire, version }) {
    this.sitePath = sitePath;
    this.key = storageKey(sitePath, course, questionnaire);
    this.course = course;
    this.questionnaire = questionnaire;
    this.version = version;
    /** @type {Storage | null} */
    this.storage = openLocalStorage();
    /** @type {StoredRecord | null} the record as this tab last read or wrote it */
    this.record = null;
    /** @type {string | null} the stored text it was read from or written as */
    this.raw = null;
    /** @type {Set<string>} ids changed here whose values have not reached localStorage yet */
    this.pending = new Set();
    /** @type {Set<Notice>} */
    this.notices = new Set();
    this.protectStored = false; // true: never write this.key (an unreadable record we could not copy)
    /** @type {string | null} where the last unreadable text was copied aside */
    this.unreadableKey = null;
    /** @type {string | null} the unreadable text already copied aside */
    this.asideFor = null;
  }

  /**
   * The answers as this tab last read or wrote them (all ids, known to the form or not).
   * @returns {Record<string, unknown>}
   */
  get answers() {
    return this.record ? this.record.answers : {};
  }

  /**
   * Whether answers reach localStorage.
   * @returns {boolean}
   */
  get persistent() {
    return Boolean(this.storage) && !this.protectStored;
  }

  /**
   * Read the record; returns the stored answers (all ids, known or not).
   * @returns {Record<string, unknown>}
   */
  load() {
    const kept = memory.get(this.key) || null;
    if (!this.storage) {
      this.notices.add("unavailable");
      this.record = kept;
      return this.answers;
    }
    const raw = this.readRaw();
    if (raw === undefined) {
      this.record = kept;
      return this.answers;
    }
    this.raw = raw;
    if (raw === null) {
      this.record = kept;
      if (kept) this.pending = new Set(Object.keys(kept.answers));
      return this.answers;
    }
    const { record, problem } = parseRecord(raw);
    if (problem) {
      this.setAside(raw, problem);
      this.record = kept;
      return this.answers;
    }
    if (typeof record.version === "number" && record.version !== this.version) {
      this.notices.add("older-version");
      this.copy(`${this.key}/version/${record.version}`, raw, { keepExisting: true });
    }
    this.record = record;
    if (kept) {
      // What this visit could not store wins over the stored record, and is saved next time.
      this.record = { ...record, ...kept, answers: { ...record.answers, ...kept.answers } };
      this.pending = new Set(Object.keys(kept.answers));
    }
    return this.answers;
  }

  /**
   * The stored text (null: none), or undefined when localStorage failed (then it is given up).
   * @returns {string | null | undefined}
   */
  readRaw() {
    if (!this.storage) return undefined;
    try {
      return this.storage.getItem(this.key);
    } catch {
      this.storage = null;
      this.notices.add("unavailable");
      return undefined;
    }
  }

  /**
   * Store `raw` under `key` too (`keepExisting`: unless that key holds a text already); returns
   * whether the text is there.
   * @param {string} key
   * @param {string} raw
   * @param {{keepExisting?: boolean}} [options]
   * @returns {boolean}
   */
  copy(key, raw, { keepExisting = false } = {}) {
    if (!this.storage) return false;
    try {
      if (keepExisting && this.storage.getItem(key) !== null) return true;
      this.storage.setItem(key, raw);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Copy a stored text that cannot be used aside, under "<key>/unreadable/<time>", once; if that
   * fails, the record is never written (protectStored).
   * @param {string} raw
   * @param {RecordProblem} problem
   */
  setAside(raw, problem) {
    if (this.asideFor === raw) return;
    const asideKey = `${this.key}/unreadable/${timestamp()}`;
    if (this.copy(asideKey, raw)) {
      this.unreadableKey = asideKey;
      this.asideFor = raw;
      this.notices.add(problem === "newer" ? "newer" : "unreadable");
    } else {
      this.protectStored = true;
      this.notices.add("unreadable-kept");
    }
  }

  /**
   * A new record of the current schema holding `answers`.
   * @param {Record<string, unknown>} [answers]
   * @returns {StoredRecord}
   */
  newRecord(answers = {}) {
    return {
      schema: SCHEMA,
      course: this.course,
      questionnaire: this.questionnaire,
      version: this.version,
      updated: timestamp(),
      answers,
      snapshots: [],
    };
  }

  /**
   * The record as stored now (re-read), to change and write back: an unreadable
   * stored text is copied aside first (then the record starts from this tab's answers).
   * @returns {StoredRecord | null}
   */
  fresh() {
    if (!this.persistent) return this.record || memory.get(this.key) || null;
    const raw = this.readRaw();
    if (raw === undefined) return this.record;
    // Nothing stored: what this visit could not store (storage full) is the record, if anything.
    if (raw === null) return memory.get(this.key) || null;
    if (raw === this.raw && this.record) return withKept(this.record, memory.get(this.key));
    const { record, problem } = parseRecord(raw);
    if (problem) {
      this.setAside(raw, problem);
      return this.record ? { ...this.newRecord(), answers: { ...this.record.answers } } : null;
    }
    return withKept(record, memory.get(this.key));
  }

  /**
   * Write `record` (or keep it in memory when it cannot be stored). Returns true when it
   * reached localStorage.
   * @param {StoredRecord} record
   * @returns {boolean}
   */
  write(record) {
    this.record = record;
    if (!this.storage || !this.persistent) {
      memory.set(this.key, record);
      return false;
    }
    const text = JSON.stringify(record);
    try {
      this.storage.setItem(this.key, text);
    } catch {
      memory.set(this.key, record);
      this.notices.add("save-failed");
      return false;
    }
    this.raw = text;
    memory.delete(this.key);
    this.pending.clear();
    this.notices.delete("save-failed");
    return true;
  }

  /**
   * Save the answers of the ids this tab changed (`changed`: ids the form knows),
   * on top of the record as stored now. Returns true when the answers reached localStorage.
   * @param {Readonly<Record<string, unknown>>} formAnswers the answers the form shows
   * @param {Iterable<string>} changed
   * @returns {boolean}
   */
  save(formAnswers, changed) {
    for (const id of changed) this.pending.add(id);
    if (this.pending.size === 0) return this.persistent && !this.notices.has("save-failed");
    const base = this.fresh();
    const answers = { ...(base ? base.answers : {}) };
    for (const id of this.pending) {
      if (Object.prototype.hasOwnProperty.call(formAnswers, id)) answers[id] = formAnswers[id];
      else delete answers[id];
    }
    const record = base ? { ...base, version: this.version, updated: timestamp(), answers } : this.newRecord(answers);
    return this.write(record);
  }

  /**
   * Change the stored record with `change(record) -> record` (re-read first). Only a
   * record of the current schema can gain snapshots: returns "needs-migration" for an
   * older one, "saved", "kept-in-memory", or "none" when there is no record.
   * @param {(record: StoredRecord) => StoredRecord} change
   * @returns {"none" | "needs-migration" | "saved" | "kept-in-memory"}
   */
  update(change) {
    const base = this.fresh();
    if (!base) return "none";
    if (base.schema !== SCHEMA) return "needs-migration";
    const changed = change(base);
    return this.write({ ...changed, updated: timestamp() }) ? "saved" : "kept-in-memory";
  }

  /**
   * Write `record` only if the stored text is still `expected` (a migration or an import of it).
   * @param {string | null} expected
   * @param {StoredRecord} record
   * @returns {boolean}
   */
  replaceIfUnchanged(expected, record) {
    if (!this.persistent) return false;
    const raw = this.readRaw();
    if (raw !== expected) return false;
    const pending = new Set(this.pending); // not in `record`: still to be saved
    const written = this.write(record);
    this.pending = pending;
    return written;
  }

  /**
   * Another tab changed the record: take it as this tab's latest read. Returns the record or null.
   * @param {string | null} raw
   * @returns {StoredRecord | null}
   */
  took(raw) {
    this.raw = raw;
    if (raw === null) {
      this.record = null;
      return null;
    }
    const { record } = parseRecord(raw);
    if (record) this.record = record;
    return record;
  }

  /** Delete the record and everything kept beside it (aside copies, version copies). */
  clear() {
    memory.delete(this.key);
    this.record = null;
    this.raw = null;
    this.pending.clear();
    this.protectStored = false;
    this.asideFor = null;
    /** @type {Notice[]} */
    const aboutTheRecord = ["unreadable", "newer", "unreadable-kept", "older-version", "save-failed", "not-upgraded"];
    for (const notice of aboutTheRecord) {
      this.notices.delete(notice);
    }
    if (this.storage) {
      // Keys of the first format not moved yet too, so that deleted answers never come back.
      const legacy = new Set(
        legacyKeys(this.storage, this.sitePath, this.course)
          .filter(({ kind }) => "questionnaire" in kind && kind.questionnaire === this.questionnaire)
          .map((entry) => entry.key),
      );
      removeKeys(this.storage, (key) => key === this.key || key.startsWith(`${this.key}/`) || legacy.has(key));
    }
    forgetExport(this.key);
  }
}

/**
 * `record` (as stored) with the snapshots of `kept` (what this visit could not store) it
 * does not have: a snapshot kept in memory survives another tab's save. Answers kept in
 * memory are this tab's pending ids, written by the next save.
 * @param {StoredRecord} record
 * @param {StoredRecord | undefined} kept
 * @returns {StoredRecord}
 */
function withKept(record, kept) {
  if (!kept || record.schema !== SCHEMA) return record;
  const stored = snapshotsOf(record);
  const ids = new Set(stored.map(snapshotId));
  const missing = snapshotsOf(kept).filter((snapshot) => Boolean(snapshot) && !ids.has(snapshotId(snapshot)));
  return missing.length ? { ...record, snapshots: [...stored, ...missing] } : record;
}

/**
 * Remove every key of localStorage that is `wanted`; returns false when removing failed.
 * @param {Storage} storage
 * @param {(key: string) => boolean} wanted
 * @returns {boolean}
 */
function removeKeys(storage, wanted) {
  const keys = allKeys(storage).filter(wanted);
  try {
    for (const key of keys) storage.removeItem(key);
  } catch {
    return false;
  }
  return true;
}

// ---- the whole course ------------------------------------------------------

/**
 * Every record of the course, stored or kept in memory for this visit, by questionnaire id:
 * {raw, record, problem, kept}; `kept` is true when the record holds what this visit could
 * not store (then `raw` is not all of it). Questionnaires without a record are not listed.
 * @param {string} sitePath
 * @param {string} course
 * @returns {Map<string, CourseRecord>}
 */
export function courseRecords(sitePath, course) {
  const scope = courseScope(sitePath, course);
  /** @type {Map<string, CourseRecord>} */
  const found = new Map();
  const storage = openLocalStorage();
  if (storage) {
    for (const key of allKeys(storage)) {
      const kind = keyKind(key, scope);
      if (!kind || kind.kind !== "record") continue;
      let raw;
      try {
        raw = storage.getItem(key);
      } catch {
        continue; // localStorage failed while being read: what was found, and memory, is all there is.
      }
      if (raw !== null) found.set(kind.questionnaire, { raw, ...parseRecord(raw) });
    }
  }
  for (const [key, record] of memory) {
    const kind = keyKind(key, scope);
    if (!kind || kind.kind !== "record") continue;
    const stored = found.get(kind.questionnaire);
    const answers = { ...(stored && stored.record ? stored.record.answers : {}), ...record.answers };
    const merged = { ...record, answers };
    found.set(kind.questionnaire, { raw: stored ? stored.raw : null, record: merged, problem: null, kept: true });
  }
  return found;
}

/**
 * Delete every key of the course on this site (its scope, and keys of the first format
 * not moved yet), and what this visit kept in memory. Never a key of another scope.
 * @param {string} sitePath
 * @param {string} course
 * @returns {boolean} false when removing failed
 */
export function deleteCourse(sitePath, course) {
  const scope = courseScope(sitePath, course);
  for (const key of [...memory.keys()]) if (key.startsWith(scope)) memory.delete(key);
  forgetNotesInMemory(sitePath, course);
  const storage = openLocalStorage();
  if (!storage) return true;
  const legacy = new Set(legacyKeys(storage, sitePath, course).map((entry) => entry.key));
  return removeKeys(storage, (key) => key.startsWith(scope) || legacy.has(key));
}

/**
 * Every localStorage key of the course (for the tests and for the delete check).
 * @param {string} sitePath
 * @param {string} course
 * @returns {string[]}
 */
export function courseKeys(sitePath, course) {
  const scope = courseScope(sitePath, course);
  const storage = openLocalStorage();
  return storage ? allKeys(storage).filter((key) => key.startsWith(scope)) : [];
}
