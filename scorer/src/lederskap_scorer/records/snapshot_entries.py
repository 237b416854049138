"""A record's or a file's list of snapshots: the snapshots the page can show, and every other entry.

A snapshot is ``{id, name, created, version, answers, scores}`` (``scorer/RECORDS.md``,
"A snapshot"). An entry of ``snapshots`` that is not one (``null``, a number, an object
missing a field, scores of another form, an id already used by an earlier snapshot) is
never shown and never dropped: it is exported and imported exactly as it is, as data,
within the bounds of any value in a file (:func:`check_kept`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..schema import is_id
from ..snapshots import is_snapshot_scores
from .file_values import (
    MAX_ANSWERS,
    MAX_NAME,
    MAX_TEXT,
    check_answers_object,
    check_exact,
    check_list,
    is_time,
    is_whole_number,
)
from .problems import Problems

MAX_SNAPSHOTS = 500
"""The most entries of one questionnaire's ``snapshots`` in a file."""

SNAPSHOT_FIELDS = ("id", "name", "created", "version", "answers", "scores")
"""The fields of a snapshot, each of them always there."""


@dataclass(frozen=True)
class Snapshots:
    """A record's or a file's list of snapshots, sorted into those the page can show and the rest."""

    shown: list[dict[str, Any]]
    """The snapshots (see :func:`shown_snapshot`), in the order found."""
    unusable: list[Any]
    """Every other entry, exactly as found, in the order found: kept, never shown."""


def shown_snapshot(value: object, seen: set[str]) -> dict[str, Any] | None:
    """The snapshot ``value`` as it is, or ``None`` when it is not one the page can show: not
    ``{id, name, created, version, answers, scores}`` of the documented form, or its id
    already used by a snapshot in ``seen`` (ids are unique in a record). A snapshot's id is
    added to ``seen``."""
    if not isinstance(value, Mapping) or set(value) != set(SNAPSHOT_FIELDS):
        return None
    snapshot_id, name = value["id"], value["name"]
    if not is_id(snapshot_id) or snapshot_id in seen:
        return None
    if not isinstance(name, str) or len(name) > MAX_NAME:
        return None
    if (
        not is_time(value["created"])
        or not is_whole_number(value["version"])
        or not is_snapshot_scores(value["scores"])
    ):
        return None
    if check_answers_object(value["answers"], "answers", Problems()) is None:
        return None
    seen.add(snapshot_id)
    return dict(value)


def sort_snapshots(entries: Sequence[object]) -> Snapshots:
    """``entries`` sorted into snapshots and unusable entries (a second snapshot with an id already used is one)."""
    seen: set[str] = set()
    shown: list[dict[str, Any]] = []
    unusable: list[Any] = []
    for entry in entries:
        snapshot = shown_snapshot(entry, seen)
        if snapshot is None:
            unusable.append(entry)
        else:
            shown.append(snapshot)
    return Snapshots(shown, unusable)


def check_kept(value: object, path: str, problems: Problems) -> bool:
    """Whether a value kept exactly as it is (an entry of a file's snapshots) stays within the
    bounds of any value in a file: texts and keys of at most :data:`~.file_values.MAX_TEXT`
    characters, lists and objects of at most :data:`~.file_values.MAX_ANSWERS` entries, every
    number one JavaScript holds exactly. Recursive: the file is at most
    :data:`~lederskap_scorer.json_text.MAX_DEPTH` deep."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            problems.add("text-too-long", path, limit=MAX_TEXT)
            return False
        return True
    if isinstance(value, list | Mapping) and len(value) > MAX_ANSWERS:
        problems.add("too-many", path, limit=MAX_ANSWERS)
        return False
    if isinstance(value, list):
        return all([check_kept(entry, f"{path}[{index}]", problems) for index, entry in enumerate(value)])
    if isinstance(value, Mapping):
        fine = True
        for key, entry in value.items():
            if len(key) > MAX_TEXT:
                problems.add("text-too-long", path, limit=MAX_TEXT)
                fine = False
            elif not check_kept(entry, f"{path}.{key}", problems):
                fine = False
        return fine
    return check_exact(value, path, problems)


def check_snapshots(value: object, path: str, problems: Problems) -> Snapshots | None:
    """A file's list of snapshots: at most :data:`MAX_SNAPSHOTS` entries, each within the
    bounds of :func:`check_kept`. An entry that is not a snapshot the page can show (``null``,
    a number, an object missing fields, scores not of the documented form, ...) is no problem:
    it is imported and kept exactly as it is, like the answer to a removed question."""
    entries = check_list(value, path, problems, limit=MAX_SNAPSHOTS)
    if entries is None:
        return None
    if not all([check_kept(entry, f"{path}[{index}]", problems) for index, entry in enumerate(entries)]):
        return None
    return sort_snapshots(entries)
