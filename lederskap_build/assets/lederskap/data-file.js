// @ts-check
// The learner's answers as files: the JSON export (format: scorer/RECORDS.md,
// "The export file"), a CSV for spreadsheets, downloading a file made in the
// browser (a Blob: nothing is sent anywhere) and reading a chosen file.
//
// The export's format, its version and the largest file read for an import are the
// scorer's (lederskap_scorer/records/export_file.py), from constants.js. An export is
// made here, without Python, so that a learner can always take their answers away; the
// scorer checks a file only when it is imported. An export of the whole course carries the
// team replies the leader opened (`team`, format 2), never an invitation's key: that is a
// non-extractable CryptoKey in IndexedDB (team-keys.js), which no code can read.

import { constants } from "./constants.js";
import { snapshotsOf } from "./record-store.js";

/**
 * @import { StoredRecord } from "./record-store.js"
 * @import { InvitationReplies } from "./team-replies.js"
 */

/**
 * One questionnaire of an export file (scorer/RECORDS.md, "The export file").
 * @typedef {object} ExportEntry
 * @property {string} id
 * @property {number} version the questionnaire's version the answers were given to
 * @property {string | null} updated when the answers were last saved (an ISO time), or null
 * @property {Record<string, unknown>} answers every answer as stored
 * @property {unknown[]} snapshots every entry as stored
 */

/**
 * An export file.
 * @typedef {object} ExportDocument
 * @property {string} format
 * @property {number} format_version
 * @property {string} course
 * @property {string} site the site's address, informative only
 * @property {string} exported an ISO time
 * @property {ExportEntry[]} questionnaires
 * @property {TeamEntry[]} [team] the team replies opened (a whole course's export only)
 */

/**
 * One invitation of an export file's `team` (scorer/RECORDS.md, "The export file"): the
 * stored invitation with its id, and its replies as opened.
 * @typedef {object} TeamEntry
 * @property {string} id
 * @property {"view" | "group"} kind
 * @property {string} questionnaire
 * @property {number} version
 * @property {string} own
 * @property {string} created
 * @property {{id: string, answers: string, opened: string}[]} replies
 */

/**
 * A chosen file's text, or why it was not read.
 * @typedef {{text: string, problem?: undefined} | {text?: undefined, problem: "too-large" | "unreadable"}} ChosenFile
 */

/**
 * The largest file offered to the scorer for an import, in bytes: a larger one is refused
 * before it is read (the scorer holds the text to as many characters).
 */
export const MAX_IMPORT_BYTES = constants.maxImportBytes;

const TIME = new RegExp(`^(?:${constants.timePattern})$`);

/**
 * Whether `value` is a time the scorer reads as one (records/file_values.py, is_time): of the
 * scorer's pattern, and a real date and time, which the page needs no Python to see. An
 * export's `updated` must be one, or the scorer refuses the file; a stored record written by
 * hand may have another, which is exported as null (the scorer never reads it further).
 * @param {unknown} value
 * @returns {value is string}
 */
function isTime(value) {
  if (typeof value !== "string" || !TIME.test(value)) return false;
  const date = new Date(value);
  // A date or time that does not exist (February 30, 24:00) is read as another one, or none;
  // the scorer's dates start in year 1.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1) return false;
  return date.toISOString().slice(0, 19) === value.slice(0, 19);
}

/**
 * One questionnaire's entry of an export file, from its record (of any schema) or none.
 * @param {string} questionnaire its id
 * @param {number} version its version now, for a record without a version of its own
 * @param {StoredRecord | null | undefined} record
 * @returns {ExportEntry}
 */
export function exportEntry(questionnaire, version, record) {
  const updated = record && isTime(record.updated) ? record.updated : null;
  const stored = record ? record.version : undefined;
  return {
    id: questionnaire,
    version: typeof stored === "number" && Number.isInteger(stored) && stored >= 0 ? stored : version,
    updated,
    answers: record && record.answers ? { ...record.answers } : {},
    // Every snapshot as stored, also one this page cannot show: an export never drops anything.
    snapshots: [...snapshotsOf(record)],
  };
}

