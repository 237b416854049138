// @ts-check
// The tools for the whole course on the results page ("Mine resultater"): export
// (the JSON file of scorer/RECORDS.md, and a CSV for spreadsheets), import (checked
// by the scorer, previewed, merged or replaced, all or nothing) and delete. They
// must work whatever is stored: they are where a learner rescues their data. The
// export and the import carry the team replies the leader opened (team-replies.js),
// never an invitation's key (team-keys.js: no code can read one).

import { confirmAction } from "./confirm-dialog.js";
import {
  csvText,
  download,
  exportDocument,
  exportEntry,
  exportTeam,
  fileDate,
  MAX_IMPORT_BYTES,
  readChosenFile,
  siteAddress,
} from "./data-file.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, t } from "./i18n.js";
import { answerIds, hasResults, partKind } from "./parts/index.js";
import { csvValue } from "./parts/common.js";
import { problemText as answerProblemText } from "./result-tables.js";
import { formatTime } from "./snapshots.js";
import { EXPORT_REMINDER_DAYS, exportIsDue, noteExport, unexportedSince } from "./course-notes.js";
import { timestamp } from "./local-storage.js";
import { courseRecords, deleteCourse, parseRecord } from "./record-store.js";
import { deleteTeamKeys } from "./team-keys.js";
import { forgetTeamInMemory, importTeamText, readTeam, storedTeamText } from "./team-replies.js";

/**
 * @import { Answers, Definition } from "./answers.js"
 * @import { AnswerStore, CourseRecord, StoredRecord } from "./record-store.js"
 * @import { TeamSummary } from "./my-results-team.js"
 * @import { PartResult, Results } from "./results-view.js"
 * @import { Scorer } from "./scorer-client.js"
 */

/**
 * A row of the CSV file: questionnaire, part, kind, id, question, answer.
 * @typedef {string[]} CsvRow
 */

/**
 * How a question type's `csvRows` makes its rows: an answer's row (its id, its question,
 * the answer as text) and a score's row (its kind's message key, "csv.kind_mean" or
 * "csv.kind_sum", the id and the text of what is scored, the score as text).
 * @typedef {object} CsvRowMakers
 * @property {(id: string, text: string, value: string) => CsvRow} answerRow
 * @property {(kind: string, id: string, text: string, value: string) => CsvRow} scoreRow
 * @property {Pick<Definition, "scale">} definition the questionnaire's (a likert answer "not applicable"
 *   is written in its scale's words)
 */

/**
 * A questionnaire of the results page (my-results.js).
 * @typedef {object} PageQuestionnaire
 * @property {string} id
 * @property {number} version
 * @property {string} definitionJson
 * @property {Definition} definition
 */

/**
 * What the tools use of the results page (my-results.js, MyResults).
 * @typedef {object} ResultsPage
 * @property {string} sitePath
 * @property {string} course
 * @property {string} language
 * @property {PageQuestionnaire[]} questionnaires in the course's order
 * @property {Map<string, PageQuestionnaire>} byId
 * @property {Map<string, {answers: string, results: Results}>} results each questionnaire's last
 *   results, with the JSON of the answers they were computed for
 * @property {Scorer | null} scorer null: the course has no questionnaires
 * @property {() => Promise<void>} scoreAll score every questionnaire with answers, and draw the results
 * @property {(options?: {keepFocus?: boolean}) => void} renderAll draw everything again from what is stored
 * @property {(id: string, version: number) => AnswerStore} store a questionnaire's stored record
 * @property {TeamSummary} team "Med teamet ditt": the invitations kept here, and how one is named
 */

/** @typedef {"merge" | "replace"} ImportMode */

/**
 * One questionnaire of an import plan (scorer/RECORDS.md, "The import plan"): what merging
 * and replacing would change, and the record each would write.
 * @typedef {object} ImportEntry
 * @property {string} id
 * @property {string | null} title null: not in the course
 * @property {boolean} in_course
 * @property {number} file_version
 * @property {number | null} version the questionnaire's in the course
 * @property {boolean} current_unreadable whether a stored text here cannot be read (it is set aside)
 * @property {number} answers_in_file
 * @property {number} new
 * @property {number} changed
 * @property {number} unchanged
 * @property {number} only_here
 * @property {number} not_in_form
 * @property {number} not_usable
 * @property {number} snapshots_in_file
 * @property {number} snapshots_added
 * @property {number} snapshots_updated
 * @property {number} snapshots_only_here
 * @property {number} snapshots_unusable
 * @property {StoredRecord} merge the record to write when merging
 * @property {StoredRecord} replace the record to write when replacing
 */

