// @ts-check
// One questionnaire form brought to life: its answers restored and saved on
// every change, a way to clear a likert answer, live allocation sums, and
// results from the scorer as the learner answers (debounced).
//
// The form is usable before any of this runs (it is plain HTML) and keeps
// working when the scorer cannot start: storage and sums need no Python.

import { AllocationTotals } from "./allocation-totals.js";
import { definitionText, FormFields } from "./answers.js";
import { h } from "./dom.js";
import { language as siteLanguage, t } from "./i18n.js";
import { ResultsCache } from "./results-cache.js";
import { ResultsView } from "./results-view.js";
import { scorer as getScorer } from "./scorer-client.js";
import { StatusView } from "./status-view.js";
import { AnswerStore } from "./record-store.js";
import { FormRecord } from "./record-sync.js";
import { mountToolbar } from "./toolbar.js";

/**
 * @import { Definition } from "./answers.js"
 * @import { LikertItemFields } from "./parts/likert.js"
 * @import { Results } from "./results-view.js"
 */

export const SCORE_DELAY_MS = 150;

/**
 * The mount times of this visit's questionnaires (window.__lederskap.timings), for the benchmark.
 * @returns {LederskapTiming[]}
 */
function debugTimings() {
  window.__lederskap ||= {};
  window.__lederskap.timings ||= [];
  return window.__lederskap.timings;
}

/**
 * Wire the "clear answer" button the build writes in every likert item (render.py), shown
 * while the item has an answer. Returns what shows and hides them after a change.
 * @param {FormFields} fields
 * @param {() => void} onCleared
 * @returns {() => void}
 */
function wireClearButtons(fields, onCleared) {
  /** @type {{item: LikertItemFields, button: HTMLButtonElement}[]} */
  const buttons = [];
  for (const item of fields.likert) {
    const button = /** @type {HTMLButtonElement | null} */ (item.fieldset.querySelector("button[data-lsk-clear]"));
    if (!button) continue;
    button.addEventListener("click", () => {
      for (const radio of item.radios) radio.checked = false;
      // The button hides itself; put focus where the learner can answer again.
      item.radios[0].focus();
      onCleared();
    });
    buttons.push({ item, button });
  }
  return () => {
    const checked = fields.checkedRadios();
    for (const { item, button } of buttons) {
      const hidden = !checked.has(item.id);
      if (button.hidden !== hidden) button.hidden = hidden;
    }
  };
}

/**
 * Bring a questionnaire form to life (pages.js calls this once per form).
 * @param {HTMLFormElement} form
 * @param {{sitePath: string}} options
 */
