// @ts-check
// Which questionnaires the learner has answered, marked by each link to a questionnaire's
// page in the menu and in the headings of the content (the tools overview): "Påbegynt"
// when some of its questions are answered, "Besvart" when all are. Read from this
// device's storage (record-store.js), drawn here, never sent anywhere.
//
// The build lists which page holds which questionnaire, and the ids its answers are
// stored under (buildInfo.questionnaires, lederskap_build/questionnaire_pages.py); an
// answer counts as given by the rule the page shares with the scorer (isEmptyAnswer).
// pages.js marks every page as Material's instant navigation brings it (document$); the
// marks follow the answers as they change: saved in another tab (the "storage" event),
// or in this one (after any input, change or click on the page, a moment later, once
// the page's own handlers have saved).

import { isEmptyAnswer } from "./answers.js";
import { buildInfo } from "./build-info.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { courseRecords } from "./record-store.js";

/** @import { QuestionnairePage } from "./build-info.js" */

/** @typedef {"started" | "done"} AnsweredState */

const MARK_CLASS = "lsk-answered-mark";
/** The links that get a mark: the menu's, and a link that is (part of) a heading of the content. */
const LINKS = ".md-nav--primary a.md-nav__link[href], .md-content :is(h1, h2, h3, h4) > a[href]:not(.headerlink)";
const AFTER_CHANGE_MS = 250;

/**
 * Whether a questionnaire is answered: "done" when every answer id has an answer, "started"
 * when some has, null when none has.
 * @param {Readonly<Record<string, unknown>>} answers the stored answers, by id (ids of removed questions are not counted)
 * @param {readonly string[]} answerIds the questionnaire's answer ids
 * @returns {AnsweredState | null}
 */
export function answeredState(answers, answerIds) {
  const given = answerIds.filter((id) => Object.hasOwn(answers, id) && !isEmptyAnswer(answers[id])).length;
  if (given === 0) return null;
  return given === answerIds.length ? "done" : "started";
}

/**
 * The state of every questionnaire the build placed on a page, by the pathname of its page.
 * @param {string} sitePath the site root's pathname
 * @param {readonly QuestionnairePage[]} questionnaires
 * @returns {Map<string, AnsweredState>}
 */
function statesByPage(sitePath, questionnaires) {
  const records = courseRecords(sitePath, buildInfo.course);
  /** @type {Map<string, AnsweredState>} */
  const states = new Map();
  for (const q of questionnaires) {
    const record = records.get(q.id)?.record;
    const state = record ? answeredState(record.answers, q.answerIds) : null;
    if (state) states.set(new URL(`${sitePath}${q.page}`, window.location.origin).pathname, state);
  }
  return states;
}

/**
 * Mark, on the page as it is now, the links to the pages of answered questionnaires (and
 * remove the marks of those no longer answered).
 * @param {string} sitePath the site root's pathname
 */
export function markAnswered(sitePath) {
  const states = statesByPage(sitePath, buildInfo.questionnaires);
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(LINKS))) {
    const url = new URL(link.href, window.location.href);
    // A link to a place on a page (the table of contents in the menu) is no link to the page.
    const toPage = url.origin === window.location.origin && url.hash === "";
    const state = toPage ? states.get(url.pathname) || null : null;
    // In the menu the mark is part of the link (Material lays the link out as a row); in a heading it
    // follows the link, so that the link is named by the page it goes to.
    const inMenu = link.classList.contains("md-nav__link");
    const holder = inMenu ? link : /** @type {HTMLElement} */ (link.parentElement);
    const old = /** @type {HTMLElement | null} */ (holder.querySelector(`:scope > .${MARK_CLASS}`));
    if (old && old.dataset.lskAnsweredMark === state) continue;
    old?.remove();
    if (!state) continue;
    // The space, outside the badge, keeps the mark a word of its own in the link's or the heading's name.
    const mark = h(
      "span",
      { class: MARK_CLASS, "data-lsk-answered-mark": state },
      " ",
      h("span", { class: `lsk-answered-badge lsk-answered-badge--${state}` }, t(`progress.${state}`)),
    );
    if (inMenu) link.append(mark);
    else link.after(mark);
  }
}

let started = false;

/**
 * Keep the marks up to date on every page of this visit (pages.js calls it once, and markAnswered
 * for each page).
 * @param {string} sitePath
 */
export function followAnswers(sitePath) {
  if (started) return;
  started = true;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => markAnswered(sitePath), AFTER_CHANGE_MS);
  };
  window.addEventListener("storage", soon);
  for (const type of ["input", "change", "click"]) document.addEventListener(type, soon, { passive: true });
}
