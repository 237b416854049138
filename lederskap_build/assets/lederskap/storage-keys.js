// @ts-check
// The names of the learner's data in localStorage: one scope per site and course,
// and the move of keys written in the first format (v1) into it.
//
// Format (defined in scorer/src/lederskap_scorer/storage_keys.py, which the tests
// and the benchmark use, and documented in scorer/RECORDS.md; the prefixes, and the
// form of an id and of a time, come from the scorer through constants.js):
//
//   <prefix><site path>#<course id>/<questionnaire id>                 the record
//   <prefix><site path>#<course id>/<questionnaire id>/unreadable/<time>
//                                        a stored text that could not be read, kept as it was
//   <prefix><site path>#<course id>/<questionnaire id>/version/<n>
//                                        the record as it was when questionnaire version n changed
//   <prefix><site path>#<course id>/<questionnaire id>/results
//                                        the last results shown (results-cache.js)
//   <prefix><site path>#<course id>/_course                           the course's own notes
//   <prefix><site path>#<course id>/_team                 the team replies opened (team-replies.js)
//   <prefix><site path>#<course id>/_team/unreadable/<time>
//                                        a stored text of them that could not be read, set aside by an import
//
// and, in IndexedDB (whose databases, like localStorage, every site of the origin shares),
//
//   <prefix><site path>#<course id>/_team-keys          the course's team invitation keys (team-keys.js)
//
// with <prefix> = "lederskap/v2:" and <site path> the pathname of the site root
// ("/" on a domain of its own, "/repo/" on https://user.github.io/repo/). A
// pathname never holds a "#" (it would start the fragment) and an id never holds
// "#" or "/", so the scope "<prefix><site path>#<course id>/" of one site and
// course is never the beginning of another's: every GitHub Pages site of a user
// shares one origin, and a site at /n/ with course "kurs2" must never touch the
// keys of a site at /n/kurs2/. "_course" is never a questionnaire id (ids start
// with a letter or a digit).
//
// The first format, "lederskap/v1<site path><course id>/...", had no delimiter
// after the site path: moveLegacyKeys carries this site's and course's keys
// over, one at a time, never losing one (see there).

import { constants } from "./constants.js";

const { prefix: PREFIX, legacyPrefix: LEGACY_PREFIX, courseNotes, teamReplies, teamKeys } = constants.storageKeys;
export const COURSE_NOTES = courseNotes;
export const TEAM_REPLIES = teamReplies;

/**
 * What a key under a course's scope is (keyKind).
 * @typedef {{kind: "notes"} | {kind: "team"} | {questionnaire: string, kind: "record" | "unreadable" | "version" | "results"}} KeyKind
 */

/**
 * The part of localStorage used here (a Storage; the tests give a stand-in).
 * @typedef {Pick<Storage, "length" | "key" | "getItem" | "setItem" | "removeItem">} KeyValueStorage
 */

/**
 * A first-format key of this site and course (legacyKeys).
 * @typedef {object} LegacyKey
 * @property {string} key the key as stored
 * @property {string} rest what follows the old scope: "<questionnaire>[/...]" or the notes' name
 * @property {string} raw its stored text
 * @property {KeyKind} kind
 */

/**
 * The pathname of the site root, from the URL of a module in <site root>/assets/lederskap/.
 * @param {string | URL} moduleUrl
 * @returns {string}
 */
export function sitePathFrom(moduleUrl) {
  return new URL("../../", moduleUrl).pathname;
}

/**
 * @param {string} sitePath
 * @returns {string}
 */
function normalPath(sitePath) {
  const path = sitePath.endsWith("/") ? sitePath : `${sitePath}/`;
  return path.startsWith("/") ? path : `/${path}`;
}

/**
 * The beginning of every key of one course on one site: "lederskap/v2:/repo/#<course>/".
 * @param {string} sitePath
 * @param {string} course
 * @returns {string}
 */
export function courseScope(sitePath, course) {
  return `${PREFIX}${normalPath(sitePath)}#${course}/`;
}

/**
 * The key of one questionnaire's record.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} questionnaire
 * @returns {string}
 */
export function storageKey(sitePath, course, questionnaire) {
  return `${courseScope(sitePath, course)}${questionnaire}`;
}

/**
 * The key of the course's own notes.
 * @param {string} sitePath
 * @param {string} course
 * @returns {string}
 */
export function notesKey(sitePath, course) {
  return `${courseScope(sitePath, course)}${COURSE_NOTES}`;
}

/**
 * The key of one course's opened team replies on one site (team-replies.js).
 * @param {string} sitePath
 * @param {string} course
 * @returns {string}
 */
export function teamRepliesKey(sitePath, course) {
  return `${courseScope(sitePath, course)}${TEAM_REPLIES}`;
}

/**
 * The name of the IndexedDB database of one course's team invitation keys on one site.
 * @param {string} sitePath
 * @param {string} course
 * @returns {string}
 */
export function teamKeysDatabase(sitePath, course) {
  return `${courseScope(sitePath, course)}${teamKeys}`;
}

/**
 * What a key under a course's scope is: {questionnaire, kind} with kind one of
 * "record", "unreadable", "version", "results"; {kind: "notes"}; {kind: "team"} (the opened
 * team replies); or null for a key
 * that is not of the scope or not of this format.
 * @param {string} key
 * @param {string} scope
 * @returns {KeyKind | null}
 */
export function keyKind(key, scope) {
  if (!key.startsWith(scope)) return null;
  return restKind(key.slice(scope.length));
}

