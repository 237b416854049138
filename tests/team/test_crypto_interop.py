"""The team tool's cryptography checked against an independent implementation.

``assets/lederskap/team-crypto.js`` (the browser's WebCrypto, here under Node) and a
second implementation of the format in scorer/TEAM.md, written here from that document
with Python's ``cryptography`` package (OpenSSL): replies sealed by one are opened by the
other, both ways, and each refuses what the other changed. Where the two agree byte for
byte (the associated data, the key schedule, the layout of the body), the document says
what the code does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PEER = Path(__file__).resolve().parent / "crypto_peer.mjs"

# ---- the format, from scorer/TEAM.md ------------------------------------------------------------

HKDF_INFO = b"lederskap/team-reply/1"
POINT_BYTES = 65
TAG_BYTES = 16


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Binding:
    course: str
    invitation: str
    questionnaire: str
    version: int

    def names(self) -> dict[str, Any]:
        return {
            "course": self.course,
            "invitation": self.invitation,
            "questionnaire": self.questionnaire,
            "version": self.version,
        }


def header_text(binding: Binding, length: int) -> str:
    b = binding
    return f"lsk-reply.1.{b.course}.{b.invitation}.{b.questionnaire}.{b.version}.{length}."


def point(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


def key_and_nonce(shared: bytes, ephemeral_point: bytes, invitation_point: bytes) -> tuple[bytes, bytes]:
    okm = HKDF(
        algorithm=hashes.SHA256(), length=44, salt=ephemeral_point + invitation_point, info=HKDF_INFO
    ).derive(shared)
    return okm[:32], okm[32:]


@dataclass(frozen=True)
class PythonInvitation:
    binding: Binding
    private_key: ec.EllipticCurvePrivateKey

    def text(self) -> str:
        b = self.binding
        key = b64url(point(self.private_key.public_key()))
        return f"lsk-invite.1.{b.course}.{b.invitation}.{b.questionnaire}.{b.version}.{key}"


def new_python_invitation(binding: Binding) -> PythonInvitation:
    return PythonInvitation(binding, ec.generate_private_key(ec.SECP256R1()))


def read_invitation(text: str) -> tuple[Binding, ec.EllipticCurvePublicKey]:
    prefix, format_version, course, invitation, questionnaire, version, key = text.split(".")
    assert (prefix, format_version) == ("lsk-invite", "1")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), from_b64url(key))
    return Binding(course, invitation, questionnaire, int(version)), public


def seal(invitation_text: str, plaintext: str) -> str:
    binding, public = read_invitation(invitation_text)
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    ephemeral_point = point(ephemeral.public_key())
    key, nonce = key_and_nonce(ephemeral.exchange(ec.ECDH(), public), ephemeral_point, point(public))
    message = plaintext.encode("utf-8")
    header = header_text(binding, POINT_BYTES + len(message) + TAG_BYTES)
    sealed = AESGCM(key).encrypt(nonce, message, header.encode("ascii"))
    return header + b64url(ephemeral_point + sealed)


def open_reply(reply: str, invitation: PythonInvitation) -> str:
    """The plaintext; raises ``InvalidTag`` (or ``ValueError``) for a reply that does not open with ``invitation``."""
    *_names, length, body_text = reply.split(".")
    body = from_b64url(body_text)
    assert len(body) == int(length)
    ephemeral_point = body[:POINT_BYTES]
    ephemeral = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), ephemeral_point)
    invitation_point = point(invitation.private_key.public_key())
    key, nonce = key_and_nonce(
        invitation.private_key.exchange(ec.ECDH(), ephemeral), ephemeral_point, invitation_point
    )
    aad = header_text(invitation.binding, int(length)).encode("ascii")
    return AESGCM(key).decrypt(nonce, body[POINT_BYTES:], aad).decode("utf-8")


# ---- the browser's module, under Node ------------------------------------------------------------


class Peer:
    """``crypto_peer.mjs`` running team-crypto.js: one JSON request and answer per line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def ask(self, **request: object) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the Node peer stopped"
        answer = json.loads(line)
        assert isinstance(answer, dict) and "error" not in answer, answer
        return answer