/**
 * A problem of an import file (scorer/RECORDS.md): its code, where in the file, and the values
 * its message (`import.problem.<code>`) needs.
 * @typedef {object} ImportProblem
 * @property {string} code
 * @property {string} path
 * @property {string} [questionnaire]
 * @property {string} [id]
 * @property {number} [limit]
 * @property {string} [course]
 * @property {number} [version]
 * @property {string} [problem] invalid-value: the answer problem's code
 * @property {Record<string, string>} [values] invalid-value: the answer problem's values
 */

/**
 * The scorer's check of an import file (scorer/RECORDS.md, "The import plan"; check_import_json).
 * @typedef {object} ImportPlan
 * @property {number} plan_format
 * @property {boolean} ok false: the file is refused, and nothing may change
 * @property {ImportProblem[]} problems
 * @property {number} more_problems
 * @property {{course: string, site: string, exported: string, format_version: number} | null} file
 * @property {boolean} empty
 * @property {Record<ImportMode, boolean>} changes
 * @property {ImportEntry[]} questionnaires
 * @property {TeamPlan | null} team null: the file says nothing about team replies
 */

/**
 * What importing does with a file's team replies (scorer/RECORDS.md, the plan's `team`), and
 * the text to store under "<course scope>_team" for each way of importing.
 * @typedef {object} TeamPlan
 * @property {boolean} current_unreadable whether the text stored here cannot be read (it is set aside)
 * @property {TeamPlanEntry[]} invitations
 * @property {Record<ImportMode, boolean>} changes
 * @property {string} merge
 * @property {string} replace
 */

/**
 * One invitation of a file's team replies, and what each way of importing does with its replies.
 * @typedef {object} TeamPlanEntry
 * @property {string} id
 * @property {"view" | "group"} kind
 * @property {string} questionnaire
 * @property {string} own
 * @property {number} version
 * @property {string} created
 * @property {boolean} here whether this invitation is kept here already
 * @property {number} replies_in_file
 * @property {number} replies_new
 * @property {number} replies_known
 * @property {number} replies_only_here
 * @property {number} replies_not_added
 */

/**
 * The stored texts an import plan was made from: each questionnaire's record (null: none) and
 * the team replies' (null: none).
 * @typedef {{records: Map<string, string | null>, team: string | null}} StoredTexts
 */

/** How long the spreadsheet download waits for the scorer before offering the answers without scores. */
export const CSV_WAIT_MS = 4000;

export class CourseDataTools {
  /** @param {ResultsPage} page the results page: its questionnaires, records, results and scorer */
  constructor(page) {
    this.page = page;
    this.csvWaiting = false;
    this.tools = this.makeTools();
    this.element = this.tools.element;
  }

  /**
   * Tell the learner `text` in the tools' status line.
   * @param {string} text
   */
  say(text) {
    this.tools.say(text);
  }

  /**
   * Show the export reminder when it is due, for `records` (courseRecords).
   * @param {Map<string, CourseRecord>} records
   */
  refresh(records) {
    this.tools.refresh(records);
  }

