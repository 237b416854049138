// data-file.js: the CSV download's cells, safe in a spreadsheet whichever separator it reads.

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { csvCell, csvText } = await siteModule("data-file.js");

test("plain text and numbers are written as they are", () => {
  assert.equal(csvCell("Focus"), "Focus");
  assert.equal(csvCell(3), "3");
  assert.equal(csvCell(2.5), "2.5");
  assert.equal(csvCell("3,5"), '"3,5"');
});

test("no value is an empty cell", () => {
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(""), "");
});

test("a cell holding either separator, a tab, a quote or a line break is quoted, its quotes doubled", () => {
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell("a;b"), '"a;b"');
  assert.equal(csvCell("a\tb"), '"a\tb"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell("two\r\nlines"), '"two\r\nlines"');
});

test("text a spreadsheet would take for a formula gets an apostrophe in front", () => {
  assert.equal(csvCell("=SUM(A1:A3)"), "'=SUM(A1:A3)");
  assert.equal(csvCell("+47 123"), "'+47 123");
  assert.equal(csvCell("-1"), "'-1");
  assert.equal(csvCell("@here"), "'@here");
  assert.equal(csvCell("\tx"), "\"'\tx\"");
  assert.equal(csvCell("\rx"), "\"'\rx\"");
});

test("a formula after a separator or a line break is defused too", () => {
  assert.equal(csvCell("a,=1+1"), "\"a,'=1+1\"");
  assert.equal(csvCell("a; =1+1"), "\"a; '=1+1\"");
  assert.equal(csvCell("a\n@x"), "\"a\n'@x\"");
  assert.equal(csvCell("a;b,=c"), "\"a;b,'=c\"");
  assert.equal(csvCell("1-2"), "1-2");
});

test("the file: a byte order mark, CRLF line ends, the separator between cells", () => {
  const rows = [
    ["Spørsmål", "Svar"],
    ["a;b", 3],
    ["=x", null],
  ];
  assert.equal(csvText(rows, ";"), "\ufeffSpørsmål;Svar\r\n\"a;b\";3\r\n'=x;\r\n");
  assert.equal(csvText(rows, ","), "\ufeffSpørsmål,Svar\r\n\"a;b\",3\r\n'=x,\r\n");
});
