// @ts-check
// The cryptography of the team tool: an invitation's key pair, and replies sealed to
// it, with the browser's own WebCrypto (globalThis.crypto.subtle, which Node has too).
// Nothing here stores or sends anything: team-keys.js keeps an invitation's private
// key on the device, and the page moves the texts made here (links, pasted text,
// files). The exact format is documented in scorer/TEAM.md; a test opens this
// module's replies with an independent implementation (Python's `cryptography`,
// tests/team/test_crypto_interop.py) and this module opens that one's.
//
//   invitation  lsk-invite.1.<course>.<invitation>.<questionnaire>.<version>.<public key>
//   reply       lsk-reply.1.<course>.<invitation>.<questionnaire>.<version>.<length>.<body>
//
// <invitation> is 16 random bytes as 32 lowercase hex digits; <public key> the
// invitation's P-256 public key, base64url (no padding) of its 65-byte uncompressed
// point; <body> base64url of the sender's ephemeral public key (65 bytes) followed by
// the AES-256-GCM ciphertext and its 16-byte tag, <length> the number of bytes of
// the body. The key and nonce come from HKDF-SHA-256 over the ECDH secret of the
// ephemeral key and the invitation's key (salt: both public keys; info:
// "lederskap/team-reply/1"), and everything before the body is the associated data:
// a reply opens only for its course, invitation, questionnaire and version.
//
// One algorithm: ECDH on P-256, which every browser's WebCrypto and Node have had
// for years. X25519 is newer in browsers (2024-2025) and would double the formats,
// the tests and the paths a reply can take, for no gain in what the tool protects.

import { constants } from "./constants.js";

export const INVITATION_PREFIX = "lsk-invite";
export const REPLY_PREFIX = "lsk-reply";
export const TEXT_FORMAT = 1;
const HKDF_INFO = "lederskap/team-reply/1";
const CURVE = { name: "ECDH", namedCurve: "P-256" };
const POINT_BYTES = 65;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const INVITATION_ID_BYTES = 16;
/** The most bytes a reply's body may declare: far beyond any questionnaire's answers. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

// The fields of the texts: none holds a ".", the separator, nor anything a URL's
// fragment or a chat program would change. Course and questionnaire are ids (the
// project's one id pattern, constants.js).
const NAME_FIELD = new RegExp(`^(?:${constants.idPattern})$`);
const INVITATION_FIELD = /^[0-9a-f]{32}$/;
const VERSION_FIELD = /^[1-9][0-9]{0,8}$/;
const LENGTH_FIELD = /^(?:0|[1-9][0-9]{0,8})$/;
const FORMAT_FIELD = /^(?:0|[1-9][0-9]{0,8})$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const BASE64URL_RUN = /^[A-Za-z0-9_-]*/;

/**
 * What an invitation names: the course, the invitation's id, the questionnaire its
 * replies answer and its version. A reply is bound to all four.
 * @typedef {object} Binding
 * @property {string} course
 * @property {string} invitation 32 lowercase hex digits
 * @property {string} questionnaire
 * @property {number} version
 */

/**
 * An invitation as a link carries it: its binding and its public key (base64url).
 * @typedef {Binding & {publicKey: string}} Invitation
 */

/**
 * Why a text is not an invitation that can be replied to.
 * @typedef {"not-an-invitation" | "newer-format" | "incomplete" | "damaged"} InvitationProblem
 */

/**
 * Why a reply cannot be opened: not a reply at all; of a newer format than this page
 * reads; cut short; changed (or made for another key); or made for another course,
 * invitation, questionnaire or questionnaire version than the one it is opened with.
 * @typedef {"not-a-reply" | "newer-format" | "incomplete" | "damaged" |
 *   "other-course" | "other-invitation" | "other-questionnaire" | "other-version"} ReplyProblem
 */

/**
 * What a reply's text says before it is opened (its binding, and its body's length).
 * @typedef {Binding & {length: number}} ReplyHeader
 */

/**
 * @template T, P
 * @typedef {{ok: true, value: T} | {ok: false, problem: P}} Outcome
 */

/**
 * An opened reply: the text that was sealed, and an id that is the same for every copy
 * of this reply and different for every other (32 hex digits; from its ephemeral key).
 * @typedef {object} OpenedReply
 * @property {string} plaintext
 * @property {string} replyId
 * @property {ReplyHeader} header
 */

/**
 * The private side of an invitation, as the inviter's device keeps it (team-keys.js).
 * @typedef {Binding & {publicKey: string, privateKey: CryptoKey}} InvitationKeys
 */

/** A mistake of the caller (a binding that cannot be written, a key of the wrong kind): never the input's. */
export class TeamCryptoError extends Error {}

