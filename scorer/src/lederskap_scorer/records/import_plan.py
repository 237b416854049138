"""The import plan: whether an export file can be imported here, and what importing it would change.

The page sends what it knows (:class:`ImportContext`: the course, its questionnaires and
the text of every stored record) with the file's text; :func:`check_import` answers the
plan (``scorer/RECORDS.md``, "Checking an import: the import plan", :data:`PLAN_FORMAT`):
the file's problems, or per questionnaire in the file what merging and what replacing
would do, with the record to write for each, and what each does with the file's team
replies, with the text to store for them. The page shows the plan and writes those
records and that text, all or none; it decides nothing itself.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..format import LANGUAGES, Language, is_language
from ..model import Questionnaire
from ..schema import is_id
from ..scoring import check_answers
from .export_file import FileEntry, read_export_file
from .file_values import is_time
from .migration import RECORD_SCHEMA, RecordError, ordered_record, read_record
from .problems import Problems
from .snapshot_entries import Snapshots, sort_snapshots
from .team_data import FileInvitation, TeamDataError, import_team, read_stored_team, stored_team_text

PLAN_FORMAT = 3
"""Raised when the meaning of the import plan changes (2: an ``invalid-value`` problem carries the
answer problem's code and values instead of a sentence; 3: ``team``, and ``empty`` and ``changes``
count the team replies too)."""

_MODES = ("merge", "replace")
"""The two ways of importing; each gets its record to write and its ``changes``."""


@dataclass(frozen=True)
class ImportContext:
    """What the page knows when it checks a file: the course, its questionnaires and what is stored now."""

    course: str
    language: Language
    now: str
    definitions: Mapping[str, Questionnaire]
    """The course's questionnaires by id, in the course's order."""
    records: Mapping[str, str]
    """The stored text of each questionnaire that has a record, by questionnaire id, exactly as
    stored: each is read on its own (:func:`~.migration.read_record`), so one the scorer cannot
    read is only that questionnaire's "no usable record here", never the page's mistake."""
    team: str | None = None
    """The stored text of the course's opened team replies (``<course scope>_team``), or ``None``:
    none stored. Read like a record: one that cannot be read counts as none (``current_unreadable``)."""


def context_from_data(data: object, definitions: Mapping[str, Questionnaire]) -> ImportContext:
    """The :class:`ImportContext` of the page's context JSON (see ``check_import_json``)."""
    if not isinstance(data, Mapping):
        raise ValueError("the import context must be a JSON object")
    course, language, now, records = data.get("course"), data.get("language"), data.get("now"), data.get("records")
    if not (is_id(course) and is_language(language) and is_time(now) and isinstance(records, Mapping)):
        languages = " or ".join(LANGUAGES)
        raise ValueError(f"the import context needs 'course', 'language' ({languages}), 'now' and 'records'")
    if not all(text is None or isinstance(text, str) for text in records.values()):
        raise ValueError("the import context needs 'records': questionnaire id -> the stored record's text or null")
    team = data.get("team")
    if team is not None and not isinstance(team, str):
        raise ValueError("the import context's 'team' must be the stored team replies' text or null")
    texts = {str(qid): text for qid, text in records.items() if isinstance(text, str)}
    return ImportContext(course, language, now, definitions, texts, team)


def check_import(text: str, context: ImportContext) -> dict[str, Any]:
    """The import plan of an export file's text: whether it can be imported, and what it would change.

    The plan (``scorer/RECORDS.md``, "The import plan") is ``ok: false`` with its
    ``problems`` when anything in the file is malformed; then nothing may change.
    Otherwise it lists, per questionnaire in the file, what merging and what
    replacing would do, and the record to write for each, and ``team`` what each does
    with the file's team replies (``None`` when the file has none to say). ``empty`` says
    the file holds no answer, no snapshot and no invitation, and ``changes`` per way of
    importing whether it would change anything stored (both ``false`` for a refused file).
    """
    problems = Problems()
    read = read_export_file(
        text, problems, course=context.course, definitions=context.definitions, language=context.language
    )
    ok = problems.count == 0
    order = {qid: index for index, qid in enumerate(context.definitions)}
    entries = sorted(read.entries, key=lambda e: (order.get(e.id, len(order)), e.id))
    planned = [_plan_entry(entry, context) for entry in entries] if ok else []
    team = _plan_team(read.team, context) if ok and read.team is not None else None
    holds_nothing = not any(entry.answers or entry.snapshots.shown or entry.snapshots.unusable for entry in entries)
    return {
        "plan_format": PLAN_FORMAT,
        "ok": ok,
        "problems": problems.items,
        "more_problems": problems.more,
        "file": read.header,
        "empty": holds_nothing and not read.team if ok else False,
        "changes": {
            mode: any(changes[mode] for _, changes in planned) or bool(team and team["changes"][mode])
            for mode in _MODES
        },
        "questionnaires": [plan for plan, _ in planned],
        "team": team,
    }


