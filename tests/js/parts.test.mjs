// The question types (parts/<type>.js, listed in parts/index.js): the ids their answers are
// stored under, whether they have results, and their rows of the spreadsheet file
// (course-data-tools.js puts a questionnaire's together). Their fields in a form and their
// drawings are tested in the browser (tests/browser/).

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { siteModule } from "./site.mjs";

const { t } = await siteModule("i18n.js");
const { answerIds, hasResults, partKind } = await siteModule("parts/index.js");
const choiceModule = await siteModule("parts/choice.js");
const { lineBreaks } = await siteModule("parts/text.js");
const { csvRows } = await siteModule("course-data-tools.js");

const likert = {
  type: "likert",
  id: "lead",
  title: "Leading",
  intro: "",
  suggestions: 2,
  dimensions: [
    {
      id: "focus",
      title: "Focus",
      description: "",
      bands: [],
      items: [
        { id: "f1", text: "I plan my week", reverse: false },
        { id: "f2", text: "I lose track", reverse: true },
      ],
    },
    { id: "care", title: "Care", description: "", bands: [], items: [{ id: "c1", text: "I listen", reverse: false }] },
  ],
};
const text = {
  type: "text",
  id: "notes",
  title: "Notes",
  intro: "",
  fields: [
    { id: "strength", label: "A strength", hint: "", rows: 4 },
    { id: "wish", label: "A wish", hint: "", rows: 4 },
  ],
};
const checklist = {
  type: "checklist",
  id: "habits",
  title: "Habits",
  intro: "",
  options: [
    { id: "walk", text: "Walk" },
    { id: "read", text: "Read" },
  ],
  summary: { id: "habits-why", label: "Why these", hint: "", rows: 4 },
};
const allocation = {
  type: "allocation",
  id: "time",
  title: "Time",
  intro: "",
  total: 100,
  unit: "%",
  rows: [
    { id: "meetings", text: "Meetings" },
    { id: "deep", text: "Deep work" },
  ],
  columns: [
    { id: "now", text: "Now" },
    { id: "length", text: "Wished" },
  ],
};
/** A choice part whose first question is scored (its options have scores), the second not. */
const choice = {
  type: "choice",
  id: "plan",
  title: "Planning",
  intro: "",
  questions: [
    {
      id: "when",
      text: "When do you plan?",
      hint: "",
      options: [
        { id: "evening", text: "The evening before", score: 2 },
        { id: "never", text: "Never", score: 0 },
      ],
    },
    {
      id: "share",
      text: "Do you share your plan?",
      hint: "",
      options: [
        { id: "yes", text: "Yes", score: null },
        { id: "no", text: "No", score: null },
      ],
    },
  ],
};
/** A choice part without scores: as the build writes it, every option has `score: null`. */
const unscoredChoice = { ...choice, id: "plan-unscored", questions: [choice.questions[1]] };

/** Row makers that show which kind of row a part asked for, for a questionnaire of a 1-5 scale. */
const rowsOf = {
  answerRow: (id, question, value) => ["answer", id, question, value],
  scoreRow: (kind, id, title, value) => ["score", kind, id, title, value],
  definition: { scale: { min: 1, max: 5, labels: [], not_applicable: null } },
};

describe("answer ids", () => {
  test("each type stores its answers under its own ids, in the order of the form", () => {
    assert.deepEqual(partKind("likert").answerIds(likert), ["f1", "f2", "c1"]);
    assert.deepEqual(partKind("text").answerIds(text), ["strength", "wish"]);
    assert.deepEqual(partKind("checklist").answerIds(checklist), ["habits", "habits-why"]);
    assert.deepEqual(partKind("checklist").answerIds({ ...checklist, summary: null }), ["habits"]);
    assert.deepEqual(partKind("allocation").answerIds(allocation), ["meetings", "deep"]);
    assert.deepEqual(partKind("choice").answerIds(choice), ["when", "share"]);
  });

  test("a questionnaire's are its parts', in order", () => {
    const ids = ["strength", "wish", "f1", "f2", "c1", "when", "share"];
    assert.deepEqual(answerIds({ parts: [text, likert, choice] }), ids);
    assert.deepEqual(answerIds({}), []);
  });

  test("an unknown type is an error", () => {
    assert.throws(() => partKind("matrix"), /unknown part type "matrix"/);
    for (const inherited of ["constructor", "__proto__", "toString"]) {
      assert.throws(() => partKind(inherited), /unknown part type/);
    }
  });
});

describe("which parts have results", () => {
  test("likert and allocation parts have, text and checklist parts have not", () => {
    assert.equal(hasResults({ parts: [text, checklist] }), false);
    assert.equal(hasResults({ parts: [text, likert] }), true);
    assert.equal(hasResults({ parts: [allocation] }), true);
  });

  test("a choice part has results only when its options have scores", () => {
    assert.equal(choiceModule.hasResults(choice), true);
    assert.equal(choiceModule.hasResults(unscoredChoice), false, "an option without a score has score: null");
    assert.equal(hasResults({ parts: [text, unscoredChoice] }), false);
    assert.equal(hasResults({ parts: [text, choice] }), true);
  });
});