  makeTools() {
    const titleId = uniqueId("lsk-tools-title");
    const fileId = uniqueId("lsk-import-file");
    const hintId = uniqueId("lsk-import-hint");
    /** @type {(action: string, text: string, extra?: string) => HTMLButtonElement} */
    const button = (action, text, extra = "") =>
      h("button", { type: "button", class: `lsk-button ${extra}`.trim(), "data-lsk-action": action }, text);
    const exportJson = button("export-all", t("mine.export_json"));
    const exportCsv = button("export-csv", t("mine.export_csv"));
    const print = button("print", t("mine.print"));
    const deleteAll = button("delete-course", t("mine.delete_course"), "lsk-button--danger");
    const file = h("input", {
      type: "file",
      id: fileId,
      class: "lsk-file-input",
      accept: ".json,application/json",
      "aria-describedby": hintId,
      "data-lsk-import-file": true,
    });
    const reminder = h("p", { class: "lsk-export-reminder", "data-lsk-export-reminder": true, hidden: true });
    const preview = h("div", {
      class: "lsk-import-preview",
      "data-lsk-import-preview": true,
      hidden: true,
      tabindex: "-1",
    });
    const unscoredCsv = button("export-csv-unscored", t("mine.export_csv_unscored"));
    unscoredCsv.hidden = true;
    /** @type {((taken: "unscored") => void) | null} */
    let takeUnscored = null;
    unscoredCsv.addEventListener("click", () => takeUnscored && takeUnscored("unscored"));
    const feedback = h("p", { class: "lsk-toolbar-feedback", role: "status", "data-lsk-feedback": true });
    const element = h(
      "section",
      { class: "lsk-my-results-tools lsk-toolbar", "aria-labelledby": titleId, "data-lsk-course-tools": true },
      h("h2", { class: "lsk-toolbar-title", id: titleId }, t("mine.tools_heading")),
      h("p", {}, t("mine.tools_intro")),
      reminder,
      h("div", { class: "lsk-toolbar-row" }, exportJson, exportCsv, unscoredCsv, print),
      h(
        "div",
        { class: "lsk-import" },
        h("label", { for: fileId, class: "lsk-field-label" }, t("import.label")),
        h("p", { class: "lsk-hint", id: hintId }, t("import.hint", { size: MAX_IMPORT_BYTES / (1024 * 1024) })),
        file,
      ),
      preview,
      h("div", { class: "lsk-toolbar-row" }, deleteAll),
      feedback,
    );
    const tools = {
      element,
      /**
       * Show the offer of the answers without scores; resolves to "unscored" when taken. `false` hides it.
       * @param {boolean} [show]
       * @returns {Promise<"unscored"> | null}
       */
      offerUnscoredCsv: (show = true) => {
        unscoredCsv.hidden = !show;
        if (!show) {
          takeUnscored = null;
          return null;
        }
        tools.say(t("mine.csv_slow"));
        return new Promise((resolve) => {
          takeUnscored = resolve;
        });
      },
      say: (/** @type {string} */ text) => {
        feedback.textContent = "";
        requestAnimationFrame(() => {
          feedback.textContent = text;
        });
      },
      refresh: (/** @type {Map<string, CourseRecord>} */ records) => {
        const { sitePath, course } = this.page;
        const due = this.page.questionnaires.some((q) => {
          const record = records.get(q.id)?.record;
          if (!record || !Object.keys(record.answers).length) return false;
          return exportIsDue(unexportedSince(sitePath, course, q.id, record.updated));
        });
        reminder.hidden = !due;
        reminder.textContent = due ? t("mine.reminder", { days: EXPORT_REMINDER_DAYS }) : "";
      },
    };
    exportJson.addEventListener("click", () => this.exportAll());
    exportCsv.addEventListener("click", () => this.exportCsv());
    print.addEventListener("click", () => window.print());
    deleteAll.addEventListener("click", () => this.deleteAll());
    file.addEventListener("change", () => this.chooseFile(file, preview));
    return tools;
  }

  exportAll() {
    const records = courseRecords(this.page.sitePath, this.page.course);
    const entries = this.page.questionnaires.map((q) => exportEntry(q.id, q.version, records.get(q.id)?.record));
    // Records of questionnaires the course no longer has: exported with their own version, or
    // with 0 (no questionnaire has it: versions start at 1) when they hold none that the scorer
    // reads as a version, so that the file can be imported again.
    for (const [id, entry] of records) {
      if (!this.page.byId.has(id) && entry.record) entries.push(exportEntry(id, 0, entry.record));
    }
    // The team replies opened, as stored; the keys that open new ones never leave this browser.
    const team = readTeam(this.page.sitePath, this.page.course);
    const file = exportDocument({
      course: this.page.course,
      site: siteAddress(this.page.sitePath),
      entries,
      team: team.ok ? exportTeam(team.invitations) : undefined,
    });
    const text = `${JSON.stringify(file, null, 2)}\n`;
    const name = download(`${this.page.course}-${fileDate()}.json`, text, "application/json");
    noteExport(this.page.sitePath, this.page.course, entries.map((entry) => entry.id));
    this.tools.refresh(records);
    this.tools.say(t(team.ok ? "mine.exported" : "mine.exported_team_unreadable", { file: name }));
  }

