// @ts-check
// The question types, one module each (parts/<type>.js), listed once. Every
// module exports the same things (PartKind below; tsc checks each one against it):
//
//   type                              the part's `type` in the definition
//   hasResults                        whether it has results (a boolean, or a function of the part)
//   answerIds(part)                   the ids its answers are stored under
//   fields(formFields, part)          its inputs in a rendered form: {ids, read, view, write}
//                                     (answers.js; null when the form has none)
//   answersView(part, answers, ctx)   its answers on the results page (my-results)
//   csvRows(part, answers, scored, {answerRow, scoreRow})   its rows of the CSV file
//   drawResults(partResult, problems) its results, {nodes, summary}, or null if it has none
//   ownWords(partResult)              whether its results hold texts the learner wrote
//   summaryView(partResult, {ownWords})  its piece of the printed summary for a conversation
//                                     (conversation-summary.js), or null if it has none
//
// The scorer has the same list (lederskap_scorer/parts/). Adding a type: a module
// here, a line in PartTypes and one in KINDS, and its Python side (ARCHITECTURE.md,
// "Adding a question type"). No other module lists the types: they take
// PartDefinition and PartResult, declared here, and ask partKind(type).

import * as allocation from "./allocation.js";
import * as checklist from "./checklist.js";
import * as choice from "./choice.js";
import * as likert from "./likert.js";
import * as text from "./text.js";
import { has } from "./common.js";

/**
 * @import { Answers, AnswersViewContext, FieldGroup, FormFields } from "../answers.js"
 * @import { CsvRow, CsvRowMakers } from "../course-data-tools.js"
 * @import { Child } from "../dom.js"
 * @import { Problem } from "../result-tables.js"
 * @import { Drawn } from "../results-view.js"
 * @import { AllocationPart, AllocationResult } from "./allocation.js"
 * @import { ChecklistPart, ChecklistResult } from "./checklist.js"
 * @import { ChoicePart, ChoiceResult } from "./choice.js"
 * @import { LikertPart, LikertResult } from "./likert.js"
 * @import { TextPart, TextResult } from "./text.js"
 */

/**
 * The question types by name (a part's `type`), each with its part of a definition and its
 * entry of the results' `parts` (scorer/RESULTS.md): one line per type.
 * @typedef {object} PartTypes
 * @property {{part: LikertPart, result: LikertResult}} likert
 * @property {{part: TextPart, result: TextResult}} text
 * @property {{part: ChecklistPart, result: ChecklistResult}} checklist
 * @property {{part: AllocationPart, result: AllocationResult}} allocation
 * @property {{part: ChoicePart, result: ChoiceResult}} choice
 */

/** @typedef {keyof PartTypes} PartType a question type's name */

/**
 * A part's piece of the printed summary for a conversation (conversation-summary.js): what it
 * shows, and whether it is what the learner chose or wrote (`lead`), which comes first.
 * @typedef {{lead: boolean, nodes: Child[]}} SummaryPiece
 */

/**
 * A part of a questionnaire's definition, one of the question types':
 * LikertPart | TextPart | ChecklistPart | AllocationPart | ChoicePart.
 * @typedef {PartTypes[PartType]["part"]} PartDefinition
 */

/**
 * A part's entry of the results' `parts`, one of the question types':
 * LikertResult | TextResult | ChecklistResult | AllocationResult | ChoiceResult.
 * @typedef {PartTypes[PartType]["result"]} PartResult
 */

/**
 * The part of a definition of the question type `T`.
 * @template {PartType} T
 * @typedef {PartTypes[T]["part"]} PartOf
 */

/**
 * The results of a part of the question type `T`.
 * @template {PartType} T
 * @typedef {PartTypes[T]["result"]} ResultOf
 */

/**
 * What the module of the question type `T` exports (see above). `PartKind<PartType>`, what
 * partKind gives for a type not known until the page runs, takes any type's part: the
 * caller gives it the part whose `type` it asked for.
 * @template {PartType} T
 * @typedef {object} PartKind
 * @property {T} type
 * @property {boolean | ((part: PartOf<T>) => boolean)} hasResults
 * @property {(part: PartOf<T>) => string[]} answerIds
 * @property {(formFields: FormFields, part: PartOf<T>) => FieldGroup | null} fields
 * @property {(part: PartOf<T>, answers: Answers, context: AnswersViewContext) => Child[]} answersView
 * @property {(part: PartOf<T>, answers: Answers, scored: ResultOf<T> | null, rows: CsvRowMakers) => CsvRow[]} csvRows
 *   `scored`: its results, when the scorer has computed them
 * @property {(part: ResultOf<T>, problems: readonly Problem[]) => Drawn | null} drawResults
 * @property {(part: ResultOf<T>) => boolean} ownWords whether its results hold texts the learner
 *   wrote, which go into the summary for a conversation only when the learner chooses so
 * @property {(part: ResultOf<T>, options: {ownWords: boolean}) => SummaryPiece | null} summaryView
 *   its piece of the summary for a conversation, with the learner's own texts when `ownWords`
 */

/** @type {{readonly [T in PartType]: PartKind<T>}} */
const KINDS = Object.freeze({ likert, text, checklist, allocation, choice });

/**
 * The module of a part type; an unknown type is an error (the build only writes known ones).
 * @template {PartType} T
 * @param {T} type
 * @returns {PartKind<T>}
 */
export function partKind(type) {
  // Own keys only: "constructor" or "__proto__" is no type either.
  if (!has(KINDS, type)) throw new Error(`lederskap: unknown part type "${type}"`);
  return KINDS[type];
}

/**
 * Every answer id of a questionnaire definition, in its order.
 * @param {{parts?: readonly PartDefinition[]}} definition
 * @returns {string[]}
 */
export function answerIds(definition) {
  return (definition.parts || []).flatMap((part) => partKind(part.type).answerIds(part));
}

/**
 * Whether a questionnaire has parts with results (scores, charts).
 * @param {{parts?: readonly PartDefinition[]}} definition
 * @returns {boolean}
 */
export function hasResults(definition) {
  return (definition.parts || []).some((part) => {
    const results = partKind(part.type).hasResults;
    return typeof results === "function" ? results(part) : results;
  });
}