/** @returns {SubtleCrypto} */
function subtle() {
  const found = globalThis.crypto?.subtle;
  if (!found) throw new TeamCryptoError("WebCrypto (crypto.subtle) is not available: a secure context is needed");
  return found;
}

// ---- bytes and texts ----------------------------------------------------------------------

/**
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function toBase64url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * The bytes of a base64url text without padding, or null when it is not one in its one
 * canonical form (a changed last character that decodes to the same bytes is refused too).
 * @param {string} text
 * @returns {Uint8Array<ArrayBuffer> | null}
 */
export function fromBase64url(text) {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const padded = text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4);
  let binary;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return toBase64url(bytes) === text ? bytes : null;
}

/**
 * How many characters base64url without padding writes for `bytes` bytes.
 * @param {number} bytes
 * @returns {number}
 */
function base64urlLength(bytes) {
  return 4 * Math.floor(bytes / 3) + [0, 2, 3][bytes % 3];
}

/**
 * @param {Uint8Array} bytes
 * @returns {string}
 */
function hex(bytes) {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * @param {...Uint8Array} parts
 * @returns {Uint8Array<ArrayBuffer>}
 */
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * @param {string} text
 * @returns {Uint8Array<ArrayBuffer>}
 */
function utf8(text) {
  return new TextEncoder().encode(text);
}

/**
 * @param {Binding} binding
 */
function checkBinding(binding) {
  const { course, invitation, questionnaire, version } = binding;
  if (!NAME_FIELD.test(course) || !NAME_FIELD.test(questionnaire)) {
    throw new TeamCryptoError(`a course and a questionnaire are ids: '${course}', '${questionnaire}'`);
  }
  if (!INVITATION_FIELD.test(invitation)) throw new TeamCryptoError(`not an invitation id: '${invitation}'`);
  if (!Number.isSafeInteger(version) || !VERSION_FIELD.test(String(version))) {
    throw new TeamCryptoError(`not a questionnaire version: ${version}`);
  }
}

/**
 * The text that starts a reply of `length` body bytes for `binding`, up to and including
 * the "." before the body: the reply's associated data.
 * @param {Binding} binding
 * @param {number} length
 * @returns {string}
 */
export function replyHeaderText(binding, length) {
  const { course, invitation, questionnaire, version } = binding;
  return `${REPLY_PREFIX}.${TEXT_FORMAT}.${course}.${invitation}.${questionnaire}.${version}.${length}.`;
}

/**
 * The stretches of a pasted text (or a link, or a file's content) that start with
 * `prefix` and ".", in order, each running up to the next one. Spaces and line breaks
 * are left out first: a mail program may wrap a long text. What follows a text (a
 * greeting, another reply) is cut off by its reader, which knows how long each field is.
 * @param {string} text
 * @param {string} prefix
 * @returns {string[]}
 */
function stretchesIn(text, prefix) {
  const joined = text.replace(/\s+/g, "");
  /** @type {number[]} */
  const starts = [];
  for (let at = joined.indexOf(`${prefix}.`); at >= 0; at = joined.indexOf(`${prefix}.`, at + 1)) starts.push(at);
  return starts.map((start, index) => joined.slice(start, starts[index + 1]));
}

/**
 * Every reply in a pasted text, each as the stretch of text it starts (see stretchesIn):
 * give each to readReplyHeader or openReply.
 * @param {string} text
 * @returns {string[]}
 */
export function replyTextsIn(text) {
  return stretchesIn(text, REPLY_PREFIX);
}

/**
 * The fields of the first text of a format in `text`: the `count` fields after the
 * prefix and the format version, each ended by a ".", and then the last field, the
 * longest run of base64url characters that follows (the reader cuts it to its length).
 * Or why there is none: not of the format, of a newer one, or cut short.
 * @param {string} text
 * @param {string} prefix
 * @param {number} count
 * @returns {Outcome<{fields: string[], last: string}, "not-ours" | "newer-format" | "incomplete">}
 */
function readFields(text, prefix, count) {
  const [stretch] = stretchesIn(text, prefix);
  if (stretch === undefined) return { ok: false, problem: "not-ours" };
  let rest = stretch.slice(prefix.length + 1);
  const dot = rest.indexOf(".");
  const format = dot < 0 ? rest : rest.slice(0, dot);
  if (!FORMAT_FIELD.test(format)) return { ok: false, problem: format === "" ? "incomplete" : "not-ours" };
  if (Number(format) > TEXT_FORMAT) return { ok: false, problem: "newer-format" };
  if (Number(format) !== TEXT_FORMAT) return { ok: false, problem: "not-ours" };
  rest = rest.slice(format.length);
  const fields = [];
  while (fields.length < count) {
    if (!rest.startsWith(".")) return { ok: false, problem: rest === "" ? "incomplete" : "not-ours" };
    const end = rest.indexOf(".", 1);
    if (end < 0) return { ok: false, problem: "incomplete" };
    fields.push(rest.slice(1, end));
    rest = rest.slice(end);
  }
  const last = BASE64URL_RUN.exec(rest.slice(1))?.[0] ?? "";
  if (last === "") return { ok: false, problem: "incomplete" };
  return { ok: true, value: { fields, last } };
}

// ---- invitations --------------------------------------------------------------------------

/**
 * A new invitation id: 16 random bytes as 32 lowercase hex digits.
 * @returns {string}
 */
export function newInvitationId() {
  return hex(globalThis.crypto.getRandomValues(new Uint8Array(INVITATION_ID_BYTES)));
}

/**
 * A new invitation key pair: the private key cannot be exported (not even by this page),
 * the public key can, for the link.
 * @returns {Promise<CryptoKeyPair>}
 */
export async function createKeyPair() {
  return /** @type {CryptoKeyPair} */ (await subtle().generateKey(CURVE, false, ["deriveBits"]));
}

/**
 * A public key as an invitation carries it: base64url of its uncompressed point.
 * @param {CryptoKey} publicKey
 * @returns {Promise<string>}
 */
export async function exportPublicKey(publicKey) {
  return toBase64url(new Uint8Array(await subtle().exportKey("raw", publicKey)));
}

/**
 * The public key of a point (65 bytes), or null when the bytes are not a point of P-256.
 * @param {Uint8Array<ArrayBuffer>} point
 * @returns {Promise<CryptoKey | null>}
 */
async function importPoint(point) {
  if (point.length !== POINT_BYTES || point[0] !== 4) return null;
  try {
    return await subtle().importKey("raw", point, CURVE, true, []);
  } catch {
    return null;
  }
}

/**
 * The link text of an invitation.
 * @param {Invitation} invitation
 * @returns {string}
 */
export function invitationText(invitation) {
  checkBinding(invitation);
  const { course, invitation: id, questionnaire, version, publicKey } = invitation;
  return `${INVITATION_PREFIX}.${TEXT_FORMAT}.${course}.${id}.${questionnaire}.${version}.${publicKey}`;
}

/**
 * Read an invitation from a text (a link, or what was pasted), its public key included:
 * the invitation, or why it cannot be replied to.
 * @param {string} text
 * @returns {Promise<Outcome<Invitation, InvitationProblem>>}
 */
export async function readInvitation(text) {
  const read = readFields(text, INVITATION_PREFIX, 4);
  if (!read.ok) return { ok: false, problem: read.problem === "not-ours" ? "not-an-invitation" : read.problem };
  const [course, invitation, questionnaire, version] = read.value.fields;
  if (
    !NAME_FIELD.test(course) ||
    !INVITATION_FIELD.test(invitation) ||
    !NAME_FIELD.test(questionnaire) ||
    !VERSION_FIELD.test(version)
  ) {
    return { ok: false, problem: "not-an-invitation" };
  }
  const publicKey = read.value.last.slice(0, base64urlLength(POINT_BYTES));
  if (publicKey.length < base64urlLength(POINT_BYTES)) return { ok: false, problem: "incomplete" };
  const point = fromBase64url(publicKey);
  if (!point || !(await importPoint(point))) return { ok: false, problem: "damaged" };
  return { ok: true, value: { course, invitation, questionnaire, version: Number(version), publicKey } };
}

// ---- replies ------------------------------------------------------------------------------

/**
 * The AES-GCM key and nonce of a reply: HKDF-SHA-256 over the ECDH secret, salted with
 * the ephemeral and the invitation's public points.
 * @param {CryptoKey} privateKey
 * @param {CryptoKey} publicKey
 * @param {Uint8Array} ephemeralPoint
 * @param {Uint8Array} invitationPoint
 * @param {KeyUsage} usage
 * @returns {Promise<{key: CryptoKey, nonce: Uint8Array<ArrayBuffer>}>}
 */
async function replyKey(privateKey, publicKey, ephemeralPoint, invitationPoint, usage) {
  const secret = await subtle().deriveBits({ name: "ECDH", public: publicKey }, privateKey, 8 * KEY_BYTES);
  const hkdf = await subtle().importKey("raw", secret, "HKDF", false, ["deriveBits"]);
  const okm = new Uint8Array(
    await subtle().deriveBits(
      { name: "HKDF", hash: "SHA-256", salt: concat(ephemeralPoint, invitationPoint), info: utf8(HKDF_INFO) },
      hkdf,
      8 * (KEY_BYTES + NONCE_BYTES),
    ),
  );
  const key = await subtle().importKey("raw", okm.slice(0, KEY_BYTES), "AES-GCM", false, [usage]);
  return { key, nonce: okm.slice(KEY_BYTES) };
}

/**
 * Seal `plaintext` (the reply's answers as JSON text) to an invitation: only the holder
 * of its private key can open it, and only as a reply to that invitation.
 * @param {Invitation} invitation
 * @param {string} plaintext
 * @returns {Promise<string>} the reply's text
 */
export async function sealReply(invitation, plaintext) {
  checkBinding(invitation);
  const invitationPoint = fromBase64url(invitation.publicKey);
  const publicKey = invitationPoint && (await importPoint(invitationPoint));
  if (!invitationPoint || !publicKey) throw new TeamCryptoError("the invitation's public key is not a P-256 point");
  const ephemeral = await createKeyPair();
  const ephemeralPoint = new Uint8Array(await subtle().exportKey("raw", ephemeral.publicKey));
  const { key, nonce } = await replyKey(ephemeral.privateKey, publicKey, ephemeralPoint, invitationPoint, "encrypt");
  const message = utf8(plaintext);
  const length = POINT_BYTES + message.length + TAG_BYTES;
  const header = replyHeaderText(invitation, length);
  const sealed = await subtle().encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: utf8(header), tagLength: 8 * TAG_BYTES },
    key,
    message,
  );
  return header + toBase64url(concat(ephemeralPoint, new Uint8Array(sealed)));
}

