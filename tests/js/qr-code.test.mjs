// qr-code.js: QR codes made on the device. Symbols compared module for module with an
// independent encoder (Python's segno) for many more texts, every version and every mask:
// tests/course_build/test_qr_code.py.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { siteModule } from "./site.mjs";

const { qrMatrix, qrSvg } = await siteModule("qr-code.js");

const LEVELS = ["L", "M", "Q", "H"];

// The most bytes byte mode holds in versions 1-40 at each level (ISO/IEC 18004:2015, Table 7).
const BYTE_CAPACITY = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
    929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809,
    2953],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
    711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
    509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382,
    403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273],
};

/** A symbol's modules as text, "#" dark and "." light. */
function picture(matrix) {
  return matrix.modules.map((row) => row.map((dark) => (dark ? "#" : ".")).join(""));
}

/** The 15 bits of the format information's copy around the top-left finder pattern, bit 0 first. */
function formatBits(matrix) {
  const places = [[0, 8], [1, 8], [2, 8], [3, 8], [4, 8], [5, 8], [7, 8], [8, 8],
    [8, 7], [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0]];
  return places.reduce((bits, [row, column], bit) => bits | (Number(matrix.modules[row][column]) << bit), 0);
}

/** An invitation link of about the length the team page shows. */
const INVITATION =
  "https://example.github.io/kurs/med-teamet/#lsk-invite.1.lederskap-medarbeiderskap." +
  "0123456789abcdef0123456789abcdef.slik-ser-medarbeiderne-lederen.1." +
  "BDx7Vq3mYk1N0cUuQ2fW9sHn5rJ8eA4tLpZ6oXgKiC_yTbRwMdF1vS7jE3aO0hG9lP2uN5qY8xI4kB6zW-cD1fT3mR7";

