// The learner's answers as files: the JSON export (format: scorer/RECORDS.md,
// "The export file"), a CSV for spreadsheets, downloading a file made in the
// browser (a Blob: nothing is sent anywhere) and reading a chosen file.

import { snapshotsOf } from "./record-store.js";

export const EXPORT_FORMAT = "lederskap-answers";
export const EXPORT_FORMAT_VERSION = 1;
/** The largest file offered for import, in bytes (the scorer checks the text again). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;

/** One questionnaire's entry of an export file, from its record (of any schema) or none. */
export function exportEntry(questionnaire, version, record) {
  const updated = record && typeof record.updated === "string" && TIME.test(record.updated) ? record.updated : null;
  return {
    id: questionnaire,
    version: record && Number.isInteger(record.version) && record.version >= 0 ? record.version : version,
    updated,
    answers: record && record.answers ? { ...record.answers } : {},
    // Every snapshot as stored, also one this page cannot show: an export never drops anything.
    snapshots: [...snapshotsOf(record)],
  };
}

/** The whole export file. */
export function exportDocument({ course, site, entries }) {
  return {
    format: EXPORT_FORMAT,
    format_version: EXPORT_FORMAT_VERSION,
    course,
    site,
    exported: new Date().toISOString(),
    questionnaires: entries,
  };
}

/** The site's address, for the file (informative only: a file can be imported anywhere). */
export function siteAddress(sitePath) {
  return `${window.location.origin}${sitePath}`;
}

/** "2026-05-31", for file names. */
export function fileDate(date = new Date()) {
  return date.toISOString().slice(0, 10);
}

/** Offer `text` as a file download; returns the file name. */
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

/** The text of a chosen file: {text} or {problem: "too-large" | "unreadable"}; never throws. */
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
 */
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  if (FORMULA_AT_START.test(text)) text = `'${text}`;
  if (NEEDS_QUOTES.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** Rows of cells as CSV text: a byte order mark (so spreadsheets read UTF-8) and CRLF line ends. */
export function csvText(rows, separator) {
  return `\ufeff${rows.map((row) => row.map((cell) => csvCell(cell)).join(separator)).join("\r\n")}\r\n`;
}
