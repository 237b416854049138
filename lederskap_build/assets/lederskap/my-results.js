// The learner's own results page (the ::my-results directive, lederskap_build/my_results.py):
// for every questionnaire of the course, the answers, the scores and charts, the
// suggestions and the reflections, and the saved snapshots with the change between
// them; laid out to be printed (or saved as PDF) for a conversation. It also holds
// the controls for the whole course: export (JSON, CSV), import (with a preview,
// merge or replace) and delete.
//
// The answers come from localStorage at once (storage.js; no Python needed to show
// them); scores, the upgrade of older records and the check of an import file come
// from the scorer worker. Everything the learner wrote, and everything from a file,
// is put on the page as text (dom.js), never as HTML.

import { confirmAction } from "./confirm-dialog.js";
import {
  csvText,
  download,
  exportDocument,
  exportEntry,
  fileDate,
  MAX_IMPORT_BYTES,
  readChosenFile,
  siteAddress,
} from "./data-file.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { language as siteLanguage, t } from "./i18n.js";
import { migrateStore } from "./record-sync.js";
import { ResultsView } from "./results-view.js";
import { scorer as getScorer } from "./scorer-client.js";
import { comparisonView, formatTime, likertScores, shownSnapshots, snapshotName } from "./snapshots.js";
import { StatusView } from "./status-view.js";
import {
  AnswerStore,
  courseRecords,
  deleteCourse,
  exportIsDue,
  lastExport,
  noteExport,
  parseRecord,
  SCHEMA,
  snapshotsOf,
  timestamp,
} from "./storage.js";

const NOW = "now";
/** How long the spreadsheet download waits for the scorer before offering the answers without scores. */
export const CSV_WAIT_MS = 4000;

/** Every answer id of a questionnaire definition (model.py: items, text fields, checklists, allocation rows). */
export function answerIds(definition) {
  const ids = [];
  for (const part of definition.parts || []) {
    if (part.type === "likert") {
      for (const dimension of part.dimensions || []) for (const item of dimension.items || []) ids.push(item.id);
    } else if (part.type === "text") {
      for (const field of part.fields || []) ids.push(field.id);
    } else if (part.type === "checklist") {
      ids.push(part.id);
      if (part.summary) ids.push(part.summary.id);
    } else if (part.type === "allocation") {
      for (const row of part.rows || []) ids.push(row.id);
    }
  }
  return ids;
}

function has(object, key) {
  return Boolean(object) && Object.prototype.hasOwnProperty.call(object, key);
}

/** The message `key` for a count: `<key>_one` for exactly one. */
function counted(count, key) {
  return t(count === 1 ? `${key}_one` : key, { count });
}

function hasOwnName(snapshot) {
  return typeof snapshot.name === "string" && snapshot.name.trim() !== "";
}

function hasResultsParts(definition) {
  return (definition.parts || []).some((part) => part.type === "likert" || part.type === "allocation");
}