  /**
   * The spreadsheet file, with the scores once the scorer has computed them. While it
   * starts, the learner is told so at once, and after CSV_WAIT_MS is offered the answers
   * without scores; the file with scores follows when they are ready, unless the
   * learner took the other one meanwhile.
   */
  async exportCsv() {
    if (this.csvWaiting) {
      this.tools.say(t("mine.csv_waiting"));
      return;
    }
    const scorer = this.page.scorer;
    if (scorer && scorer.state !== "ready") {
      this.csvWaiting = true;
      this.tools.say(t("mine.csv_waiting"));
      const scored = (async () => {
        await scorer.start();
        await this.page.scoreAll();
      })().catch(() => {
        // Without the scorer the file has the answers but no scores; the learner is told.
      });
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let slow;
      /** @type {Promise<"slow">} */
      const waited = new Promise((resolve) => {
        slow = setTimeout(() => resolve("slow"), CSV_WAIT_MS);
      });
      if ((await Promise.race([scored, waited])) === "slow") {
        const taken = await Promise.race([scored.then(() => "scored"), this.tools.offerUnscoredCsv()]);
        this.tools.offerUnscoredCsv(false);
        this.csvWaiting = false;
        if (taken === "unscored") {
          this.writeCsv({ withScores: false });
          return;
        }
      }
      clearTimeout(slow);
      this.csvWaiting = false;
    }
    this.writeCsv({ withScores: true });
  }

  /**
   * Offer the spreadsheet file: with the scores computed for the answers stored now, or without.
   * @param {{withScores: boolean}} options
   */
  writeCsv({ withScores }) {
    const records = courseRecords(this.page.sitePath, this.page.course);
    const rows = [[t("csv.questionnaire"), t("csv.part"), t("csv.kind"), t("csv.id"), t("csv.text"), t("csv.value")]];
    let scored = true;
    for (const q of this.page.questionnaires) {
      const record = records.get(q.id)?.record;
      if (!record) continue;
      const known = this.page.results.get(q.id);
      const results = withScores && known && known.answers === JSON.stringify(record.answers) ? known.results : null;
      if (!results && hasResults(q.definition)) scored = false;
      rows.push(...csvRows(q, record.answers, results));
    }
    const separator = t("csv.separator");
    const name = download(`${this.page.course}-${fileDate()}.csv`, csvText(rows, separator), "text/csv;charset=utf-8");
    this.tools.say(t(scored ? "mine.exported_csv" : "mine.exported_csv_unscored", { file: name }));
  }

  async deleteAll() {
    const confirmed = await confirmAction({
      title: t("delete.course_title"),
      text: t("delete.course_text"),
      confirm: t("delete.confirm_course"),
    });
    if (!confirmed) {
      this.tools.say(t("delete.cancelled"));
      return;
    }
    const { sitePath, course } = this.page;
    const removed = deleteCourse(sitePath, course);
    forgetTeamInMemory(sitePath, course);
    let keysRemoved = true;
    try {
      await deleteTeamKeys(sitePath, course);
    } catch {
      keysRemoved = false; // IndexedDB cannot be used here: then it holds no keys of ours either.
    }
    this.page.results.clear();
    this.page.renderAll();
    this.tools.say(t(removed && keysRemoved ? "delete.done_course" : "delete.failed_course"));
  }

  // ---- import ---------------------------------------------------------------

