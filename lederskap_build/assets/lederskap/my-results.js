// The learner's own results page (the ::my-results directive, lederskap_build/my_results.py):
// for every questionnaire of the course, the answers, the scores and charts, the
// suggestions and the reflections, and the saved snapshots with the change between
// them (my-results-snapshots.js); laid out to be printed (or saved as PDF) for a
// conversation. The tools for the whole course, export, import and delete, are
// course-data-tools.js; each question type draws its own answers (parts/<type>.js).
//
// The answers come from localStorage at once (record-store.js; no Python needed to show
// them); scores, the upgrade of older records and the check of an import file come
// from the scorer worker. Everything the learner wrote, and everything from a file,
// is put on the page as text (dom.js), never as HTML. The page works whatever is
// stored: what cannot be drawn is said, never a reason for the rest to go missing.

import { isEmptyAnswer } from "./answers.js";
import { confirmAction } from "./confirm-dialog.js";
import { CourseDataTools } from "./course-data-tools.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, language as siteLanguage, t } from "./i18n.js";
import { SnapshotsView } from "./my-results-snapshots.js";
import { answerIds, partKind } from "./parts/index.js";
import { migrateStore } from "./record-sync.js";
import { ResultsView } from "./results-view.js";
import { scorer as getScorer } from "./scorer-client.js";
import { formatTime } from "./snapshots.js";
import { StatusView } from "./status-view.js";
import { AnswerStore, courseRecords, SCHEMA } from "./record-store.js";

