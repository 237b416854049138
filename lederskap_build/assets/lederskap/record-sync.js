// @ts-check
// One form and its stored record kept in step: the form filled in from the record,
// saves of only what this tab changed, other tabs' changes taken in, the record
// upgraded to the current schema once Python is ready, and what the learner must
// be told about the stored answers (see record-store.js for the record itself).
//
// "Changed in this tab" is found by comparing the form with what it shows for the
// record as this tab last read it (FormFields.view): so a save never writes an
// answer this tab did not touch, and another tab's answer is never undone by a
// tab that still shows the older one.

import { isEmptyAnswer, sameAnswer } from "./answers.js";
import { counted } from "./i18n.js";
import { askToPersist, noteChange } from "./course-notes.js";
import { parseRecord, SCHEMA } from "./record-store.js";

/**
 * @import { FormAnswers, FormFields } from "./answers.js"
 * @import { AnswerStore, StoredRecord } from "./record-store.js"
 * @import { Scorer } from "./scorer-client.js"
 * @import { StatusView } from "./status-view.js"
 */

/**
 * What the scorer's migrate_record_json answers (scorer/RECORDS.md, "Migrations").
 * @typedef {{ok: true, migrated: boolean, record: StoredRecord}
 *   | {ok: false, code: "not-a-record" | "newer-schema", detail: string}} MigrateAnswer
 */

export class FormRecord {
  /**
   * @param {object} options
   * @param {HTMLFormElement} options.form
   * @param {FormFields} options.fields the form's inputs
   * @param {AnswerStore} options.store its stored record
   * @param {StatusView} options.status where the learner is told about the stored answers
   * @param {string} options.sitePath
   * @param {string} options.course
   */
  constructor({ form, fields, store, status, sitePath, course }) {
    this.form = form;
    this.fields = fields;
    this.store = store;
    this.status = status;
    this.sitePath = sitePath;
    this.course = course;
    this.ids = fields.ids();
    this.idSet = new Set(this.ids); // looked up per answer: a list would cost the square of their number
    /** @type {(() => void)[]} */
    this.listeners = [];
    this.onStorage = (/** @type {StorageEvent} */ event) => this.storageChanged(event);
    /** @type {Promise<boolean> | null} */
    this.migrating = null;
  }

  /**
   * Fill the form from the stored record and say what the learner should know. The form can
   * be answered as soon as it is drawn, before this script runs: an answer already in it is
   * the learner's (the browser restores nothing into a form with autocomplete="off", render.py),
   * newer than what is stored, so it stays and is saved.
   */
  load() {
    const early = this.fields.read();
    this.fields.write(this.store.load());
    const given = Object.keys(early);
    if (given.length) {
      this.fields.write(early, new Set(given));
      this.save();
    } else {
      this.showNotices();
    }
    window.addEventListener("storage", this.onStorage);
  }

  /**
   * Ids whose answer in the form differs from what the form shows for the record last read.
   * @param {FormAnswers} [now] the answers in the form
   * @returns {Set<string>}
   */
  changedIds(now = this.fields.read()) {
    const shown = this.fields.view(this.store.answers);
    const changed = new Set(this.ids.filter((id) => !sameAnswer(now[id], shown[id])));
    for (const id of this.store.pending) if (this.idSet.has(id)) changed.add(id);
    return changed;
  }

  /**
   * Save what this tab changed; returns true when it reached localStorage. The save re-reads
   * the record first, so it may bring in answers another tab saved meanwhile: those are
   * written into the form too (for the ids this tab did not change).
   * @returns {boolean}
   */
  save() {
    const now = this.fields.read(); // read once: a long form's inputs are many
    const changed = this.changedIds(now);
    const saved = this.store.save(now, [...changed]);
    if (saved && Object.keys(this.store.answers).length) {
      askToPersist(this.sitePath, this.course);
      if (changed.size) noteChange(this.sitePath, this.course, this.store.questionnaire);
    }
    this.takeOthers(changed, now);
    this.showNotices();
    return saved;
  }

  /**
   * Write the record's answers into the form for every id not in `changed`, if any differs.
   * Returns whether it wrote any.
   * @param {ReadonlySet<string>} changed
   * @param {FormAnswers} [now] the answers in the form
   * @returns {boolean}
   */
  takeOthers(changed, now = this.fields.read()) {
    const shown = this.fields.view(this.store.answers);
    const others = new Set(this.ids.filter((id) => !changed.has(id)));
    if ([...others].every((id) => sameAnswer(now[id], shown[id]))) return false;
    this.fields.write(this.store.answers, others);
    for (const listener of this.listeners) listener();
    return true;
  }

