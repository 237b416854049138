// @ts-check
// QR codes (ISO/IEC 18004:2015), made on the device: the team page shows an invitation's
// link as a code a phone's camera can read, without asking another origin to draw it.
// Only what a link needs: byte mode (the text as UTF-8 with no ECI header: a URL is
// ASCII, and readers take other valid UTF-8 as such), the four error correction levels,
// versions 1-40 (the smallest that holds the text) and the eight data masks, the one with
// the lowest penalty chosen unless one is asked for. qrMatrix makes the modules; qrSvg draws them as one <path>.
// tests/course_build/test_qr_code.py compares the modules with Python's `segno`, an
// independent encoder, for texts of every length, level and mask.

/**
 * An error correction level: about 7, 15, 25 and 30 % of the codewords can be restored.
 * @typedef {"L" | "M" | "Q" | "H"} Level
 */

/**
 * @typedef {object} QrOptions
 * @property {Level} [level] the error correction level; "M" unless given
 * @property {number} [mask] the data mask, 0-7; unless given, the one with the lowest penalty
 */

/**
 * A QR code's modules, without the quiet zone around them.
 * @typedef {object} QrMatrix
 * @property {number} size modules on each side: 17 + 4 × version
 * @property {number} version 1-40
 * @property {number} mask the data mask used, 0-7
 * @property {boolean[][]} modules rows from the top, each from the left; true is dark
 */

/** The two bits that name each level in the format information (Table 12). */
const LEVEL_BITS = { L: 0b01, M: 0b00, Q: 0b11, H: 0b10 };

// By version, 1-40: the codewords of a symbol (Table 1), and for each level the error
// correction codewords of one block and the number of blocks (Table 9). A version's data
// codewords are its codewords less the error correction ones.
const CODEWORDS = [
  26, 44, 70, 100, 134, 172, 196, 242, 292, 346,
  404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
  1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185,
  2323, 2465, 2611, 2761, 2876, 3034, 3196, 3362, 3532, 3706,
];