  /**
   * Check the file chosen in `input` with the scorer and show what importing it would do.
   * @param {HTMLInputElement} input
   * @param {HTMLElement} preview
   */
  async chooseFile(input, preview) {
    const chosen = input.files && input.files[0];
    if (!chosen) return;
    // What was shown for an earlier file goes first: its "Importer" must not stay pressable
    // while this file is being checked.
    preview.hidden = true;
    replaceChildren(preview);
    preview.dataset.lskImportState = "checking";
    const read = await readChosenFile(chosen);
    if (read.problem) {
      this.showRefusal(preview, [t(`import.problem.${read.problem}`, { size: MAX_IMPORT_BYTES / (1024 * 1024) })]);
      input.value = "";
      return;
    }
    this.tools.say(t("import.checking"));
    const scorer = this.page.scorer;
    if (!scorer) return;
    try {
      await scorer.start();
    } catch {
      this.showRefusal(preview, [t("import.no_scorer")]);
      input.value = "";
      return;
    }
    const records = courseRecords(this.page.sitePath, this.page.course);
    // Each record as its stored text, read by Python on its own (one it cannot read is set
    // aside when the import is applied); a record this visit could not store, as it is here.
    /** @type {Record<string, string | null>} */
    const stored = {};
    /** @type {Map<string, string | null>} */
    const raws = new Map();
    for (const [id, entry] of records) {
      raws.set(id, entry.raw);
      stored[id] = entry.kept ? JSON.stringify(entry.record) : entry.raw;
    }
    // The team replies as their stored text, which Python reads on its own too.
    const team = storedTeamText(this.page.sitePath, this.page.course);
    const context = {
      course: this.page.course,
      language: this.page.language,
      now: timestamp(),
      definitions: this.page.questionnaires.map((q) => q.definitionJson),
      records: stored,
      team,
    };
    /** @type {ImportPlan} */
    let plan;
    try {
      plan = JSON.parse(await scorer.checkImport(read.text, JSON.stringify(context)));
    } catch (error) {
      console.error("lederskap: the file could not be checked", error);
      this.showRefusal(preview, [t(scorer.state === "ready" ? "import.check_failed" : "import.no_scorer")]);
      input.value = "";
      return;
    }
    input.value = "";
    if (!plan.ok) {
      const lines = plan.problems.map((problem) => problemText(problem, this.page.byId));
      if (plan.more_problems) lines.push(counted(plan.more_problems, "import.more_problems"));
      this.showRefusal(preview, lines);
      return;
    }
    if (plan.empty || !(plan.changes.merge || plan.changes.replace)) {
      this.showNothingToImport(preview, plan.empty ? "import.nothing_empty" : "import.nothing_new");
      return;
    }
    this.showPreview(preview, plan, { records: raws, team }, chosen.name);
  }

  /**
   * A file that holds nothing that would change what is stored: said so, nothing written.
   * @param {HTMLElement} preview
   * @param {string} key the message saying why
   */
  showNothingToImport(preview, key) {
    const titleId = uniqueId("lsk-import-title");
    preview.setAttribute("aria-labelledby", titleId);
    preview.dataset.lskImportState = "nothing";
    replaceChildren(preview, h("h3", { id: titleId }, t("import.nothing_heading")), h("p", {}, t(key)));
    preview.hidden = false;
    preview.focus();
    this.tools.say(t(key));
  }

  /**
   * A file that cannot be imported: why, and that nothing changed.
   * @param {HTMLElement} preview
   * @param {readonly string[]} lines
   */
  showRefusal(preview, lines) {
    const titleId = uniqueId("lsk-import-title");
    preview.setAttribute("aria-labelledby", titleId);
    preview.dataset.lskImportState = "refused";
    replaceChildren(
      preview,
      h("h3", { id: titleId }, t("import.refused_heading")),
      h("ul", { class: "lsk-import-problems" }, lines.map((line) => h("li", {}, line))),
      h("p", {}, t("import.refused_nothing_changed")),
    );
    preview.hidden = false;
    preview.focus();
    this.tools.say(t("import.refused"));
  }

