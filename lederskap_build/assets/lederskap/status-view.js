// @ts-check
// The form's status line (div.lsk-status, role=status): what the scorer is
// doing, whether answers can be stored, and a retry button when the scorer
// could not start. Only the text that changes is replaced, so a screen reader
// hears each new state once.

import { h, replaceChildren } from "./dom.js";
import { t } from "./i18n.js";
import { resultsPageSentence } from "./results-page-link.js";

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
 * The sentence for the scorer's state. On a page with nothing to answer (the results page)
 * the learner is not told that results follow their answers.
 * @param {Pick<Scorer, "state" | "failure">} scorer
 * @param {boolean} [answering] whether the page has a form to answer
 * @returns {string}
 */
export function scorerMessage(scorer, answering = true) {
  if (scorer.state === "ready") return t(answering ? "status.ready" : "status.ready_results");
  if (scorer.state === "failed") {
    /** @type {Partial<ScorerFailure>} */
    const failure = scorer.failure || {};
    if (failure.reason === "unsupported") return t("status.failed_unsupported");
    const stageKey = `status.stage.${failure.stage || "worker"}`;
    const reason = failure.reason === "timeout" ? t("status.timeout") : t(stageKey);
    return t(answering ? "status.failed" : "status.failed_results", { reason });
  }
  return t(answering ? "status.starting" : "status.starting_results");
}

/**
 * The sentence the scorer's line keeps room for: while loading, the one shown when ready, and the
 * other way round; none once the scorer has failed (a failure may move the form: it must be seen).
 * @param {Pick<Scorer, "state" | "failure"> | null} scorer
 * @param {boolean} answering
 * @returns {string}
 */
export function reservedMessage(scorer, answering) {
  if (!scorer || scorer.state === "failed") return "";
  return scorerMessage({ state: scorer.state === "ready" ? "starting" : "ready", failure: null }, answering);
}

export class StatusView {
  /**
   * @param {HTMLElement} element the form's div.lsk-status
   * @param {{onRetry: () => void, sitePath?: string, answering?: boolean}} options onRetry: the learner
   *   pressed "try again"; sitePath: the site's path, for a link to the results page (none without it);
   *   answering: whether the page has a form to answer (false on the results page)
   */
  constructor(element, { onRetry, sitePath, answering = true }) {
    this.element = element;
    this.sitePath = sitePath;
    this.answering = answering;
    // The build writes the scorer's line as this draws it first (status_line.py): its nodes are
    // taken over, not replaced, so that a screen reader does not hear the same sentence again.
    const written = element.querySelector(".lsk-status-row > .lsk-status-scorer > .lsk-status-text");
    this.scorerText = written instanceof HTMLElement ? written : h("span", { class: "lsk-status-text" });
    this.scorerLine = /** @type {HTMLElement} */ (
      written?.parentElement || h("p", { class: "lsk-status-scorer" }, this.scorerText)
    );
    this.retryButton = h("button", { type: "button", class: "lsk-button lsk-retry", hidden: true }, t("status.retry"));
    this.retryButton.addEventListener("click", () => onRetry());
    this.storageLine = h("p", { class: "lsk-status-storage", hidden: true });
    this.scoreLine = h("p", { class: "lsk-status-score", hidden: true });
    if (written) {
      /** @type {HTMLElement} */ (this.scorerLine.parentElement).append(this.retryButton);
      this.element.append(this.scoreLine, this.storageLine);
    } else {
      replaceChildren(
        this.element,
        h("div", { class: "lsk-status-row" }, this.scorerLine, this.retryButton),
        this.scoreLine,
        this.storageLine,
      );
    }
    // From now on the line says what is true (lederskap.css shows the build's sentence only then).
    this.element.dataset.lskLive = "";
    /** @type {string | null} the scorer's state last shown, "none" for no scorer */
    this.state = null;
  }

  /**
   * Show the scorer's state; `null` hides the scorer line (a questionnaire without results).
   * @param {Pick<Scorer, "state" | "failure"> | null} scorer
   */
  showScorer(scorer) {
    const text = scorer ? scorerMessage(scorer, this.answering) : "";
    const state = scorer ? scorer.state : "none";
    const retryHadFocus = document.activeElement === this.retryButton;
    setText(this.scorerText, text);
    this.scorerLine.hidden = text === "";
    // The line keeps room for the other of "loading" and "ready" (lederskap.css), so the form
    // below does not move, under a learner's finger, when Python becomes ready.
    this.scorerLine.dataset.lskReserve = reservedMessage(scorer, this.answering);
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
    /** @type {(string | Node)[]} */
    const parts = [];
    const add = (/** @type {readonly (string | Node)[]} */ sentence) => {
      if (sentence.length) parts.push(...(parts.length ? [" "] : []), ...sentence);
    };
    for (const notice of notices) {
      if (!STORAGE_MESSAGES[notice]) continue;
      add([t(STORAGE_MESSAGES[notice])]);
      // Where a file of the answers can be imported again.
      if (notice === "unreadable" && this.sitePath !== undefined) {
        add(resultsPageSentence("storage.import_there", this.sitePath));
      }
    }
    for (const sentence of extra) add([sentence]);
    setContent(this.storageLine, parts);
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

/**
 * Like setText, for texts and nodes (a sentence with a link): replaced only when its text changes.
 * @param {HTMLElement} element
 * @param {readonly (string | Node)[]} parts
 */
function setContent(element, parts) {
  const text = parts.map((part) => (typeof part === "string" ? part : part.textContent)).join("");
  if (element.textContent !== text) replaceChildren(element, parts);
  element.hidden = text === "";
}