/** @type {Record<Level, number[]>} */
const EC_PER_BLOCK = {
  L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
    28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
    26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  Q: [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
    28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  H: [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
    30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
};

/** @type {Record<Level, number[]>} */
const BLOCKS = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
    8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
    17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  Q: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
    23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  H: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
    25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
};

// The rows and columns of the alignment patterns' centres by version (Annex E; version 1
// has none): a pattern sits at every pair of them but the three where a finder pattern is.
const ALIGNMENT = [
  [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], // versions 1-6
  [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62], // 7-13
  [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74], [6, 30, 54, 78], [6, 30, 56, 82], [6, 30, 58, 86], // 14-19
  [6, 34, 62, 90], [6, 28, 50, 72, 94], [6, 26, 50, 74, 98], [6, 30, 54, 78, 102], [6, 28, 54, 80, 106], // 20-24
  [6, 32, 58, 84, 110], [6, 30, 58, 86, 114], [6, 34, 62, 90, 118], [6, 26, 50, 74, 98, 122], // 25-28
  [6, 30, 54, 78, 102, 126], [6, 26, 52, 78, 104, 130], [6, 30, 56, 82, 108, 134], // 29-31
  [6, 34, 60, 86, 112, 138], [6, 30, 58, 86, 114, 142], [6, 34, 62, 90, 118, 146], // 32-34
  [6, 30, 54, 78, 102, 126, 150], [6, 24, 50, 76, 102, 128, 154], [6, 28, 54, 80, 106, 132, 158], // 35-37
  [6, 32, 58, 84, 110, 136, 162], [6, 26, 54, 82, 110, 138, 166], [6, 30, 58, 86, 114, 142, 170], // 38-40
];

/**
 * The eight data masks (Table 10): a data module is inverted where its mask is true.
 * @type {((row: number, column: number) => boolean)[]}
 */
const MASKS = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

const BYTE_MODE = 0b0100;
const PAD_CODEWORDS = [0xec, 0x11];
const FORMAT_GENERATOR = 0b10100110111; // BCH(15,5)
const FORMAT_XOR = 0b101010000010010;
const VERSION_GENERATOR = 0b1111100100101; // BCH(18,6)

// ---- the codewords -------------------------------------------------------------------------

/** @param {number} version @param {Level} level @returns {number} the data codewords */
function dataCodewords(version, level) {
  return CODEWORDS[version - 1] - BLOCKS[level][version - 1] * EC_PER_BLOCK[level][version - 1];
}

/** The bits of the character count: 8 to version 9, 16 from 10 (Table 3). @param {number} version */
const countBits = (version) => (version <= 9 ? 8 : 16);

/**
 * The data codewords of `bytes` in byte mode (7.4): mode, count, the bytes, the
 * terminator, zeros to the byte's end, then the two pad codewords in turn.
 * @param {Uint8Array} bytes @param {number} version @param {Level} level @returns {number[]}
 */
function encodeData(bytes, version, level) {
  const capacity = dataCodewords(version, level) * 8;
  /** @type {number[]} */
  const bits = [];
  /** @param {number} value @param {number} length */
  const put = (value, length) => {
    for (let bit = length - 1; bit >= 0; bit--) bits.push((value >>> bit) & 1);
  };
  put(BYTE_MODE, 4);
  put(bytes.length, countBits(version));
  for (const byte of bytes) put(byte, 8);
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const codewords = [];
  for (let at = 0; at < bits.length; at += 8) {
    codewords.push(bits.slice(at, at + 8).reduce((byte, bit) => byte * 2 + bit));
  }
  for (let pad = 0; codewords.length < capacity / 8; pad++) codewords.push(PAD_CODEWORDS[pad % 2]);
  return codewords;
}

// GF(256) with the QR code's polynomial x^8 + x^4 + x^3 + x^2 + 1, by its tables of powers
// of α = 2 and of logarithms (EXP is doubled so that a product needs no modulo).
const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
for (let power = 0, value = 1; power < 255; power++) {
  EXP[power] = EXP[power + 255] = value;
  LOG[value] = power;
  value = value & 0x80 ? ((value << 1) ^ 0x11d) : value << 1;
}

/** @param {number} a @param {number} b @returns {number} */
function multiply(a, b) {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

/**
 * The generator polynomial (x - α^0)(x - α^1)…(x - α^(degree-1)), its coefficients from
 * the highest power; the first is 1. @param {number} degree @returns {number[]}
 */
function generatorPolynomial(degree) {
  let polynomial = [1];
  for (let root = 0; root < degree; root++) {
    const next = [...polynomial, 0];
    polynomial.forEach((coefficient, index) => (next[index + 1] ^= multiply(coefficient, EXP[root])));
    polynomial = next;
  }
  return polynomial;
}

/**
 * The Reed-Solomon error correction codewords of one block (7.5.2): the remainder of the
 * block, times x^degree, divided by the generator polynomial.
 * @param {number[]} block @param {number} degree @returns {number[]}
 */
function errorCorrection(block, degree) {
  const generator = generatorPolynomial(degree);
  const remainder = new Array(degree).fill(0);
  for (const codeword of block) {
    const factor = codeword ^ remainder.shift();
    remainder.push(0);
    for (let index = 0; index < degree; index++) remainder[index] ^= multiply(generator[index + 1], factor);
  }
  return remainder;
}

/**
 * The final sequence of codewords (7.6): the data split into blocks, the shorter blocks
 * first, each block's error correction computed, then both interleaved block by block.
 * @param {number[]} data @param {number} version @param {Level} level @returns {number[]}
 */
function interleave(data, version, level) {
  const blockCount = BLOCKS[level][version - 1];
  const degree = EC_PER_BLOCK[level][version - 1];
  const shortLength = Math.floor(data.length / blockCount);
  const longBlocks = data.length % blockCount;
  const blocks = [];
  for (let index = 0, start = 0; index < blockCount; index++) {
    const end = start + shortLength + (index >= blockCount - longBlocks ? 1 : 0);
    blocks.push(data.slice(start, end));
    start = end;
  }
  const corrections = blocks.map((block) => errorCorrection(block, degree));
  const result = [];
  for (let index = 0; index <= shortLength; index++) {
    for (const block of blocks) if (index < block.length) result.push(block[index]);
  }
  for (let index = 0; index < degree; index++) {
    for (const correction of corrections) result.push(correction[index]);
  }
  return result;
}

// ---- the matrix ----------------------------------------------------------------------------

/**
 * A symbol being drawn: its modules, and which of them are function patterns (or kept
 * for the format and version information), which neither data nor mask may change.
 * @typedef {object} Grid
 * @property {number} size
 * @property {boolean[][]} dark
 * @property {boolean[][]} reserved
 */

/** @param {Grid} grid @param {number} row @param {number} column @param {boolean} dark */
function fix(grid, row, column, dark) {
  grid.dark[row][column] = dark;
  grid.reserved[row][column] = true;
}

/**
 * The function patterns (6.3), and the places of the format and version information.
 * @param {number} version
 * @returns {Grid}
 */
function functionPatterns(version) {
  const size = 17 + 4 * version;
  const rows = () => Array.from({ length: size }, () => new Array(size).fill(false));
  const grid = { size, dark: rows(), reserved: rows() };
  // Finder patterns with their separators: rings 0-4 around the centre, dark but for rings 2 and 4.
  for (const [top, left] of [[0, 0], [0, size - 7], [size - 7, 0]]) {
    for (let dy = -1; dy <= 7; dy++) {
      for (let dx = -1; dx <= 7; dx++) {
        const [row, column] = [top + dy, left + dx];
        if (row < 0 || row >= size || column < 0 || column >= size) continue;
        const ring = Math.max(Math.abs(dy - 3), Math.abs(dx - 3));
        fix(grid, row, column, ring !== 2 && ring !== 4);
      }
    }
  }
  // Timing patterns, along row 6 and column 6.
  for (let index = 8; index < size - 8; index++) {
    fix(grid, 6, index, index % 2 === 0);
    fix(grid, index, 6, index % 2 === 0);
  }
  // Alignment patterns: rings 0-2 around the centre, dark but for ring 1; none on a finder pattern.
  const centres = ALIGNMENT[version - 1];
  const last = centres.length - 1;
  centres.forEach((row, i) => {
    centres.forEach((column, j) => {
      if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) fix(grid, row + dy, column + dx, Math.max(Math.abs(dy), Math.abs(dx)) !== 1);
      }
    });
  });
  // The places of the format information (with the dark module) and of the version information.
  drawFormat(grid, 0);
  if (version >= 7) drawVersion(grid, version);
  return grid;
}

