// @ts-check
// Reading and writing a rendered questionnaire's inputs as an answers object
// keyed by the author's ids (see scorer/src/lederskap_scorer/model.py). Each
// question type reads and writes its own inputs (parts/<type>.js, `fields`):
//
//   likert item      item id       -> a whole number on the scale, or constants.notApplicable ("na")
//                                     for the scale's "not applicable" choice
//   text field       field id      -> a text (a blank field is no answer)
//   checklist part   part id       -> a list of ticked option ids
//   checklist summary  field id    -> a text
//   allocation row   row id        -> {column id: number} (only filled-in cells)
//
// The inputs are found through the names and data-lsk-* attributes the build
// renders (lederskap_build/render.py), never by their position on the page, and
// indexed once (parts/common.js): a long form costs time in proportion to its size.

import { indexInputs, isPlainObject } from "./parts/common.js";
import { partKind } from "./parts/index.js";
import { lineBreaks } from "./parts/text.js";

export { numberIn } from "./parts/allocation.js";

/**
 * @import { AllocationFields } from "./parts/allocation.js"
 * @import { PartDefinition } from "./parts/index.js"
 * @import { LikertItemFields } from "./parts/likert.js"
 */

/**
 * A point of the scale with its words (lederskap_scorer/scale.py, ScaleLabel).
 * @typedef {{value: number, text: string}} ScaleLabel
 */

/**
 * A band of dimension means put into words (lederskap_scorer/scale.py, Band).
 * @typedef {{min: number, max: number, label: string, text: string}} Band
 */

/**
 * The answer scale of a questionnaire's likert items (lederskap_scorer/scale.py, Scale), with the
 * words of its "not applicable" choice (null: it has none).
 * @typedef {{min: number, max: number, labels: ScaleLabel[], not_applicable: string | null}} Scale
 */

/**
 * A questionnaire's definition as the build writes it for the browser (the form's
 * data-lsk-definition: `schema.dump` of lederskap_scorer/model.py, Questionnaire; every field
 * is there, those left at their default too).
 * @typedef {object} Definition
 * @property {string} id
 * @property {number} version
 * @property {string} title
 * @property {PartDefinition[]} parts
 * @property {string} intro
 * @property {string} source
 * @property {Scale | null} scale
 * @property {Band[]} bands
 * @property {string | null} view_of the questionnaire this one is others' view of (scorer/TEAM.md)
 * @property {number} min_replies the fewest replies a team result shows a dimension with
 */

/**
 * Stored answers by answer id. A record holds whatever was stored (by an older form, by
 * hand, from a file): any value, which the form shows only when it fits (FormFields.view).
 * @typedef {Record<string, unknown>} Answers
 */

/**
 * An answer as the form reads and shows it: a likert item's value, a choice question's
 * option id or a text, a checklist's ticked option ids, an allocation row's filled-in cells.
 * @typedef {number | string | string[] | Record<string, number>} FormAnswer
 */

/** @typedef {Record<string, FormAnswer>} FormAnswers */

/**
 * What one pass over the form reads once for every part: the checked radio of each
 * question answered with radios (likert, choice), by its id (FormFields.checkedRadios).
 * @typedef {{checked: Map<string, HTMLInputElement>}} FormState
 */

/**
 * A part's inputs in a rendered form (a question type's `fields`).
 * @typedef {object} FieldGroup
 * @property {string[]} ids the answer ids it has inputs for
 * @property {(answers: FormAnswers, state: FormState) => void} read add the answers in its inputs to `answers`
 * @property {(answers: Answers, into: FormAnswers) => void} view add to `into` what its inputs would show of `answers`
 * @property {(view: FormAnswers, wanted: (id: string) => boolean, state: FormState) => void} write
 *   show `view` (what `view` gave) in its inputs, for the ids `wanted`
 * @property {LikertItemFields[]} [items] a likert part's statements (their clear buttons)
 * @property {AllocationFields} [allocation] an allocation part's cells (its live sums)
 */

/**
 * What a part's answers on the results page are drawn with (my-results.js gives it to a
 * question type's `answersView`).
 * @typedef {object} AnswersViewContext
 * @property {Definition} definition the questionnaire's
 * @property {(partId: string) => HTMLElement} resultsBox a box for the part's results, drawn once they are computed
 */

/**
 * The questionnaire definition JSON the build placed in the form, as text.
 * @param {HTMLFormElement} form
 * @returns {string}
 */
export function definitionText(form) {
  const text = form.dataset.lskDefinition;
  if (!text) throw new Error("the questionnaire definition is missing from the page");
  return text;
}

