"""The team replies a leader opened: as the page keeps them, as an export file carries them, and
what importing a file's does to the stored ones.

The page keeps the course's opened team replies in localStorage under ``<course scope>_team``
(``team-replies.js``, ``scorer/RECORDS.md``, "The opened team replies")::

    {"schema": 1, "invitations": {"<invitation id>": {"kind", "questionnaire", "version", "own",
     "created", "replies": [{"id", "answers", "opened"}]}}}

and an export file of format 2 may carry them as its ``team``: a list of the invitations, each
with its ``id``. An invitation's private key is never in either (it is a non-extractable
``CryptoKey`` in IndexedDB, ``scorer/TEAM.md``, "Keys"): a file brings the replies already
opened, which the team result is drawn from, never the means to open new ones.

The replies are kept as they were opened (each ``answers`` the text ``team-crypto.js`` opened);
the scorer reads them only when it draws a team result (``team_json``). So a file's replies are
checked for their form and size, not for what their answers say.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..json_text import inexact_numbers, load_json
from ..limits import MAX_REPLIES
from ..schema import is_id
from .file_values import check_exact, check_list, is_time, is_whole_number
from .problems import Problems

TEAM_SCHEMA = 1
"""The schema of the stored team replies (``<course scope>_team``). The page gets it as
``constants.teamSchema`` (:mod:`lederskap_scorer.browser_constants`)."""

TEAM_ID_PATTERN = re.compile(r"[0-9a-f]{32}")
"""An invitation's id and a reply's id: 16 bytes in lowercase hex (``scorer/TEAM.md``)."""

INVITATION_FIELDS = ("id", "kind", "questionnaire", "version", "own", "created", "replies")
"""The fields of an invitation in a file, in their documented order, each of them always there."""
REPLY_FIELDS = ("id", "answers", "opened")
"""The fields of a reply, in a file and as stored, each of them always there."""
KINDS = ("view", "group")
"""What an invitation asks for: others' view of the inviter, or a group's picture."""

MAX_INVITATIONS = 200
"""The most invitations in a file: far more than a leader makes in a course."""
MAX_REPLY_TEXT = 400_000
"""The longest ``answers`` text of a reply: what the page seals is one whole number per likert
statement (``reply_answers_json``), and the largest questionnaire's (5 000 statements with ids of
64 characters) is about 350 000 characters."""
MAX_VERSION = 999_999_999
"""The largest questionnaire version an invitation can name (nine digits, ``scorer/TEAM.md``)."""

Kind = Literal["view", "group"]


def is_team_id(value: object) -> bool:
    """Whether ``value`` is an invitation's or a reply's id (:data:`TEAM_ID_PATTERN`)."""
    return isinstance(value, str) and TEAM_ID_PATTERN.fullmatch(value) is not None


@dataclass(frozen=True)
class FileInvitation:
    """One invitation of a file, checked: what it asked, when it was made, the replies opened for it."""

    id: str
    kind: Kind
    questionnaire: str
    version: int
    own: str
    created: str
    replies: tuple[dict[str, str], ...]
    """Each ``{id, answers, opened}``, in the file's order."""

    def stored(self) -> dict[str, Any]:
        """The invitation as the page stores it (without its id, which is its key)."""
        return {
            "kind": self.kind,
            "questionnaire": self.questionnaire,
            "version": self.version,
            "own": self.own,
            "created": self.created,
            "replies": [dict(reply) for reply in self.replies],
        }


# ---- a file's team data --------------------------------------------------------------------------


def check_team(value: object, path: str, problems: Problems) -> tuple[FileInvitation, ...] | None:
    """A file's ``team``: a list of at most :data:`MAX_INVITATIONS` invitations, each checked on its
    own so that every problem of every invitation is listed; ``None`` when any has one."""
    entries = check_list(value, path, problems, limit=MAX_INVITATIONS)
    if entries is None:
        return None
    found: list[FileInvitation] = []
    seen: set[str] = set()
    fine = True
    for index, entry in enumerate(entries):
        invitation = _check_invitation(entry, f"{path}[{index}]", seen, problems)
        if invitation is None:
            fine = False
        else:
            found.append(invitation)
    return tuple(found) if fine else None


def _fields_problem(value: Mapping[str, Any], fields: Sequence[str], path: str, problems: Problems) -> bool:
    """Whether ``value`` has a field it should not have (the first one, by name, is named) or
    lacks one of ``fields`` (the first one missing is named)."""
    unknown = sorted(str(key) for key in value if key not in fields)
    if unknown:
        problems.add("unknown-field", f"{path}.{unknown[0][:80]}")
        return True
    missing = [name for name in fields if name not in value]
    if missing:
        problems.add("invalid-structure", f"{path}.{missing[0]}")
        return True
    return False


