// @ts-check
// An author's text that allows Markdown, drawn from the tree the build made of it
// (lederskap_build/rich_text.py): paragraphs, lists, emphasis, code and links, as DOM
// nodes made one by one, never HTML. The texts the page draws itself (the band texts the
// scorer hands back in the results, the options among the learner's answers) are looked up
// in rich-texts.js by the text as written; a text not found there (a stored result of an
// older build) is shown as the plain text it is.

import { h } from "./dom.js";
import { richTexts } from "./rich-texts.js";
import { sitePathFrom } from "./storage-keys.js";

/** @import { RichBlock, RichInline } from "./rich-texts.js" */

/** The site root: course-page links are relative to it (this file is <root>/assets/lederskap/). */
const siteRoot = sitePathFrom(import.meta.url);

/**
 * @param {readonly RichInline[]} nodes
 * @returns {(Node | string)[]}
 */
function inline(nodes) {
  return nodes.map((node) => {
    if (typeof node === "string") return node;
    if ("br" in node) return h("br");
    if ("code" in node) return h("code", {}, node.code);
    if ("em" in node) return h("em", {}, inline(node.em));
    if ("strong" in node) return h("strong", {}, inline(node.strong));
    if ("href" in node) return h("a", { href: node.href, rel: "noopener noreferrer" }, inline(node.a));
    return h("a", { href: siteRoot + node.page }, inline(node.a));
  });
}

/**
 * @param {readonly RichBlock[]} tree
 * @param {string} [paragraphClass]
 * @returns {(Node | string)[]}
 */
function blocks(tree, paragraphClass) {
  return tree.flatMap((block) => {
    if ("p" in block) return block.tight ? inline(block.p) : [h("p", { class: paragraphClass }, inline(block.p))];
    if ("ul" in block) return [h("ul", {}, block.ul.map((item) => h("li", {}, blocks(item))))];
    return [h("ol", { start: block.start }, block.ol.map((item) => h("li", {}, blocks(item))))];
  });
}

/**
 * A band's text as the page shows it: its paragraphs and lists, or the text itself. `lead`
 * (the band's label) opens its first paragraph, as in "<strong>En styrke</strong> Her ...".
 * @param {string} text the text as the scorer gives it (the author's)
 * @param {string} paragraphClass the class of its paragraphs
 * @param {(Node | string)[]} [lead] what comes first in its first paragraph
 * @returns {(Node | string)[]}
 */
export function richText(text, paragraphClass, lead = []) {
  const tree = Object.prototype.hasOwnProperty.call(richTexts, text) ? richTexts[text] : null;
  const [first, ...rest] = tree || (text ? [{ p: [text] }] : []);
  if (first && "p" in first && !first.tight) {
    const opening = h("p", { class: paragraphClass }, lead, lead.length ? " " : "", inline(first.p));
    return [opening, ...blocks(rest, paragraphClass)];
  }
  const opening = lead.length ? [h("p", { class: paragraphClass }, lead)] : [];
  return [...opening, ...blocks(first ? [first, ...rest] : [], paragraphClass)];
}

/**
 * An option's text as the page shows it: its inline Markdown (emphasis, code, links).
 * @param {string} text the text as the author wrote it
 * @returns {(Node | string)[]}
 */
export function richInline(text) {
  const tree = Object.prototype.hasOwnProperty.call(richTexts, text) ? richTexts[text] : null;
  const first = tree && tree.length === 1 ? tree[0] : null;
  return first && "p" in first ? inline(first.p) : [text];
}

/**
 * @param {readonly (RichInline | RichBlock)[]} nodes
 * @returns {string}
 */
function plain(nodes) {
  return nodes
    .map((node) => {
      if (typeof node === "string") return node;
      if ("br" in node) return " ";
      if ("code" in node) return node.code;
      if ("em" in node) return plain(node.em);
      if ("strong" in node) return plain(node.strong);
      if ("a" in node) return plain(node.a);
      if ("p" in node) return plain(node.p);
      return ("ul" in node ? node.ul : node.ol).map((item) => plain(item)).join("; ");
    })
    .join("");
}

/**
 * A text without its Markdown, for a file (CSV): the words a reader sees, links by their text.
 * @param {string} text the text as the author wrote it
 * @returns {string}
 */
export function plainText(text) {
  const tree = Object.prototype.hasOwnProperty.call(richTexts, text) ? richTexts[text] : null;
  return tree ? plain(tree) : text;
}