  /**
   * What importing the file would do, per way of importing, with the buttons to do it or not.
   * @param {HTMLElement} preview
   * @param {ImportPlan} plan
   * @param {StoredTexts} raws the stored texts the plan was made from
   * @param {string} fileName
   */
  showPreview(preview, plan, raws, fileName) {
    const titleId = uniqueId("lsk-import-title");
    const modeName = uniqueId("lsk-import-mode");
    /** @type {(value: ImportMode, label: string, hint: string) => HTMLDivElement} */
    const mode = (value, label, hint) => {
      const id = `${modeName}-${value}`;
      const radio = h("input", {
        type: "radio",
        name: modeName,
        id,
        value,
        checked: value === "merge",
        "data-lsk-import-mode": value,
      });
      return h(
        "div",
        { class: "lsk-option" },
        radio,
        h("label", { for: id }, h("strong", {}, label), " ", h("span", { class: "lsk-hint" }, hint)),
      );
    };
    const modes = h(
      "fieldset",
      { class: "lsk-import-modes" },
      h("legend", {}, t("import.mode_legend")),
      mode("merge", t("import.merge"), t("import.merge_hint")),
      mode("replace", t("import.replace"), t("import.replace_hint")),
    );
    const list = h("ul", { class: "lsk-import-list" });
    const teamList = h("ul", { class: "lsk-import-list", "data-lsk-import-team": true });
    /**
     * The way of importing chosen (one of the two radios is always checked).
     * @returns {ImportMode}
     */
    const chosenMode = () => {
      const checked = modes.querySelector("input:checked");
      return checked instanceof HTMLInputElement && checked.value === "replace" ? "replace" : "merge";
    };
    const team = plan.team;
    const draw = () => {
      const chosen = chosenMode();
      replaceChildren(list, plan.questionnaires.map((entry) => previewEntry(entry, chosen)));
      if (team) replaceChildren(teamList, team.invitations.map((entry) => this.teamEntry(entry, chosen)));
    };
    modes.addEventListener("change", draw);
    draw();
    const apply = h("button", { type: "button", class: "lsk-button", "data-lsk-action": "import" }, t("import.apply"));
    const cancel = h(
      "button",
      { type: "button", class: "lsk-button", "data-lsk-action": "cancel-import" },
      t("dialog.cancel"),
    );
    const file = plan.file;
    replaceChildren(
      preview,
      h("h3", { id: titleId }, t("import.preview_heading")),
      h(
        "p",
        { class: "lsk-hint" },
        t("import.file_info", {
          file: fileName,
          date: file && file.exported ? formatTime(file.exported) : t("results.no_mean"),
          site: (file && file.site) || t("results.no_mean"),
        }),
      ),
      modes,
      list,
      team && team.invitations.length ? this.teamPreview(team, teamList) : null,
      h("div", { class: "lsk-toolbar-row" }, apply, cancel),
    );
    preview.setAttribute("aria-labelledby", titleId);
    preview.dataset.lskImportState = "preview";
    preview.hidden = false;
    preview.focus();
    cancel.addEventListener("click", () => {
      preview.hidden = true;
      replaceChildren(preview);
      delete preview.dataset.lskImportState;
      this.tools.say(t("import.cancelled"));
    });
    apply.addEventListener("click", async () => {
      const chosen = chosenMode();
      if (chosen === "replace") {
        const confirmed = await confirmAction({
          title: t("import.replace_title"),
          text: t("import.replace_text"),
          confirm: t("import.replace_confirm"),
        });
        if (!confirmed) return;
      }
      // The way chosen would change nothing stored (the other one would): nothing is written.
      const outcome = plan.changes[chosen] ? this.applyPlan(plan, chosen, raws) : "nothing_new";
      preview.hidden = true;
      replaceChildren(preview);
      preview.dataset.lskImportState = outcome;
      this.page.results.clear();
      this.page.renderAll();
      this.tools.say(t(`import.${outcome}`));
    });
    this.tools.say(t("import.preview_ready"));
  }

  /**
   * The file's team replies in the preview: per invitation what the way chosen does with its
   * replies (`list`, drawn again when the way changes), then that no key is in a file.
   * @param {TeamPlan} team
   * @param {HTMLUListElement} list
   * @returns {HTMLElement}
   */
  teamPreview(team, list) {
    const titleId = uniqueId("lsk-import-team-title");
    return h(
      "section",
      { class: "lsk-import-team", "aria-labelledby": titleId },
      h("h4", { id: titleId }, t("import.team_heading")),
      team.current_unreadable ? h("p", { class: "lsk-notice" }, t("import.team_unreadable")) : null,
      list,
      h("p", { class: "lsk-hint", "data-lsk-import-team-keys": true }, t("import.team_keys")),
    );
  }

