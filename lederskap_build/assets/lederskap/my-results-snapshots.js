// The snapshots of one questionnaire on the results page ("Mine resultater"): the
// list with rename and delete, and the comparison of two measurements (or one and
// the answers now) per dimension, as a table and a paired bar chart.

import { confirmAction } from "./confirm-dialog.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, t } from "./i18n.js";
import { hasResults } from "./parts/index.js";
import { migrateStore } from "./record-sync.js";
import { comparisonView, formatTime, shownSnapshots, snapshotName } from "./snapshots.js";
import { courseRecords, snapshotsOf } from "./record-store.js";

const NOW = "now";

function hasOwnName(snapshot) {
  return typeof snapshot.name === "string" && snapshot.name.trim() !== "";
}

export class SnapshotsView {
  /** `page`: the results page (my-results.js), whose records, results and tools this uses. */
  constructor(page) {
    this.page = page;
    this.comparisons = new Map(); // questionnaire id -> {from, to} chosen
    this.requests = new Map(); // questionnaire id -> the number of the latest comparison asked for
  }

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
      if (hasResults(q.definition) && (q.definition.parts || []).some((p) => p.type === "likert")) {
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
      const known = this.page.results.get(q.id);
      return { label: t("compare.now"), scores: known ? known.results.snapshot_scores : null, pending: !known };
    }
    const snapshot = snapshots.find((s) => s.id === choice);
    if (!snapshot) return { label: "", scores: null, pending: false };
    return { label: snapshotName(snapshot), scores: snapshot.scores, pending: false };
  }

  renderComparison(q) {
    const output = q.body.querySelector("[data-lsk-compare-output]");
    const chosen = this.comparisons.get(q.id);
    if (!output || !chosen) return;
    const record = (courseRecords(this.page.sitePath, this.page.course).get(q.id) || {}).record;
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
    const scores = (measured) => JSON.stringify(measured.scores ?? null);
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

  async renameSnapshot(q, snapshot, name) {
    const store = this.page.store(q.id, q.version);
    store.load();
    const outcome = await this.updateRecord(store, (record) => ({
      ...record,
      snapshots: snapshotsOf(record).map((s) =>
        s && s.id === snapshot.id ? { ...s, name: String(name).trim().slice(0, 200) } : s,
      ),
    }));
    this.page.renderAll({ keepFocus: true });
    this.page.tools.say(outcome ? t("snapshots.renamed") : t("snapshot.not_upgraded"));
  }

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
      snapshots: snapshotsOf(record).filter((s) => !s || s.id !== snapshot.id),
    }));
    this.page.renderAll();
    this.page.tools.say(outcome ? t("snapshots.deleted") : t("snapshot.not_upgraded"));
    q.section.querySelector("h2").setAttribute("tabindex", "-1");
    q.section.querySelector("h2").focus();
  }

  /** Change a record of the current schema (upgrading it first if needed); resolves to true when done. */
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
