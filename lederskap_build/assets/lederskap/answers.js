// Reading and writing a rendered questionnaire's inputs as an answers object
// keyed by the author's ids (see scorer/src/lederskap_scorer/model.py). Each
// question type reads and writes its own inputs (parts/<type>.js, `fields`):
//
//   likert item      item id       -> a whole number on the scale
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

/** The questionnaire definition JSON the build placed in the form, as text. */
export function definitionText(form) {
  const text = form.dataset.lskDefinition;
  if (!text) throw new Error("the questionnaire definition is missing from the page");
  return text;
}

/** Every answerable field of the form, found from the questionnaire definition. */
export class FormFields {
  constructor(form, definition) {
    this.form = form;
    this.inputs = indexInputs(form);
    this.radioAnswers = new Map(); // radio -> {id, value}: what choosing it answers (likert)
    this.groups = (definition.parts || [])
      .map((part) => partKind(part.type).fields(this, part))
      .filter((group) => group !== null);
    this.likert = this.groups.flatMap((group) => group.items || []); // {id, text, fieldset, radios, byValue}
    this.allocations = this.groups.filter((group) => group.allocation).map((group) => group.allocation);
  }

  /** The ids this form has inputs for. */
  ids() {
    return this.groups.flatMap((group) => group.ids);
  }

  /** The checked radio of each likert item, by item id, found with one query (in the order of the form). */
  checkedRadios() {
    const checked = new Map();
    for (const radio of this.form.querySelectorAll('input[type="radio"]:checked')) {
      const answer = this.radioAnswers.get(radio);
      if (answer) checked.set(answer.id, radio);
    }
    return checked;
  }

  /** The answers now in the form; unanswered ids are absent. */
  read() {
    const answers = {};
    const state = { checked: this.checkedRadios() };
    for (const group of this.groups) group.read(answers, state);
    return answers;
  }

  /**
   * What the form shows for `answers`: the answers `read()` gives after `write(answers)`,
   * computed without touching the form. A value the form cannot show exactly (off its
   * scale, of another type, an option it does not have) is not in it.
   */
  view(answers) {
    const view = {};
    for (const group of this.groups) group.view(answers, view);
    return view;
  }

  /**
   * Fill the form from `answers` (see `view`). With `only`, a set of ids, the other
   * fields are left as they are (another tab's answers are written in this way).
   */
  write(answers, only = null) {
    const view = this.view(answers);
    const wanted = (id) => only === null || only.has(id);
    const state = { checked: this.checkedRadios() };
    for (const group of this.groups) group.write(view, wanted, state);
  }

  /**
   * The ids of the form whose stored value in `answers` the form cannot show (see `view`):
   * it is kept in the record, but neither shown nor scored. No answer, an empty text,
   * an empty list and an empty row are simply unanswered.
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

function isEmptyAnswer(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every((cell) => cell === null);
  return false;
}

/** Whether two answers are the same: checklists in any order, allocation rows without empty cells. */
export function sameAnswer(a, b) {
  return canonicalAnswer(a) === canonicalAnswer(b);
}

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