def _check_invitation(entry: object, path: str, seen: set[str], problems: Problems) -> FileInvitation | None:
    """One invitation of the file at ``path``, or ``None`` when it has a problem; ``seen`` holds the
    ids of the invitations before it, and gains its id."""
    if not isinstance(entry, Mapping):
        problems.add("invalid-structure", path)
        return None
    if _fields_problem(entry, INVITATION_FIELDS, path, problems):
        return None
    before = problems.count
    invitation_id, kind, version = entry["id"], entry["kind"], entry["version"]
    if not is_team_id(invitation_id):
        problems.add("invalid-id", f"{path}.id", id=str(invitation_id)[:80])
    elif invitation_id in seen:
        problems.add("duplicate-invitation", f"{path}.id", invitation=invitation_id)
    else:
        seen.add(invitation_id)
    if kind not in KINDS:
        problems.add("invalid-structure", f"{path}.kind")
    for name in ("questionnaire", "own"):
        if not is_id(entry[name]):
            problems.add("invalid-id", f"{path}.{name}", id=str(entry[name])[:80])
    if kind == "group" and is_id(entry["own"]) and entry["own"] != entry["questionnaire"]:
        # A group's picture compares the replies with nothing of the inviter's but the same questionnaire.
        problems.add("invalid-structure", f"{path}.own")
    fits = is_whole_number(version) and 1 <= version <= MAX_VERSION
    # A number JavaScript cannot hold is named as such (check_exact); any other misfit is of the wrong form.
    if not fits and check_exact(version, f"{path}.version", problems):
        problems.add("invalid-structure", f"{path}.version")
    if not is_time(entry["created"]):
        problems.add("invalid-time", f"{path}.created")
    replies = _check_replies(entry["replies"], f"{path}.replies", problems)
    if problems.count > before or replies is None:
        return None
    return FileInvitation(invitation_id, kind, entry["questionnaire"], version, entry["own"], entry["created"], replies)


def _check_replies(value: object, path: str, problems: Problems) -> tuple[dict[str, str], ...] | None:
    """An invitation's replies: at most :data:`~lederskap_scorer.limits.MAX_REPLIES`, each
    ``{id, answers, opened}`` with an id of its own, its opened text of at most
    :data:`MAX_REPLY_TEXT` characters and the time it was opened."""
    entries = check_list(value, path, problems, limit=MAX_REPLIES)
    if entries is None:
        return None
    before = problems.count
    seen: set[str] = set()
    replies: list[dict[str, str]] = []
    for index, reply in enumerate(entries):
        where = f"{path}[{index}]"
        if not isinstance(reply, Mapping):
            problems.add("invalid-structure", where)
            continue
        if _fields_problem(reply, REPLY_FIELDS, where, problems):
            continue
        reply_id, answers = reply["id"], reply["answers"]
        if not is_team_id(reply_id):
            problems.add("invalid-id", f"{where}.id", id=str(reply_id)[:80])
        elif reply_id in seen:
            problems.add("duplicate-reply", f"{where}.id", reply=reply_id)
        else:
            seen.add(reply_id)
        if not isinstance(answers, str):
            problems.add("invalid-structure", f"{where}.answers")
        elif len(answers) > MAX_REPLY_TEXT:
            problems.add("text-too-long", f"{where}.answers", limit=MAX_REPLY_TEXT)
        if not is_time(reply["opened"]):
            problems.add("invalid-time", f"{where}.opened")
        replies.append({"id": reply_id, "answers": answers, "opened": reply["opened"]})
    return tuple(replies) if problems.count == before else None


# ---- the stored team data -----------------------------------------------------------------------


class TeamDataError(ValueError):
    """A stored text that is not the course's team data of a schema this version reads."""


def read_stored_team(text: str) -> dict[str, dict[str, Any]]:
    """The invitations of the stored team data, by id, each exactly as stored (a field of its own kept).

    The rule is the page's own (``team-replies.js``, ``readTeam``), which shows them without
    Python: ``{"schema": 1, "invitations": {...}}`` with every invitation of the form the page
    writes (its ``kind``, texts, a number ``version`` and a list of replies of three texts).
    Raises :class:`TeamDataError` for any other text, and for one holding a number JavaScript
    cannot hold exactly (as a stored record's, ``migration.read_record``: the text given back would
    not be the one stored): then the page says it cannot read them, and an import copies the text
    aside before it writes over it.
    """
    try:
        data = load_json(text)
    except ValueError as error:
        raise TeamDataError("not JSON, or nested too deeply") from error
    if not isinstance(data, Mapping) or data.get("schema") != TEAM_SCHEMA or isinstance(data.get("schema"), bool):
        raise TeamDataError(f"expected an object with 'schema': {TEAM_SCHEMA}")
    invitations = data.get("invitations")
    if not isinstance(invitations, Mapping) or not all(_is_stored_invitation(i) for i in invitations.values()):
        raise TeamDataError("expected 'invitations': invitation id -> an invitation and its replies")
    inexact = next(inexact_numbers(data, ""), None)
    if inexact is not None:
        raise TeamDataError(f"the number at '{inexact}' cannot be held exactly by JavaScript")
    return {str(key): dict(value) for key, value in invitations.items()}


