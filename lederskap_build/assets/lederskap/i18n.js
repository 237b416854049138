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

function numberFormat(minimumFractionDigits, maximumFractionDigits) {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  if (!formats.has(key)) {
    formats.set(
      key,
      new Intl.NumberFormat(language, { minimumFractionDigits, maximumFractionDigits, useGrouping: false }),
    );
  }
  return formats.get(key);
}

/**
 * An amount as the scorer writes one (scorer/RESULTS.md, "Numbers"): whole numbers
 * without decimals ("40"), others with one ("12,5" in nb, "12.5" in en); no grouping;
 * an ASCII minus. Used for the sums computed here before Python is ready.
 */
export function formatNumber(value) {
  const decimals = Number.isInteger(value) ? 0 : 1;
  // Intl writes a minus as U+2212 in nb; the scorer writes "-": keep them alike.
  return numberFormat(decimals, decimals).format(value).replace("\u2212", "-");
}