/** The highest power of a polynomial over GF(2) as bits. @param {number} bits */
const degreeOf = (bits) => 31 - Math.clz32(bits);

/** `value` modulo `generator`, polynomials over GF(2) as bits. @param {number} value @param {number} generator */
function bchRemainder(value, generator) {
  let remainder = value;
  while (degreeOf(remainder) >= degreeOf(generator)) {
    remainder ^= generator << (degreeOf(remainder) - degreeOf(generator));
  }
  return remainder;
}

/** The format information (7.9.1): level and mask, their BCH code, masked. @param {Level} level @param {number} mask */
function formatBits(level, mask) {
  const data = (LEVEL_BITS[level] << 3) | mask;
  return ((data << 10) | bchRemainder(data << 10, FORMAT_GENERATOR)) ^ FORMAT_XOR;
}

/**
 * Draw the format information twice (Figure 25), bit 0 the least significant: down
 * column 8 and then left along row 8 around the top-left finder pattern; left from the
 * right edge along row 8, then down column 8 to the bottom edge. Also the dark module.
 * @param {Grid} grid @param {number} bits
 */
function drawFormat(grid, bits) {
  const { size } = grid;
  for (let bit = 0; bit < 15; bit++) {
    const dark = ((bits >>> bit) & 1) === 1;
    if (bit < 8) {
      fix(grid, bit < 6 ? bit : bit + 1, 8, dark);
      fix(grid, 8, size - 1 - bit, dark);
    } else {
      fix(grid, 8, bit === 8 ? 7 : 14 - bit, dark);
      fix(grid, size - 15 + bit, 8, dark);
    }
  }
  fix(grid, size - 8, 8, true);
}

