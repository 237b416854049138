// @ts-check
// SVG bar charts drawn from the scorer's results. Each chart is one picture
// (role="img" with a <title> and <desc>); the numbers are always also in text
// next to it (a table, or a list of the same rows), so the chart is never the
// only place to read them. Meaning never rests on colour alone: every bar carries
// its number as text, the two series of a comparison differ in pattern (solid and
// hatched), and a scale's band lines are dashed and said in words by the caller.

import { svg, uniqueId } from "./dom.js";

/** @import { Attributes } from "./dom.js" */

const WIDTH = 340;
const FONT = 14;
const LINE = 18;
const BAR = 18;
const GAP = 14;
const VALUE_ROOM = 60; // room right of the longest bar for its number
const WRAP = 40; // characters per label line

/**
 * Split a label into lines of at most `width` characters, at spaces where possible.
 * @param {unknown} text shown as its String()
 * @param {number} [width]
 * @returns {string[]}
 */
export function wrapText(text, width = WRAP) {
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = "";
    }
    let rest = word;
    while (rest.length > width) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, width - 1) + "-");
      rest = rest.slice(width - 1);
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/**
 * A label of one or more lines, its first line's baseline at `y`.
 * @param {number} x
 * @param {number} y
 * @param {string} text
 * @param {Attributes} [attrs]
 * @returns {{node: SVGTextElement, height: number}}
 */
function label(x, y, text, attrs = {}) {
  const lines = wrapText(text);
  const node = svg("text", { x, y, class: "lsk-chart-label", "font-size": FONT, ...attrs });
  lines.forEach((line, index) => node.append(svg("tspan", { x, dy: index === 0 ? 0 : LINE }, line)));
  return { node, height: lines.length * LINE };
}

/**
 * The chart's picture: an <svg role="img"> named by its <title> and <desc>.
 * @param {string} title
 * @param {string} description
 * @param {number} height
 * @param {...SVGElement} children
 * @returns {SVGSVGElement}
 */
function frame(title, description, height, ...children) {
  const titleId = uniqueId("lsk-chart-title");
  const descId = uniqueId("lsk-chart-desc");
  return svg(
    "svg",
    {
      class: "lsk-chart",
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      viewBox: `0 0 ${WIDTH} ${Math.ceil(height)}`,
      width: WIDTH,
      height: Math.ceil(height),
      preserveAspectRatio: "xMinYMin meet",
      focusable: "false",
    },
    svg("title", { id: titleId }, title),
    svg("desc", { id: descId }, description),
    ...children,
  );
}

/**
 * One bar of a chart: its value (none: `missingText` is shown instead) and the text at its end.
 * @typedef {object} ChartValue
 * @property {number | null | undefined} value
 * @property {string} text
 */

/**
 * @typedef {object} ScaleBarChartOptions
 * @property {string} title
 * @property {string} description
 * @property {number} min
 * @property {number} max
 * @property {readonly (ChartValue & {label: string, lines?: readonly number[], missingText?: string})[]} rows
 * @property {string} missingText shown in place of a bar without a value (unless its row has its own)
 */

/**
 * Horizontal bars of values on a scale from `min` to `max`.
 * rows: [{label, value: number|null, text: string (shown at the bar's end), lines: [number] (where
 * the row's bands change: a dashed line across its track at each)}]
 * @param {ScaleBarChartOptions} options
 * @returns {SVGSVGElement}
 */