export function mountQuestionnaire(form, { sitePath }) {
  /** @type {LederskapTiming} */
  const timing = { questionnaire: form.dataset.lskQuestionnaire, mounted: null, firstResult: null };
  const definitionJson = definitionText(form);
  /** @type {Definition} */
  const definition = JSON.parse(definitionJson);
  const fields = new FormFields(form, definition);
  // The build writes data-lsk-course on every form (ARCHITECTURE.md, "The questionnaire HTML contract").
  const course = /** @type {string} */ (form.dataset.lskCourse);
  const questionnaire = form.dataset.lskQuestionnaire || definition.id;
  const version = Number(form.dataset.lskVersion || definition.version);
  const language = form.dataset.lskLanguage || siteLanguage;
  const store = new AnswerStore({
    sitePath,
    course,
    questionnaire,
    version,
  });

  const statusElement =
    /** @type {HTMLElement | null} */ (form.querySelector("[data-lsk-status]")) ||
    form.insertBefore(h("div", { class: "lsk-status", role: "status" }), form.firstChild);
  const hasResults = form.querySelector("[data-lsk-results]") !== null;
  const scorer = hasResults ? getScorer() : null;
  const status = new StatusView(statusElement, { onRetry: () => scorer && scorer.retry(), sitePath });

  // The stored record and this form kept in step (record-sync.js): saves write only
  // what this tab changed, and another tab's answers come in as they are saved.
  const record = new FormRecord({ form, fields, store, status, sitePath, course });
  record.load();

  const results = hasResults ? new ResultsView(form) : null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let scoreTimer;
  let sequence = 0;
  /** @type {string | null} the JSON of the answers whose results are shown */
  let lastScored = null;

  const save = () => record.save();

  const totals = fields.allocations.map(
    (allocation) =>
      new AllocationTotals(form, allocation, {
        onScaled: () => changed(),
      }),
  );
  const updateClearButtons = wireClearButtons(fields, () => changed());

  // data-lsk-pending on the form: the results shown are not yet those of the answers on screen.
  function scoreSoon(delay = SCORE_DELAY_MS) {
    if (!scorer) return;
    form.dataset.lskPending = "true";
    clearTimeout(scoreTimer);
    scoreTimer = setTimeout(scoreNow, delay);
  }

  /**
   * Show the results (a JSON string) of `answers` (the JSON of the answers they were computed for).
   * @param {string} json
   * @param {string} answers
   * @param {string} scored what data-lsk-scored says: the request's number, or "cached"
   */
  function show(json, answers, scored) {
    if (!results) return;
    /** @type {Results} */
    const parsed = JSON.parse(json);
    lastScored = answers;
    results.render(parsed);
    if (timing.firstResult === null) timing.firstResult = performance.now();
    form.dataset.lskScored = scored;
    if (JSON.stringify(fields.read()) === answers) {
      // Still the answers on screen: their scaled proposals may be offered, and nothing is pending.
      const byId = new Map((parsed.parts || []).map((part) => [part.id, part]));
      for (const total of totals) {
        const result = byId.get(total.part.id);
        total.setProposals(result && result.type === "allocation" ? result : null);
      }
      delete form.dataset.lskPending;
    }
  }

  async function scoreNow() {
    if (!scorer || scorer.state !== "ready" || !form.isConnected) return;
    const answers = JSON.stringify(fields.read());
    if (answers === lastScored) {
      delete form.dataset.lskPending;
      return;
    }
    const mine = ++sequence;
    try {
      const json = await scorer.score(definitionJson, answers, language);
      if (mine !== sequence || !form.isConnected) return;
      // Answers changed meanwhile (in another tab, or deleted there): these results are of
      // answers no longer on screen, neither shown nor kept; the change scores again.
      if (JSON.stringify(fields.read()) !== answers) return;
      show(json, answers, String(mine));
      status.showScoreFailed(false);
      cache.write(answers, json);
    } catch (error) {
      if (mine !== sequence || !form.isConnected) return;
      console.error("lederskap: scoring failed", error);
      if (scorer.state === "ready") status.showScoreFailed(true);
    }
  }

  /** @param {Event} [event] the change, when the learner made it in the form */
  function changed(event) {
    if (event && event.target instanceof Element && event.target.closest("[data-lsk-toolbar]")) return;
    save();
    refreshed();
  }

  // After the answers in the form changed (here, in another tab, or deleted): sums, buttons, results.
  function refreshed() {
    updateClearButtons();
    toolbar.refresh();
    // The scorer's sums and scaled values stay while they are those of the answers on screen
    // (a number field's "change" on leaving it changes nothing, and must not hide "Skaler"
    // between the mousedown and the click on it).
    const scoredStillShown = totals.length > 0 && JSON.stringify(fields.read()) === lastScored;
    for (const total of totals) {
      if (scoredStillShown) total.update();
      else total.setProposals(null);
    }
    scoreSoon();
  }

  form.addEventListener("input", changed);
  // A radio or a checkbox fires "input" and then "change" for one choice: saved once, on "input".
  form.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement && (target.type === "radio" || target.type === "checkbox"))) {
      changed(event);
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  const toolbar = mountToolbar(form, {
    record,
    fields,
    definition,
    definitionJson,
    language,
    sitePath,
    course,
    questionnaire,
    version,
    hasResults,
    onCleared: () => {
      fields.write({});
      record.showNotices();
      refreshed();
    },
  });
  record.onExternalChange(() => {
    // Deleted in another tab: nothing of it may stay here, not even results kept from before
    // (written, perhaps, by a score that arrived just before the deletion was heard of).
    if (results && JSON.stringify(fields.read()) === "{}") cache.forget();
    refreshed();
  });

  updateClearButtons();
  for (const total of totals) total.update();

  // A return visit with unchanged answers: the results computed last time, at once.
  const cache = new ResultsCache(store.key, language);
  if (results) {
    const answers = JSON.stringify(fields.read());
    const cached = cache.read(answers);
    try {
      if (cached !== null) show(cached, answers, "cached");
    } catch (error) {
      // Results of an earlier visit that cannot be drawn: forgotten; the scorer computes them anew.
      console.error("lederskap: the results kept from the last visit could not be shown", error);
      cache.forget();
      lastScored = null;
      results.reset();
    }
  }

  if (scorer) {
    const onScorerChange = () => {
      if (!form.isConnected) {
        scorer.removeEventListener("change", onScorerChange);
        return;
      }
      status.showScorer(scorer);
      if (scorer.state === "ready") {
        scoreSoon(0);
        record.migrate(scorer);
      }
    };
    scorer.addEventListener("change", onScorerChange);
    status.showScorer(scorer);
    scorer.startForPage();
    if (scorer.state === "ready") {
      scoreSoon(0);
      record.migrate(scorer);
    }
  } else {
    status.showScorer(null);
  }

  form.dataset.lskMounted = "true";
  timing.mounted = performance.now();
  debugTimings().push(timing);
}