/**
 * Draw the version information (7.10), versions 7-40: the version and its BCH code, 18
 * bits in a block of 6 × 3 by the top-right finder pattern and its mirror by the bottom-left.
 * @param {Grid} grid @param {number} version
 */
function drawVersion(grid, version) {
  const bits = (version << 12) | bchRemainder(version << 12, VERSION_GENERATOR);
  for (let bit = 0; bit < 18; bit++) {
    const dark = ((bits >>> bit) & 1) === 1;
    const [along, across] = [Math.floor(bit / 3), grid.size - 11 + (bit % 3)];
    fix(grid, along, across, dark);
    fix(grid, across, along, dark);
  }
}

/**
 * Place the codewords' bits (7.7.3) in columns two modules wide, from the right, upwards
 * and downwards in turn, around the reserved modules; the few left over (the remainder
 * bits) stay light. Left of the vertical timing pattern the columns start one further left.
 * @param {Grid} grid @param {number[]} codewords
 */
function placeCodewords(grid, codewords) {
  const { size } = grid;
  let bit = 0;
  let upwards = true;
  for (let edge = size - 1; edge >= 1; edge -= 2) {
    const right = edge <= 6 ? edge - 1 : edge;
    for (let step = 0; step < size; step++) {
      const row = upwards ? size - 1 - step : step;
      for (const column of [right, right - 1]) {
        if (grid.reserved[row][column]) continue;
        grid.dark[row][column] = bit < codewords.length * 8 && ((codewords[bit >>> 3] >>> (7 - (bit % 8))) & 1) === 1;
        bit++;
      }
    }
    upwards = !upwards;
  }
}

/**
 * The finished symbol: the data masked, the format information written.
 * @param {Grid} grid @param {Level} level @param {number} mask
 */
function finish(grid, level, mask) {
  const invert = MASKS[mask];
  const finished = {
    size: grid.size,
    dark: grid.dark.map((row, i) => row.map((dark, j) => (grid.reserved[i][j] ? dark : dark !== invert(i, j)))),
    reserved: grid.reserved.map((row) => [...row]),
  };
  drawFormat(finished, formatBits(level, mask));
  return finished.dark;
}

// ---- choosing the mask ---------------------------------------------------------------------

const FINDER_LIKE = [true, false, true, true, true, false, true];

/**
 * The penalty of one row or column: rule 1, 3 + (n - 5) for each run of n ≥ 5 modules of one
 * colour; rule 3, 40 for each dark-light-dark-dark-dark-light-dark with four light modules
 * before or after it, where beyond the symbol's edge (the quiet zone) counts as light.
 * @param {boolean[]} line
 * @returns {number}
 */
function linePenalty(line) {
  let penalty = 0;
  let run = 0;
  line.forEach((dark, index) => {
    run = index > 0 && dark === line[index - 1] ? run + 1 : 1;
    if (run >= 5) penalty += run === 5 ? 3 : 1; // 3 for the fifth module of a run, 1 for each further one
  });
  /** @param {number} from @param {number} to */
  const light = (from, to) => line.slice(Math.max(from, 0), Math.max(to, 0)).every((dark) => !dark);
  for (let start = 0; start + 7 <= line.length; start++) {
    if (!FINDER_LIKE.every((dark, offset) => line[start + offset] === dark)) continue;
    if (light(start - 4, start) || light(start + 7, start + 11)) penalty += 40;
  }
  return penalty;
}

/**
 * The penalty of a finished symbol (7.8.3, Table 11), the whole symbol evaluated as the
 * standard says, its format and version information too: rules 1 and 3 in every row and
 * column (linePenalty), rule 2 (3 for each 2 × 2 block of one colour) and rule 4 (10 for
 * each full 5 % by which the dark modules' share is away from 50 %).
 * @param {boolean[][]} modules
 * @returns {number}
 */
