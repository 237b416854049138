// The learner's answers in localStorage, one record per questionnaire.
//
// Key:    lederskap/v1<site path><course id>/<questionnaire id>
//         where <site path> is the pathname of the site root, with its slashes
//         ("/" on a domain of its own, "/repo/" on https://user.github.io/repo/),
//         so several courses on one github.io origin never share a key.
// Record: {schema: 1, course, questionnaire, version, updated: ISO time,
//          answers: {<answer id>: value}}
//
// Answers are kept by id, never by position. Values under ids this page does
// not know (a newer or older questionnaire) are kept untouched on every save.
// A record that cannot be read is never overwritten before its raw text has
// been copied aside under <key>/unreadable/<time>. A record written for another
// version of the questionnaire is filled in by id (ids are never reused) and a
// copy of it is kept once under <key>/version/<its version>. Without
// localStorage (blocked, full, private mode) answers live in memory for the
// visit and the learner is told.

export const SCHEMA = 1;
const PREFIX = "lederskap/v1";

/** The pathname of the site root, from the URL of a module in <site root>/assets/lederskap/. */
export function sitePathFrom(moduleUrl) {
  return new URL("../../", moduleUrl).pathname;
}

export function storageKey(sitePath, course, questionnaire) {
  const path = sitePath.endsWith("/") ? sitePath : `${sitePath}/`;
  return `${PREFIX}${path.startsWith("/") ? path : `/${path}`}${course}/${questionnaire}`;
}

function openLocalStorage() {
  try {
    const storage = window.localStorage;
    if (!storage) return null;
    storage.getItem(PREFIX); // throws where storage is blocked
    return storage;
  } catch {
    return null;
  }
}

// Answers kept for this visit when they cannot be stored: survives page swaps
// of instant navigation, not a reload.
const memory = new Map();

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function timestamp() {
  return new Date().toISOString();
}

/**
 * The stored answers of one questionnaire.
 *
 * `notices` lists what the learner should be told, each one of:
 *   "unavailable"      localStorage cannot be used: answers are kept on this page only;
 *   "save-failed"      the last save failed (storage full?): answers are kept on this page only;
 *   "unreadable"       the stored answers could not be read; they were copied aside, starting fresh;
 *   "unreadable-kept"  as above, but copying aside failed: the old record is left alone and new
 *                      answers are kept on this page only;
 *   "older-version"    the answers were given to an earlier version of the questionnaire.
 */
export class AnswerStore {
  constructor({ key, course, questionnaire, version }) {
    this.key = key;
    this.course = course;
    this.questionnaire = questionnaire;
    this.version = version;
    this.storage = openLocalStorage();
    this.answers = {};
    this.notices = new Set();
    this.protectStored = false; // true: never write this.key (an unreadable record we could not copy)
    this.unreadableKey = null;
  }

  /** Read the record; returns the stored answers (all ids, known or not). */
  load() {
    if (memory.has(this.key)) {
      this.answers = { ...memory.get(this.key) };
    }
    if (!this.storage) {
      this.notices.add("unavailable");
      return this.answers;
    }
    let raw;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      this.storage = null;
      this.notices.add("unavailable");
      return this.answers;
    }
    if (raw === null) return this.answers;
    const record = this.parse(raw);
    if (record === null) {
      this.setAside(raw);
      return this.answers;
    }
    if (typeof record.version === "number" && record.version !== this.version) {
      this.notices.add("older-version");
      this.copy(`${this.key}/version/${record.version}`, raw, { keepExisting: true });
    }
    this.answers = { ...record.answers, ...(memory.get(this.key) || {}) };
    return this.answers;
  }

  parse(raw) {
    let record;
    try {
      record = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isPlainObject(record) || record.schema !== SCHEMA || !isPlainObject(record.answers)) return null;
    return record;
  }

  copy(key, raw, { keepExisting = false } = {}) {
    try {
      if (keepExisting && this.storage.getItem(key) !== null) return true;
      this.storage.setItem(key, raw);
      return true;
    } catch {
      return false;
    }
  }

  setAside(raw) {
    const asideKey = `${this.key}/unreadable/${timestamp()}`;
    if (this.copy(asideKey, raw)) {
      this.unreadableKey = asideKey;
      this.notices.add("unreadable");
    } else {
      this.protectStored = true;
      this.notices.add("unreadable-kept");
    }
  }

  /**
   * Save the answers of the ids the form knows (`formIds`), keeping every other stored id.
   * Returns true when the answers reached localStorage.
   */
  save(formAnswers, formIds) {
    const answers = { ...this.answers };
    for (const id of formIds) {
      if (Object.prototype.hasOwnProperty.call(formAnswers, id)) answers[id] = formAnswers[id];
      else delete answers[id];
    }
    this.answers = answers;
    if (!this.storage || this.protectStored) {
      memory.set(this.key, answers);
      return false;
    }
    const record = {
      schema: SCHEMA,
      course: this.course,
      questionnaire: this.questionnaire,
      version: this.version,
      updated: timestamp(),
      answers,
    };
    try {
      this.storage.setItem(this.key, JSON.stringify(record));
      memory.delete(this.key);
      this.notices.delete("save-failed");
      return true;
    } catch {
      memory.set(this.key, answers);
      this.notices.add("save-failed");
      return false;
    }
  }
}
