// team-crypto.js: invitations and sealed replies (the format: scorer/TEAM.md). The same
// replies opened by an independent implementation, and its replies opened here:
// tests/team/test_crypto_interop.py.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { siteModule } from "./site.mjs";

const {
  TEXT_FORMAT,
  createKeyPair,
  exportPublicKey,
  fromBase64url,
  invitationText,
  newInvitationId,
  openReply,
  readInvitation,
  readReplyHeader,
  replyTextsIn,
  sealReply,
  toBase64url,
} = await siteModule("team-crypto.js");

/** A new invitation of course "kurs" for questionnaire "sett-av-andre" version 2, with its private side. */
async function newInvitation(binding = {}) {
  const pair = await createKeyPair();
  const invitation = {
    course: "kurs",
    invitation: newInvitationId(),
    questionnaire: "sett-av-andre",
    version: 2,
    publicKey: await exportPublicKey(pair.publicKey),
    ...binding,
  };
  return { invitation, keys: { ...invitation, privateKey: pair.privateKey } };
}

const ANSWERS = JSON.stringify({ lytter: 4, "rolle-modell": 5, tekst: "Æ, ø, å og 🙂 – «sitat»" });

/** The reply text with the byte at `index` of its body changed. */
function withBodyByteChanged(reply, index) {
  const start = reply.lastIndexOf(".") + 1;
  const body = fromBase64url(reply.slice(start));
  body[index] ^= 0x01;
  return reply.slice(0, start) + toBase64url(body);
}

describe("invitations", () => {
  test("an invitation id is 16 random bytes in lowercase hex", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newInvitationId()));
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  });

  test("the private key cannot be exported; the public key is a P-256 point in base64url", async () => {
    const pair = await createKeyPair();
    assert.equal(pair.privateKey.extractable, false);
    assert.deepEqual(pair.privateKey.algorithm, { name: "ECDH", namedCurve: "P-256" });
    await assert.rejects(crypto.subtle.exportKey("pkcs8", pair.privateKey));
    await assert.rejects(crypto.subtle.exportKey("jwk", pair.privateKey));
    const text = await exportPublicKey(pair.publicKey);
    assert.match(text, /^[A-Za-z0-9_-]{87}$/);
    const point = fromBase64url(text);
    assert.equal(point.length, 65);
    assert.equal(point[0], 4);
  });

  test("an invitation's text reads back as the same invitation, also inside a link or a message", async () => {
    const { invitation } = await newInvitation();
    const text = invitationText(invitation);
    assert.equal(
      text,
      `lsk-invite.${TEXT_FORMAT}.kurs.${invitation.invitation}.sett-av-andre.2.${invitation.publicKey}`,
    );
    for (const around of [text, `https://example.org/kurs/team/#${text}`, `Hei!\n${text}\nHilsen Kari.`]) {
      assert.deepEqual(await readInvitation(around), { ok: true, value: invitation });
    }
  });

  test("a text that is not an invitation, a newer one, a cut one and a damaged key are told apart", async () => {
    const { invitation } = await newInvitation();
    const text = invitationText(invitation);
    const problem = async (t) => {
      const read = await readInvitation(t);
      return read.ok ? "ok" : read.problem;
    };
    assert.equal(await problem("Hei"), "not-an-invitation");
    assert.equal(await problem(text.replace("lsk-invite.1.", "lsk-invite.2.")), "newer-format");
    assert.equal(await problem(text.replace("lsk-invite.1.", "lsk-invite.0.")), "not-an-invitation");
    assert.equal(await problem(text.replace(".kurs.", ".Kurs.")), "not-an-invitation");
    assert.equal(await problem(text.replace(".2.", ".02.")), "not-an-invitation");
    for (let cut = "lsk-invite.".length; cut < text.length; cut += 1) {
      assert.equal(await problem(text.slice(0, cut)), "incomplete", `cut at ${cut}`);
    }
    const point = fromBase64url(invitation.publicKey);
    point[64] ^= 0x01; // no longer a point of the curve
    assert.equal(await problem(invitationText({ ...invitation, publicKey: toBase64url(point) })), "damaged");
  });
});

