// @ts-check
// The small toolbar at the end of every questionnaire form: "Lagre måling" (a named,
// dated snapshot of the answers and scores), "Eksporter" (this questionnaire's
// answers and snapshots as a JSON file) and "Slett svarene" (after a confirmation),
// with a gentle reminder to export now and then, and a line saying what happened.
// The whole course's answers are exported, imported and deleted on the learner's
// own results page (my-results.js).

import { constants } from "./constants.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, t } from "./i18n.js";
import { scorer as getScorer } from "./scorer-client.js";
import { EXPORT_REMINDER_DAYS, exportIsDue, noteExport, unexportedSince } from "./course-notes.js";
import { snapshotsOf } from "./record-store.js";
import { resultsPageSentence } from "./results-page-link.js";

/**
 * @import { Definition, FormFields } from "./answers.js"
 * @import { FormRecord } from "./record-sync.js"
 * @import { Results } from "./results-view.js"
 */

/**
 * What the toolbar knows of its form (questionnaire.js).
 * @typedef {object} ToolbarContext
 * @property {FormRecord} record the form's stored record
 * @property {FormFields} fields the form's inputs
 * @property {Definition} definition
 * @property {string} definitionJson
 * @property {string} language the language results are written in
 * @property {string} sitePath
 * @property {string} course
 * @property {string} questionnaire its id
 * @property {number} version its version
 * @property {boolean} hasResults whether it has results (scores), kept with a snapshot
 * @property {() => void} onCleared called after its answers were deleted
 */

/**
 * Add the toolbar to `form`.
 * @param {HTMLFormElement} form
 * @param {ToolbarContext} context
 * @returns {{refresh: () => void}} refresh: show what changed (the reminder, the number of snapshots)
 */