// The rest of a key: an id, and what is kept beside its record. The patterns of an id and
// of a time (the time an unreadable text was set aside) have no capturing groups.
const REST = new RegExp(
  `^(${constants.idPattern})(?:/(results)|/(version)/\\d+|/(unreadable)/${constants.timePattern})?$`,
);

/**
 * @param {string} rest
 * @returns {KeyKind | null}
 */
function restKind(rest) {
  if (rest === COURSE_NOTES) return { kind: "notes" };
  if (rest === TEAM_REPLIES) return { kind: "team" };
  const match = REST.exec(rest);
  if (!match) return null;
  // One of the groups "results", "version", "unreadable" of REST, or none of them.
  const kind = /** @type {"results" | "version" | "unreadable" | undefined} */ (match[2] || match[3] || match[4]);
  return { questionnaire: match[1], kind: kind || "record" };
}

/**
 * @param {string} raw
 * @returns {Record<string, unknown> | null}
 */
function parsedObject(raw) {
  try {
    const value = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Whether a stored text is a results cache (results-cache.js): {build, ..., results: "<JSON>"}.
 * @param {string} raw
 * @returns {boolean}
 */
function isResultsCache(raw) {
  const value = parsedObject(raw);
  return value !== null && !("schema" in value) && typeof value.build === "string" && typeof value.results === "string";
}

/**
 * Whether a first-format key of this course's scope is really this site's: the old
 * scope "lederskap/v1/n/kurs2/" of site /n/ and course "kurs2" is also the beginning
 * of the keys of a site at /n/kurs2/. That site's keys have one more level, so only
 * two of them can look like ours: its record of a questionnaire named "results"
 * ("<its course>/results") and the results cache of its questionnaire named like
 * our course is seen from one level up as our record ("<our course>/<q>/results"
 * is no shape of ours). Their texts tell them apart: ours under "<q>/results" is a
 * results cache, ours under "<q>" never is. (Its "<q>/version/<n>" and
 * "<q>/unreadable/<time>" keys have two more levels and never match.)
 * @param {KeyKind} kind
 * @param {string} raw
 * @returns {boolean}
 */
function isOurs(kind, raw) {
  if (kind.kind === "results") return isResultsCache(raw);
  if (kind.kind === "record") return !isResultsCache(raw);
  return true;
}

/**
 * Every key of localStorage (an empty list when it cannot be read).
 * @param {KeyValueStorage} storage
 * @returns {string[]}
 */
export function allKeys(storage) {
  const keys = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null) keys.push(key);
    }
  } catch {
    // localStorage failed while being read: what was found so far is all there is.
  }
  return keys;
}

/**
 * The first-format keys of this site and course, with their kind (see isOurs).
 * @param {KeyValueStorage} storage
 * @param {string} sitePath
 * @param {string} course
 * @returns {LegacyKey[]}
 */
export function legacyKeys(storage, sitePath, course) {
  const scope = `${LEGACY_PREFIX}${normalPath(sitePath)}${course}/`;
  const found = [];
  for (const key of allKeys(storage)) {
    const kind = keyKind(key, scope);
    if (!kind) continue;
    let raw;
    try {
      raw = storage.getItem(key);
    } catch {
      continue;
    }
    if (raw !== null && isOurs(kind, raw)) found.push({ key, rest: key.slice(scope.length), raw, kind });
  }
  return found;
}

/**
 * Move this site's and course's first-format keys into the current scope, one key
 * at a time: the text is written under its new key before the old key is removed.
 * When storage is too full to hold both, the old key is removed first and the text
 * written again under its new key, or back under the old one if that fails too, so
 * a text is never lost. A new key that already exists with another text (a page of
 * the old version, still open in another tab, saved after the move) is never
 * written over: the old text goes beside it, as a text set aside
 * ("<key>/unreadable/<time>", kept and deleted with the questionnaire), except a
 * results cache, which is only a cache. Returns the number of keys moved.
 * @param {KeyValueStorage | null} storage localStorage, or null where it cannot be used
 * @param {string} sitePath
 * @param {string} course
 * @returns {number}
 */
export function moveLegacyKeys(storage, sitePath, course) {
  if (!storage) return 0;
  let moved = 0;
  const scope = courseScope(sitePath, course);
  for (const { key, rest, raw, kind } of legacyKeys(storage, sitePath, course)) {
    const target = `${scope}${rest}`;
    try {
      const existing = storage.getItem(target);
      if (existing === null) {
        writeMoving(storage, key, target, raw);
      } else if (existing !== raw && kind.kind !== "results") {
        const aside = "questionnaire" in kind ? `${scope}${kind.questionnaire}` : target;
        writeMoving(storage, key, `${aside}/unreadable/${new Date().toISOString()}`, raw);
      }
      storage.removeItem(key);
      moved += 1;
    } catch {
      // Left under its old key: tried again on the next visit.
    }
  }
  return moved;
}

/**
 * Write `raw` under `to`, making room by removing `from` if storage is full (see moveLegacyKeys).
 * @param {KeyValueStorage} storage
 * @param {string} from
 * @param {string} to
 * @param {string} raw
 */
function writeMoving(storage, from, to, raw) {
  try {
    storage.setItem(to, raw);
  } catch {
    storage.removeItem(from);
    try {
      storage.setItem(to, raw);
    } catch (error) {
      storage.setItem(from, raw);
      throw error;
    }
  }
}
