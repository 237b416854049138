// The module the build writes as assets/lederskap/build-info.js
// (lederskap_build/generate.py, plan_outputs: `export const buildInfo = Object.freeze({...})`):
// what this build is. The formats and limits the page shares with the scorer, the same in
// every build, are constants.js (constants.d.ts).
// Keep in step with the dictionary `info` there; tests/js/generated-modules.test.mjs
// compares the fields declared here with those of a real build, and
// tests/course_build/test_browser_constants.py `language` with the scorer's languages.

export interface BuildInfo {
  /** The course id (`extra.lederskap.course` in mkdocs.yml). */
  readonly course: string;
  /** The interface language (lederskap_scorer/format.py, Language). */
  readonly language: "nb" | "en";
  /** The version of the npm package "pyodide" the site carries. */
  readonly pyodideVersion: string;
  /** The scorer wheel, relative to assets/lederskap/: "wheels/<name>.whl". */
  readonly wheel: string;
  /**
   * The standard library byte-compiled and trimmed for the scorer (lederskap_build/stdlib.py),
   * relative to assets/lederskap/: "pyodide/python_stdlib_scorer.zip". The scorer worker gives it
   * to loadPyodide as stdLibURL, and falls back to Pyodide's own python_stdlib.zip.
   */
  readonly stdlib: string;
  /** A short hash of everything the site is made of; the service worker has the same. */
  readonly build: string;
  /** False under `lederskap serve`: no service worker, and an earlier one removes itself. */
  readonly offline: boolean;
}

export const buildInfo: BuildInfo;
