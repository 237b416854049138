// Interface text and number formatting in the course's language.
//
// Every word a learner reads comes from the messages catalogue that the build
// writes into messages.js (lederskap_build/messages/<language>.json). Scores
// are shown with the scorer's own display strings; Intl is only used for the
// numbers we compute here (allocation sums before Python is ready).

import { buildInfo } from "./build-info.js";
import { messages } from "./messages.js";

export const language = buildInfo.language || document.documentElement.lang || "nb";

/** The message `key` with its `{name}` placeholders filled from `values`. */
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

const formats = new Map();

/** A number as the learner's language writes it: "12,5" in nb, "12.5" in en; no grouping. */
export function formatNumber(value, maximumFractionDigits = 1) {
  let format = formats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits, useGrouping: false });
    formats.set(maximumFractionDigits, format);
  }
  // Intl writes a minus as U+2212 in nb; the scorer writes "-": keep them alike.
  return format.format(value).replace("\u2212", "-");
}