def _plan_team(file: tuple[FileInvitation, ...], context: ImportContext) -> dict[str, Any]:
    """What merging and replacing do with the file's team replies (:func:`~.team_data.import_team`),
    with the text to store under ``<course scope>_team`` for each. A stored text that cannot be read
    counts as none (``current_unreadable``): the page copies it aside before it writes."""
    here: dict[str, dict[str, Any]] = {}
    unreadable = False
    if context.team is not None:
        try:
            here = read_stored_team(context.team)
        except TeamDataError:
            unreadable = True
    done = import_team(file, here)
    return {
        "current_unreadable": unreadable,
        "invitations": done.entries,
        "changes": done.changes,
        "merge": stored_team_text(done.merge),
        "replace": stored_team_text(done.replace),
    }


def _plan_entry(entry: FileEntry, context: ImportContext) -> tuple[dict[str, Any], dict[str, bool]]:
    """The plan of one questionnaire of the file, and per way of importing whether it changes what is stored.

    A change is an answer or a snapshot (or an unusable snapshot entry) added, changed or
    deleted, or the record's ``version`` changing; writing a record that differs only in
    ``updated`` or in its schema is none. A stored text that cannot be read counts as no
    record (``current_unreadable``).
    """
    definition = context.definitions.get(entry.id)
    current, unreadable = _current_record(context, entry.id)
    here: dict[str, Any] = dict(current["answers"]) if current else {}
    stored = sort_snapshots(current["snapshots"] if current else [])
    new = [key for key in entry.answers if key not in here]
    changed = [key for key in entry.answers if key in here and not _same_answer(here[key], entry.answers[key])]
    unchanged = [key for key in entry.answers if key in here and _same_answer(here[key], entry.answers[key])]
    only_here = [key for key in here if key not in entry.answers]

    by_id = {s["id"]: s for s in stored.shown}
    file_snapshots = entry.snapshots.shown
    added = [s for s in file_snapshots if s["id"] not in by_id]
    updated = [s for s in file_snapshots if s["id"] in by_id and not _same(by_id[s["id"]], s)]
    file_ids = {s["id"] for s in file_snapshots}
    snapshots_only_here = [s for s in stored.shown if s["id"] not in file_ids]
    merged_unusable = _join_unusable(stored.unusable, entry.snapshots.unusable)

    def record(
        version: int, answers: dict[str, Any], snapshots: Snapshots, base: Mapping[str, Any], updated: str
    ) -> dict[str, Any]:
        data = dict(base)
        data.update(
            schema=RECORD_SCHEMA,
            course=context.course,
            questionnaire=entry.id,
            version=version,
            updated=updated,
            answers=answers,
            snapshots=_sorted_snapshots(snapshots.shown) + snapshots.unusable,
        )
        return ordered_record(data)

    merge_version = entry.version
    if current is not None and _is_version(current.get("version")):
        merge_version = max(entry.version, current["version"])
    merged = Snapshots(snapshots_only_here + file_snapshots, merged_unusable)
    # Each record keeps the time its answers were last changed: the file's for what comes from
    # the file (the time of the import only when the file does not say), the later of the two
    # when merging brings answers of the file to those stored here.
    file_updated = entry.updated or context.now
    updated_here = current.get("updated") if current is not None else None
    if not is_time(updated_here):
        merge_updated = file_updated
    elif new or changed:
        merge_updated = _later(updated_here, file_updated)
    else:
        merge_updated = updated_here
    merge = record(merge_version, {**here, **entry.answers}, merged, current or {}, merge_updated)
    replace = record(entry.version, dict(entry.answers), entry.snapshots, {}, file_updated)

    version_here = current.get("version") if current is not None else None
    unusable_differ = Counter(map(_json_key, stored.unusable)) != Counter(map(_json_key, entry.snapshots.unusable))
    changes = {
        "merge": bool(new or changed or added or updated)
        or len(merged_unusable) > len(stored.unusable)
        or (current is not None and not _same(version_here, merge_version)),
        "replace": bool(new or changed or only_here or added or updated or snapshots_only_here)
        or unusable_differ
        or (current is not None and not _same(version_here, entry.version)),
    }
    removed, unfit = _not_usable(definition, entry.answers, context.language) if definition else (0, 0)
    plan = {
        "id": entry.id,
        "title": definition.title if definition else None,
        "in_course": definition is not None,
        "file_version": entry.version,
        "version": definition.version if definition else None,
        "current_unreadable": unreadable,
        "answers_in_file": len(entry.answers),
        "new": len(new),
        "changed": len(changed),
        "unchanged": len(unchanged),
        "only_here": len(only_here),
        "not_in_form": removed,
        "not_usable": unfit,
        "snapshots_in_file": len(file_snapshots),
        "snapshots_added": len(added),
        "snapshots_updated": len(updated),
        "snapshots_only_here": len(snapshots_only_here),
        "snapshots_unusable": len(entry.snapshots.unusable),
        "merge": merge,
        "replace": replace,
    }
    return plan, changes


