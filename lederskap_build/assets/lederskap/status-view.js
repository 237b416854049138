// @ts-check
// The form's status line (div.lsk-status, role=status): what the scorer is
// doing, whether answers can be stored, and a retry button when the scorer
// could not start. Only the text that changes is replaced, so a screen reader
// hears each new state once.

import { h, replaceChildren } from "./dom.js";
import { t } from "./i18n.js";

/** @import { Scorer, ScorerFailure } from "./scorer-client.js" */

/**
 * The message key of each storage notice (record-store.js).
 * @type {Readonly<Record<string, string>>}
 */
const STORAGE_MESSAGES = {
  unavailable: "storage.unavailable",
  "save-failed": "storage.save_failed",
  unreadable: "storage.unreadable",
  "unreadable-kept": "storage.unreadable_kept",
  "older-version": "storage.older_version",
  newer: "storage.newer",
  "not-upgraded": "storage.not_upgraded",
};

/**
 * The sentence for the scorer's state.
 * @param {Pick<Scorer, "state" | "failure">} scorer
 * @returns {string}
 */
export function scorerMessage(scorer) {
  if (scorer.state === "ready") return t("status.ready");
  if (scorer.state === "failed") {
    /** @type {Partial<ScorerFailure>} */
    const failure = scorer.failure || {};
    if (failure.reason === "unsupported") return t("status.failed_unsupported");
    const stageKey = `status.stage.${failure.stage || "worker"}`;
    const reason = failure.reason === "timeout" ? t("status.timeout") : t(stageKey);
    return t("status.failed", { reason });
  }
  return t("status.starting");
}

export class StatusView {
  /**
   * @param {HTMLElement} element the form's div.lsk-status
   * @param {{onRetry: () => void}} options onRetry: the learner pressed "try again"
   */
  constructor(element, { onRetry }) {
    this.element = element;
    this.scorerLine = h("p", { class: "lsk-status-scorer" });
    this.retryButton = h("button", { type: "button", class: "lsk-button lsk-retry", hidden: true }, t("status.retry"));
    this.retryButton.addEventListener("click", () => onRetry());
    this.storageLine = h("p", { class: "lsk-status-storage", hidden: true });
    this.scoreLine = h("p", { class: "lsk-status-score", hidden: true });
    replaceChildren(
      this.element,
      h("div", { class: "lsk-status-row" }, this.scorerLine, this.retryButton),
      this.scoreLine,
      this.storageLine,
    );
    /** @type {string | null} the scorer's state last shown, "none" for no scorer */
    this.state = null;
  }

  /**
   * Show the scorer's state; `null` hides the scorer line (a questionnaire without results).
   * @param {Pick<Scorer, "state" | "failure"> | null} scorer
   */
  showScorer(scorer) {
    const text = scorer ? scorerMessage(scorer) : "";
    const state = scorer ? scorer.state : "none";
    const retryHadFocus = document.activeElement === this.retryButton;
    setText(this.scorerLine, text);
    this.element.dataset.lskState = state;
    this.retryButton.hidden = state !== "failed";
    if (retryHadFocus && state !== "failed") {
      // The button the learner pressed disappears: keep focus on the news instead of losing it.
      this.scorerLine.setAttribute("tabindex", "-1");
      this.scorerLine.focus();
    }
    this.state = state;
  }

  /**
   * Show storage notices (see record-store.js) and `extra` sentences about the stored answers
   * (record-sync.js: answers kept for removed questions, values the form cannot show);
   * nothing to say hides the line.
   * @param {Iterable<string>} notices
   * @param {readonly string[]} [extra]
   */
  showStorage(notices, extra = []) {
    const texts = [...notices].filter((n) => STORAGE_MESSAGES[n]).map((n) => t(STORAGE_MESSAGES[n]));
    setText(this.storageLine, [...texts, ...extra].join(" "));
    this.element.dataset.lskStorage = [...notices, ...(extra.length ? ["kept"] : [])].join(" ");
  }

  /**
   * Show that one calculation failed while the scorer itself kept running.
   * @param {boolean} failed
   */
  showScoreFailed(failed) {
    setText(this.scoreLine, failed ? t("status.score_failed") : "");
  }
}

/**
 * @param {HTMLElement} element
 * @param {string} text
 */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
  element.hidden = text === "";
}