describe("known symbols", () => {
  // Both as segno 1.6 makes them, with the standard's pad codewords (see test_qr_code.py).
  test("a URL at level M is version 2 with mask 1", () => {
    const matrix = qrMatrix("https://example.org");
    assert.deepEqual([matrix.version, matrix.size, matrix.mask], [2, 25, 1]);
    assert.deepEqual(picture(matrix), [
      "#######.#..#.#....#######",
      "#.....#..#..##..#.#.....#",
      "#.###.#.#..#.##...#.###.#",
      "#.###.#..##..###..#.###.#",
      "#.###.#..#...##...#.###.#",
      "#.....#.#######...#.....#",
      "#######.#.#.#.#.#.#######",
      "...........##.###........",
      "#.#...##..#..##.#..#..#.#",
      "#.###..##.####.#.###.#.##",
      "##....###.#....#.#..###.#",
      ".#####..####.#..#..#.#...",
      "...####.#.#.##.##.##....#",
      ".##.##.#.#..#..##.##...##",
      "##.#..##..#.#######..##.#",
      "..#.#...#####.#.##.###...",
      "####.###..#..##.#####..#.",
      "........#.#..##.#...#...#",
      "#######.#..#....#.#.#...#",
      "#.....#..##..#.##...#..##",
      "#.###.#....###.######..##",
      "#.###.#.....#....#..#.##.",
      "#.###.#.##..######.###.##",
      "#.....#....##.#######....",
      "#######.##...##.#.#..#..#",
    ]);
  });

  test("Norwegian letters are UTF-8: level Q with mask 4 asked for", () => {
    const matrix = qrMatrix("Blåbær", { level: "Q", mask: 4 });
    assert.deepEqual([matrix.version, matrix.mask], [1, 4]);
    assert.deepEqual(picture(matrix), [
      "#######.....#.#######",
      "#.....#....#..#.....#",
      "#.###.#.#..##.#.###.#",
      "#.###.#..#..#.#.###.#",
      "#.###.#.#.#...#.###.#",
      "#.....#.###.#.#.....#",
      "#######.#.#.#.#######",
      ".........##.#........",
      ".#..#.#.#..#.#.##.#..",
      "#.##...#.#..######.#.",
      "...#.####...#.#.##.#.",
      "##.##.....###..#..#.#",
      "###..##.#.#..###..###",
      "........#####...#.###",
      "#######..##.#.##..##.",
      "#.....#...#####..##..",
      "#.###.#.####.##....#.",
      "#.###.#...#.###..####",
      "#.###.#..##.##.......",
      "#.....#.##.##..#.....",
      "#######....#..#.....#",
    ]);
  });

  test("the format information names the level and the mask (Annex C)", () => {
    // Level M (00) with mask 0 is 00000 before the BCH code and the mask 101010000010010.
    assert.equal(formatBits(qrMatrix("a", { mask: 0 })), 0b101010000010010);
    // Level L (01) with mask 0: 01000 -> 111011111000100.
    assert.equal(formatBits(qrMatrix("a", { level: "L", mask: 0 })), 0b111011111000100);
    for (const [level, bits] of Object.entries({ L: 0b01, M: 0b00, Q: 0b11, H: 0b10 })) {
      for (let mask = 0; mask < 8; mask++) {
        const matrix = qrMatrix("format", { level, mask });
        assert.equal(matrix.mask, mask);
        assert.equal((formatBits(matrix) ^ 0b101010000010010) >> 10, (bits << 3) | mask, `${level} ${mask}`);
      }
    }
  });

  test("version 7 carries its version information (Annex D: 000111110010010100)", () => {
    const matrix = qrMatrix("x".repeat(BYTE_CAPACITY.M[6]), { mask: 0 });
    assert.equal(matrix.version, 7);
    let topRight = 0;
    let bottomLeft = 0;
    for (let bit = 0; bit < 18; bit++) {
      const [along, across] = [Math.floor(bit / 3), matrix.size - 11 + (bit % 3)];
      topRight |= Number(matrix.modules[along][across]) << bit;
      bottomLeft |= Number(matrix.modules[across][along]) << bit;
    }
    assert.equal(topRight, 0b000111110010010100);
    assert.equal(bottomLeft, 0b000111110010010100);
  });

  test("finder, timing and alignment patterns and the dark module are in place", () => {
    const { size, modules } = qrMatrix("x".repeat(60), { level: "L", mask: 3 });
    assert.equal(size, 33); // version 4
    const finder = ["#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"];
    const square = (top, left, side) =>
      modules.slice(top, top + side).map((row) => row.slice(left, left + side).map((d) => (d ? "#" : ".")).join(""));
    assert.deepEqual(square(0, 0, 7), finder);
    assert.deepEqual(square(0, size - 7, 7), finder);
    assert.deepEqual(square(size - 7, 0, 7), finder);
    assert.deepEqual(square(24, 24, 5), ["#####", "#...#", "#.#.#", "#...#", "#####"]); // centre (26, 26)
    for (let index = 8; index < size - 8; index++) {
      assert.equal(modules[6][index], index % 2 === 0);
      assert.equal(modules[index][6], index % 2 === 0);
    }
    assert.equal(modules[size - 8][8], true);
  });
});

describe("the smallest version that holds the text", () => {
  test("every version's capacity at every level, and a byte more", () => {
    for (const level of LEVELS) {
      BYTE_CAPACITY[level].forEach((most, index) => {
        const version = index + 1;
        assert.equal(qrMatrix("x".repeat(most), { level, mask: 0 }).version, version, `${level} ${most} bytes`);
        if (version < 40) assert.equal(qrMatrix("x".repeat(most + 1), { level, mask: 0 }).version, version + 1);
      });
    }
  });

  test("the bytes of the UTF-8 count, not the characters", () => {
    assert.equal(qrMatrix("ø".repeat(7)).version, 1); // 14 bytes
    assert.equal(qrMatrix("ø".repeat(7) + "x").version, 2);
    assert.equal(qrMatrix("🙂".repeat(3) + "xx").version, 1);
    assert.equal(qrMatrix("🙂".repeat(3) + "xxx").version, 2);
    assert.equal(qrMatrix("").version, 1);
  });

  test("an invitation link is version 11 at level M (61 modules a side), without a mask asked for", () => {
    assert.ok(INVITATION.length > 200 && INVITATION.length <= 251, String(INVITATION.length));
    const matrix = qrMatrix(INVITATION);
    assert.deepEqual([matrix.version, matrix.size], [11, 61]);
    assert.ok(matrix.mask >= 0 && matrix.mask <= 7);
    assert.equal(matrix.modules.length, 61);
    assert.ok(matrix.modules.every((row) => row.length === 61 && row.every((m) => typeof m === "boolean")));
  });

  test("a text longer than version 40 holds is refused, with the limit", () => {
    assert.equal(qrMatrix("x".repeat(2331), { mask: 0 }).version, 40);
    const tooLong = { name: "Error", message: /at most 2331 bytes: the text is 2332 as UTF-8/ };
    assert.throws(() => qrMatrix("x".repeat(2332)), tooLong);
    assert.throws(() => qrMatrix("x".repeat(1274), { level: "H" }), /level H holds at most 1273 bytes/);
    assert.throws(() => qrMatrix("ø".repeat(1166)), /the text is 2332 as UTF-8/);
    assert.equal(qrMatrix("x".repeat(2953), { level: "L", mask: 0 }).version, 40);
  });

  test("an unknown level or mask is a RangeError", () => {
    assert.throws(() => qrMatrix("a", { level: "X" }), RangeError);
    assert.throws(() => qrMatrix("a", { level: "toString" }), RangeError);
    for (const mask of [-1, 8, 1.5, "1", null]) assert.throws(() => qrMatrix("a", { mask }), RangeError, String(mask));
  });
});

