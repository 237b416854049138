// The module the build writes as assets/lederskap/constants.js
// (lederskap_build/generate.py, plan_outputs: `export const constants = Object.freeze({...})`):
// the formats and limits the page shares with the scorer, each defined once in Python and
// gathered by lederskap_scorer/browser_constants.py (browser_constants). The page's modules
// import them from here and never write one of these values themselves
// (tests/course_build/test_browser_constants.py). Keep in step with BrowserConstants there;
// tests/js/generated-modules.test.mjs compares the fields declared here with those of a real build.

/** What the browser code needs of the storage key format (lederskap_scorer/storage_keys.py, browser_constants). */
export interface StorageKeyConstants {
  /** The beginning of every key of the current format: "lederskap/v2:". */
  readonly prefix: string;
  /** The beginning of every key of the first format: "lederskap/v1". */
  readonly legacyPrefix: string;
  /** The name of the course's own notes under its scope: "_course". */
  readonly courseNotes: string;
  /** The name under its scope of the course's opened team replies: "_team". */
  readonly teamReplies: string;
  /** The name under its scope of the course's IndexedDB database of team invitation keys: "_team-keys". */
  readonly teamKeys: string;
}

export interface Constants {
  /** The schema of the records the page writes (records/migration.py, RECORD_SCHEMA). */
  readonly recordSchema: number;
  /** The `format` of every export file: "lederskap-answers" (records/export_file.py, EXPORT_FORMAT). */
  readonly exportFormat: string;
  /** The `format_version` of the export files the page writes (records/export_file.py, EXPORT_FORMAT_VERSION). */
  readonly exportFormatVersion: number;
  /**
   * The largest file the page reads for an import, in bytes: 2 MiB. The scorer refuses a text of
   * more characters (records/export_file.py, MAX_EXPORT_CHARS).
   */
  readonly maxImportBytes: number;
  /** The longest name of a snapshot, in characters (records/file_values.py, MAX_NAME). */
  readonly maxSnapshotName: number;
  /** The most replies one team invitation keeps and one team result reads (limits.py, MAX_REPLIES). */
  readonly maxReplies: number;
  /** The schema of the opened team replies the page stores under `<course scope>_team` (records/team_data.py, TEAM_SCHEMA). */
  readonly teamSchema: number;
  /**
   * The form of an id, as the source of a regular expression without anchors: match it against a
   * whole text, `new RegExp(`^(?:${constants.idPattern})$`)` (schema.py, ID_PATTERN).
   */
  readonly idPattern: string;
  /**
   * A time as the page writes one (`Date.prototype.toISOString`), as the source of a regular
   * expression without anchors; the scorer also reads it as a real date (records/file_values.py,
   * TIME_PATTERN, is_time).
   */
  readonly timePattern: string;
  /**
   * The stored answer of a likert statement answered "not applicable", the choice after the scale's
   * points that a scale may offer: "na" (parts/likert.py, NOT_APPLICABLE).
   */
  readonly notApplicable: string;
  readonly storageKeys: StorageKeyConstants;
}

export const constants: Constants;
