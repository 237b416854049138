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
  /**
   * Pyodide's WebAssembly gzip-compressed (lederskap_build/wasm_gzip.py), relative to
   * assets/lederskap/: "pyodide/pyodide.asm.wasm.gz". The scorer worker fetches it in place of
   * pyodide.asm.wasm and decompresses it (wasm-fetch.js).
   */
  readonly wasm: string;
  /** A short hash of everything the site is made of; the service worker has the same. */
  readonly build: string;
  /** False under `lederskap serve`: no service worker, and an earlier one removes itself. */
  readonly offline: boolean;
  /**
   * The learner's results page (the page with `::my-results`), which the forms link to:
   * its address relative to the site's root ("mine-resultater/") and its title in the menu;
   * null when the course has none (lederskap_build/my_results.py, results_page_link).
   */
  readonly myResults: { readonly page: string; readonly title: string } | null;
  /**
   * Every questionnaire placed on a page, by id: the address of its page relative to the site's
   * root ("verktoy/lederferdigheter/") and the ids its answers are stored under, in reading order;
   * for the marks of what the learner has answered (answered-marks.js;
   * lederskap_build/questionnaire_pages.py).
   */
  readonly questionnaires: readonly QuestionnairePage[];
}

export interface QuestionnairePage {
  readonly id: string;
  readonly page: string;
  readonly answerIds: readonly string[];
}

export const buildInfo: BuildInfo;
