// @ts-check
// The learner's own results page (the ::my-results directive, lederskap_build/my_results.py):
// for every questionnaire of the course, the answers, the scores and charts, the
// suggestions and the reflections, and the saved snapshots with the change between
// them (my-results-snapshots.js); laid out to be printed (or saved as PDF) for a
// conversation. The tools for the whole course, export, import and delete, are
// course-data-tools.js; each question type draws its own answers (parts/<type>.js); the
// team's invitations kept in this browser, "Med teamet ditt", are my-results-team.js.
//
// The answers come from localStorage at once (record-store.js; no Python needed to show
// them); scores, the upgrade of older records and the check of an import file come
// from the scorer worker. Everything the learner wrote, and everything from a file,
// is put on the page as text (dom.js), never as HTML. The page works whatever is
// stored: what cannot be drawn is said, never a reason for the rest to go missing.

import { isEmptyAnswer } from "./answers.js";
import { confirmAction } from "./confirm-dialog.js";
import { ConversationSummary } from "./conversation-summary.js";
import { CourseDataTools } from "./course-data-tools.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, language as siteLanguage, t } from "./i18n.js";
import { SnapshotsView } from "./my-results-snapshots.js";
import { TeamSummary } from "./my-results-team.js";
import { answerIds, partKind } from "./parts/index.js";
import { migrateStore } from "./record-sync.js";
import { ResultsView } from "./results-view.js";
import { scorer as getScorer } from "./scorer-client.js";
import { formatTime } from "./snapshots.js";
import { StatusView } from "./status-view.js";
import { AnswerStore, courseRecords, SCHEMA } from "./record-store.js";

/**
 * @import { Answers, AnswersViewContext, Definition } from "./answers.js"
 * @import { PartDefinition } from "./parts/index.js"
 * @import { CourseRecord } from "./record-store.js"
 * @import { Results } from "./results-view.js"
 * @import { Scorer } from "./scorer-client.js"
 */

/**
 * A questionnaire of the course, as the build placed it on the page
 * (section.lsk-my-results-questionnaire, lederskap_build/my_results.py).
 * @typedef {object} PageQuestionnaire
 * @property {string} id
 * @property {number} version the questionnaire's version now
 * @property {string} page the address of the page it is on, from the site's root ("": none)
 * @property {string} definitionJson its definition as the build wrote it (for the scorer)
 * @property {Definition} definition
 * @property {HTMLElement} section its section of the page
 * @property {HTMLElement} body where its answers, results and snapshots are drawn
 * @property {ResultsView | null} view its results, once its answers are drawn
 */

/**
 * A questionnaire's last results, with the JSON of the answers they were computed for.
 * @typedef {{answers: string, results: Results}} Scored
 */

class MyResults {
  /**
   * @param {HTMLElement} container the page's div.lsk-my-results
   * @param {{sitePath: string}} options
   */
  constructor(container, { sitePath }) {
    this.container = container;
    this.sitePath = sitePath;
    // The build writes the course, and each questionnaire's id and definition (my_results.py).
    this.course = /** @type {string} */ (container.dataset.lskCourse);
    this.language = container.dataset.lskLanguage || siteLanguage;
    const sections = /** @type {NodeListOf<HTMLElement>} */ (
      container.querySelectorAll("section.lsk-my-results-questionnaire")
    );
    /** @type {PageQuestionnaire[]} */
    this.questionnaires = [...sections].map((section) => {
      const definitionJson = /** @type {string} */ (section.dataset.lskDefinition);
      return {
        id: /** @type {string} */ (section.dataset.lskQuestionnaire),
        version: Number(section.dataset.lskVersion),
        page: section.dataset.lskPage || "",
        definitionJson,
        definition: JSON.parse(definitionJson),
        section,
        body: /** @type {HTMLElement | null} */ (section.querySelector("[data-lsk-my-results-body]")) || section,
        view: null,
      };
    });
    this.byId = new Map(this.questionnaires.map((q) => [q.id, q]));
    /** @type {Map<string, Scored>} by questionnaire id */
    this.results = new Map();
    this.snapshots = new SnapshotsView(this);
    /** @type {Scorer | null} null: the course has no questionnaires */
    this.scorer = this.questionnaires.length ? getScorer() : null;
    const statusElement = /** @type {HTMLElement | null} */ (container.querySelector("[data-lsk-status]"));
    this.status = statusElement ? new StatusView(statusElement, { onRetry: () => this.scorer?.retry(), answering: false }) : null;
    this.others = h("section", { class: "lsk-my-results-others", hidden: true });
    container.append(this.others);
    this.team = new TeamSummary(container, { sitePath, course: this.course });
    this.tools = new CourseDataTools(this);
    // "Til samtalen" (conversation-summary.js), then the tools for the whole course, first on the page.
    const conversation = /** @type {HTMLElement | null} */ (container.querySelector("[data-lsk-conversation]"));
    this.conversation = conversation ? new ConversationSummary(conversation, this) : null;
    // The container has a child: this.others at least.
    (conversation || statusElement || /** @type {ChildNode} */ (container.firstChild)).after(this.tools.element);
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.storageTimer = undefined;
  }

