// @ts-check
// What the question types' modules (parts/<type>.js) share: looking up a
// stored answer, a CSV cell for any stored value, and the form's inputs indexed
// once by name (a query per question would cost a long form the square of its size).

/**
 * Whether `object` has `key` as its own property (answers are plain objects from JSON).
 * @param {unknown} object
 * @param {string} key
 * @returns {boolean}
 */
export function has(object, key) {
  return Boolean(object) && Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * Whether a value is a plain object (not null, not a list).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A stored value as a CSV cell's text: texts and numbers as they are, anything else as JSON.
 * @param {unknown} value
 * @returns {string}
 */
export function csvValue(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/**
 * The form's inputs by kind and name, and its number inputs by row and column, found in
 * one pass over the form.
 * @param {HTMLFormElement} form
 */
export function indexInputs(form) {
  /** @type {Map<string, (HTMLInputElement | HTMLTextAreaElement)[]>} */
  const byName = new Map();
  /** @type {Map<string, HTMLInputElement>} */
  const cells = new Map();
  for (const input of form.querySelectorAll("input[name], textarea[name]")) {
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) continue;
    const key = `${input instanceof HTMLTextAreaElement ? "textarea" : input.type}\u0000${input.name}`;
    const list = byName.get(key) || [];
    list.push(input);
    byName.set(key, list);
    // Attributes, not dataset: a DOMStringMap made for each of a long form's radios costs more.
    const row = input.getAttribute("data-lsk-row");
    const column = row === null ? null : input.getAttribute("data-lsk-column");
    if (input instanceof HTMLInputElement && row !== null && column !== null) cells.set(`${row}\u0000${column}`, input);
  }
  return {
    form,
    /** The inputs of a kind ("radio", "checkbox", "textarea", ...) with a name. */
    named: (/** @type {string} */ kind, /** @type {string} */ name) => byName.get(`${kind}\u0000${name}`) || [],
    /** The number input of an allocation row and column. */
    cell: (/** @type {string} */ row, /** @type {string} */ column) => cells.get(`${row}\u0000${column}`) || null,
  };
}