export function mountToolbar(form, context) {
  const { record, sitePath, course, questionnaire } = context;
  const store = record.store;
  const titleId = uniqueId("lsk-toolbar-title");
  const nameId = uniqueId("lsk-snapshot-name");
  const nameInput = h("input", {
    type: "text",
    id: nameId,
    class: "lsk-text-input",
    maxlength: constants.maxSnapshotName,
    autocomplete: "off",
    "data-lsk-snapshot-name": true,
  });
  /** @type {(action: string, text: string) => HTMLButtonElement} */
  const button = (action, text) =>
    h("button", { type: "button", class: "lsk-button", "data-lsk-action": action }, text);
  const snapshotButton = button("snapshot", t("toolbar.snapshot"));
  const exportButton = button("export", t("toolbar.export"));
  const deleteButton = h(
    "button",
    { type: "button", class: "lsk-button lsk-button--danger", "data-lsk-action": "delete" },
    t("toolbar.delete"),
  );
  const reminder = h("p", { class: "lsk-export-reminder", "data-lsk-export-reminder": true, hidden: true });
  const feedback = h("p", { class: "lsk-toolbar-feedback", role: "status", "data-lsk-feedback": true });
  const snapshotsLine = h("p", { class: "lsk-hint", "data-lsk-snapshot-count": true });
  const toolbar = h(
    "section",
    { class: "lsk-toolbar", "data-lsk-toolbar": true, "aria-labelledby": titleId },
    h("h3", { class: "lsk-toolbar-title", id: titleId }, t("toolbar.heading")),
    h("p", { class: "lsk-hint" }, t("toolbar.intro")),
    h(
      "div",
      { class: "lsk-toolbar-snapshot" },
      h("label", { for: nameId, class: "lsk-field-label" }, t("toolbar.snapshot_name")),
      h("div", { class: "lsk-toolbar-row" }, nameInput, snapshotButton),
    ),
    snapshotsLine,
    h("div", { class: "lsk-toolbar-row" }, exportButton, deleteButton),
    reminder,
    feedback,
  );
  form.append(toolbar);

  const say = (/** @type {string} */ text) => {
    feedback.textContent = "";
    // A new text in the live region, even when it is the same as before.
    requestAnimationFrame(() => {
      feedback.textContent = text;
    });
  };

  function refresh() {
    const hasAnswers = Object.keys(store.answers).length > 0;
    const since = hasAnswers ? unexportedSince(sitePath, course, questionnaire, store.record?.updated) : null;
    reminder.hidden = !exportIsDue(since);
    reminder.textContent = reminder.hidden ? "" : t("toolbar.reminder", { days: EXPORT_REMINDER_DAYS });
    const count = snapshotsOf(store.record).length;
    const where = count ? resultsPageSentence("mine.see_snapshots", sitePath) : [];
    replaceChildren(snapshotsLine, count ? [counted(count, "toolbar.snapshots"), where.length ? " " : "", where] : []);
    snapshotsLine.hidden = count === 0;
  }

  // The toolbar's own input is not an answer: keep it out of the form's change handling.
  for (const type of ["input", "change"]) nameInput.addEventListener(type, (event) => event.stopPropagation());
  nameInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      snapshotButton.click();
    }
  });

  let busy = false;
  snapshotButton.addEventListener("click", async () => {
    if (busy) return;
    busy = true;
    snapshotButton.setAttribute("aria-disabled", "true");
    try {
      // Where to see the snapshots is said, with a link, in the line of their number (refresh).
      say(await saveSnapshot(context, nameInput.value));
      nameInput.value = "";
    } finally {
      busy = false;
      snapshotButton.removeAttribute("aria-disabled");
      refresh();
    }
  });

  // The code of each action is loaded when the learner first uses it, not with every page.
  exportButton.addEventListener("click", async () => {
    const { download, exportDocument, exportEntry, fileDate, siteAddress } = await import("./data-file.js");
    record.save();
    const file = exportDocument({
      course,
      site: siteAddress(sitePath),
      entries: [exportEntry(questionnaire, context.version, store.record)],
    });
    const name = download(
      `${course}-${questionnaire}-${fileDate()}.json`,
      `${JSON.stringify(file, null, 2)}\n`,
      "application/json",
    );
    noteExport(sitePath, course, [questionnaire]);
    say(t("toolbar.exported", { file: name }));
    refresh();
  });

  deleteButton.addEventListener("click", async () => {
    const { confirmAction } = await import("./confirm-dialog.js");
    const confirmed = await confirmAction({
      title: t("delete.questionnaire_title", { title: context.definition.title }),
      text: t("delete.questionnaire_text"),
      confirm: t("delete.confirm"),
    });
    if (!confirmed) {
      say(t("delete.cancelled"));
      return;
    }
    store.clear();
    context.onCleared();
    say(t("delete.done_questionnaire"));
    refresh();
  });

  refresh();
  return { refresh };
}

/**
 * Save a snapshot of the current answers and scores; returns what to tell the learner.
 * @param {ToolbarContext} context
 * @param {string} name the learner's name for it
 * @returns {Promise<string>}
 */
async function saveSnapshot(context, name) {
  const { record, fields, definitionJson, language, version } = context;
  record.save();
  const store = record.store;
  if (!Object.keys(store.answers).length) return t("snapshot.no_answers");
  /** @type {Results | null} */
  let results = null;
  if (record.needsMigration() || context.hasResults) {
    // Python upgrades an older record (snapshots need schema 2) and computes the scores.
    const scorer = getScorer();
    try {
      await scorer.start();
      if (!(await record.migrate(scorer))) {
        return t(store.notices.has("not-upgraded") ? "snapshot.not_upgradable" : "snapshot.not_upgraded");
      }
      if (context.hasResults) {
        results = JSON.parse(await scorer.score(definitionJson, JSON.stringify(fields.read()), language));
      }
    } catch (error) {
      console.error("lederskap: the snapshot could not be made", error);
      return t("snapshot.no_scorer");
    }
  }
  const { makeSnapshot, snapshotName } = await import("./snapshots.js");
  const snapshot = makeSnapshot({ name, answers: store.answers, version, results });
  const outcome = store.update((current) => ({ ...current, snapshots: [...snapshotsOf(current), snapshot] }));
  if (outcome === "needs-migration") return t("snapshot.not_upgraded");
  if (outcome === "none") return t("snapshot.no_answers");
  const shown = snapshotName(snapshot);
  return outcome === "saved" ? t("snapshot.saved", { name: shown }) : t("snapshot.saved_in_memory", { name: shown });
}