  /**
   * The stored record of a questionnaire.
   * @param {string} id
   * @param {number} version the questionnaire's version now
   * @returns {AnswerStore}
   */
  store(id, version) {
    return new AnswerStore({
      sitePath: this.sitePath,
      course: this.course,
      questionnaire: id,
      version,
    });
  }

  mount() {
    this.renderAll();
    const onStorage = () => {
      if (!this.container.isConnected) {
        window.removeEventListener("storage", onStorage);
        return;
      }
      clearTimeout(this.storageTimer);
      this.storageTimer = setTimeout(() => this.renderAll({ keepFocus: true }), 100);
    };
    window.addEventListener("storage", onStorage);
    const scorer = this.scorer;
    if (scorer) {
      const onScorerChange = () => {
        if (!this.container.isConnected) {
          scorer.removeEventListener("change", onScorerChange);
          return;
        }
        if (this.status) this.status.showScorer(scorer);
        if (scorer.state === "ready") this.whenReady();
      };
      scorer.addEventListener("change", onScorerChange);
      if (this.status) this.status.showScorer(scorer);
      scorer.startForPage();
      if (scorer.state === "ready") this.whenReady();
    }
    this.container.dataset.lskMounted = "true";
  }

  async whenReady() {
    await this.migrateAll();
    await this.scoreAll();
  }

  /** Upgrade every stored record of an older schema (Python's migrate_record). */
  async migrateAll() {
    const scorer = this.scorer;
    if (!scorer) return;
    let changed = false;
    for (const [id, entry] of courseRecords(this.sitePath, this.course)) {
      if (!entry.record || entry.record.schema === SCHEMA || typeof entry.raw !== "string") continue;
      // A migration writes the scorer's record as it is: the store's version (which a save
      // writes) is not used, and a record of a removed questionnaire has none to give.
      const version = typeof entry.record.version === "number" ? entry.record.version : 0;
      const store = this.store(id, version);
      if (store.persistent && (await migrateStore(store, scorer))) changed = true;
    }
    if (changed) this.renderAll({ keepFocus: true });
  }

  /** Score every questionnaire with answers and draw its results; resolves when all are drawn. */
  async scoreAll() {
    const scorer = this.scorer;
    if (!scorer || scorer.state !== "ready") return;
    const records = courseRecords(this.sitePath, this.course);
    const work = this.questionnaires.map(async (q) => {
      const record = records.get(q.id)?.record;
      if (!record) return; // scored also without charts: the scorer names the answers it cannot use
      const answers = JSON.stringify(record.answers);
      const known = this.results.get(q.id);
      if (known && known.answers === answers) {
        this.drawResults(q, known.results);
        return;
      }
      try {
        /** @type {Results} */
        const results = JSON.parse(await scorer.score(q.definitionJson, answers, this.language));
        this.results.set(q.id, { answers, results });
        this.drawResults(q, results);
      } catch (error) {
        console.error("lederskap: scoring failed", error);
      }
    });
    await Promise.all(work);
    this.conversation?.refresh({ ready: true });
    this.container.dataset.lskScored = String(Number(this.container.dataset.lskScored || 0) + 1);
  }

  /**
   * Draw `results` into `q`'s answers, once they are drawn; what cannot be drawn is said.
   * @param {PageQuestionnaire} q
   * @param {Results} results
   */
  drawResults(q, results) {
    if (!q.view) return;
    try {
      this.drawResultsNow(q, q.view, results);
    } catch (error) {
      console.error("lederskap: results could not be drawn", error);
      this.showBroken(q);
    }
  }

