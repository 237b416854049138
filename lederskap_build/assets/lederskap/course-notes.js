// @ts-check
// The course's own notes, one small record per course and site (key
// "<course scope>_course", storage-keys.js): when each questionnaire was last
// exported and since when it has answers no export holds (for the reminder to
// export), and when the browser was asked to keep the site's storage.
// {schema: 1, exported: {<questionnaire id>: time}, unexported: {<questionnaire id>: time},
// persist: time}. Only notes: when they cannot be read or stored, nothing else changes.

import { openLocalStorage, timestamp } from "./local-storage.js";
import { COURSE_NOTES, courseScope } from "./storage-keys.js";

/**
 * The course's notes as this module reads them: the times of the last exports by
 * questionnaire, the times of the first change after each questionnaire's last export,
 * and when persistence was asked for (ISO times); other fields as stored.
 * @typedef {Record<string, unknown> & {
 *   exported: Record<string, unknown>, unexported: Record<string, unknown>, persist?: unknown
 * }} CourseNotes
 */

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @type {Map<string, CourseNotes>} notes kept for this visit when they cannot be stored, by the course's scope */
const notesInMemory = new Map();

/**
 * Forget the notes this visit kept in memory for a course (its data was deleted).
 * @param {string} sitePath
 * @param {string} course
 */
export function forgetNotesInMemory(sitePath, course) {
  notesInMemory.delete(courseScope(sitePath, course));
}

/**
 * The notes stored under the course's scope `prefix` (none, or unreadable: empty notes),
 * with the exports this visit could not store.
 * @param {string} prefix
 * @returns {CourseNotes}
 */
function readNotes(prefix) {
  const storage = openLocalStorage();
  /** @type {unknown} */
  let notes = null;
  if (storage) {
    try {
      notes = JSON.parse(storage.getItem(`${prefix}${COURSE_NOTES}`) || "null");
    } catch {
      notes = null;
    }
  }
  const read = isPlainObject(notes) ? notes : { schema: 1 };
  /** @type {CourseNotes} */
  const checked = {
    ...read,
    exported: isPlainObject(read.exported) ? read.exported : {},
    unexported: isPlainObject(read.unexported) ? read.unexported : {},
  };
  const kept = notesInMemory.get(prefix);
  if (kept) {
    Object.assign(checked.exported, kept.exported);
    for (const questionnaire of Object.keys(kept.exported)) delete checked.unexported[questionnaire];
    Object.assign(checked.unexported, kept.unexported);
  }
  return checked;
}

/**
 * Store the course's notes; kept in memory for the visit when they cannot be.
 * @param {string} prefix the course's scope
 * @param {CourseNotes} notes
 */
function writeNotes(prefix, notes) {
  const storage = openLocalStorage();
  try {
    if (!storage) throw new Error("no storage");
    storage.setItem(`${prefix}${COURSE_NOTES}`, JSON.stringify(notes));
    notesInMemory.delete(prefix);
  } catch {
    notesInMemory.set(prefix, notes);
  }
}

/**
 * Note that the given questionnaires were exported now.
 * @param {string} sitePath
 * @param {string} course
 * @param {Iterable<string>} questionnaires their ids
 */
export function noteExport(sitePath, course, questionnaires) {
  const prefix = courseScope(sitePath, course);
  const notes = readNotes(prefix);
  const now = timestamp();
  for (const questionnaire of questionnaires) {
    notes.exported[questionnaire] = now;
    delete notes.unexported[questionnaire];
  }
  writeNotes(prefix, notes);
}

/**
 * Note that the questionnaire's answers were changed now (a save in its form): the first
 * change after its last export starts the time the reminder to export counts from.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} questionnaire its id
 */
export function noteChange(sitePath, course, questionnaire) {
  const prefix = courseScope(sitePath, course);
  const notes = readNotes(prefix);
  if (Object.prototype.hasOwnProperty.call(notes.unexported, questionnaire)) return;
  notes.unexported[questionnaire] = timestamp();
  writeNotes(prefix, notes);
}