describe("replies", () => {
  test("a reply opens with its invitation and gives the text sealed", async () => {
    const { invitation, keys } = await newInvitation();
    const reply = await sealReply(invitation, ANSWERS);
    const opened = await openReply(reply, keys);
    assert.ok(opened.ok, JSON.stringify(opened));
    assert.equal(opened.value.plaintext, ANSWERS);
    assert.match(opened.value.replyId, /^[0-9a-f]{32}$/);
    assert.deepEqual(opened.value.header, {
      course: "kurs",
      invitation: invitation.invitation,
      questionnaire: "sett-av-andre",
      version: 2,
      length: 65 + new TextEncoder().encode(ANSWERS).length + 16,
    });
  });

  test("the reply's text holds no answer in clear, and two replies of the same answers differ", async () => {
    const { invitation, keys } = await newInvitation();
    const first = await sealReply(invitation, ANSWERS);
    const second = await sealReply(invitation, ANSWERS);
    assert.notEqual(first, second);
    for (const reply of [first, second]) {
      assert.match(reply, /^lsk-reply\.1\.kurs\.[0-9a-f]{32}\.sett-av-andre\.2\.\d+\.[A-Za-z0-9_-]+$/);
      for (const clear of ["lytter", "rolle", "tekst", "sitat"]) assert.ok(!reply.includes(clear), clear);
    }
    const ids = [];
    for (const reply of [first, second, first]) ids.push((await openReply(reply, keys)).value.replyId);
    assert.equal(ids[0], ids[2], "the same reply has the same id");
    assert.notEqual(ids[0], ids[1], "another reply has another id");
  });

  test("every changed byte of the body is refused", async () => {
    const { invitation, keys } = await newInvitation();
    const reply = await sealReply(invitation, ANSWERS);
    const length = readReplyHeader(reply).value.length;
    for (let index = 0; index < length; index += 1) {
      const opened = await openReply(withBodyByteChanged(reply, index), keys);
      assert.deepEqual(opened, { ok: false, problem: "damaged" }, `byte ${index}`);
    }
  });

  test("a changed character of the text is refused, wherever it is", async () => {
    const { invitation, keys } = await newInvitation({ invitation: "0123456789abcdef0123456789abcdef" });
    const reply = await sealReply(invitation, ANSWERS);
    for (let index = 0; index < reply.length; index += 1) {
      const replacement = reply[index] === "a" ? "b" : "a";
      const changed = reply.slice(0, index) + replacement + reply.slice(index + 1);
      const opened = await openReply(changed, keys);
      assert.equal(opened.ok, false, `character ${index}`);
    }
  });

  test("a reply for another invitation, course, questionnaire or version is refused as such", async () => {
    const { invitation } = await newInvitation();
    const other = await newInvitation();
    const reply = await sealReply(invitation, ANSWERS);
    assert.deepEqual(await openReply(reply, other.keys), { ok: false, problem: "other-invitation" });
    const sameId = { ...other.keys, invitation: invitation.invitation };
    for (const [change, problem] of [
      [{ course: "annet-kurs" }, "other-course"],
      [{ questionnaire: "annet-skjema" }, "other-questionnaire"],
      [{ version: 3 }, "other-version"],
    ]) {
      assert.deepEqual(await openReply(reply, { ...sameId, ...change }), { ok: false, problem });
    }
  });

  test("a reply made for another key, or relabelled for another invitation, does not open", async () => {
    const { invitation, keys } = await newInvitation();
    const other = await newInvitation();
    // Sealed to the other invitation's key under this invitation's names: not this key's.
    const forOtherKey = await sealReply({ ...invitation, publicKey: other.invitation.publicKey }, ANSWERS);
    assert.deepEqual(await openReply(forOtherKey, keys), { ok: false, problem: "damaged" });
    // A reply to this invitation whose names are rewritten to another invitation, course,
    // questionnaire or version of the same key: the names are sealed with it.
    const reply = await sealReply(invitation, ANSWERS);
    for (const change of [
      { invitation: newInvitationId() },
      { course: "annet-kurs" },
      { questionnaire: "annet-skjema" },
      { version: 7 },
    ]) {
      const relabelled = { ...keys, ...change };
      const header = reply.slice(0, reply.lastIndexOf(".") + 1);
      const rewritten = header
        .replace(`.${invitation.invitation}.`, `.${relabelled.invitation}.`)
        .replace(".kurs.", `.${relabelled.course}.`)
        .replace(".sett-av-andre.", `.${relabelled.questionnaire}.`)
        .replace(/\.2\.(\d+)\.$/, `.${relabelled.version}.$1.`);
      const text = rewritten + reply.slice(header.length);
      assert.deepEqual(await openReply(text, relabelled), { ok: false, problem: "damaged" }, JSON.stringify(change));
    }
  });

  test("every cut of a reply's text is refused, as incomplete once it is recognisably a reply", async () => {
    const { invitation, keys } = await newInvitation();
    const reply = await sealReply(invitation, ANSWERS);
    for (let cut = 0; cut < reply.length; cut += 1) {
      const opened = await openReply(reply.slice(0, cut), keys);
      const expected = cut < "lsk-reply.".length ? "not-a-reply" : "incomplete";
      assert.deepEqual(opened, { ok: false, problem: expected }, `cut at ${cut}`);
    }
  });

  test("a reply inside a message, wrapped over lines, with text after it, opens", async () => {
    const { invitation, keys } = await newInvitation();
    const reply = await sealReply(invitation, ANSWERS);
    const wrapped = reply.match(/.{1,60}/g).join("\n");
    for (const text of [
      `  ${reply}  `,
      `Hei! Her er svaret mitt:\n\n${wrapped}\n\nHilsen Kari.`,
      `https://example.org/kurs/team/#${reply}`,
      `${reply}.`,
    ]) {
      const opened = await openReply(text, keys);
      assert.ok(opened.ok, text);
      assert.equal(opened.value.plaintext, ANSWERS);
    }
  });

  test("several replies pasted together are found one by one", async () => {
    const { invitation, keys } = await newInvitation();
    const replies = [await sealReply(invitation, '{"a":1}'), await sealReply(invitation, '{"a":2}')];
    const found = replyTextsIn(`Første:\n${replies[0]}\nAndre: ${replies[1]}`);
    assert.equal(found.length, 2);
    const texts = [];
    for (const text of found) texts.push((await openReply(text, keys)).value.plaintext);
    assert.deepEqual(texts, ['{"a":1}', '{"a":2}']);
    assert.deepEqual(replyTextsIn("ingen svar her"), []);
  });

  test("texts that are not replies, or of a newer format, are told apart", async () => {
    const { invitation, keys } = await newInvitation();
    const reply = await sealReply(invitation, ANSWERS);
    const problem = (text) => {
      const read = readReplyHeader(text);
      return read.ok ? "ok" : read.problem;
    };
    assert.equal(problem(reply), "ok");
    assert.equal(problem("Hei"), "not-a-reply");
    assert.equal(problem(invitationText(invitation)), "not-a-reply");
    assert.equal(problem(reply.replace("lsk-reply.1.", "lsk-reply.2.")), "newer-format");
    assert.equal(problem(reply.replace(/\.(\d+)\.([^.]+)$/, ".80.$2")), "not-a-reply", "shorter than any reply");
    assert.equal(problem(reply.replace(/\.(\d+)\.([^.]+)$/, ".099.$2")), "not-a-reply");
    assert.deepEqual(await openReply("Hei", keys), { ok: false, problem: "not-a-reply" });
  });

  test("an empty text and a long one are sealed and opened alike", async () => {
    const { invitation, keys } = await newInvitation();
    for (const plaintext of ["", "x".repeat(100_000)]) {
      const opened = await openReply(await sealReply(invitation, plaintext), keys);
      assert.equal(opened.value.plaintext, plaintext);
    }
  });
});

describe("base64url", () => {
  test("only the one canonical form of some bytes is read", () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    assert.equal(toBase64url(bytes), "AAEC-vv8_f7_");
    assert.deepEqual(fromBase64url("AAEC-vv8_f7_"), bytes);
    assert.deepEqual(fromBase64url("_w"), new Uint8Array([255]));
    for (const bad of ["_x", "AAEC+vv8", "AAEC=", "A", "AAE C"]) assert.equal(fromBase64url(bad), null, bad);
  });
});