/**
 * What a reply's text says about itself, before it is opened: for finding the invitation
 * it answers. Nothing in it is trusted until the reply is opened with that invitation.
 * @param {string} text
 * @returns {Outcome<ReplyHeader & {body: string}, "not-a-reply" | "newer-format" | "incomplete">}
 */
export function readReplyHeader(text) {
  const read = readFields(text, REPLY_PREFIX, 5);
  if (!read.ok) return { ok: false, problem: read.problem === "not-ours" ? "not-a-reply" : read.problem };
  const [course, invitation, questionnaire, version, length] = read.value.fields;
  if (
    !NAME_FIELD.test(course) ||
    !INVITATION_FIELD.test(invitation) ||
    !NAME_FIELD.test(questionnaire) ||
    !VERSION_FIELD.test(version) ||
    !LENGTH_FIELD.test(length)
  ) {
    return { ok: false, problem: "not-a-reply" };
  }
  const bytes = Number(length);
  if (bytes < POINT_BYTES + TAG_BYTES || bytes > MAX_BODY_BYTES) return { ok: false, problem: "not-a-reply" };
  const body = read.value.last.slice(0, base64urlLength(bytes));
  if (body.length < base64urlLength(bytes)) return { ok: false, problem: "incomplete" };
  return { ok: true, value: { course, invitation, questionnaire, version: Number(version), length: bytes, body } };
}