def _is_stored_invitation(value: object) -> bool:
    """Whether ``value`` is an invitation of the form the page writes (``team-replies.js``, ``isInvitation``)."""
    if not isinstance(value, Mapping):
        return False
    version = value.get("version")
    replies = value.get("replies")
    return (
        value.get("kind") in KINDS
        and all(isinstance(value.get(name), str) for name in ("questionnaire", "own", "created"))
        and isinstance(version, int | float)
        and not isinstance(version, bool)
        and isinstance(replies, list)
        and all(
            isinstance(reply, Mapping) and all(isinstance(reply.get(name), str) for name in REPLY_FIELDS)
            for reply in replies
        )
    )


def stored_team_text(invitations: Mapping[str, Mapping[str, Any]]) -> str:
    """The text the page stores under ``<course scope>_team`` for ``invitations`` (pure ASCII,
    like every text the scorer gives the page)."""
    data = {"schema": TEAM_SCHEMA, "invitations": {key: dict(value) for key, value in invitations.items()}}
    return json.dumps(data, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


# ---- importing a file's team data ---------------------------------------------------------------


@dataclass(frozen=True)
class TeamImport:
    """What importing a file's invitations onto those stored here gives, per way of importing."""

    merge: dict[str, dict[str, Any]]
    replace: dict[str, dict[str, Any]]
    entries: list[dict[str, Any]]
    """Per invitation of the file, what each way of importing does with it (the plan's ``team.invitations``)."""
    changes: dict[str, bool]


def import_team(file: Sequence[FileInvitation], here: Mapping[str, Mapping[str, Any]]) -> TeamImport:
    """The stored invitations after importing ``file`` onto ``here``.

    * **merge**: every invitation here is kept; an invitation only in the file is added as it
      is; for one in both, what it asked stays as stored here and each of the file's replies
      whose id is not here is added after those here, as long as the invitation has fewer than
      :data:`~lederskap_scorer.limits.MAX_REPLIES` (the rest are counted, ``replies_not_added``);
    * **replace**: every invitation of the file becomes exactly the file's (replies only here
      are deleted); the invitations not in the file are left alone.

    A change is an invitation or a reply added, changed or deleted.
    """
    merge = {key: dict(value) for key, value in here.items()}
    replace = {key: dict(value) for key, value in here.items()}
    entries: list[dict[str, Any]] = []
    changes = {"merge": False, "replace": False}
    for invitation in file:
        stored = here.get(invitation.id)
        from_file = invitation.stored()
        replace[invitation.id] = from_file
        file_ids = [reply["id"] for reply in invitation.replies]
        if stored is None:
            merge[invitation.id] = from_file
            new, known, only_here, not_added = len(file_ids), 0, 0, 0
            changes["merge"] = changes["replace"] = True
        else:
            stored_replies: list[dict[str, Any]] = list(stored["replies"])
            here_ids = {reply["id"] for reply in stored_replies}
            adding = [reply for reply in invitation.replies if reply["id"] not in here_ids]
            room = max(MAX_REPLIES - len(stored_replies), 0)
            merge[invitation.id] = {**stored, "replies": stored_replies + [dict(r) for r in adding[:room]]}
            new, not_added = len(adding), max(len(adding) - room, 0)
            known = len(file_ids) - new
            only_here = len(here_ids - set(file_ids))
            changes["merge"] = changes["merge"] or len(adding[:room]) > 0
            changes["replace"] = changes["replace"] or _json_key(stored) != _json_key(from_file)
        entries.append(
            {
                "id": invitation.id,
                "kind": invitation.kind,
                "questionnaire": invitation.questionnaire,
                "own": invitation.own,
                "version": invitation.version,
                "created": invitation.created,
                "here": stored is not None,
                "replies_in_file": len(file_ids),
                "replies_new": new,
                "replies_known": known,
                "replies_only_here": only_here,
                "replies_not_added": not_added,
            }
        )
    return TeamImport(merge, replace, entries, changes)


def _json_key(value: object) -> str:
    """A JSON value as text that is the same for equal values (objects' keys in any order)."""
    return json.dumps(value, sort_keys=True)