describe("qrSvg", () => {
  /** Just enough of a DOM to see what qrSvg builds; innerHTML is refused. */
  class FakeElement {
    constructor(namespace, tag) {
      Object.assign(this, { namespace, tag, attributes: new Map(), children: [], textContent: "" });
      this.style = { properties: new Map(), setProperty: (name, value) => this.style.properties.set(name, value) };
    }
    setAttribute(name, value) {
      assert.equal(typeof value, "string");
      this.attributes.set(name, value);
    }
    append(...nodes) {
      this.children.push(...nodes);
    }
    set innerHTML(_html) {
      throw new Error("innerHTML is not to be used");
    }
  }
  const fakeDocument = {
    createElementNS: (namespace, tag) => new FakeElement(namespace, tag),
    createElement: () => assert.fail("an HTML element was made"),
  };

  test("a labelled picture: title, white square with the quiet zone, one black path, no fixed size", () => {
    const matrix = qrMatrix("https://example.org");
    const svg = qrSvg(fakeDocument, matrix, "QR code of the invitation link");
    assert.equal(svg.namespace, "http://www.w3.org/2000/svg");
    assert.equal(svg.tag, "svg");
    assert.deepEqual(Object.fromEntries(svg.attributes), {
      viewBox: "0 0 33 33",
      role: "img",
      "aria-label": "QR code of the invitation link",
    });
    assert.equal(svg.style.properties.get("forced-color-adjust"), "none");
    assert.deepEqual(svg.children.map((child) => child.tag), ["title", "rect", "path"]);
    const [title, rect, path] = svg.children;
    assert.equal(title.textContent, "QR code of the invitation link");
    assert.deepEqual(Object.fromEntries(rect.attributes), { x: "0", y: "0", width: "33", height: "33", fill: "#fff" });
    assert.equal(path.attributes.get("fill"), "#000");
    assert.equal(path.attributes.get("shape-rendering"), "crispEdges");
    assert.ok(svg.children.every((child) => child.namespace === "http://www.w3.org/2000/svg"));
  });

  test("the path covers exactly the dark modules, each row's runs as one rectangle", () => {
    for (const text of ["https://example.org", INVITATION]) {
      const matrix = qrMatrix(text);
      const d = qrSvg(fakeDocument, matrix, "QR").children[2].attributes.get("d");
      const drawn = matrix.modules.map((row) => row.map(() => false));
      const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
      assert.equal(runs.map((run) => run[0]).join(""), d, "only runs in the path");
      for (const [, x, y, width, back] of runs) {
        assert.equal(width, back);
        const [row, start] = [Number(y) - 4, Number(x) - 4];
        for (let column = start; column < start + Number(width); column++) {
          assert.equal(drawn[row][column], false, "drawn twice");
          drawn[row][column] = true;
        }
        assert.notEqual(matrix.modules[row][start - 1], true, "a run begins after a light module");
        assert.notEqual(matrix.modules[row][start + Number(width)], true, "a run ends before a light module");
      }
      assert.deepEqual(drawn, matrix.modules);
    }
  });
});