function isEmptyAnswer(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

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
    this.comparisons = new Map(); // questionnaire id -> {from, to} chosen
    this.scorer = this.questionnaires.length ? getScorer() : null;
    const statusElement = container.querySelector("[data-lsk-status]");
    this.status = statusElement ? new StatusView(statusElement, { onRetry: () => this.scorer.retry() }) : null;
    this.others = h("section", { class: "lsk-my-results-others", hidden: true });
    container.append(this.others);
    this.tools = this.makeTools();
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
    this.renderComparison(q);
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
    nodes.push(this.snapshotsView(q, record));
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
    const children = [h("h3", { class: "lsk-part-title", id: titleId }, part.title)];
    if (part.type === "likert") {
      children.push(this.likertAnswers(q, part, answers), this.resultsBox(part.id));
    } else if (part.type === "text") {
      children.push(this.textAnswers(part.fields || [], answers));
    } else if (part.type === "checklist") {
      const chosen = Array.isArray(answers[part.id]) ? answers[part.id] : [];
      const options = (part.options || []).filter((option) => chosen.includes(option.id));
      children.push(
        options.length
          ? h("ul", { class: "lsk-my-chosen" }, options.map((option) => h("li", {}, option.text)))
          : h("p", { class: "lsk-results-empty" }, t("mine.nothing_chosen")),
      );
      if (part.summary) children.push(this.textAnswers([part.summary], answers));
    } else if (part.type === "allocation") {
      children.push(this.resultsBox(part.id));
    }
    return h(
      "section",
      { class: `lsk-my-part lsk-my-part--${part.type}`, "data-lsk-part": part.id, "aria-labelledby": titleId },
      children,
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

  likertAnswers(q, part, answers) {
    const labels = new Map(((q.definition.scale || {}).labels || []).map((label) => [label.value, label.text]));
    const rows = [];
    for (const dimension of part.dimensions || []) {
      rows.push(h("tr", { class: "lsk-group-row" }, h("th", { scope: "colgroup", colspan: 2 }, dimension.title)));
      for (const item of dimension.items || []) {
        const value = answers[item.id];
        const shown =
          typeof value === "number" && Number.isInteger(value)
            ? labels.has(value)
              ? t("mine.likert_value_labelled", { value, label: labels.get(value) })
              : String(value)
            : has(answers, item.id)
              ? t("mine.not_usable")
              : t("mine.unanswered_item");
        rows.push(
          h(
            "tr",
            { "data-lsk-item": item.id },
            h("th", { scope: "row" }, item.text),
            h("td", { class: "lsk-answer-cell" }, shown),
          ),
        );
      }
    }
    return h(
      "div",
      { class: "lsk-table-wrap" },
      h(
        "table",
        { class: "lsk-table lsk-answers-table" },
        h("caption", {}, t("mine.answers_caption", { part: part.title })),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            [t("mine.col_statement"), t("mine.col_answer")].map((text) => h("th", { scope: "col" }, text)),
          ),
        ),
        h("tbody", {}, rows),
      ),
    );
  }

  textAnswers(fields, answers) {
    return h(
      "dl",
      { class: "lsk-my-texts" },
      fields.map((field) => {
        const text = typeof answers[field.id] === "string" && answers[field.id].trim() ? answers[field.id] : null;
        return [
          h("dt", {}, field.label),
          h(
            "dd",
            { class: text ? "lsk-my-text" : "lsk-results-empty", "data-lsk-field": field.id },
            text ?? t("mine.unanswered_item"),
          ),
        ];
      }),
    );
  }

  // ---- snapshots ----------------------------------------------------------

  snapshotsView(q, record) {
    const stored = snapshotsOf(record);
    const snapshots = shownSnapshots(stored).sort((a, b) => String(a.created).localeCompare(String(b.created)));
    const titleId = uniqueId("lsk-snapshots-title");
    const children = [h("h3", { class: "lsk-part-title", id: titleId }, t("snapshots.heading"))];
    if (stored.length > snapshots.length) {
      children.push(
        h(
          "p",
          { class: "lsk-notice", "data-lsk-snapshots-not-shown": stored.length - snapshots.length },
          counted(stored.length - snapshots.length, "snapshots.not_shown"),
        ),
      );
    }
    if (!snapshots.length) {
      children.push(h("p", { class: "lsk-hint" }, t("snapshots.none")));
    } else {
      children.push(
        h(
          "ul",
          { class: "lsk-snapshot-list" },
          snapshots.map((snapshot) => this.snapshotEntry(q, snapshot)),
        ),
      );
      if (hasResultsParts(q.definition) && (q.definition.parts || []).some((p) => p.type === "likert")) {
        children.push(this.comparisonControls(q, snapshots));
      }
    }
    return h("section", { class: "lsk-snapshots", "aria-labelledby": titleId, "data-lsk-snapshots": q.id }, children);
  }

  snapshotEntry(q, snapshot) {
    const nameId = uniqueId("lsk-snapshot-rename");
    const input = h("input", {
      type: "text",
      id: nameId,
      class: "lsk-text-input",
      maxlength: 200,
      value: typeof snapshot.name === "string" ? snapshot.name : "",
      "data-lsk-focus-key": `rename-input-${q.id}-${snapshot.id}`,
    });
    const rename = h(
      "button",
      {
        type: "button",
        class: "lsk-button",
        "data-lsk-action": "rename-snapshot",
        "data-lsk-focus-key": `rename-${q.id}-${snapshot.id}`,
      },
      t("snapshots.rename"),
    );
    const remove = h(
      "button",
      {
        type: "button",
        class: "lsk-button lsk-button--danger",
        "data-lsk-action": "delete-snapshot",
        "data-lsk-focus-key": `remove-${q.id}-${snapshot.id}`,
      },
      t("snapshots.delete", { name: snapshotName(snapshot) }),
    );
    rename.addEventListener("click", () => this.renameSnapshot(q, snapshot, input.value));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        rename.click();
      }
    });
    remove.addEventListener("click", () => this.deleteSnapshot(q, snapshot));
    return h(
      "li",
      { class: "lsk-snapshot", "data-lsk-snapshot": snapshot.id },
      h(
        "p",
        { class: "lsk-snapshot-name" },
        h("strong", {}, snapshotName(snapshot)),
        // An unnamed snapshot is named by its time already.
        hasOwnName(snapshot) ? [" ", h("span", { class: "lsk-hint" }, formatTime(snapshot.created))] : null,
      ),
      h(
        "div",
        { class: "lsk-toolbar-row lsk-snapshot-tools" },
        h(
          "label",
          { for: nameId, class: "lsk-visually-hidden" },
          t("snapshots.rename_label", { name: snapshotName(snapshot) }),
        ),
        input,
        rename,
        remove,
      ),
    );
  }

  comparisonControls(q, snapshots) {
    const choices = [
      ...snapshots.map((s) => ({ value: s.id, label: snapshotName(s) })),
      { value: NOW, label: t("compare.now") },
    ];
    const chosen = this.comparisons.get(q.id) || {};
    const ids = new Set(choices.map((c) => c.value));
    const from = ids.has(chosen.from) ? chosen.from : snapshots[0].id;
    const to = ids.has(chosen.to) ? chosen.to : snapshots.length > 1 ? snapshots.at(-1).id : NOW;
    this.comparisons.set(q.id, { from, to });
    const select = (which, value) => {
      const id = uniqueId(`lsk-compare-${which}`);
      const element = h(
        "select",
        { id, class: "lsk-select", "data-lsk-compare-select": which, "data-lsk-focus-key": `compare-${which}-${q.id}` },
        choices.map((choice) => h("option", { value: choice.value, selected: choice.value === value }, choice.label)),
      );
      element.addEventListener("change", () => {
        this.comparisons.set(q.id, { ...this.comparisons.get(q.id), [which]: element.value });
        this.renderComparison(q);
      });
      const label = h("label", { for: id, class: "lsk-field-label" }, t(`compare.${which}`));
      return h("div", { class: "lsk-compare-choice" }, label, element);
    };
    const titleId = uniqueId("lsk-compare-title");
    return h(
      "section",
      { class: "lsk-compare", "aria-labelledby": titleId },
      h("h4", { class: "lsk-results-subtitle", id: titleId }, t("compare.heading")),
      h("div", { class: "lsk-toolbar-row lsk-compare-choices" }, select("from", from), select("to", to)),
      h("div", { class: "lsk-compare-output", "data-lsk-compare-output": q.id }),
    );
  }

  /** The measurement `choice` stands for: a snapshot, or the answers now. */
  measurement(q, choice, snapshots) {
    if (choice === NOW) {
      const known = this.results.get(q.id);
      return { label: t("compare.now"), scores: known ? likertScores(known.results) : null, pending: !known };
    }
    const snapshot = snapshots.find((s) => s.id === choice);
    if (!snapshot) return { label: "", scores: null, pending: false };
    return { label: snapshotName(snapshot), scores: snapshot.scores, pending: false };
  }

  renderComparison(q) {
    const output = q.body.querySelector("[data-lsk-compare-output]");
    const chosen = this.comparisons.get(q.id);
    if (!output || !chosen) return;
    const record = (courseRecords(this.sitePath, this.course).get(q.id) || {}).record;
    const snapshots = shownSnapshots(snapshotsOf(record));
    const from = this.measurement(q, chosen.from, snapshots);
    const to = this.measurement(q, chosen.to, snapshots);
    if (from.pending || to.pending) {
      replaceChildren(output, h("p", { class: "lsk-results-placeholder" }, t("compare.pending")));
      return;
    }
    try {
      replaceChildren(output, comparisonView(from, to));
    } catch (error) {
      // Scores kept in a snapshot that are not what the scorer wrote.
      console.error("lederskap: the comparison could not be drawn", error);
      replaceChildren(output, h("p", { class: "lsk-notice" }, t("compare.not_shown")));
    }
  }

  async renameSnapshot(q, snapshot, name) {
    const store = this.store(q.id, q.version);
    store.load();
    const outcome = await this.updateRecord(store, (record) => ({
      ...record,
      snapshots: snapshotsOf(record).map((s) =>
        s && s.id === snapshot.id ? { ...s, name: String(name).trim().slice(0, 200) } : s,
      ),
    }));
    this.renderAll({ keepFocus: true });
    this.tools.say(outcome ? t("snapshots.renamed") : t("snapshot.not_upgraded"));
  }

  async deleteSnapshot(q, snapshot) {
    const confirmed = await confirmAction({
      title: t("snapshots.delete_title", { name: snapshotName(snapshot) }),
      text: t("snapshots.delete_text"),
      confirm: t("delete.confirm"),
    });
    if (!confirmed) return;
    const store = this.store(q.id, q.version);
    store.load();
    const outcome = await this.updateRecord(store, (record) => ({
      ...record,
      snapshots: snapshotsOf(record).filter((s) => !s || s.id !== snapshot.id),
    }));
    this.renderAll();
    this.tools.say(outcome ? t("snapshots.deleted") : t("snapshot.not_upgraded"));
    q.section.querySelector("h2").setAttribute("tabindex", "-1");
    q.section.querySelector("h2").focus();
  }

  /** Change a record of the current schema (upgrading it first if needed); resolves to true when done. */
  async updateRecord(store, change) {
    let outcome = store.update(change);
    if (outcome === "needs-migration" && this.scorer) {
      try {
        await this.scorer.start();
      } catch {
        return false;
      }
      if (await migrateStore(store, this.scorer)) outcome = store.update(change);
    }
    return outcome === "saved" || outcome === "kept-in-memory";
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

  // ---- the whole course: export, import, delete ----------------------------

  makeTools() {
    const titleId = uniqueId("lsk-tools-title");
    const fileId = uniqueId("lsk-import-file");
    const hintId = uniqueId("lsk-import-hint");
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
      /** Show the offer of the answers without scores; resolves to "unscored" when taken. `false` hides it. */
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
      say: (text) => {
        feedback.textContent = "";
        requestAnimationFrame(() => {
          feedback.textContent = text;
        });
      },
      refresh: (records) => {
        const answered = this.questionnaires.filter((q) => {
          const entry = records.get(q.id);
          return entry && entry.record && Object.keys(entry.record.answers).length;
        });
        const due = answered.some((q) => exportIsDue(lastExport(this.sitePath, this.course, q.id)));
        reminder.hidden = !due;
        reminder.textContent = due ? t("mine.reminder") : "";
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
    const records = courseRecords(this.sitePath, this.course);
    const entries = this.questionnaires.map((q) => exportEntry(q.id, q.version, (records.get(q.id) || {}).record));
    for (const [id, entry] of records) {
      if (!this.byId.has(id) && entry.record) entries.push(exportEntry(id, entry.record.version, entry.record));
    }
    const file = exportDocument({ course: this.course, site: siteAddress(this.sitePath), entries });
    const text = `${JSON.stringify(file, null, 2)}\n`;
    const name = download(`${this.course}-${fileDate()}.json`, text, "application/json");
    noteExport(this.sitePath, this.course, entries.map((entry) => entry.id));
    this.tools.refresh(records);
    this.tools.say(t("mine.exported", { file: name }));
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
    if (this.scorer && this.scorer.state !== "ready") {
      this.csvWaiting = true;
      this.tools.say(t("mine.csv_waiting"));
      const scored = (async () => {
        await this.scorer.start();
        await this.scoreAll();
      })().catch(() => {
        // Without the scorer the file has the answers but no scores; the learner is told.
      });
      let slow = null;
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

  writeCsv({ withScores }) {
    const records = courseRecords(this.sitePath, this.course);
    const rows = [[t("csv.questionnaire"), t("csv.part"), t("csv.kind"), t("csv.id"), t("csv.text"), t("csv.value")]];
    let scored = true;
    for (const q of this.questionnaires) {
      const record = (records.get(q.id) || {}).record;
      if (!record) continue;
      const known = this.results.get(q.id);
      const results = withScores && known && known.answers === JSON.stringify(record.answers) ? known.results : null;
      if (!results && hasResultsParts(q.definition)) scored = false;
      rows.push(...csvRows(q, record.answers, results));
    }
    const separator = t("csv.separator");
    const name = download(`${this.course}-${fileDate()}.csv`, csvText(rows, separator), "text/csv;charset=utf-8");
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
    deleteCourse(this.sitePath, this.course);
    this.results.clear();
    this.renderAll();
    this.tools.say(t("delete.done_course"));
  }

  // ---- import ---------------------------------------------------------------

  async chooseFile(input, preview) {
    const chosen = input.files && input.files[0];
    if (!chosen) return;
    const read = await readChosenFile(chosen);
    if (read.problem) {
      this.showRefusal(preview, [t(`import.problem.${read.problem}`, { size: MAX_IMPORT_BYTES / (1024 * 1024) })]);
      input.value = "";
      return;
    }
    this.tools.say(t("import.checking"));
    if (!this.scorer) return;
    try {
      await this.scorer.start();
    } catch {
      this.showRefusal(preview, [t("import.no_scorer")]);
      input.value = "";
      return;
    }
    const records = courseRecords(this.sitePath, this.course);
    // Each record as its stored text, read by Python on its own (one it cannot read is set
    // aside when the import is applied); a record this visit could not store, as it is here.
    const stored = {};
    const raws = new Map();
    for (const [id, entry] of records) {
      raws.set(id, entry.raw);
      stored[id] = entry.kept ? JSON.stringify(entry.record) : entry.raw;
    }
    const context = {
      course: this.course,
      language: this.language,
      now: timestamp(),
      definitions: this.questionnaires.map((q) => q.definitionJson),
      records: stored,
    };
    let plan;
    try {
      plan = JSON.parse(await this.scorer.checkImport(read.text, JSON.stringify(context)));
    } catch (error) {
      console.error("lederskap: the file could not be checked", error);
      this.showRefusal(preview, [t(this.scorer.state === "ready" ? "import.check_failed" : "import.no_scorer")]);
      input.value = "";
      return;
    }
    input.value = "";
    if (!plan.ok) {
      const lines = plan.problems.map((problem) => problemText(problem, this.byId));
      if (plan.more_problems) lines.push(t("import.more_problems", { count: plan.more_problems }));
      this.showRefusal(preview, lines);
      return;
    }
    if (plan.empty || !(plan.changes.merge || plan.changes.replace)) {
      this.showNothingToImport(preview, plan.empty ? "import.nothing_empty" : "import.nothing_new");
      return;
    }
    this.showPreview(preview, plan, raws, chosen.name);
  }

  /** A file that holds nothing that would change what is stored: said so, nothing written. */
  showNothingToImport(preview, key) {
    const titleId = uniqueId("lsk-import-title");
    preview.setAttribute("aria-labelledby", titleId);
    preview.dataset.lskImportState = "nothing";
    replaceChildren(preview, h("h3", { id: titleId }, t("import.nothing_heading")), h("p", {}, t(key)));
    preview.hidden = false;
    preview.focus();
    this.tools.say(t(key));
  }

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

  showPreview(preview, plan, raws, fileName) {
    const titleId = uniqueId("lsk-import-title");
    const modeName = uniqueId("lsk-import-mode");
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
    const draw = () => {
      const chosen = modes.querySelector("input:checked").value;
      replaceChildren(list, plan.questionnaires.map((entry) => previewEntry(entry, chosen)));
    };
    modes.addEventListener("change", draw);
    draw();
    const apply = h("button", { type: "button", class: "lsk-button", "data-lsk-action": "import" }, t("import.apply"));
    const cancel = h(
      "button",
      { type: "button", class: "lsk-button", "data-lsk-action": "cancel-import" },
      t("dialog.cancel"),
    );
    const file = plan.file || {};
    replaceChildren(
      preview,
      h("h3", { id: titleId }, t("import.preview_heading")),
      h(
        "p",
        { class: "lsk-hint" },
        t("import.file_info", {
          file: fileName,
          date: file.exported ? formatTime(file.exported) : t("results.no_mean"),
          site: file.site || t("results.no_mean"),
        }),
      ),
      modes,
      list,
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
      const chosen = modes.querySelector("input:checked").value;
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
      this.results.clear();
      this.renderAll();
      this.tools.say(t(`import.${outcome}`));
    });
    this.tools.say(t("import.preview_ready"));
  }

  /**
   * Write the plan's records, all or none: every stored text must still be the one the
   * plan was made from. Returns "done", "done_in_memory", "changed_meanwhile" or "failed".
   */
  applyPlan(plan, mode, raws) {
    const stores = plan.questionnaires.map((entry) => {
      const q = this.byId.get(entry.id);
      const store = this.store(entry.id, q ? q.version : entry.file_version);
      return { entry, store };
    });
    for (const { entry, store } of stores) {
      if (store.persistent && store.readRaw() !== (raws.has(entry.id) ? raws.get(entry.id) : null)) {
        return "changed_meanwhile";
      }
    }
    const written = [];
    let inMemory = false;
    for (const { entry, store } of stores) {
      const before = store.readRaw();
      // A stored text the page or Python could not read is kept aside before the import is written over it.
      const unreadable =
        typeof before === "string" ? parseRecord(before).problem || (entry.current_unreadable ? "unreadable" : null) : null;
      if (unreadable) store.setAside(before, unreadable);
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
    return inMemory ? "done_in_memory" : "done";
  }

  restore(written) {
    for (const { store, before } of written) {
      try {
        if (typeof before === "string") store.storage.setItem(store.key, before);
        else store.storage.removeItem(store.key);
      } catch {
        // Nothing more can be done: the learner is told the import failed.
      }
    }
  }
}

/** What one questionnaire of an import would change, in words. */
function previewEntry(entry, mode) {
  const name = entry.title || t("import.unknown_questionnaire", { id: entry.id });
  const lines = [];
  if (mode === "merge") {
    lines.push(
      t("import.merge_answers", {
        new: entry.new,
        changed: entry.changed,
        unchanged: entry.unchanged,
        kept: entry.only_here,
      }),
      t("import.merge_snapshots", { added: entry.snapshots_added, updated: entry.snapshots_updated }),
    );
  } else {
    lines.push(
      t("import.replace_answers", { count: entry.answers_in_file, removed: entry.only_here }),
      t("import.replace_snapshots", { count: entry.snapshots_in_file, removed: entry.snapshots_only_here }),
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

/** A problem of an import plan (scorer/RECORDS.md) in words. */
function problemText(problem, byId) {
  const q = problem.questionnaire ? byId.get(problem.questionnaire) : null;
  const values = {
    path: problem.path || "",
    id: problem.id || "",
    limit: problem.limit ?? "",
    course: problem.course || "",
    version: problem.version ?? "",
    message: problem.message || "",
    questionnaire: q ? q.definition.title : problem.questionnaire || "",
  };
  const key = `import.problem.${problem.code}`;
  return t(key, values);
}

/** The CSV rows of one questionnaire: its answers, one row each, then its scores per dimension. */
export function csvRows(q, answers, results) {
  const rows = [];
  const title = q.definition.title;
  const answerRow = (part, id, text, value) => [title, part, t("csv.kind_answer"), id, text, value];
  for (const part of q.definition.parts || []) {
    if (part.type === "likert") {
      for (const dimension of part.dimensions || []) {
        for (const item of dimension.items || []) {
          if (has(answers, item.id)) rows.push(answerRow(part.title, item.id, item.text, csvValue(answers[item.id])));
        }
      }
      const scored = results && (results.parts || []).find((p) => p.id === part.id);
      for (const d of scored ? scored.dimensions : []) {
        rows.push([title, part.title, t("csv.kind_mean"), d.id, d.title, d.mean_display ?? ""]);
      }
    } else if (part.type === "text") {
      for (const field of part.fields || []) {
        if (!has(answers, field.id)) continue;
        rows.push(answerRow(part.title, field.id, field.label, csvValue(answers[field.id])));
      }
    } else if (part.type === "checklist") {
      if (has(answers, part.id)) {
        const chosen = Array.isArray(answers[part.id]) ? answers[part.id] : [];
        const texts = new Map((part.options || []).map((option) => [option.id, option.text]));
        rows.push(answerRow(part.title, part.id, part.title, chosen.map((id) => texts.get(id) || id).join("; ")));
      }
      if (part.summary && has(answers, part.summary.id)) {
        rows.push(answerRow(part.title, part.summary.id, part.summary.label, csvValue(answers[part.summary.id])));
      }
    } else if (part.type === "allocation") {
      for (const row of part.rows || []) {
        const cells = answers[row.id];
        if (!cells || typeof cells !== "object") continue;
        for (const column of part.columns || []) {
          if (has(cells, column.id)) {
            const id = `${row.id}.${column.id}`;
            rows.push(answerRow(part.title, id, `${row.text}: ${column.text}`, csvValue(cells[column.id])));
          }
        }
      }
      const scored = results && (results.parts || []).find((p) => p.id === part.id);
      for (const column of scored ? scored.columns : []) {
        rows.push([title, part.title, t("csv.kind_sum"), column.id, column.text, column.sum_display]);
      }
    }
  }
  const known = new Set(answerIds(q.definition));
  for (const id of Object.keys(answers).sort()) {
    if (!known.has(id)) rows.push([title, "", t("csv.kind_removed"), id, "", csvValue(answers[id])]);
  }
  return rows;
}

function csvValue(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** Set up every results page container on the page (main.js calls this after each page swap). */
export function mountMyResults(container, { sitePath }) {
  new MyResults(container, { sitePath }).mount();
}
