// @ts-check
// The snapshots of one questionnaire on the results page ("Mine resultater"): the
// list with rename and delete, and the comparison of two measurements (or one and
// the answers now) per dimension, as a table and a paired bar chart. A name is at most
// as long as the scorer keeps one (constants.js: maxSnapshotName).

import { confirmAction } from "./confirm-dialog.js";
import { constants } from "./constants.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, t } from "./i18n.js";
import { hasResults } from "./parts/index.js";
import { migrateStore } from "./record-sync.js";
import { comparisonView, formatTime, shownSnapshots, snapshotName } from "./snapshots.js";
import { courseRecords, snapshotsOf } from "./record-store.js";

/**
 * @import { Definition } from "./answers.js"
 * @import { AnswerStore, StoredRecord } from "./record-store.js"
 * @import { Scorer } from "./scorer-client.js"
 * @import { ShownSnapshot } from "./snapshots.js"
 */

/**
 * A questionnaire of the results page (my-results.js), as far as this module uses it.
 * @typedef {object} PageQuestionnaire
 * @property {string} id
 * @property {number} version
 * @property {Pick<Definition, "parts">} definition
 * @property {HTMLElement} section its section of the page
 * @property {HTMLElement} body where its answers, results and snapshots are drawn
 */

/**
 * The results page (my-results.js), as far as this module uses it.
 * @typedef {object} ResultsPage
 * @property {string} sitePath
 * @property {string} course
 * @property {string} language
 * @property {Map<string, {results: {snapshot_scores: unknown}}>} results the results shown, by questionnaire id
 * @property {Scorer | null} scorer
 * @property {(id: string, version: number) => AnswerStore} store
 * @property {(options?: {keepFocus?: boolean}) => void} renderAll
 * @property {{say: (text: string) => void}} tools
 */

/**
 * The two measurements compared: snapshot ids, or NOW.
 * @typedef {{from: string, to: string}} Chosen
 */

/**
 * One side of a comparison: its label and scores (a snapshot's, or the results' snapshot_scores);
 * `pending` while the answers now are not scored yet.
 * @typedef {{label: string, scores: unknown, pending: boolean}} Measurement
 */

const NOW = "now";

/**
 * @param {{name?: unknown}} snapshot
 * @returns {boolean}
 */
function hasOwnName(snapshot) {
  return typeof snapshot.name === "string" && snapshot.name.trim() !== "";
}

/**
 * Whether the stored entry `entry` of a record's snapshots is the snapshot `id`.
 * @param {unknown} entry
 * @param {string} id
 * @returns {entry is Record<string, unknown>}
 */
function isSnapshot(entry, id) {
  return typeof entry === "object" && entry !== null && /** @type {{id?: unknown}} */ (entry).id === id;
}

export class SnapshotsView {
  /** @param {ResultsPage} page the results page, whose records, results and tools this uses */
  constructor(page) {
    this.page = page;
    /** @type {Map<string, Chosen>} questionnaire id -> the measurements chosen */
    this.comparisons = new Map();
    /** @type {Map<string, number>} questionnaire id -> the number of the latest comparison asked for */
    this.requests = new Map();
  }

