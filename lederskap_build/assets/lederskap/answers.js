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

function byName(form, selector, name) {
  return [...form.querySelectorAll(`${selector}[name="${CSS.escape(name)}"]`)];
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
        const radios = byName(this.form, 'input[type="radio"]', item.id);
        if (!radios.length) continue;
        const fieldset = radios[0].closest("fieldset") || radios[0].parentElement;
        this.likert.push({ id: item.id, text: item.text, fieldset, radios });
      }
    }
  }

  addText(id) {
    const [element] = byName(this.form, "textarea", id);
    if (element) this.texts.push({ id, element });
  }

  addChecklist(part) {
    const boxes = byName(this.form, 'input[type="checkbox"]', part.id);
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
        const input = section.querySelector(
          `input[data-lsk-row="${CSS.escape(row.id)}"][data-lsk-column="${CSS.escape(column.id)}"]`,
        );
        if (input) inputs.push({ column: column.id, input });
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

  /** The answers now in the form; unanswered ids are absent. */
  read() {
    const answers = {};
    for (const item of this.likert) {
      const checked = item.radios.find((radio) => radio.checked);
      if (checked) answers[item.id] = Number(checked.value);
    }
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

  /** Fill the form from `answers`; ids the form does not have are left alone. */
  write(answers) {
    const has = (id) => Object.prototype.hasOwnProperty.call(answers, id);
    for (const item of this.likert) {
      const value = has(item.id) ? String(answers[item.id]) : null;
      for (const radio of item.radios) radio.checked = value !== null && radio.value === value;
    }
    for (const field of this.texts) {
      field.element.value = has(field.id) && typeof answers[field.id] === "string" ? answers[field.id] : "";
    }
    for (const list of this.checklists) {
      const ticked = has(list.id) && Array.isArray(answers[list.id]) ? answers[list.id] : [];
      for (const box of list.boxes) box.checked = ticked.includes(box.value);
    }
    for (const allocation of this.allocations) {
      for (const row of allocation.rows) {
        const cells = has(row.id) && answers[row.id] && typeof answers[row.id] === "object" ? answers[row.id] : {};
        for (const { column, input } of row.inputs) {
          const value = cells[column];
          input.value = typeof value === "number" && Number.isFinite(value) ? String(value) : "";
        }
      }
    }
  }
}

/** The number in a number input, or null when it is empty or not a number. */
export function numberIn(input) {
  if (input.value === "") return null;
  const value = input.valueAsNumber;
  return Number.isFinite(value) ? value : null;
}
