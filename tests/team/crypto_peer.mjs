// The browser's team-crypto.js as a peer for tests/team/test_crypto_interop.py, under Node.
//
//   node tests/team/crypto_peer.mjs TEAM_CRYPTO_JS
//
// Reads one JSON request per line on standard input and writes one JSON answer per line:
//   {"do": "invite", "binding": {course, invitation, questionnaire, version}}
//       -> {"invitation": "<invitation text>"}; the private key stays in this process
//   {"do": "seal", "invitation": "<invitation text>", "plaintext": "..."}
//       -> {"reply": "<reply text>"}
//   {"do": "open", "invitation": "<id of an invitation made here>", "reply": "...", "names": {...}?}
//       -> {"ok": true, "plaintext": "...", "replyId": "..."} or {"ok": false, "problem": "..."};
//          "names" replaces some of the invitation's names (course, invitation, ...) when opening
// The module is imported exactly as given (the test writes it as the build does).

import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const crypto = await import(pathToFileURL(process.argv[2]).href);
const invitations = new Map();

async function answer(request) {
  switch (request.do) {
    case "invite": {
      const pair = await crypto.createKeyPair();
      const invitation = { ...request.binding, publicKey: await crypto.exportPublicKey(pair.publicKey) };
      invitations.set(invitation.invitation, { ...invitation, privateKey: pair.privateKey });
      return { invitation: crypto.invitationText(invitation) };
    }
    case "seal": {
      const read = await crypto.readInvitation(request.invitation);
      if (!read.ok) return { error: read.problem };
      return { reply: await crypto.sealReply(read.value, request.plaintext) };
    }
    case "open": {
      const keys = { ...invitations.get(request.invitation), ...request.names };
      const opened = await crypto.openReply(request.reply, keys);
      return opened.ok
        ? { ok: true, plaintext: opened.value.plaintext, replyId: opened.value.replyId }
        : { ok: false, problem: opened.problem };
    }
    default:
      return { error: `unknown request ${JSON.stringify(request.do)}` };
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(await answer(JSON.parse(line)))}\n`);
}