/** Every answerable field of the form, found from the questionnaire definition. */
export class FormFields {
  /**
   * @param {HTMLFormElement} form
   * @param {Pick<Definition, "parts">} definition
   */
  constructor(form, definition) {
    this.form = form;
    this.inputs = indexInputs(form);
    /** @type {Map<HTMLInputElement, {id: string, value: number | string}>} what choosing a radio answers */
    this.radioAnswers = new Map();
    /** @type {FieldGroup[]} */
    this.groups = (definition.parts || [])
      .map((part) => partKind(part.type).fields(this, part))
      .filter((group) => group !== null);
    this.likert = this.groups.flatMap((group) => group.items || []);
    this.allocations = this.groups.flatMap((group) => (group.allocation ? [group.allocation] : []));
  }

  /**
   * The ids this form has inputs for.
   * @returns {string[]}
   */
  ids() {
    return this.groups.flatMap((group) => group.ids);
  }

  /**
   * The checked radio of each question answered with radios, by its id. The radios found
   * once are asked in turn: a `:checked` query would match against every input of the form,
   * several times longer in a long form (bench/long_form.py).
   * @returns {Map<string, HTMLInputElement>}
   */
  checkedRadios() {
    /** @type {Map<string, HTMLInputElement>} */
    const checked = new Map();
    for (const [radio, answer] of this.radioAnswers) {
      if (radio.checked) checked.set(answer.id, radio);
    }
    return checked;
  }

  /**
   * The answers now in the form; unanswered ids are absent.
   * @returns {FormAnswers}
   */
  read() {
    /** @type {FormAnswers} */
    const answers = {};
    const state = { checked: this.checkedRadios() };
    for (const group of this.groups) group.read(answers, state);
    return answers;
  }

  /**
   * What the form shows for `answers`: the answers `read()` gives after `write(answers)`,
   * computed without touching the form. A value the form cannot show exactly (off its
   * scale, of another type, an option it does not have) is not in it.
   * @param {Answers} answers
   * @returns {FormAnswers}
   */
  view(answers) {
    /** @type {FormAnswers} */
    const view = {};
    for (const group of this.groups) group.view(answers, view);
    return view;
  }

  /**
   * Fill the form from `answers` (see `view`). With `only`, a set of ids, the other
   * fields are left as they are (another tab's answers are written in this way).
   * @param {Answers} answers
   * @param {ReadonlySet<string> | null} [only]
   */
  write(answers, only = null) {
    const view = this.view(answers);
    const wanted = (/** @type {string} */ id) => only === null || only.has(id);
    const state = { checked: this.checkedRadios() };
    for (const group of this.groups) group.write(view, wanted, state);
  }

  /**
   * The ids of the form whose stored value in `answers` the form cannot show (see `view`):
   * it is kept in the record, but neither shown nor scored. No answer, an empty text,
   * an empty list and an empty row are simply unanswered.
   * @param {Answers} answers
   * @returns {string[]}
   */
  unshown(answers) {
    const view = this.view(answers);
    return this.ids().filter((id) => {
      if (!Object.prototype.hasOwnProperty.call(answers, id)) return false;
      const given = answers[id];
      if (isEmptyAnswer(given)) return false;
      return !sameAnswer(given, view[id]);
    });
  }
}

/** A text of nothing but white space, as Python's str.isspace() has it (JavaScript's \s differs). */
const BLANK = /^[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/**
 * Whether a stored value is no answer at all: nothing, a blank text, an empty list, or an
 * object without a value. The scorer's rule (lederskap_scorer.answers.is_empty), which decides
 * what counts as answered in the results; the page needs it before Python is ready, to draw
 * stored answers and count those it keeps for removed questions. tests/fixtures/empty-answers.json
 * holds the cases both are tested on (tests/js/answers.test.mjs, tests/scorer/test_answers.py).
 * @param {unknown} value
 * @returns {boolean}
 */
export function isEmptyAnswer(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return BLANK.test(value);
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every((cell) => cell === null);
  return false;
}

/**
 * Whether two answers are the same: checklists in any order, allocation rows without empty cells.
 * @param {unknown} a
 * @param {unknown} b
 * @returns {boolean}
 */
export function sameAnswer(a, b) {
  return canonicalAnswer(a) === canonicalAnswer(b);
}

/**
 * @param {unknown} value
 * @returns {string}
 */
function canonicalAnswer(value) {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  if (isPlainObject(value)) {
    const cells = Object.keys(value)
      .filter((key) => value[key] !== null)
      .sort()
      .map((key) => [key, value[key]]);
    return JSON.stringify(cells);
  }
  return JSON.stringify(typeof value === "string" ? lineBreaks(value) : value);
}

