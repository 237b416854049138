// @ts-check
// "Til samtalen" on the learner's results page (my-results.js; the section is rendered by
// lederskap_build/my_results.py): a short summary of the results, printed for a
// conversation with a manager or a colleague, of one or two A4 pages.
//
// The learner chooses which questionnaires go in (every answered one at first) and, part
// by part, whether what they wrote themselves goes in too: reflections are private, so
// those are left out unless ticked. They may put their name on it; the name is used for
// that print only and never stored (nor exported): nothing to forget or delete later.
//
// The summary is drawn from the scorer's results for exactly the stored answers, by each
// question type (parts/<type>.js, `summaryView`): first what the learner chose and wrote
// (a checklist's ticked options, texts they included), then the scores (each area's
// average and band, the suggestions with the statements that pull an area down or up,
// an allocation's table). It holds no unanswered question and no screen instruction.
// "Skriv ut sammendrag" draws it, sets PRINT_CLASS on the root element, which the print
// styles turn into pages of the summary alone, and calls window.print(); the class goes
// again on `afterprint`, so that the browser's own print command gives the full record.

import { h, replaceChildren, uniqueId } from "./dom.js";
import { language, t } from "./i18n.js";
import { partKind } from "./parts/index.js";
import { courseRecords } from "./record-store.js";

/**
 * @import { Child } from "./dom.js"
 * @import { Results } from "./results-view.js"
 */

/** On the root element while the summary is printed (lederskap.css, "@media print"). */
export const PRINT_CLASS = "lsk-print-summary";

/**
 * What the summary reads of the results page (my-results.js, MyResults).
 * @typedef {object} ResultsSource
 * @property {string} sitePath
 * @property {string} course
 * @property {readonly {id: string, definition: {title: string}}[]} questionnaires in the page's order
 * @property {ReadonlyMap<string, {answers: string, results: Results}>} results the last results of each
 *   questionnaire, with the JSON of the answers they were computed for
 */

/**
 * A questionnaire that can go into the summary: answered, with its results.
 * @typedef {object} Offered
 * @property {string} id
 * @property {string} title
 * @property {Results} results
 * @property {{key: string, title: string}[]} ownWords its parts whose results hold texts the learner wrote
 */

/**
 * The results of each questionnaire computed for exactly its stored answers, in the page's order,
 * of those the scorer counts as answered.
 * @param {ResultsSource} source
 * @returns {Offered[]}
 */
function offered(source) {
  const records = courseRecords(source.sitePath, source.course);
  /** @type {Offered[]} */
  const found = [];
  for (const q of source.questionnaires) {
    const scored = source.results.get(q.id);
    const record = records.get(q.id)?.record;
    if (!scored || !record || JSON.stringify(record.answers) !== scored.answers) continue;
    if (scored.results.answers.answered.length === 0) continue;
    const ownWords = scored.results.parts
      .filter((part) => partKind(part.type).ownWords(part))
      .map((part) => ({ key: `${q.id}/${part.id}`, title: part.title }));
    found.push({ id: q.id, title: q.definition.title, results: scored.results, ownWords });
  }
  return found;
}

/**
 * The summary of the chosen questionnaires: a head (the title, the name if given, the date of
 * printing), then the parts the learner chose and wrote, then the scores, each under its
 * questionnaire's title.
 * @param {readonly Offered[]} chosen
 * @param {ReadonlySet<string>} ownWords the keys ("<questionnaire>/<part>") of the parts whose texts go in
 * @param {string} name the learner's name ("": none)
 * @param {Date} now
 * @returns {HTMLElement}
 */