/**
 * Open a reply with the invitation it answers: the text that was sealed, or why not. A
 * reply names its invitation, so a reply for another one (or another course,
 * questionnaire or version) is told apart from a changed one; and as all of that is
 * sealed with it, a reply whose names were changed does not open.
 * @param {string} text
 * @param {InvitationKeys} keys
 * @returns {Promise<Outcome<OpenedReply, ReplyProblem>>}
 */
export async function openReply(text, keys) {
  checkBinding(keys);
  const read = readReplyHeader(text);
  if (!read.ok) return read;
  const header = read.value;
  /** @type {[keyof Binding, ReplyProblem][]} */
  const checks = [
    ["course", "other-course"],
    ["invitation", "other-invitation"],
    ["questionnaire", "other-questionnaire"],
    ["version", "other-version"],
  ];
  for (const [field, problem] of checks) {
    if (header[field] !== keys[field]) return { ok: false, problem };
  }
  const body = fromBase64url(header.body);
  const invitationPoint = fromBase64url(keys.publicKey);
  if (!invitationPoint) throw new TeamCryptoError("the invitation's public key is not base64url");
  if (!body || body.length !== header.length) return { ok: false, problem: "damaged" };
  const ephemeralPoint = body.slice(0, POINT_BYTES);
  const ephemeral = await importPoint(ephemeralPoint);
  if (!ephemeral) return { ok: false, problem: "damaged" };
  let plaintext;
  try {
    const { key, nonce } = await replyKey(keys.privateKey, ephemeral, ephemeralPoint, invitationPoint, "decrypt");
    const opened = await subtle().decrypt(
      {
        name: "AES-GCM",
        iv: nonce,
        additionalData: utf8(replyHeaderText(keys, header.length)),
        tagLength: 8 * TAG_BYTES,
      },
      key,
      body.slice(POINT_BYTES),
    );
    plaintext = new TextDecoder("utf-8", { fatal: true }).decode(opened);
  } catch {
    return { ok: false, problem: "damaged" };
  }
  const digest = new Uint8Array(await subtle().digest("SHA-256", ephemeralPoint));
  const { body: _, ...named } = header;
  return { ok: true, value: { plaintext, replyId: hex(digest.slice(0, 16)), header: named } };
}