  /**
   * Draw `results` with `view`, say how many stored answers cannot be used, and compare the snapshots.
   * @param {PageQuestionnaire} q
   * @param {ResultsView} view q's
   * @param {Results} results
   */
  drawResultsNow(q, view, results) {
    view.render(results);
    const unusable = new Set(
      (results.problems || []).filter((p) => p.code !== "unknown-id" && p.id !== null).map((p) => p.id),
    );
    const line = /** @type {HTMLElement | null} */ (q.body.querySelector("[data-lsk-unusable]"));
    if (line) {
      line.textContent = unusable.size ? counted(unusable.size, "storage.unshown") : "";
      line.hidden = unusable.size === 0;
    }
    this.snapshots.renderComparison(q);
  }

  // ---- drawing ------------------------------------------------------------

  /**
   * Draw everything again from what is stored (`keepFocus`: focus again the control that had it).
   * @param {{keepFocus?: boolean}} [options]
   */
  renderAll({ keepFocus = false } = {}) {
    const focused = keepFocus ? document.activeElement : null;
    const focusKey = focused ? focused.getAttribute("data-lsk-focus-key") : null;
    const records = courseRecords(this.sitePath, this.course);
    // What is stored may be anything (changed by hand, by another program): a questionnaire that
    // cannot be drawn says so, and never stops the rest of the page, least of all its export,
    // import and delete, which are there to rescue the learner's data.
    for (const q of this.questionnaires) {
      try {
        this.renderQuestionnaire(q, records.get(q.id) || null);
      } catch (error) {
        console.error(`lederskap: the answers of ${q.id} could not be shown`, error);
        this.showBroken(q);
      }
    }
    const team = () => {
      this.team.refresh().catch((error) => console.error("lederskap: the team's invitations could not be shown", error));
    };
    for (const step of [() => this.renderOthers(records), () => this.tools.refresh(records), team]) {
      try {
        step();
      } catch (error) {
        console.error("lederskap: part of the results page could not be drawn", error);
      }
    }
    if (focusKey) {
      const selector = `[data-lsk-focus-key="${CSS.escape(focusKey)}"]`;
      const again = /** @type {HTMLElement | null} */ (this.container.querySelector(selector));
      if (again) again.focus();
    }
    if (this.scorer && this.scorer.state === "ready") this.scoreAll();
  }

  /**
   * Draw `q`'s answers, notices, snapshots and controls from its stored record.
   * @param {PageQuestionnaire} q
   * @param {CourseRecord | null} entry its stored record, as read (null: none)
   */
  renderQuestionnaire(q, entry) {
    const record = entry ? entry.record : null;
    /** @type {Answers} */
    const answers = record ? record.answers : {};
    const answered = Object.values(answers).some((value) => !isEmptyAnswer(value));
    q.section.dataset.lskAnswered = String(answered);
    const nodes = [];
    if (entry && entry.problem) {
      nodes.push(h("p", { class: "lsk-notice" }, t(entry.problem === "newer" ? "storage.newer" : "mine.unreadable")));
    }
    /** @type {string[]} */
    const meta = [];
    if (record && typeof record.updated === "string") {
      meta.push(t("mine.updated", { date: formatTime(record.updated) }));
    }
    if (record && Number.isInteger(record.version) && record.version !== q.version) {
      meta.push(t("mine.older_version"));
    }
    if (meta.length) nodes.push(h("p", { class: "lsk-hint lsk-my-results-meta" }, meta.join(" ")));
    if (q.page) {
      nodes.push(
        h("p", { class: "lsk-my-results-link" }, h("a", { href: `${this.sitePath}${q.page}` }, t("mine.go_to_form"))),
      );
    }
    const answerable = new Set(answerIds(q.definition));
    const removed = Object.keys(answers).filter((id) => !answerable.has(id) && !isEmptyAnswer(answers[id])).length;
    if (removed) {
      nodes.push(
        h("p", { class: "lsk-notice", "data-lsk-removed": removed }, counted(removed, "storage.removed")),
      );
    }
    nodes.push(h("p", { class: "lsk-notice", "data-lsk-unusable": true, hidden: true }));
    if (!answered) {
      nodes.push(h("p", { class: "lsk-results-empty", "data-lsk-unanswered": true }, t("mine.unanswered")));
    } else {
      for (const part of q.definition.parts || []) nodes.push(this.partView(q, part, answers));
    }
    nodes.push(this.snapshots.snapshotsView(q, record));
    if (record) {
      const button = h(
        "button",
        {
          type: "button",
          class: "lsk-button lsk-button--danger",
          "data-lsk-action": "delete-questionnaire",
          "data-lsk-focus-key": `delete-${q.id}`,
        },
        t("mine.delete_questionnaire", { title: q.definition.title }),
      );
      button.addEventListener("click", () => this.deleteQuestionnaire(q));
      nodes.push(h("div", { class: "lsk-toolbar-row lsk-my-results-actions" }, button));
    }
    replaceChildren(q.body, nodes);
    delete q.section.dataset.lskBroken;
    q.view = new ResultsView(q.body);
    const known = this.results.get(q.id);
    if (known && known.answers === JSON.stringify(answers)) this.drawResults(q, known.results);
  }

