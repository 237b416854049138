// @ts-check
// The last results shown for a questionnaire, kept so that a return visit shows
// them at once, before Python has started (starting Pyodide takes over a second
// even from the browser's cache).
//
// Cached results are used only for exactly the same answers, language and build
// (the build hash changes whenever the scorer wheel or a definition changes), so
// they are what the scorer would compute again; the scorer still starts and
// scores every change. Key: <record key>/results, under the course's prefix, so
// deleting the questionnaire or the course deletes it too. It is only a cache:
// when it cannot be read or written, nothing else changes, and an entry that is
// not what this module writes is removed (the scorer's results replace it).

import { buildInfo } from "./build-info.js";
import { openLocalStorage } from "./local-storage.js";

// Results bigger than this are not worth a share of the learner's storage.
const MAX_CACHED_CHARS = 200_000;

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether a text is the scorer's results JSON (scorer/RESULTS.md) in outline; drawing checks the rest.
 * Throws when it is not JSON.
 * @param {string} text
 * @returns {boolean}
 */
function looksLikeResults(text) {
  const results = JSON.parse(text);
  return isPlainObject(results) && Number.isInteger(results.results_format) && Array.isArray(results.parts);
}

export class ResultsCache {
  /**
   * @param {string} recordKey the key of the questionnaire's record (storage-keys.js)
   * @param {string} language the language the results are written in
   */
  constructor(recordKey, language) {
    this.key = `${recordKey}/results`;
    this.language = language;
  }

  /**
   * The results JSON computed earlier for exactly these answers (a JSON string), or null.
   * @param {string} answersJson
   * @returns {string | null}
   */
  read(answersJson) {
    const storage = openLocalStorage();
    if (!storage) return null;
    try {
      const raw = storage.getItem(this.key);
      if (raw === null) return null;
      const cached = JSON.parse(raw);
      if (!isPlainObject(cached) || typeof cached.results !== "string" || !looksLikeResults(cached.results)) {
        throw new Error("not a results cache");
      }
      const fits =
        cached.build === buildInfo.build && cached.language === this.language && cached.answers === answersJson;
      return fits ? cached.results : null;
    } catch {
      this.forget(); // unreadable: as if there were no cache; the scorer's results replace it
      return null;
    }
  }

  /** Remove the entry (it could not be shown). */
  forget() {
    try {
      const storage = openLocalStorage();
      if (storage) storage.removeItem(this.key);
    } catch {
      // Nothing more to do: the next results written replace it.
    }
  }

  /**
   * Keep the results of these answers for the next visit.
   * @param {string} answersJson
   * @param {string} resultsJson
   */
  write(answersJson, resultsJson) {
    // No answers, nothing to keep: and a questionnaire whose answers were deleted (in this
    // tab or another, which then scores the empty form) must leave no key behind.
    if (answersJson === "{}") {
      this.forget();
      return;
    }
    const storage = openLocalStorage();
    if (!storage) return;
    const entry = { build: buildInfo.build, language: this.language, answers: answersJson, results: resultsJson };
    try {
      if (resultsJson.length + answersJson.length > MAX_CACHED_CHARS) storage.removeItem(this.key);
      else storage.setItem(this.key, JSON.stringify(entry));
    } catch {
      // Storage full or blocked: drop the cache rather than hold space the answers may need.
      try {
        storage.removeItem(this.key);
      } catch {
        // Nothing more to do: without the cache the next visit waits for the scorer.
      }
    }
  }
}