describe("each type's rows of the spreadsheet file", () => {
  test("likert: one row per stored answer, as stored, then each dimension's mean", () => {
    const answers = { f1: 4, c1: 9, other: 1 };
    const scored = {
      dimensions: [
        { id: "focus", title: "Focus", mean_display: "4" },
        { id: "care", title: "Care", mean_display: null },
      ],
    };
    assert.deepEqual(partKind("likert").csvRows(likert, answers, scored, rowsOf), [
      ["answer", "f1", "I plan my week", "4"],
      ["answer", "c1", "I listen", "9"],
      ["score", "csv.kind_mean", "focus", "Focus", "4"],
      ["score", "csv.kind_mean", "care", "Care", ""],
    ]);
    assert.deepEqual(partKind("likert").csvRows(likert, { f2: "x" }, null, rowsOf), [
      ["answer", "f2", "I lose track", "x"],
    ]);
  });

  test("likert: an answer 'not applicable' in the words of the scale's choice, never as stored", () => {
    const answers = { f1: "na", f2: 2, c1: "na" };
    const scale = { min: 1, max: 5, labels: [], not_applicable: "Does not apply" };
    assert.deepEqual(partKind("likert").csvRows(likert, answers, null, { ...rowsOf, definition: { scale } }), [
      ["answer", "f1", "I plan my week", "Does not apply"],
      ["answer", "f2", "I lose track", "2"],
      ["answer", "c1", "I listen", "Does not apply"],
    ]);
    // Where the scale has no such choice, "na" is a value that does not fit: written as stored.
    assert.deepEqual(partKind("likert").csvRows(likert, { f1: "na" }, null, rowsOf), [
      ["answer", "f1", "I plan my week", "na"],
    ]);
  });

  test("text: one row per stored answer, texts as written and anything else as JSON", () => {
    const answers = { strength: "Listening\nwell", wish: [1] };
    assert.deepEqual(partKind("text").csvRows(text, answers, null, rowsOf), [
      ["answer", "strength", "A strength", "Listening\nwell"],
      ["answer", "wish", "A wish", "[1]"],
    ]);
  });

  test("checklist: the ticked options' texts in one row, then the summary", () => {
    const answers = { habits: ["read", "gone", "walk"], "habits-why": "Because" };
    assert.deepEqual(partKind("checklist").csvRows(checklist, answers, null, rowsOf), [
      ["answer", "habits", "Habits", "Read; gone; Walk"],
      ["answer", "habits-why", "Why these", "Because"],
    ]);
    assert.deepEqual(
      partKind("checklist").csvRows(checklist, { habits: "walk" }, null, rowsOf),
      [["answer", "habits", "Habits", ""]],
      "a value that is not a list ticks nothing",
    );
    assert.deepEqual(partKind("checklist").csvRows(checklist, {}, null, rowsOf), []);
  });

  test("allocation: one row per stored cell of a known column, then each column's sum", () => {
    const answers = { meetings: { now: 40, length: 20.5, gone: 3 }, deep: [1, 2] };
    const scored = {
      columns: [
        { id: "now", text: "Now", sum_display: "40" },
        { id: "length", text: "Wished", sum_display: "20,5" },
      ],
    };
    assert.deepEqual(partKind("allocation").csvRows(allocation, answers, scored, rowsOf), [
      ["answer", "meetings.now", "Meetings: Now", "40"],
      ["answer", "meetings.length", "Meetings: Wished", "20.5"],
      ["score", "csv.kind_sum", "now", "Now", "40"],
      ["score", "csv.kind_sum", "length", "Wished", "20,5"],
    ]);
  });

  test("allocation: a row stored as a list has no cells, whatever its columns are called", () => {
    assert.deepEqual(partKind("allocation").csvRows(allocation, { deep: [] }, null, rowsOf), []);
  });

  test("choice: the chosen option's text, a value of no option as stored, then the total when scored", () => {
    const answers = { when: "evening", share: "maybe" };
    const rows = [
      ["answer", "when", "When do you plan?", "The evening before"],
      ["answer", "share", "Do you share your plan?", "maybe"],
    ];
    const scored = { scored: true, total_display: "2" };
    assert.deepEqual(partKind("choice").csvRows(choice, answers, scored, rowsOf), [
      ...rows,
      ["score", "csv.kind_sum", "plan", "Planning", "2"],
    ]);
    assert.deepEqual(partKind("choice").csvRows(choice, answers, { scored: true, total_display: null }, rowsOf), rows);
    assert.deepEqual(partKind("choice").csvRows(choice, answers, { scored: false, total_display: null }, rowsOf), rows);
    assert.deepEqual(partKind("choice").csvRows(choice, answers, null, rowsOf), rows);
  });
});

describe("a questionnaire's rows of the spreadsheet file (course-data-tools.js)", () => {
  const q = { definition: { id: "check", version: 1, title: "Check-in", parts: [text, likert] } };

  test("each row names the questionnaire, the part and the kind; answers to removed questions come last", () => {
    const answers = { zebra: "kept", strength: "Calm", f1: 3, alpha: [1, "a"] };
    const dimensions = [{ id: "focus", title: "Focus", mean_display: "3" }];
    const results = { parts: [{ id: "lead", type: "likert", dimensions }] };
    const answer = t("csv.kind_answer");
    assert.deepEqual(csvRows(q, answers, results), [
      ["Check-in", "Notes", answer, "strength", "A strength", "Calm"],
      ["Check-in", "Leading", answer, "f1", "I plan my week", "3"],
      ["Check-in", "Leading", t("csv.kind_mean"), "focus", "Focus", "3"],
      ["Check-in", "", t("csv.kind_removed"), "alpha", "", '[1,"a"]'],
      ["Check-in", "", t("csv.kind_removed"), "zebra", "", "kept"],
    ]);
  });

  test("without results, only the answers", () => {
    assert.deepEqual(csvRows(q, { f1: 3 }, null), [
      ["Check-in", "Leading", t("csv.kind_answer"), "f1", "I plan my week", "3"],
    ]);
  });
});

test("a text's line breaks are kept as a textarea keeps them", () => {
  assert.equal(lineBreaks("a\r\nb\rc\nd"), "a\nb\nc\nd");
  assert.equal(lineBreaks("one line"), "one line");
});