  /**
   * Say that what is stored for `q` could not be shown (it is kept, exported, deletable).
   * @param {PageQuestionnaire} q
   */
  showBroken(q) {
    q.section.dataset.lskBroken = "true";
    if (q.body.querySelector("[data-lsk-broken]")) return;
    const button = h(
      "button",
      { type: "button", class: "lsk-button lsk-button--danger", "data-lsk-action": "delete-questionnaire" },
      t("mine.delete_questionnaire", { title: q.definition.title }),
    );
    button.addEventListener("click", () => this.deleteQuestionnaire(q));
    q.body.prepend(
      h("p", { class: "lsk-notice", "data-lsk-broken": true }, t("mine.not_shown")),
      h("div", { class: "lsk-toolbar-row lsk-my-results-actions" }, button),
    );
  }

  /**
   * A part's answers (its question type's answersView), under its title.
   * @param {PageQuestionnaire} q
   * @param {PartDefinition} part
   * @param {Answers} answers
   * @returns {HTMLElement}
   */
  partView(q, part, answers) {
    const titleId = uniqueId("lsk-my-part");
    /** @type {AnswersViewContext} */
    const context = { definition: q.definition, resultsBox: (partId) => this.resultsBox(partId) };
    return h(
      "section",
      { class: `lsk-my-part lsk-my-part--${part.type}`, "data-lsk-part": part.id, "aria-labelledby": titleId },
      h("h3", { class: "lsk-part-title", id: titleId }, part.title),
      partKind(part.type).answersView(part, answers, context),
    );
  }

  /**
   * A box for a part's results, with a placeholder until they are computed.
   * @param {string} partId
   * @returns {HTMLDivElement}
   */
  resultsBox(partId) {
    return h(
      "div",
      { class: "lsk-results lsk-my-results-scores", "data-lsk-results": partId },
      h(
        "div",
        { class: "lsk-results-body", "data-lsk-results-body": true },
        h("p", { class: "lsk-results-placeholder" }, t("mine.scores_pending")),
      ),
    );
  }

  /**
   * Delete `q`'s record, once the learner confirms.
   * @param {PageQuestionnaire} q
   */
  async deleteQuestionnaire(q) {
    const confirmed = await confirmAction({
      title: t("delete.questionnaire_title", { title: q.definition.title }),
      text: t("delete.questionnaire_text"),
      confirm: t("delete.confirm"),
    });
    if (!confirmed) return;
    this.store(q.id, q.version).clear();
    this.results.delete(q.id);
    this.renderAll();
    this.tools.say(t("delete.done_questionnaire"));
    const heading = q.section.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  /**
   * Records of questionnaires the course no longer has: kept, exported, deletable with the course.
   * @param {Map<string, CourseRecord>} records the course's stored records, by questionnaire id
   */
  renderOthers(records) {
    const others = [...records].filter(([id]) => !this.byId.has(id));
    this.others.hidden = others.length === 0;
    if (!others.length) {
      replaceChildren(this.others);
      return;
    }
    const titleId = uniqueId("lsk-others-title");
    this.others.setAttribute("aria-labelledby", titleId);
    replaceChildren(
      this.others,
      h("h2", { id: titleId }, t("mine.others_heading")),
      h("p", {}, t("mine.others_text")),
      h(
        "ul",
        {},
        others.map(([id, entry]) =>
          h(
            "li",
            { "data-lsk-other": id },
            counted(entry.record ? Object.keys(entry.record.answers).length : 0, "mine.other_entry", { id }),
          ),
        ),
      ),
    );
  }
}

/**
 * Set up a results page container (pages.js calls this for each new one after each page swap).
 * @param {HTMLElement} container div.lsk-my-results
 * @param {{sitePath: string}} options
 */
export function mountMyResults(container, { sitePath }) {
  new MyResults(container, { sitePath }).mount();
}
