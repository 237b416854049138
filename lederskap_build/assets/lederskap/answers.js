// Reading and writing a rendered questionnaire's inputs as an answers object
// keyed by the author's ids (see scorer/src/lederskap_scorer/model.py):
//
//   likert item      item id       -> a whole number on the scale
//   text field       field id      -> a text (a blank field is no answer)
//   checklist part   part id       -> a list of ticked option ids
//   checklist summary  field id    -> a text
//   allocation row   row id        -> {column id: number} (only filled-in cells)
//
// The inputs are found through the names and data-lsk-* attributes the build
// renders (lederskap_build/render.py), never by their position on the page.

/**
 * The form's inputs by name, and its allocation cells by row and column, found in one
 * pass over the form: looking each up with its own query would cost the square of the
 * number of questions (seconds for a long form).
 */
function indexInputs(form) {
  const byName = new Map();
  const cells = new Map();
  for (const input of form.querySelectorAll("input[name], textarea[name]")) {
    const key = `${input.tagName === "TEXTAREA" ? "textarea" : input.type}\u0000${input.name}`;
    if (!byName.has(key)) byName.set(key, []);
    byName.get(key).push(input);
    if (input.dataset.lskRow !== undefined && input.dataset.lskColumn !== undefined) {
      cells.set(`${input.dataset.lskRow}\u0000${input.dataset.lskColumn}`, input);
    }
  }
  return { named: (kind, name) => byName.get(`${kind}\u0000${name}`) || [], cells };
}

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
    this.likert = []; // {id, text, fieldset, radios}
    this.texts = []; // {id, element}
    this.checklists = []; // {id, boxes}
    this.allocations = []; // {part, rows: [{id, inputs: [{column, input}]}]}
    this.inputs = indexInputs(form);
    this.radioAnswers = new Map(); // radio -> {id, value}: what choosing it answers
    for (const part of definition.parts || []) {
      if (part.type === "likert") this.addLikert(part);
      else if (part.type === "text") (part.fields || []).forEach((field) => this.addText(field.id));
      else if (part.type === "checklist") this.addChecklist(part);
      else if (part.type === "allocation") this.addAllocation(part);
    }
  }

  addLikert(part) {
    for (const dimension of part.dimensions || []) {
      for (const item of dimension.items || []) {
        const radios = this.inputs.named("radio", item.id);
        if (!radios.length) continue;
        const fieldset = radios[0].closest("fieldset") || radios[0].parentElement;
        // Each radio by its value, read once: reading every radio's value and state on each save
        // would cost a long form a tenth of a second and more.
        const byValue = new Map(radios.map((radio) => [radio.value, radio]));
        for (const radio of radios) this.radioAnswers.set(radio, { id: item.id, value: Number(radio.value) });
        this.likert.push({ id: item.id, text: item.text, fieldset, radios, byValue });
      }
    }
  }

  addText(id) {
    const [element] = this.inputs.named("textarea", id);
    if (element) this.texts.push({ id, element });
  }

  addChecklist(part) {
    const boxes = this.inputs.named("checkbox", part.id);
    if (boxes.length) this.checklists.push({ id: part.id, boxes });
    if (part.summary) this.addText(part.summary.id);
  }

  addAllocation(part) {
    const section = this.form.querySelector(`[data-lsk-part="${CSS.escape(part.id)}"]`);
    if (!section) return;
    const rows = [];
    for (const row of part.rows || []) {
      const inputs = [];
      for (const column of part.columns || []) {
        const input = this.inputs.cells.get(`${row.id}\u0000${column.id}`);
        if (input && section.contains(input)) inputs.push({ column: column.id, input });
      }
      if (inputs.length) rows.push({ id: row.id, text: row.text, inputs });
    }
    this.allocations.push({ part, section, rows });
  }

  /** The ids this form has inputs for. */
  ids() {
    return [
      ...this.likert.map((item) => item.id),
      ...this.texts.map((field) => field.id),
      ...this.checklists.map((list) => list.id),
      ...this.allocations.flatMap((allocation) => allocation.rows.map((row) => row.id)),
    ];
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
    for (const [id, radio] of this.checkedRadios()) answers[id] = this.radioAnswers.get(radio).value;
    for (const field of this.texts) {
      if (field.element.value !== "") answers[field.id] = field.element.value;
    }
    for (const list of this.checklists) {
      const ticked = list.boxes.filter((box) => box.checked).map((box) => box.value);
      if (ticked.length) answers[list.id] = ticked;
    }
    for (const allocation of this.allocations) {
      for (const row of allocation.rows) {
        const cells = {};
        for (const { column, input } of row.inputs) {
          const value = numberIn(input);
          if (value !== null) cells[column] = value;
        }
        if (Object.keys(cells).length) answers[row.id] = cells;
      }
    }
    return answers;
  }

  /**
   * What the form shows for `answers`: the answers `read()` gives after `write(answers)`,
   * computed without touching the form. A value the form cannot show exactly (off its
   * scale, of another type, an option it does not have) is not in it.
   */
  view(answers) {
    const view = {};
    const value = (id) => (Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined);
    for (const item of this.likert) {
      const given = value(item.id);
      if (typeof given === "number" && item.byValue.has(String(given))) {
        view[item.id] = given;
      }
    }
    for (const field of this.texts) {
      const given = value(field.id);
      // A textarea keeps its line breaks as "\n" whatever they were.
      if (typeof given === "string" && given !== "") view[field.id] = lineBreaks(given);
    }
    for (const list of this.checklists) {
      const given = value(list.id);
      if (!Array.isArray(given)) continue;
      const ticked = list.boxes.map((box) => box.value).filter((option) => given.includes(option));
      if (ticked.length) view[list.id] = ticked;
    }
    for (const allocation of this.allocations) {
      for (const row of allocation.rows) {
        const given = value(row.id);
        if (!isPlainObject(given)) continue;
        const cells = {};
        for (const { column } of row.inputs) {
          const cell = Object.prototype.hasOwnProperty.call(given, column) ? given[column] : undefined;
          if (typeof cell === "number" && Number.isFinite(cell)) cells[column] = cell;
        }
        if (Object.keys(cells).length) view[row.id] = cells;
      }
    }
    return view;
  }

  /**
   * Fill the form from `answers` (see `view`). With `only`, a set of ids, the other
   * fields are left as they are (another tab's answers are written in this way).
   */
  write(answers, only = null) {
    const view = this.view(answers);
    const wanted = (id) => only === null || only.has(id);
    const checked = this.checkedRadios();
    for (const item of this.likert) {
      if (!wanted(item.id)) continue;
      const value = Object.prototype.hasOwnProperty.call(view, item.id) ? String(view[item.id]) : null;
      const now = checked.get(item.id);
      const target = value === null ? null : item.byValue.get(value);
      if (now && now !== target) now.checked = false;
      if (target && !target.checked) target.checked = true;
    }
    for (const field of this.texts) {
      if (wanted(field.id)) field.element.value = view[field.id] ?? "";
    }
    for (const list of this.checklists) {
      if (!wanted(list.id)) continue;
      const ticked = view[list.id] || [];
      for (const box of list.boxes) box.checked = ticked.includes(box.value);
    }
    for (const allocation of this.allocations) {
      for (const row of allocation.rows) {
        if (!wanted(row.id)) continue;
        const cells = view[row.id] || {};
        for (const { column, input } of row.inputs) {
          input.value = Object.prototype.hasOwnProperty.call(cells, column) ? String(cells[column]) : "";
        }
      }
    }
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

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineBreaks(text) {
  return text.replace(/\r\n?/g, "\n");
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

/** The number in a number input, or null when it is empty or not a number. */
export function numberIn(input) {
  if (input.value === "") return null;
  const value = input.valueAsNumber;
  return Number.isFinite(value) ? value : null;
}