@pytest.fixture(scope="module")
def peer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH")
    # The module as a build writes it, next to the generated constants.js it imports.
    site = tmp_path_factory.mktemp("team-crypto")
    subprocess.run([sys.executable, "-m", "lederskap_build.dev_assets", str(site)], check=True, capture_output=True)
    module = site / "assets" / "lederskap" / "team-crypto.js"
    process = subprocess.Popen(
        [node, str(PEER), str(module)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        encoding="utf-8",
    )
    try:
        yield Peer(process)
    finally:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.wait(timeout=30)
        process.stdout.close()


def binding(**changes: Any) -> Binding:
    names: dict[str, Any] = {
        "course": "kurs",
        "invitation": os.urandom(16).hex(),
        "questionnaire": "sett-av-andre",
        "version": 3,
        **changes,
    }
    return Binding(**names)


PLAINTEXTS = [
    json.dumps({"lytter": 4, "rolle-modell": 5}),
    json.dumps({"tekst": "Æ, ø, å og 🙂 – «sitat»"}, ensure_ascii=False),
    "",
    "x" * 5000,
]


# ---- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("plaintext", PLAINTEXTS, ids=["answers", "unicode", "empty", "long"])
def test_a_reply_sealed_in_the_browser_opens_in_python(peer: Peer, plaintext: str) -> None:
    invitation = new_python_invitation(binding())
    reply = peer.ask(do="seal", invitation=invitation.text(), plaintext=plaintext)["reply"]
    assert open_reply(reply, invitation) == plaintext
    length = POINT_BYTES + len(plaintext.encode("utf-8")) + TAG_BYTES
    assert reply.startswith(header_text(invitation.binding, length))


@pytest.mark.parametrize("plaintext", PLAINTEXTS, ids=["answers", "unicode", "empty", "long"])
def test_a_reply_sealed_in_python_opens_in_the_browser(peer: Peer, plaintext: str) -> None:
    names = binding()
    invitation_text = peer.ask(do="invite", binding=names.names())["invitation"]
    assert read_invitation(invitation_text)[0] == names
    reply = seal(invitation_text, plaintext)
    opened = peer.ask(do="open", invitation=names.invitation, reply=reply)
    ephemeral_point = from_b64url(reply.rsplit(".", 1)[1])[:POINT_BYTES]
    assert opened == {"ok": True, "plaintext": plaintext, "replyId": hashlib.sha256(ephemeral_point).hexdigest()[:32]}


def test_the_browser_refuses_a_changed_python_reply(peer: Peer) -> None:
    names = binding()
    reply = seal(peer.ask(do="invite", binding=names.names())["invitation"], PLAINTEXTS[0])
    header, body_text = reply.rsplit(".", 1)
    body = bytearray(from_b64url(body_text))
    for index in (0, 1, 40, 64, 65, 70, len(body) - 17, len(body) - 1):
        changed = bytearray(body)
        changed[index] ^= 0x80
        opened = peer.ask(do="open", invitation=names.invitation, reply=f"{header}.{b64url(bytes(changed))}")
        assert opened == {"ok": False, "problem": "damaged"}, index


def test_the_browser_refuses_a_python_reply_for_another_invitation(peer: Peer) -> None:
    names, other = binding(), binding()
    peer.ask(do="invite", binding=other.names())
    reply = seal(peer.ask(do="invite", binding=names.names())["invitation"], PLAINTEXTS[0])
    assert peer.ask(do="open", invitation=other.invitation, reply=reply) == {"ok": False, "problem": "other-invitation"}
    # Relabelled to the other invitation's id, it is not that invitation's either.
    relabelled = reply.replace(f".{names.invitation}.", f".{other.invitation}.")
    assert peer.ask(do="open", invitation=other.invitation, reply=relabelled) == {"ok": False, "problem": "damaged"}


def test_python_refuses_a_browser_reply_under_other_names_or_changed(peer: Peer) -> None:
    invitation = new_python_invitation(binding())
    reply = peer.ask(do="seal", invitation=invitation.text(), plaintext=PLAINTEXTS[0])["reply"]
    for change in ({"version": 4}, {"questionnaire": "annet"}, {"course": "annet"}, {"invitation": "0" * 32}):
        other_names = Binding(**{**invitation.binding.names(), **change})
        with pytest.raises(InvalidTag):
            open_reply(reply, PythonInvitation(other_names, invitation.private_key))
    header, body_text = reply.rsplit(".", 1)
    body = bytearray(from_b64url(body_text))
    body[-1] ^= 0x01
    with pytest.raises(InvalidTag):
        open_reply(f"{header}.{b64url(bytes(body))}", invitation)


def test_the_browser_opens_with_the_names_sealed_only(peer: Peer) -> None:
    """A Python reply for version 3, opened as if the invitation were for version 4 with the header rewritten."""
    names = binding()
    reply = seal(peer.ask(do="invite", binding=names.names())["invitation"], PLAINTEXTS[0])
    rewritten = reply.replace(".sett-av-andre.3.", ".sett-av-andre.4.")
    opened = peer.ask(do="open", invitation=names.invitation, reply=rewritten, names={"version": 4})
    assert opened == {"ok": False, "problem": "damaged"}
