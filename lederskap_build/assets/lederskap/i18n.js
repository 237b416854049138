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

/**
 * The message `key` as texts and nodes, for a sentence holding a link: like t(), but a
 * value that is a DOM node (an `<a>` made with dom.js) takes its placeholder's place as it
 * is. The parts are for h() or replaceChildren(), never for HTML.
 * @param {string} key
 * @param {Readonly<Record<string, string | number | Node>>} values
 * @returns {(string | Node)[]}
 */
export function tNodes(key, values) {
  /** @type {Record<string, string>} */
  const marks = {};
  for (const name of Object.keys(values)) marks[name] = `\u0000${name}\u0000`;
  const marked = t(key, marks);
  return marked
    .split("\u0000")
    .map((part, index) => {
      if (index % 2 === 0) return part;
      const value = values[part];
      return typeof value === "object" ? value : String(value);
    })
    .filter((part) => part !== "");
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

/** @type {Intl.PluralRules | null} */
let pluralRules = null;

/**
 * The message `key` for the number `count`, in the form the course's language gives that
 * number: `<key>.<category>` when the catalogue has it for count's plural category
 * (Intl.PluralRules: "zero", "one", "two", "few", "many"), else `key`, the general form
 * (CLDR's "other"). So nb and en write `storage.removed` ("{count} svar hører til
 * spørsmål …") and `storage.removed.one` ("1 svar hører til et spørsmål …"), and a
 * language with more forms adds its own variants, without any change here. `{count}`
 * and `values` are filled in. Every message that depends on a number goes through this
 * function, never through a comparison with 1.
 * @param {number} count
 * @param {string} key
 * @param {Readonly<Record<string, unknown>>} [values]
 * @returns {string}
 */
export function counted(count, key, values = {}) {
  pluralRules ||= new Intl.PluralRules(language);
  const variant = `${key}.${pluralRules.select(count)}`;
  const chosen = Object.prototype.hasOwnProperty.call(messages, variant) ? variant : key;
  return t(chosen, { count, ...values });
}