  /**
   * What one invitation of the file would bring, in words.
   * @param {TeamPlanEntry} entry
   * @param {ImportMode} mode
   * @returns {HTMLLIElement}
   */
  teamEntry(entry, mode) {
    const lines = [t("team.invitation.made", { date: formatTime(entry.created) })];
    if (!entry.here) {
      const replies = counted(entry.replies_in_file, "import.team_replies");
      lines.push(counted(entry.replies_in_file, "import.team_new", { replies }));
    } else if (mode === "merge") {
      lines.push(
        t("import.team_merge", {
          new: counted(entry.replies_new, "import.answers_new"),
          known: counted(entry.replies_known, "import.team_known"),
          kept: counted(entry.replies_only_here, "import.only_here_kept"),
        }),
      );
      if (entry.replies_not_added) lines.push(counted(entry.replies_not_added, "import.team_not_added"));
    } else {
      lines.push(
        t("import.team_replace", {
          count: entry.replies_in_file,
          removed: counted(entry.replies_only_here, "import.only_here_deleted"),
        }),
      );
    }
    return h(
      "li",
      { "data-lsk-import-invitation": entry.id },
      h("strong", {}, this.page.team.asks(entry.kind, entry.questionnaire)),
      h("ul", {}, lines.map((line) => h("li", {}, line))),
    );
  }

  /**
   * Write the plan's records and team replies, all or none: every stored text must still be
   * the one the plan was made from. Returns "done", "done_in_memory", "changed_meanwhile" or "failed".
   * @param {ImportPlan} plan
   * @param {ImportMode} mode
   * @param {StoredTexts} raws the stored texts the plan was made from
   * @returns {"done" | "done_in_memory" | "changed_meanwhile" | "failed"}
   */
  applyPlan(plan, mode, raws) {
    const { sitePath, course } = this.page;
    const stores = plan.questionnaires.map((entry) => {
      const q = this.page.byId.get(entry.id);
      const store = this.page.store(entry.id, q ? q.version : entry.file_version);
      return { entry, store };
    });
    for (const { entry, store } of stores) {
      if (store.persistent && store.readRaw() !== (raws.records.has(entry.id) ? raws.records.get(entry.id) : null)) {
        return "changed_meanwhile";
      }
    }
    const team = plan.team && plan.team.changes[mode] ? plan.team : null;
    if (team && storedTeamText(sitePath, course) !== raws.team) return "changed_meanwhile";
    /** @type {{store: AnswerStore, before: string | null | undefined}[]} */
    const written = [];
    let inMemory = false;
    for (const { entry, store } of stores) {
      const before = store.readRaw();
      // A stored text the page or Python could not read is kept aside before the import is written over it.
      if (typeof before === "string") {
        const unreadable = parseRecord(before).problem || (entry.current_unreadable ? "unreadable" : null);
        if (unreadable) store.setAside(before, unreadable);
      }
      if (store.protectStored) {
        this.restore(written);
        return "failed";
      }
      const ok = store.write(entry[mode]);
      if (!ok && store.persistent) {
        this.restore(written);
        return "failed";
      }
      if (!ok) inMemory = true;
      written.push({ store, before });
    }
    // The team replies last: if they cannot be stored, the records written are put back.
    if (team) {
      const stored = importTeamText(sitePath, course, team[mode], team.current_unreadable);
      if (stored === "failed") {
        this.restore(written);
        return "failed";
      }
      if (stored === "kept") inMemory = true;
    }
    return inMemory ? "done_in_memory" : "done";
  }

  /**
   * Put back the stored texts an import wrote over (it failed half way).
   * @param {readonly {store: AnswerStore, before: string | null | undefined}[]} written
   */
  restore(written) {
    for (const { store, before } of written) {
      const storage = store.storage;
      if (!storage) continue; // kept in memory only: nothing was written over
      try {
        if (typeof before === "string") storage.setItem(store.key, before);
        else storage.removeItem(store.key);
      } catch {
        // Nothing more can be done: the learner is told the import failed.
      }
    }
  }
}

/**
 * What one questionnaire of an import would change, in words.
 * @param {ImportEntry} entry
 * @param {ImportMode} mode
 * @returns {HTMLLIElement}
 */
