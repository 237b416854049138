// @ts-check
// The course's own notes, one small record per course and site (key
// "<course scope>_course", storage-keys.js): when each questionnaire was last
// exported (for the reminder to export), and when the browser was asked to keep
// the site's storage. {schema: 1, exported: {<questionnaire id>: time}, persist: time}.
// Only notes: when they cannot be read or stored, nothing else changes.

import { openLocalStorage, timestamp } from "./local-storage.js";
import { COURSE_NOTES, courseScope } from "./storage-keys.js";

/**
 * The course's notes as this module reads them: the times of the last exports by
 * questionnaire, and when persistence was asked for (ISO times); other fields as stored.
 * @typedef {Record<string, unknown> & {exported: Record<string, unknown>, persist?: unknown}} CourseNotes
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
  const checked = { ...read, exported: isPlainObject(read.exported) ? read.exported : {} };
  const kept = notesInMemory.get(prefix);
  if (kept) Object.assign(checked.exported, kept.exported);
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
  for (const questionnaire of questionnaires) notes.exported[questionnaire] = now;
  writeNotes(prefix, notes);
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
 * Forget when the questionnaire of record key `key` was exported (its answers were deleted).
 * @param {string} key
 */
export function forgetExport(key) {
  const cut = key.lastIndexOf("/");
  const prefix = key.slice(0, cut + 1);
  const questionnaire = key.slice(cut + 1);
  const notes = readNotes(prefix);
  if (!Object.prototype.hasOwnProperty.call(notes.exported, questionnaire)) return;
  delete notes.exported[questionnaire];
  if (Object.keys(notes.exported).length === 0 && !notes.persist) {
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
 * Whether to remind the learner to export: there are answers, and no export in the last 14 days.
 * @param {string | null} lastExported when (an ISO time; lastExport)
 * @param {number} [now] milliseconds since 1970
 * @returns {boolean}
 */
export function exportIsDue(lastExported, now = Date.now()) {
  if (!lastExported) return true;
  const time = Date.parse(lastExported);
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
