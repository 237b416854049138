// @ts-check
// Interface text and number formatting in the course's language.
//
// Every word a learner reads comes from the messages catalogue that the build
// writes into messages.js (lederskap_scorer/messages/<language>.json). Scores
// are shown with the scorer's own display strings; Intl is only used for the
// numbers we compute here (allocation sums before Python is ready).

import { buildInfo } from "./build-info.js";
import { messages } from "./messages.js";

/** The course's language, in which the page speaks (the build writes it: buildInfo.language). */
export const language = buildInfo.language;

/**
 * The message `key` with its `{name}` placeholders filled from `values`.
 * @param {string} key
 * @param {Readonly<Record<string, unknown>>} [values]
 * @returns {string}
 */
export function t(key, values = {}) {
  const template = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : null;
  if (template === null) {
    console.error(`lederskap: missing message "${key}"`);
    return key;
  }
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (match, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}

/** @type {Map<string, Intl.NumberFormat>} */
const formats = new Map();

/**
 * @param {number} minimumFractionDigits
 * @param {number} maximumFractionDigits
 * @returns {Intl.NumberFormat}
 */
function numberFormat(minimumFractionDigits, maximumFractionDigits) {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits, maximumFractionDigits, useGrouping: false });
    formats.set(key, format);
  }
  return format;
}

/**
 * An amount as the scorer writes one (scorer/RESULTS.md, "Numbers"): whole numbers
 * without decimals ("40"), others with one ("12,5" in nb, "12.5" in en); no grouping;
 * an ASCII minus. Used for the sums computed here before Python is ready.
 * @param {number} value
 * @returns {string}
 */
export function formatNumber(value) {
  const decimals = Number.isInteger(value) ? 0 : 1;
  // Intl writes a minus as U+2212 in nb; the scorer writes "-": keep them alike.
  return numberFormat(decimals, decimals).format(value).replace("\u2212", "-");
}

/**
 * The message `key` for a count: `<key>_one` for exactly one, else `key`; `{count}` is filled in.
 * @param {number} count
 * @param {string} key
 * @returns {string}
 */
export function counted(count, key) {
  return t(count === 1 ? `${key}_one` : key, { count });
}