function previewEntry(entry, mode) {
  const name = entry.title || t("import.unknown_questionnaire", { id: entry.id });
  const lines = [];
  // Each number with the words its count takes (counted), put into the line.
  if (mode === "merge") {
    lines.push(
      t("import.merge_answers", {
        new: counted(entry.new, "import.answers_new"),
        changed: counted(entry.changed, "import.answers_changed"),
        unchanged: counted(entry.unchanged, "import.answers_unchanged"),
        kept: counted(entry.only_here, "import.only_here_kept"),
      }),
      t("import.merge_snapshots", {
        added: counted(entry.snapshots_added, "import.snapshots_new"),
        updated: counted(entry.snapshots_updated, "import.snapshots_changed"),
      }),
    );
  } else {
    lines.push(
      t("import.replace_answers", {
        count: entry.answers_in_file,
        removed: counted(entry.only_here, "import.only_here_deleted"),
      }),
      t("import.replace_snapshots", {
        count: entry.snapshots_in_file,
        removed: counted(entry.snapshots_only_here, "import.only_here_deleted"),
      }),
    );
  }
  if (entry.current_unreadable) lines.push(t("import.current_unreadable"));
  if (entry.snapshots_unusable) lines.push(counted(entry.snapshots_unusable, "import.snapshots_unusable"));
  if (!entry.in_course) lines.push(t("import.not_in_course"));
  if (entry.not_in_form) lines.push(counted(entry.not_in_form, "storage.removed"));
  if (entry.not_usable) lines.push(counted(entry.not_usable, "storage.unshown"));
  if (entry.version !== null && entry.file_version !== entry.version) {
    lines.push(t("import.other_version", { file: entry.file_version, now: entry.version }));
  }
  return h(
    "li",
    { "data-lsk-import-entry": entry.id },
    h("strong", {}, name),
    h("ul", {}, lines.map((line) => h("li", {}, line))),
  );
}

/**
 * A problem of an import plan (scorer/RECORDS.md) in words.
 * @param {ImportProblem} problem
 * @param {ReadonlyMap<string, Pick<PageQuestionnaire, "definition">>} byId the course's questionnaires
 * @returns {string}
 */
function problemText(problem, byId) {
  const q = problem.questionnaire ? byId.get(problem.questionnaire) : null;
  const values = {
    path: problem.path || "",
    id: problem.id || "",
    limit: problem.limit ?? "",
    course: problem.course || "",
    version: problem.version ?? "",
    // A refused value: the words of the answer problem the scorer found (scorer/RECORDS.md).
    message: problem.problem ? answerProblemText({ code: problem.problem, values: problem.values }) : "",
    questionnaire: q ? q.definition.title : problem.questionnaire || "",
  };
  const key = `import.problem.${problem.code}`;
  return t(key, values);
}

/**
 * The CSV rows of one questionnaire: each part's rows (answers, then scores), then answers to removed questions.
 * @param {Pick<PageQuestionnaire, "definition">} q
 * @param {Answers} answers the stored answers
 * @param {Pick<Results, "parts"> | null} results the scorer's results of these answers, or none
 * @returns {CsvRow[]}
 */
export function csvRows(q, answers, results) {
  const title = q.definition.title;
  /** @type {Map<string, PartResult>} */
  const scoredParts = new Map(((results && results.parts) || []).map((part) => [part.id, part]));
  /** @type {CsvRow[]} */
  const rows = [];
  for (const part of q.definition.parts || []) {
    /** @type {CsvRowMakers} */
    const rowsOf = {
      answerRow: (id, text, value) => [title, part.title, t("csv.kind_answer"), id, text, value],
      scoreRow: (kind, id, text, value) => [title, part.title, t(kind), id, text, value],
      definition: q.definition,
    };
    rows.push(...partKind(part.type).csvRows(part, answers, scoredParts.get(part.id) || null, rowsOf));
  }
  const known = new Set(answerIds(q.definition));
  for (const id of Object.keys(answers).sort()) {
    if (!known.has(id)) rows.push([title, "", t("csv.kind_removed"), id, "", csvValue(answers[id])]);
  }
  return rows;
}
