// @ts-check
// The question types, one module each (parts/<type>.js), listed once. Every
// module exports the same functions:
//
//   type                              the part's `type` in the definition
//   hasResults                        whether it has results (a boolean, or a function of the part)
//   answerIds(part)                   the ids its answers are stored under
//   fields(formFields, part)          its inputs in a rendered form: {ids, read, view, write}
//                                     (answers.js; null when the form has none)
//   answersView(part, answers, ctx)   its answers on the results page (my-results)
//   csvRows(part, answers, scored, {answerRow, scoreRow})   its rows of the CSV file
//   drawResults(partResult, problems) its results, {nodes, summary}, or null if it has none
//
// The scorer has the same list (lederskap_scorer/parts/). Adding a type: a module
// here, a line in KINDS, and its Python side (ARCHITECTURE.md, "Adding a question type").

import * as allocation from "./allocation.js";
import * as checklist from "./checklist.js";
import * as choice from "./choice.js";
import * as likert from "./likert.js";
import * as text from "./text.js";

/**
 * A question type's module (see above). Its functions are typed in their modules, which are
 * not all checked yet; here only what this registry relies on.
 * @typedef {{type: string, hasResults: boolean | ((part: any) => boolean), answerIds: (part: any) => string[],
 *   fields: (formFields: any, part: any) => any, answersView: (part: any, answers: any, context: any) => any,
 *   csvRows: (part: any, answers: any, scored: any, rows: any) => any[][],
 *   drawResults: (part: any, problems: any[]) => ({nodes: any, summary: string} | null)}} PartKind
 */

/** @type {Map<string, PartKind>} */
const KINDS = new Map([likert, text, checklist, allocation, choice].map((kind) => [kind.type, /** @type {PartKind} */ (kind)]));

/**
 * The module of a part type; an unknown type is an error (the build only writes known ones).
 * @param {string} type
 * @returns {PartKind}
 */
export function partKind(type) {
  const kind = KINDS.get(type);
  if (!kind) throw new Error(`lederskap: unknown part type "${type}"`);
  return kind;
}

/**
 * Every answer id of a questionnaire definition, in its order.
 * @param {{parts?: {type: string}[]}} definition
 * @returns {string[]}
 */
export function answerIds(definition) {
  return (definition.parts || []).flatMap((part) => partKind(part.type).answerIds(part));
}

/**
 * Whether a questionnaire has parts with results (scores, charts).
 * @param {{parts?: {type: string}[]}} definition
 * @returns {boolean}
 */
export function hasResults(definition) {
  return (definition.parts || []).some((part) => {
    const has = partKind(part.type).hasResults;
    return typeof has === "function" ? has(part) : has;
  });
}