/**
 * Since when the questionnaire has answers that no export holds (an ISO time), or null: the
 * first change after its last export (noteChange), or, for answers saved before such changes
 * were noted, the record's `updated` when it is a time later than the last export.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} questionnaire its id
 * @param {unknown} updated the record's `updated`
 * @returns {string | null}
 */
export function unexportedSince(sitePath, course, questionnaire, updated) {
  const notes = readNotes(courseScope(sitePath, course));
  const noted = notes.unexported[questionnaire];
  if (typeof noted === "string") return noted;
  if (typeof updated !== "string" || !Number.isFinite(Date.parse(updated))) return null;
  const exported = notes.exported[questionnaire];
  const exportedAt = typeof exported === "string" ? Date.parse(exported) : NaN;
  return Number.isFinite(exportedAt) && exportedAt >= Date.parse(updated) ? null : updated;
}

/**
 * When a questionnaire was last exported (an ISO time), or null.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} questionnaire its id
 * @returns {string | null}
 */
export function lastExport(sitePath, course, questionnaire) {
  const value = readNotes(courseScope(sitePath, course)).exported[questionnaire];
  return typeof value === "string" ? value : null;
}

/**
 * Forget when the questionnaire of record key `key` was exported and changed (its answers were deleted).
 * @param {string} key
 */
export function forgetExport(key) {
  const cut = key.lastIndexOf("/");
  const prefix = key.slice(0, cut + 1);
  const questionnaire = key.slice(cut + 1);
  const notes = readNotes(prefix);
  const has = (/** @type {Record<string, unknown>} */ times) => Object.prototype.hasOwnProperty.call(times, questionnaire);
  if (!has(notes.exported) && !has(notes.unexported)) return;
  delete notes.exported[questionnaire];
  delete notes.unexported[questionnaire];
  const empty = (/** @type {Record<string, unknown>} */ times) => Object.keys(times).length === 0;
  if (empty(notes.exported) && empty(notes.unexported) && !notes.persist) {
    notesInMemory.delete(prefix);
    const storage = openLocalStorage();
    try {
      if (storage) storage.removeItem(`${prefix}${COURSE_NOTES}`);
    } catch {
      // Left as it is: only a note of when the answers were exported.
    }
    return;
  }
  writeNotes(prefix, notes);
}

export const EXPORT_REMINDER_DAYS = 14;

/**
 * Whether to remind the learner to export: answers have been kept here for more than
 * EXPORT_REMINDER_DAYS days without an export holding them. Never on the first day, and
 * never for answers an export already holds.
 * @param {string | null} since when the first answer no export holds was saved (unexportedSince)
 * @param {number} [now] milliseconds since 1970
 * @returns {boolean}
 */
export function exportIsDue(since, now = Date.now()) {
  if (!since) return false;
  const time = Date.parse(since);
  return !Number.isFinite(time) || now - time > EXPORT_REMINDER_DAYS * 24 * 60 * 60 * 1000;
}

let persistAsked = false;

/**
 * Ask the browser, once, to keep this site's storage (some browsers clear a site's data
 * after 7 days without a visit). Called after an answer was saved; asking is noted in the
 * course's notes, so it happens once per course and browser, not once per visit.
 * @param {string} sitePath
 * @param {string} course
 */
export function askToPersist(sitePath, course) {
  if (persistAsked) return;
  persistAsked = true;
  const storageManager = navigator.storage;
  if (!storageManager || typeof storageManager.persist !== "function") return;
  const prefix = courseScope(sitePath, course);
  const notes = readNotes(prefix);
  if (notes.persist) return;
  notes.persist = timestamp();
  writeNotes(prefix, notes);
  storageManager.persist().then(
    (granted) => {
      (window.__lederskap ||= {}).persisted = granted;
    },
    () => {},
  );
}