  /**
   * The snapshots of `q`'s record: the list, and the comparison when the questionnaire has likert parts.
   * @param {PageQuestionnaire} q
   * @param {StoredRecord | null | undefined} record
   * @returns {HTMLElement}
   */
  snapshotsView(q, record) {
    const stored = snapshotsOf(record);
    const snapshots = shownSnapshots(stored).sort((a, b) => String(a.created).localeCompare(String(b.created)));
    const titleId = uniqueId("lsk-snapshots-title");
    /** @type {HTMLElement[]} */
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
      if (hasResults(q.definition) && (q.definition.parts || []).some((p) => p.type === "likert")) {
        children.push(this.comparisonControls(q, snapshots));
      }
    }
    return h("section", { class: "lsk-snapshots", "aria-labelledby": titleId, "data-lsk-snapshots": q.id }, children);
  }

  /**
   * One snapshot of the list, with its name field, rename and delete.
   * @param {PageQuestionnaire} q
   * @param {ShownSnapshot} snapshot
   * @returns {HTMLLIElement}
   */
  snapshotEntry(q, snapshot) {
    const nameId = uniqueId("lsk-snapshot-rename");
    const input = h("input", {
      type: "text",
      id: nameId,
      class: "lsk-text-input",
      maxlength: constants.maxSnapshotName,
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

  /**
   * The choice of the two measurements to compare, and where their comparison is drawn.
   * @param {PageQuestionnaire} q
   * @param {ShownSnapshot[]} snapshots at least one, oldest first
   * @returns {HTMLElement}
   */
  comparisonControls(q, snapshots) {
    const choices = [
      ...snapshots.map((s) => ({ value: s.id, label: snapshotName(s) })),
      { value: NOW, label: t("compare.now") },
    ];
    const chosen = this.comparisons.get(q.id);
    const ids = new Set(choices.map((c) => c.value));
    const from = chosen && ids.has(chosen.from) ? chosen.from : snapshots[0].id;
    const latest = snapshots.length > 1 ? snapshots[snapshots.length - 1].id : NOW;
    const to = chosen && ids.has(chosen.to) ? chosen.to : latest;
    this.comparisons.set(q.id, { from, to });
    /**
     * @param {"from" | "to"} which
     * @param {string} value the measurement chosen
     */
    const select = (which, value) => {
      const id = uniqueId(`lsk-compare-${which}`);
      const element = h(
        "select",
        { id, class: "lsk-select", "data-lsk-compare-select": which, "data-lsk-focus-key": `compare-${which}-${q.id}` },
        choices.map((choice) => h("option", { value: choice.value, selected: choice.value === value }, choice.label)),
      );
      element.addEventListener("change", () => {
        const current = this.comparisons.get(q.id) || { from, to };
        const changed = which === "from" ? { ...current, from: element.value } : { ...current, to: element.value };
        this.comparisons.set(q.id, changed);
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

  /**
   * The measurement `choice` stands for: a snapshot, or the answers now.
   * @param {PageQuestionnaire} q
   * @param {string} choice a snapshot's id, or NOW
   * @param {ShownSnapshot[]} snapshots
   * @returns {Measurement}
   */
  measurement(q, choice, snapshots) {
    if (choice === NOW) {
      const known = this.page.results.get(q.id);
      return { label: t("compare.now"), scores: known ? known.results.snapshot_scores : null, pending: !known };
    }
    const snapshot = snapshots.find((s) => s.id === choice);
    if (!snapshot) return { label: "", scores: null, pending: false };
    return { label: snapshotName(snapshot), scores: snapshot.scores, pending: false };
  }

  /**
   * Draw the comparison chosen for `q` (the scorer's, compare_json), or say that it waits for the scorer.
   * @param {PageQuestionnaire} q
   */
  renderComparison(q) {
    const output = q.body.querySelector("[data-lsk-compare-output]");
    const chosen = this.comparisons.get(q.id);
    if (!output || !chosen) return;
    const record = courseRecords(this.page.sitePath, this.page.course).get(q.id)?.record;
    const snapshots = shownSnapshots(snapshotsOf(record));
    const from = this.measurement(q, chosen.from, snapshots);
    const to = this.measurement(q, chosen.to, snapshots);
    const scorer = this.page.scorer;
    if (from.pending || to.pending || !scorer || scorer.state !== "ready") {
      replaceChildren(output, h("p", { class: "lsk-results-placeholder" }, t("compare.pending")));
      return;
    }
    // The change is the scorer's (compare_json); the latest request wins.
    const request = (this.requests.get(q.id) || 0) + 1;
    this.requests.set(q.id, request);
    const scores = (/** @type {Measurement} */ measured) => JSON.stringify(measured.scores ?? null);
    scorer
      .compare(scores(from), scores(to), this.page.language)
      .then((json) => {
        if (this.requests.get(q.id) !== request || !output.isConnected) return;
        replaceChildren(output, comparisonView(from, to, JSON.parse(json)));
      })
      .catch((error) => {
        if (this.requests.get(q.id) !== request || !output.isConnected) return;
        // Scores kept in a snapshot that are not what the scorer wrote, or a failing scorer.
        console.error("lederskap: the comparison could not be drawn", error);
        replaceChildren(output, h("p", { class: "lsk-notice" }, t("compare.not_shown")));
      });
  }

  /**
   * @param {PageQuestionnaire} q
   * @param {ShownSnapshot} snapshot
   * @param {string} name the new name, as typed
   */
  async renameSnapshot(q, snapshot, name) {
    const store = this.page.store(q.id, q.version);
    store.load();
    const shortened = String(name).trim().slice(0, constants.maxSnapshotName);
    const outcome = await this.updateRecord(store, (record) => ({
      ...record,
      snapshots: snapshotsOf(record).map((s) => (isSnapshot(s, snapshot.id) ? { ...s, name: shortened } : s)),
    }));
    this.page.renderAll({ keepFocus: true });
    this.page.tools.say(outcome ? t("snapshots.renamed") : t("snapshot.not_upgraded"));
  }

  /**
   * @param {PageQuestionnaire} q
   * @param {ShownSnapshot} snapshot
   */
  async deleteSnapshot(q, snapshot) {
    const confirmed = await confirmAction({
      title: t("snapshots.delete_title", { name: snapshotName(snapshot) }),
      text: t("snapshots.delete_text"),
      confirm: t("delete.confirm"),
    });
    if (!confirmed) return;
    const store = this.page.store(q.id, q.version);
    store.load();
    const outcome = await this.updateRecord(store, (record) => ({
      ...record,
      snapshots: snapshotsOf(record).filter((s) => !isSnapshot(s, snapshot.id)),
    }));
    this.page.renderAll();
    this.page.tools.say(outcome ? t("snapshots.deleted") : t("snapshot.not_upgraded"));
    const heading = q.section.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  /**
   * Change a record of the current schema (upgrading it first if needed); resolves to true when done.
   * @param {AnswerStore} store
   * @param {(record: StoredRecord) => StoredRecord} change
   * @returns {Promise<boolean>}
   */
  async updateRecord(store, change) {
    let outcome = store.update(change);
    if (outcome === "needs-migration" && this.page.scorer) {
      try {
        await this.page.scorer.start();
      } catch {
        return false;
      }
      if (await migrateStore(store, this.page.scorer)) outcome = store.update(change);
    }
    return outcome === "saved" || outcome === "kept-in-memory";
  }
}