def _current_record(context: ImportContext, qid: str) -> tuple[dict[str, Any] | None, bool]:
    """The record stored here for ``qid``, upgraded, or ``None``; and whether a stored text
    could not be read (:func:`~.migration.read_record`): then the plan counts it as no record,
    and the page copies the text aside before it writes over it."""
    stored = context.records.get(qid)
    if stored is None:
        return None, False
    try:
        return read_record(stored)[0], False
    except RecordError:
        return None, True


def _not_usable(definition: Questionnaire, answers: Mapping[str, Any], language: Language) -> tuple[int, int]:
    """(answers to ids the questionnaire no longer has, answers of its ids that do not fit)."""
    status = check_answers(definition, answers, language).status
    return len(status.not_in_questionnaire), len(status.unusable)


def _is_version(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _later(a: str, b: str) -> str:
    """The later of two times of :func:`~.file_values.is_time` (their texts may differ in decimals)."""

    def read(time: str) -> datetime:
        return datetime.fromisoformat(time.replace("Z", "+00:00"))

    return b if read(b) > read(a) else a


def _same(a: object, b: object) -> bool:
    """Equal as JSON values (a yes/no value is never a number)."""
    return _json_key(a) == _json_key(b)


def _same_answer(a: object, b: object) -> bool:
    """The same answer: equal as JSON values, a checklist's options in any order."""
    if isinstance(a, list) and isinstance(b, list):
        return sorted(json.dumps(x) for x in a) == sorted(json.dumps(x) for x in b)
    return _same(a, b)


def _json_key(value: object) -> str:
    """A JSON value as text that is the same for equal values (objects' keys in any order)."""
    return json.dumps(value, sort_keys=True)


def _join_unusable(here: Sequence[object], file: Sequence[object]) -> list[Any]:
    """The unusable snapshot entries stored here, then each of the file's that is not already
    here: an entry here matches one identical entry of the file, so importing a file twice
    adds nothing the second time, and the file's own repeated entries are all kept."""
    unmatched = Counter(_json_key(entry) for entry in here)
    joined = list(here)
    for entry in file:
        key = _json_key(entry)
        if unmatched[key]:
            unmatched[key] -= 1
        else:
            joined.append(entry)
    return joined


def _sorted_snapshots(snapshots: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Snapshots oldest first (by ``created``, then ``id``)."""
    return sorted((dict(s) for s in snapshots), key=lambda s: (str(s["created"]), str(s["id"])))
