// @ts-check
// The browser's localStorage, the one place this site keeps anything, opened
// safely: null where it is blocked (private modes, settings) or throws. Every key
// is named by storage-keys.js; records are read and written by record-store.js,
// the course's notes by course-notes.js, the results cache by results-cache.js.

/**
 * localStorage, or null when it cannot be used.
 * @returns {Storage | null}
 */
export function openLocalStorage() {
  try {
    const storage = window.localStorage;
    if (!storage) return null;
    storage.getItem("lederskap"); // throws where storage is blocked
    return storage;
  } catch {
    return null;
  }
}

/**
 * The current time as an ISO text, as every stored time is written.
 * @returns {string}
 */
export function timestamp() {
  return new Date().toISOString();
}