class MyResults {
  constructor(container, { sitePath }) {
    this.container = container;
    this.sitePath = sitePath;
    this.course = container.dataset.lskCourse;
    this.language = container.dataset.lskLanguage || siteLanguage;
    this.questionnaires = [...container.querySelectorAll("section.lsk-my-results-questionnaire")].map((section) => {
      const definitionJson = section.dataset.lskDefinition;
      return {
        id: section.dataset.lskQuestionnaire,
        version: Number(section.dataset.lskVersion),
        page: section.dataset.lskPage || "",
        definitionJson,
        definition: JSON.parse(definitionJson),
        section,
        body: section.querySelector("[data-lsk-my-results-body]") || section,
      };
    });
    this.byId = new Map(this.questionnaires.map((q) => [q.id, q]));
    this.results = new Map(); // questionnaire id -> {answers: JSON text scored, results}
    this.snapshots = new SnapshotsView(this);
    this.scorer = this.questionnaires.length ? getScorer() : null;
    const statusElement = container.querySelector("[data-lsk-status]");
    this.status = statusElement ? new StatusView(statusElement, { onRetry: () => this.scorer.retry() }) : null;
    this.others = h("section", { class: "lsk-my-results-others", hidden: true });
    container.append(this.others);
    this.tools = new CourseDataTools(this);
    (statusElement || container.firstChild).after(this.tools.element);
  }

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
    this.onStorage = (event) => {
      if (!this.container.isConnected) {
        window.removeEventListener("storage", this.onStorage);
        return;
      }
      clearTimeout(this.storageTimer);
      this.storageTimer = setTimeout(() => this.renderAll({ keepFocus: true }), 100);
    };
    window.addEventListener("storage", this.onStorage);
    if (this.scorer) {
      const onScorerChange = () => {
        if (!this.container.isConnected) {
          this.scorer.removeEventListener("change", onScorerChange);
          return;
        }
        if (this.status) this.status.showScorer(this.scorer);
        if (this.scorer.state === "ready") this.whenReady();
      };
      this.scorer.addEventListener("change", onScorerChange);
      if (this.status) this.status.showScorer(this.scorer);
      this.scorer.start();
      if (this.scorer.state === "ready") this.whenReady();
    }
    this.container.dataset.lskMounted = "true";
  }

  async whenReady() {
    await this.migrateAll();
    await this.scoreAll();
  }

  /** Upgrade every stored record of an older schema (Python's migrate_record). */
  async migrateAll() {
    let changed = false;
    for (const [id, entry] of courseRecords(this.sitePath, this.course)) {
      if (!entry.record || entry.record.schema === SCHEMA || typeof entry.raw !== "string") continue;
      const store = this.store(id, entry.record.version);
      if (store.persistent && (await migrateStore(store, this.scorer))) changed = true;
    }
    if (changed) this.renderAll({ keepFocus: true });
  }

  /** Score every questionnaire with answers and draw its results; resolves when all are drawn. */
  async scoreAll() {
    if (!this.scorer || this.scorer.state !== "ready") return;
    const records = courseRecords(this.sitePath, this.course);
    const work = this.questionnaires.map(async (q) => {
      const record = (records.get(q.id) || {}).record;
      if (!record) return; // scored also without charts: the scorer names the answers it cannot use
      const answers = JSON.stringify(record.answers);
      const known = this.results.get(q.id);
      if (known && known.answers === answers) {
        this.drawResults(q, known.results);
        return;
      }
      try {
        const results = JSON.parse(await this.scorer.score(q.definitionJson, answers, this.language));
        this.results.set(q.id, { answers, results });
        this.drawResults(q, results);
      } catch (error) {
        console.error("lederskap: scoring failed", error);
      }
    });
    await Promise.all(work);
    this.container.dataset.lskScored = String(Number(this.container.dataset.lskScored || 0) + 1);
  }

  drawResults(q, results) {
    if (!q.view) return;
    try {
      this.drawResultsNow(q, results);
    } catch (error) {
      console.error("lederskap: results could not be drawn", error);
      this.showBroken(q);
    }
  }

  drawResultsNow(q, results) {
    q.view.render(results);
    const unusable = new Set(
      (results.problems || []).filter((p) => p.code !== "unknown-id" && p.id !== null).map((p) => p.id),
    );
    const line = q.body.querySelector("[data-lsk-unusable]");
    if (line) {
      line.textContent = unusable.size ? counted(unusable.size, "storage.unshown") : "";
      line.hidden = unusable.size === 0;
    }
    this.snapshots.renderComparison(q);
  }

  // ---- drawing ------------------------------------------------------------

  renderAll({ keepFocus = false } = {}) {
    const focused = keepFocus ? document.activeElement : null;
    const focusKey = focused && focused.dataset ? focused.dataset.lskFocusKey : null;
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
    for (const step of [() => this.renderOthers(records), () => this.tools.refresh(records)]) {
      try {
        step();
      } catch (error) {
        console.error("lederskap: part of the results page could not be drawn", error);
      }
    }
    if (focusKey) {
      const again = this.container.querySelector(`[data-lsk-focus-key="${CSS.escape(focusKey)}"]`);
      if (again) again.focus();
    }
    if (this.scorer && this.scorer.state === "ready") this.scoreAll();
  }

  renderQuestionnaire(q, entry) {
    const record = entry ? entry.record : null;
    const answers = record ? record.answers : {};
    const answered = Object.values(answers).some((value) => !isEmptyAnswer(value));
    q.section.dataset.lskAnswered = String(answered);
    const nodes = [];
    if (entry && entry.problem) {
      nodes.push(h("p", { class: "lsk-notice" }, t(entry.problem === "newer" ? "storage.newer" : "mine.unreadable")));
    }
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

  /** Say that what is stored for `q` could not be shown (it is kept, exported, deletable). */
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

  partView(q, part, answers) {
    const titleId = uniqueId("lsk-my-part");
    const context = { definition: q.definition, resultsBox: (partId) => this.resultsBox(partId) };
    return h(
      "section",
      { class: `lsk-my-part lsk-my-part--${part.type}`, "data-lsk-part": part.id, "aria-labelledby": titleId },
      h("h3", { class: "lsk-part-title", id: titleId }, part.title),
      partKind(part.type).answersView(part, answers, context),
    );
  }

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
    q.section.querySelector("h2").setAttribute("tabindex", "-1");
    q.section.querySelector("h2").focus();
  }

  /** Records of questionnaires the course no longer has: kept, exported, deletable with the course. */
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
            t("mine.other_entry", { id, count: entry.record ? Object.keys(entry.record.answers).length : 0 }),
          ),
        ),
      ),
    );
  }
}

/** Set up every results page container on the page (main.js calls this after each page swap). */
export function mountMyResults(container, { sitePath }) {
  new MyResults(container, { sitePath }).mount();
}