  /**
   * Call `listener()` after another tab's change was written into the form.
   * @param {() => void} listener
   */
  onExternalChange(listener) {
    this.listeners.push(listener);
  }

  /** @param {StorageEvent} event */
  storageChanged(event) {
    if (!this.form.isConnected) {
      window.removeEventListener("storage", this.onStorage);
      return;
    }
    if (event.storageArea && event.storageArea !== this.store.storage) return;
    const cleared = event.key === null;
    if (!cleared && event.key !== this.store.key) return;
    const changed = this.changedIds();
    const raw = cleared ? null : event.newValue;
    if (raw !== null && parseRecord(raw).problem) return; // a save here will set it aside first
    this.store.took(raw);
    if (!this.takeOthers(changed)) for (const listener of this.listeners) listener();
    this.showNotices();
  }

  /**
   * Answers stored under ids this form does not have (a question that was removed).
   * @returns {number}
   */
  removedCount() {
    const answers = this.store.answers;
    return Object.keys(answers).filter((id) => !this.idSet.has(id) && !isEmptyAnswer(answers[id])).length;
  }

  /**
   * Answers stored under the form's ids whose values the form cannot show.
   * @returns {number}
   */
  unshownCount() {
    return this.fields.unshown(this.store.answers).length;
  }

  showNotices() {
    const extra = [];
    const removed = this.removedCount();
    const unshown = this.unshownCount();
    if (removed) extra.push(counted(removed, "storage.removed"));
    if (unshown) extra.push(counted(unshown, "storage.unshown"));
    this.form.dataset.lskRemoved = String(removed);
    this.form.dataset.lskUnshown = String(unshown);
    this.status.showStorage(this.store.notices, extra);
  }

  /**
   * Whether the stored record is of an older schema (upgraded by Python, see migrate).
   * @returns {boolean}
   */
  needsMigration() {
    const record = this.store.record;
    return record !== null && this.store.persistent && record.schema !== SCHEMA;
  }

  /**
   * Upgrade the stored record to the current schema with the scorer (scorer/RECORDS.md).
   * Written only if the stored text is still the one upgraded; resolves to true when the
   * record is of the current schema afterwards.
   * @param {Pick<Scorer, "migrate">} scorer
   * @returns {Promise<boolean>}
   */
  migrate(scorer) {
    if (!this.needsMigration()) return Promise.resolve(!this.store.record || this.store.record.schema === SCHEMA);
    this.migrating ||= this.runMigration(scorer).finally(() => {
      this.migrating = null;
      this.showNotices();
    });
    return this.migrating;
  }

  /**
   * @param {Pick<Scorer, "migrate">} scorer
   * @returns {Promise<boolean>}
   */
  runMigration(scorer) {
    return migrateStore(this.store, scorer);
  }
}

/**
 * Upgrade `store`'s stored record to the current schema with the scorer's migrate_record
 * (scorer/RECORDS.md). The upgraded record is written only if the stored text is still
 * the one that was upgraded (else the new text is upgraded, up to three times). Resolves
 * to true when the stored record is of the current schema afterwards; never rejects.
 * @param {AnswerStore} store
 * @param {Pick<Scorer, "migrate">} scorer
 * @returns {Promise<boolean>}
 */
export async function migrateStore(store, scorer) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const raw = store.readRaw();
    if (typeof raw !== "string") return false;
    const { record, problem } = parseRecord(raw);
    if (problem) return false;
    if (record.schema === SCHEMA) {
      store.took(raw);
      return true;
    }
    /** @type {MigrateAnswer} */
    let answer;
    try {
      answer = JSON.parse(await scorer.migrate(raw));
    } catch (error) {
      console.error("lederskap: the stored record could not be upgraded", error);
      return false;
    }
    if (!answer.ok) {
      // Kept as it is (scorer/RECORDS.md); the learner is told, the form keeps working.
      store.notices.add("not-upgraded");
      return false;
    }
    if (store.replaceIfUnchanged(raw, answer.record)) {
      const debug = (window.__lederskap ||= {});
      debug.migrations = (debug.migrations || 0) + 1;
      return true;
    }
    // The record changed meanwhile (this tab or another saved): upgrade the new text.
  }
  return false;
}