/**
 * The `team` of an export file, from the stored team replies (team-replies.js, readTeam):
 * every invitation with its id, the fields the format has, and every reply as opened.
 * @param {Record<string, InvitationReplies>} invitations
 * @returns {TeamEntry[]}
 */
export function exportTeam(invitations) {
  return Object.entries(invitations).map(([id, invitation]) => ({
    id,
    kind: invitation.kind,
    questionnaire: invitation.questionnaire,
    version: invitation.version,
    own: invitation.own,
    created: invitation.created,
    replies: invitation.replies.map((reply) => ({ id: reply.id, answers: reply.answers, opened: reply.opened })),
  }));
}

/**
 * The whole export file; `team` only when given (a file without it says nothing about them).
 * @param {{course: string, site: string, entries: ExportEntry[], team?: TeamEntry[]}} content
 * @returns {ExportDocument}
 */
export function exportDocument({ course, site, entries, team }) {
  return {
    format: constants.exportFormat,
    format_version: constants.exportFormatVersion,
    course,
    site,
    exported: new Date().toISOString(),
    questionnaires: entries,
    ...(team ? { team } : {}),
  };
}

/**
 * The site's address, for the file (informative only: a file can be imported anywhere).
 * @param {string} sitePath
 * @returns {string}
 */
export function siteAddress(sitePath) {
  return `${window.location.origin}${sitePath}`;
}

/**
 * "2026-05-31", for file names.
 * @param {Date} [date]
 * @returns {string}
 */
export function fileDate(date = new Date()) {
  return date.toISOString().slice(0, 10);
}

/**
 * Offer `text` as a file download; returns the file name.
 * @param {string} name
 * @param {string} text
 * @param {string} type its media type
 * @returns {string}
 */
export function download(name, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  (window.__lederskap ||= {}).lastDownload = { name, type, size: blob.size };
  return name;
}

/**
 * The text of a chosen file: {text} or {problem: "too-large" | "unreadable"}; never throws.
 * @param {Blob | null | undefined} file
 * @returns {Promise<ChosenFile>}
 */
export async function readChosenFile(file) {
  if (!file) return { problem: "unreadable" };
  if (file.size > MAX_IMPORT_BYTES) return { problem: "too-large" };
  try {
    return { text: await file.text() };
  } catch {
    return { problem: "unreadable" };
  }
}

// ---- CSV -------------------------------------------------------------------

// A spreadsheet may open the file with another separator than the one it was written
// with (a comma where "nb" writes ";"), and would then start a cell after every comma:
// so a cell holding either separator (or a tab) is quoted, and a formula start after
// one, or after a line break, is defused too, for a program that splits cells and rows
// without reading quotes. The CSV is for reading; the JSON export keeps every text as written.
const FORMULA_AT_START = /^[=+\-@\t\r]/;
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n][ ]*)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[,;\t"\r\n]/;

/**
 * One CSV cell. Text a spreadsheet would take for a formula, at the start of the cell
 * (= + - @, a tab, a carriage return) or after a comma, a semicolon, a tab or a line break (= + - @),
 * gets an apostrophe in front; a cell holding a comma, a semicolon, a tab, a quote or a
 * line break is quoted, its quotes doubled, whichever separator the file uses.
 * @param {unknown} value
 * @returns {string}
 */
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  if (FORMULA_AT_START.test(text)) text = `'${text}`;
  if (NEEDS_QUOTES.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * Rows of cells as CSV text: a byte order mark (so spreadsheets read UTF-8) and CRLF line ends.
 * @param {readonly (readonly unknown[])[]} rows
 * @param {string} separator
 * @returns {string}
 */
export function csvText(rows, separator) {
  return `\ufeff${rows.map((row) => row.map((cell) => csvCell(cell)).join(separator)).join("\r\n")}\r\n`;
}