function penalty(modules) {
  const size = modules.length;
  let total = 0;
  let darkCount = 0;
  for (let index = 0; index < size; index++) {
    total += linePenalty(modules[index]) + linePenalty(modules.map((row) => row[index]));
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const dark = modules[i][j];
      if (dark) darkCount++;
      if (i + 1 < size && j + 1 < size && modules[i][j + 1] === dark && modules[i + 1][j] === dark &&
        modules[i + 1][j + 1] === dark) total += 3;
    }
  }
  return total + 10 * Math.floor(Math.abs(darkCount * 20 - size * size * 10) / (size * size));
}

// ---- the API -------------------------------------------------------------------------------

/**
 * The QR code of `text` (as UTF-8, in byte mode) in the smallest version that holds it.
 * Throws an Error when even version 40 cannot, and a RangeError for an unknown level or mask.
 * @param {string} text
 * @param {QrOptions} [options]
 * @returns {QrMatrix}
 */
export function qrMatrix(text, options = {}) {
  const level = options.level ?? "M";
  if (!Object.hasOwn(LEVEL_BITS, level)) throw new RangeError(`unknown error correction level: ${String(level)}`);
  const asked = options.mask;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 0 && asked <= 7)) {
    throw new RangeError(`a QR code's mask is 0-7, not ${String(asked)}`);
  }
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (4 + countBits(version) + 8 * bytes.length > dataCodewords(version, level) * 8) {
    if (++version > 40) {
      const most = dataCodewords(40, level) - 3; // less the mode and the 16-bit count
      throw new Error(`a QR code at level ${level} holds at most ${most} bytes: the text is ${bytes.length} as UTF-8`);
    }
  }
  const grid = functionPatterns(version);
  placeCodewords(grid, interleave(encodeData(bytes, version, level), version, level));
  // The mask asked for, else the first of the eight with the lowest penalty.
  const masks = asked === undefined ? MASKS.map((_test, mask) => mask) : [asked];
  const symbols = masks.map((mask) => ({ mask, modules: finish(grid, level, mask) }));
  const penalties = symbols.map((symbol) => (symbols.length > 1 ? penalty(symbol.modules) : 0));
  const { mask, modules } = symbols[penalties.indexOf(Math.min(...penalties))];
  return { size: grid.size, version, mask, modules };
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** The light margin a reader needs around the code, in modules (6.3.8). */
const QUIET_ZONE = 4;

/**
 * The QR code as an <svg role="img"> named by `label`: a white square with the quiet zone
 * and one black path of the dark modules (each row's runs as rectangles), black on white
 * in every colour scheme, since a reader needs dark on light. It has no width or height:
 * the page's CSS sizes it, and crispEdges keeps the modules' edges sharp at any size.
 * @param {Document} document
 * @param {QrMatrix} matrix
 * @param {string} label
 * @returns {SVGSVGElement}
 */
export function qrSvg(document, matrix, label) {
  const side = matrix.size + 2 * QUIET_ZONE;
  /** @param {string} tag @param {Record<string, string | number>} attributes */
  const element = (tag, attributes) => {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    return node;
  };
  /** @type {string[]} */
  const runs = [];
  matrix.modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < row.length && row[x + 1]) x++;
      runs.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x + 1 - start}v1h-${x + 1 - start}z`);
    }
  });
  const attributes = { viewBox: `0 0 ${side} ${side}`, role: "img", "aria-label": label };
  const svg = /** @type {SVGSVGElement} */ (element("svg", attributes));
  // Forced colours (a high-contrast theme) must not turn the code light on dark either.
  svg.style.setProperty("forced-color-adjust", "none");
  const title = element("title", {});
  title.textContent = label;
  svg.append(
    title,
    element("rect", { x: 0, y: 0, width: side, height: side, fill: "#fff" }),
    element("path", { d: runs.join(""), fill: "#000", "shape-rendering": "crispEdges" }),
  );
  return svg;
}