export function summaryContent(chosen, ownWords, name, now) {
  /** @type {{questionnaire: Offered, lead: boolean, nodes: Child[]}[]} */
  const pieces = [];
  for (const questionnaire of chosen) {
    for (const part of questionnaire.results.parts) {
      const options = { ownWords: ownWords.has(`${questionnaire.id}/${part.id}`) };
      const piece = partKind(part.type).summaryView(part, options);
      if (piece) pieces.push({ questionnaire, ...piece });
    }
  }
  // What the learner chose and wrote first, then the scores; each in the page's order.
  const ordered = [...pieces.filter((p) => p.lead), ...pieces.filter((p) => !p.lead)];
  /** @type {Child[]} */
  const nodes = [];
  ordered.forEach((piece, index) => {
    if (index === 0 || ordered[index - 1].questionnaire !== piece.questionnaire) {
      nodes.push(h("h3", { class: "lsk-summary-questionnaire" }, piece.questionnaire.title));
    }
    nodes.push(h("div", { class: "lsk-summary-piece" }, piece.nodes));
  });
  const date = new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(now);
  return h(
    "article",
    { class: "lsk-summary-content" },
    h(
      "header",
      { class: "lsk-summary-head" },
      h("h2", { class: "lsk-summary-title" }, t("summary.heading")),
      name ? h("p", { class: "lsk-summary-name" }, name) : null,
      h("p", { class: "lsk-summary-date" }, t("summary.printed", { date })),
    ),
    nodes,
  );
}

export class ConversationSummary {
  /**
   * @param {HTMLElement} section section.lsk-conversation
   * @param {ResultsSource} source
   */
  constructor(section, source) {
    this.section = section;
    this.source = source;
    this.body = /** @type {HTMLElement} */ (section.querySelector("[data-lsk-conversation-body]") || section);
    /** @type {Map<string, boolean>} whether a questionnaire goes in, by id, as the learner left it */
    this.included = new Map();
    /** @type {Map<string, boolean>} whether a part's texts go in, by "<questionnaire>/<part>" */
    this.ownWords = new Map();
    /** @type {Offered[]} */
    this.offered = [];
    /** @type {string | null} what the choices were drawn for (they are drawn again only when it changes) */
    this.drawnFor = null;
    this.nameInput = h("input", {
      type: "text",
      class: "lsk-text-input",
      id: uniqueId("lsk-summary-name"),
      // Not offered to the browser's autofill either: the name is for this printout only.
      autocomplete: "off",
      spellcheck: "false",
      "data-lsk-summary-name": true,
      "data-lsk-focus-key": "summary-name",
    });
    this.feedback = h("p", { class: "lsk-toolbar-feedback", role: "status" });
    // The printed summary: never shown on screen (lederskap.css), drawn when it is printed.
    this.output = h("div", { class: "lsk-summary", "data-lsk-summary": true });
    this.section.append(this.output);
    replaceChildren(this.body, h("p", { class: "lsk-hint" }, t("summary.waiting")));
  }

