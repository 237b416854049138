// @ts-check
// Building DOM nodes safely: every text becomes a text node, every attribute
// goes through setAttribute. Nothing here parses HTML, so course text and the
// learner's own words are always shown as text.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Attributes by name: `true` sets an empty attribute, `null`, `undefined` and `false`
 * leave it out, anything else is set as its text.
 * @typedef {Record<string, string | number | boolean | null | undefined>} Attributes
 */

/**
 * What an element holds: nodes, texts and numbers (as text nodes), nested in arrays
 * to any depth; `null`, `undefined` and `false` are left out.
 * @typedef {Node | string | number | boolean | null | undefined | readonly Child[]} Child
 */

/**
 * @template {Element} E
 * @param {E} node
 * @param {Attributes | null | undefined} attrs
 * @param {readonly Child[]} children
 * @returns {E}
 */
function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of flatten(children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * The items of nested arrays, in order, at any depth. (TypeScript cannot follow
 * `flat(Infinity)` through a recursive type: it is given a plain array of unknowns.)
 * @template T
 * @param {readonly (T | readonly unknown[])[]} items
 * @returns {Exclude<T, readonly unknown[]>[]}
 */
function flatten(items) {
  return /** @type {Exclude<T, readonly unknown[]>[]} */ (/** @type {readonly unknown[]} */ (items).flat(Infinity));
}

/**
 * An HTML element: h("p", {class: "lsk-x"}, "text", otherNode).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/**
 * An SVG element, made in the SVG namespace.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes | null} [attrs]
 * @param {...Child} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/**
 * What replaceChildren takes: nodes and texts, nested in arrays to any depth;
 * `null`, `undefined` and `false` are left out.
 * @typedef {Node | string | null | undefined | false | readonly NodeChild[]} NodeChild
 */

/**
 * Replace all children of `parent` with `children`.
 * @param {ParentNode} parent
 * @param {...NodeChild} children
 */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren(...flatten(children).filter((c) => c !== null && c !== undefined && c !== false));
}

let counter = 0;

/**
 * A document-unique id with a readable prefix (for aria-labelledby, SVG patterns, ...).
 * @param {string} prefix
 * @returns {string}
 */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