export function scaleBarChart({ title, description, min, max, rows, missingText }) {
  const track = WIDTH - VALUE_ROOM;
  const span = max - min || 1;
  const xOf = (/** @type {number} */ value) => ((Math.min(Math.max(value, min), max) - min) / span) * track;
  const parts = [];
  let y = FONT;
  for (const row of rows) {
    const text = label(0, y, row.label);
    parts.push(text.node);
    y += text.height - LINE + 6;
    parts.push(svg("rect", { class: "lsk-chart-track", x: 0, y, width: track, height: BAR, rx: 2 }));
    /** @type {SVGElement} the number at the bar's end, or what stands for a missing one */
    let value;
    if (row.value === null || row.value === undefined) {
      const missing = row.missingText || missingText;
      value = svg("text", { x: 6, y: y + BAR - 5, class: "lsk-chart-missing", "font-size": FONT - 1 }, missing);
    } else {
      const width = Math.max(xOf(row.value), 2);
      parts.push(svg("rect", { class: "lsk-chart-bar", x: 0, y, width, height: BAR, rx: 2 }));
      value = svg("text", { x: width + 6, y: y + BAR - 4, class: "lsk-chart-value", "font-size": FONT }, row.text);
    }
    // Over the bar, under the number (which the stylesheet outlines in the background colour):
    // a halo under the dashed line keeps it visible on the bar and off it.
    for (const at of row.lines || []) {
      const x = xOf(at);
      const ends = { x1: x, x2: x, y1: y - 3, y2: y + BAR + 3 };
      parts.push(svg("line", { ...ends, class: "lsk-chart-band-halo", "stroke-width": 4 }));
      parts.push(svg("line", { ...ends, class: "lsk-chart-band-line", "stroke-width": 2, "stroke-dasharray": "4 3" }));
    }
    parts.push(value);
    y += BAR + GAP + LINE;
  }
  // The scale below the bars: a tick and its number at every whole point.
  y -= LINE;
  /** @type {SVGElement[]} */
  const axis = [svg("line", { class: "lsk-chart-axis", x1: 0, x2: track, y1: y, y2: y })];
  for (let point = Math.ceil(min); point <= max; point += 1) {
    const x = xOf(point);
    axis.push(svg("line", { class: "lsk-chart-axis", x1: x, x2: x, y1: y, y2: y + 5 }));
    const anchor = point === min ? "start" : point === max ? "end" : "middle";
    axis.push(
      svg(
        "text",
        { x, y: y + 5 + FONT, "text-anchor": anchor, class: "lsk-chart-tick", "font-size": FONT - 2 },
        String(point),
      ),
    );
  }
  return frame(title, description, y + 5 + FONT + 4, ...parts, ...axis);
}

/**
 * @typedef {object} PairedBarChartOptions
 * @property {string} title
 * @property {string} description
 * @property {number} max
 * @property {readonly {label: string}[]} series
 * @property {readonly {label: string, values: readonly ChartValue[]}[]} rows
 * @property {string} missingText shown in place of a bar without a value
 */

/**
 * Pairs of horizontal bars (two series) per row, on a scale from 0 to `max`.
 * series: [{label}, {label}] (the first solid, the second hatched)
 * rows: [{label, values: [{value: number|null, text}], ...]}]
 * @param {PairedBarChartOptions} options
 * @returns {SVGSVGElement}
 */
export function pairedBarChart({ title, description, max, series, rows, missingText }) {
  const track = WIDTH - VALUE_ROOM;
  const top = Math.max(max, ...rows.flatMap((row) => row.values.map((v) => v.value || 0))) || 1;
  const xOf = (/** @type {number} */ value) => (Math.max(value, 0) / top) * track;
  const patternId = uniqueId("lsk-hatch");
  const defs = svg(
    "defs",
    {},
    svg(
      "pattern",
      { id: patternId, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 6, height: 6, class: "lsk-chart-hatch-ground" }),
      svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "lsk-chart-hatch-line", "stroke-width": 3 }),
    ),
  );
  // The hatched series takes its pattern from the fill attribute: the stylesheet fills
  // only the solid bars (no style attribute, which the Content Security Policy forbids).
  const fills = [
    { class: "lsk-chart-bar lsk-chart-bar--first" },
    { class: "lsk-chart-bar lsk-chart-bar--second", fill: `url(#${patternId})` },
  ];
  const parts = [defs];
  // Legend: a swatch and the series' name, one per line.
  let y = 0;
  series.forEach((entry, index) => {
    parts.push(svg("rect", { x: 0, y: y + 2, width: 16, height: 14, ...fills[index], stroke: "currentColor" }));
    const text = label(24, y + FONT, entry.label);
    parts.push(text.node);
    y += text.height + 4;
  });
  y += 10 + FONT;
  for (const row of rows) {
    const text = label(0, y, row.label);
    parts.push(text.node);
    y += text.height - LINE + 6;
    row.values.forEach((cell, index) => {
      if (cell.value === null || cell.value === undefined) {
        const attrs = { x: 0, y: y + BAR - 5, class: "lsk-chart-missing", "font-size": FONT - 1 };
        parts.push(svg("text", attrs, missingText));
      } else {
        const width = Math.max(xOf(cell.value), 1);
        parts.push(svg("rect", { x: 0, y, width, height: BAR, rx: 1, ...fills[index] }));
        const attrs = { x: width + 6, y: y + BAR - 4, class: "lsk-chart-value", "font-size": FONT };
        parts.push(svg("text", attrs, cell.text));
      }
      y += BAR + 4;
    });
    y += GAP - 4 + LINE;
  }
  return frame(title, description, y - LINE + 4, ...parts);
}