  /**
   * Draw the choices again from the results shown now (my-results.js calls it whenever results
   * are drawn); the learner's choices and their focus stay.
   * @param {{ready: boolean}} state ready: every stored answer has been scored
   */
  refresh({ ready }) {
    this.offered = offered(this.source);
    const drawnFor = JSON.stringify([ready, this.offered.map((q) => [q.id, q.ownWords.map((p) => p.key)])]);
    if (drawnFor === this.drawnFor) return;
    this.drawnFor = drawnFor;
    if (this.offered.length === 0) {
      replaceChildren(this.body, h("p", { class: "lsk-hint" }, t(ready ? "summary.nothing" : "summary.waiting")));
      return;
    }
    const focusKey = document.activeElement?.getAttribute("data-lsk-focus-key") || null;
    replaceChildren(this.body, this.choices(), this.nameField(), this.printRow(), this.feedback);
    if (focusKey) {
      const again = this.body.querySelector(`[data-lsk-focus-key="${CSS.escape(focusKey)}"]`);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  /** @returns {HTMLFieldSetElement} which questionnaires, and which of the learner's texts, go in */
  choices() {
    const anyOwnWords = this.offered.some((q) => q.ownWords.length > 0);
    const hintId = uniqueId("lsk-summary-hint");
    return h(
      "fieldset",
      { class: "lsk-summary-choices", "aria-describedby": anyOwnWords ? hintId : null },
      h("legend", {}, t("summary.choose")),
      anyOwnWords ? h("p", { class: "lsk-hint", id: hintId }, t("summary.own_words_hint")) : null,
      h(
        "ul",
        { class: "lsk-summary-list" },
        this.offered.map((q) => {
          const own = q.ownWords.map((part) =>
            h(
              "li",
              { class: "lsk-option" },
              this.checkbox(
                this.ownWords,
                part.key,
                false,
                t("summary.own_words", { part: part.title }),
                { "data-lsk-summary-own-words": part.key },
                !this.included.get(q.id) && this.included.has(q.id),
              ),
            ),
          );
          const questionnaire = this.checkbox(this.included, q.id, true, q.title, {
            "data-lsk-summary-questionnaire": q.id,
          });
          return h(
            "li",
            { class: "lsk-option lsk-summary-questionnaire-choice" },
            questionnaire,
            own.length ? h("ul", { class: "lsk-summary-own-words" }, own) : null,
          );
        }),
      ),
    );
  }

  /**
   * A checkbox and its label, kept in `store` by `key` (`initial` until the learner changes it).
   * @param {Map<string, boolean>} store
   * @param {string} key
   * @param {boolean} initial
   * @param {string} label
   * @param {Record<string, string>} attrs
   * @param {boolean} [disabled]
   * @returns {Child[]}
   */
  checkbox(store, key, initial, label, attrs, disabled = false) {
    const id = uniqueId("lsk-summary-choice");
    const input = h("input", {
      type: "checkbox",
      id,
      class: "lsk-checkbox",
      checked: store.has(key) ? store.get(key) : initial,
      disabled,
      "data-lsk-focus-key": `summary-${key}`,
      ...attrs,
    });
    input.addEventListener("change", () => {
      store.set(key, input.checked);
      if (store === this.included) this.enableOwnWords(key, input.checked);
    });
    return [input, h("label", { for: id }, label)];
  }

  /**
   * A questionnaire's own-words choices can be ticked only while it goes in.
   * @param {string} questionnaire
   * @param {boolean} enabled
   */
  enableOwnWords(questionnaire, enabled) {
    for (const input of this.body.querySelectorAll("input[data-lsk-summary-own-words]")) {
      if (input instanceof HTMLInputElement && input.dataset.lskSummaryOwnWords?.startsWith(`${questionnaire}/`)) {
        input.disabled = !enabled;
      }
    }
  }

  /** @returns {HTMLDivElement} the learner's name, for the print only */
  nameField() {
    const hintId = uniqueId("lsk-summary-name-hint");
    this.nameInput.setAttribute("aria-describedby", hintId);
    return h(
      "div",
      { class: "lsk-field lsk-summary-name-field" },
      h("label", { for: this.nameInput.id, class: "lsk-field-label" }, t("summary.name_label")),
      h("p", { class: "lsk-hint", id: hintId }, t("summary.name_hint")),
      this.nameInput,
    );
  }

  /** @returns {HTMLDivElement} */
  printRow() {
    const button = h(
      "button",
      { type: "button", class: "lsk-button", "data-lsk-action": "print-summary", "data-lsk-focus-key": "summary-print" },
      t("summary.print"),
    );
    button.addEventListener("click", () => this.print());
    return h("div", { class: "lsk-toolbar-row" }, button);
  }

  /** Draw the summary of what is chosen and print it (or say that nothing is chosen). */
  print() {
    const chosen = this.offered.filter((q) => this.included.get(q.id) ?? true);
    if (chosen.length === 0) {
      this.feedback.textContent = t("summary.none_chosen");
      return;
    }
    this.feedback.textContent = "";
    const ownWords = new Set([...this.ownWords].filter(([, on]) => on).map(([key]) => key));
    replaceChildren(this.output, summaryContent(chosen, ownWords, this.nameInput.value.trim(), new Date()));
    const root = document.documentElement;
    root.classList.add(PRINT_CLASS);
    window.addEventListener("afterprint", () => root.classList.remove(PRINT_CLASS), { once: true });
    window.print();
  }
}
