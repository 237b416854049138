"""The learner's stored records and export files: migrating old records, checking an import.

Formats (documented for people in ``scorer/RECORDS.md``):

* a **record** is what the browser keeps in localStorage for one questionnaire:
  ``{schema, course, questionnaire, version, updated, answers, snapshots}``.
  Every schema keeps ``answers`` as an object keyed by answer id, so the page
  can fill in its form from a record of any known schema without Python; the
  upgrade to the current schema (:func:`migrate_record`) runs here, through the
  scorer worker, once Python is ready.
* an **export file** holds every questionnaire's answers and snapshots of one
  course (:data:`EXPORT_FORMAT`, :data:`EXPORT_FORMAT_VERSION`).
* an **import plan** (:func:`check_import`) says, before anything changes,
  whether a file can be imported and what importing it would change, with the
  records to write for each of the two ways of importing (merge and replace).

There is one rule for "does this value fit this question": the scorer's
(:func:`lederskap_scorer.scoring.check_answers`). An import is refused when a
value has a type that no version of its question could have written (a yes/no
value for a likert item, an object for a text, ...); a value of the right type
that does not fit (out of the scale, over an allocation's total, an option the
questionnaire no longer has) is imported and kept, exactly like such a value in
a stored record: the form ignores it, the scorer ignores it, the learner is told.
A number JavaScript cannot hold exactly is refused wherever it is: the page
would store another value in its place. An entry of a file's snapshots that is
not a snapshot the page can show (the page exports every entry as stored) is
imported and kept exactly as it is, never shown, within the same bounds.

Plain data only (decoded JSON); nothing here raises on what a file contains.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .answers import WRONG_KIND
from .format import Language
from .json_text import MAX_DEPTH, TooDeepError, inexact_numbers, json_error_text, load_json
from .model import Questionnaire
from .schema import ID_PATTERN
from .scoring import check_answers
from .snapshots import is_snapshot_scores

RECORD_SCHEMA = 2
"""The schema of the records this version of the browser code writes."""
EXPORT_FORMAT = "lederskap-answers"
"""The ``format`` field of every export file."""
EXPORT_FORMAT_VERSION = 1
"""Raised when the meaning of the export file changes."""
PLAN_FORMAT = 2
"""Raised when the meaning of the import plan changes (2: an ``invalid-value`` problem carries the
answer problem's code and values instead of a sentence)."""

MAX_EXPORT_CHARS = 2 * 1024 * 1024
"""The largest export file accepted (2 MiB of text; the page also checks the file's size in bytes)."""
MAX_QUESTIONNAIRES = 200
MAX_ANSWERS = 5000
MAX_SNAPSHOTS = 500
MAX_TEXT = 100_000
MAX_NAME = 200
MAX_LIST = 1000
MAX_COLUMNS = 200
MAX_SHORT_TEXT = 2000
MAX_PROBLEMS = 20
"""At most this many problems are listed; ``more_problems`` counts the rest."""

_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$")

# ---- records ------------------------------------------------------------------------------------


class RecordError(ValueError):
    """A stored record that cannot be migrated: ``code`` is ``"not-a-record"`` or ``"newer-schema"``."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}")


def record_schema(record: object) -> int | None:
    """The schema number of a decoded record, or ``None`` when it has none that is a whole number."""
    if not isinstance(record, Mapping):
        return None
    schema = record.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        return None
    return schema


def migrate_record(record: object) -> dict[str, Any]:
    """The record upgraded to :data:`RECORD_SCHEMA`, every answer and every other field kept.

    * schema 1 (``{schema, course, questionnaire, version, updated, answers}``, written
      before snapshots existed) gets ``"snapshots": []``;
    * schema 2 is returned as it is.

    Raises :class:`RecordError` for a record of a newer schema (written by a newer
    version of the site: it is never rewritten here) and for data that is not a
    record of a known schema (no whole-number ``schema``, ``answers`` not an object,
    ``snapshots`` not a list).
    """
    schema = record_schema(record)
    if not isinstance(record, Mapping) or schema is None:
        raise RecordError("not-a-record", "expected an object with a whole-number 'schema'")
    if schema > RECORD_SCHEMA:
        raise RecordError("newer-schema", f"schema {schema} is newer than {RECORD_SCHEMA}")
    if schema < 1:
        raise RecordError("not-a-record", f"there is no record schema {schema}")
    if not isinstance(record.get("answers"), Mapping):
        raise RecordError("not-a-record", "expected 'answers' to be an object keyed by answer id")
    data = {str(key): value for key, value in record.items()}
    if schema == 1:
        data = _from_schema_1(data)
    if not isinstance(data.get("snapshots"), list):
        raise RecordError("not-a-record", "expected 'snapshots' to be a list")
    return data


def read_record(text: str) -> tuple[dict[str, Any], bool]:
    """A stored record's text, decoded and upgraded to :data:`RECORD_SCHEMA` (:func:`migrate_record`),
    and whether it was upgraded.

    Raises :class:`RecordError`: ``"newer-schema"`` for a record of a newer schema, and
    ``"not-a-record"`` for a text that is not JSON, is nested more than
    :data:`~lederskap_scorer.json_text.MAX_DEPTH` levels deep, is not a record of a known
    schema, or holds a number JavaScript cannot hold exactly (the page would store another
    value, or ``null``, in its place). Such a record is left as it is by the page.
    """
    try:
        decoded = load_json(text)
    except ValueError as error:
        raise RecordError("not-a-record", json_error_text(error)) from error
    record = migrate_record(decoded)
    inexact = next(inexact_numbers(record, ""), None)
    if inexact is not None:
        raise RecordError("not-a-record", f"the number at '{inexact}' cannot be held exactly by JavaScript")
    return record, record_schema(decoded) != RECORD_SCHEMA


_RECORD_ORDER = ("schema", "course", "questionnaire", "version", "updated", "answers", "snapshots")


def _ordered(data: Mapping[str, Any]) -> dict[str, Any]:
    """The record's fields in their documented order, then any other field as it was."""
    ordered = {key: data[key] for key in _RECORD_ORDER if key in data}
    ordered.update({key: value for key, value in data.items() if key not in ordered})
    return ordered


def _from_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: records gain a list of snapshots (dated copies of answers and scores)."""
    upgraded = dict(data)
    upgraded["schema"] = 2
    upgraded.setdefault("snapshots", [])
    return _ordered(upgraded)


# ---- checking plain values ----------------------------------------------------------------------


@dataclass
class _Problems:
    """The problems found in a file, in the order found; only the first MAX_PROBLEMS are kept."""

    items: list[dict[str, Any]] = field(default_factory=list)
    count: int = 0

    def add(self, code: str, path: str = "", **values: Any) -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append({"code": code, "path": path, **values})


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not (isinstance(value, float) and not math.isfinite(value))


def _is_time(value: object) -> bool:
    if not isinstance(value, str) or not _TIME.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_id(value: object) -> bool:
    return isinstance(value, str) and ID_PATTERN.match(value) is not None


def _check_size(value: object, path: str, problems: _Problems) -> bool:
    """Whether a value is within the sizes any answer stays in (texts, lists, allocation rows)."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        problems.add("text-too-long", path, limit=MAX_TEXT)
        return False
    if isinstance(value, list | Mapping) and len(value) > (MAX_LIST if isinstance(value, list) else MAX_COLUMNS):
        problems.add("too-many", path, limit=MAX_LIST if isinstance(value, list) else MAX_COLUMNS)
        return False
    return True


def _check_exact(value: object, path: str, problems: _Problems) -> bool:
    """Whether every number in ``value`` is one JavaScript holds exactly: the page stores
    what it reads, so any other number would be stored as another value (or ``null``)."""
    fine = True
    for where in inexact_numbers(value, path):
        problems.add("inexact-number", where)
        fine = False
    return fine


def _is_whole_number(value: object) -> bool:
    """A whole number of at least 0 (a version)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _has_answer_shape(value: object) -> bool:
    """Whether ``value`` has the form of some answer: a number, a text, a list of texts,
    or an object of column ids and numbers (what the form writes, see ``model.py``)."""
    if value is None or _is_number(value) or isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(isinstance(entry, str) and len(entry) <= MAX_NAME for entry in value)
    if isinstance(value, Mapping):
        return all(_is_id(key) and (cell is None or _is_number(cell)) for key, cell in value.items())
    return False


def _check_answers_object(
    value: object,
    path: str,
    problems: _Problems,
    definition: Questionnaire | None = None,
    language: Language = "en",
) -> dict[str, Any] | None:
    """An answers object: every key an id, every value within the sizes of an answer and
    holding only numbers JavaScript holds exactly, and

    * for an id of ``definition``: of a type its question can have (the scorer's rule;
      a value of the right type that does not fit, such as 7 on a 1-5 scale, is kept);
    * for any other id (a removed question, or no definition to check against): of
      the form of some answer.
    """
    if not isinstance(value, Mapping):
        problems.add("invalid-structure", path)
        return None
    if len(value) > MAX_ANSWERS:
        problems.add("too-many", path, limit=MAX_ANSWERS)
        return None
    fine = True
    sized: dict[str, Any] = {}
    for key, answer in value.items():
        if not _is_id(key):
            problems.add("invalid-id", path, id=str(key)[:80])
            fine = False
        elif not _check_size(answer, f"{path}.{key}", problems) or not _check_exact(answer, f"{path}.{key}", problems):
            fine = False
        else:
            sized[key] = answer
    unknown = set(sized)
    if definition is not None:
        checked = check_answers(definition, sized, language)
        unknown -= {*checked.status.answered, *checked.status.unanswered}
        refused: set[str] = set()
        for problem in checked.problems:
            if problem.code not in WRONG_KIND or problem.id is None:
                continue
            # The path of the value refused: an allocation's cell has its own (``.meetings.now``).
            where = f"{path}.{problem.id}" + (f".{problem.sub_id}" if problem.sub_id is not None else "")
            if where not in refused:
                refused.add(where)
                problems.add(
                    "invalid-value",
                    where,
                    questionnaire=definition.id,
                    id=problem.id,
                    problem=problem.code,
                    values=problem.values,
                )
        fine = fine and not refused
    for key in sized:
        if key in unknown and not _has_answer_shape(sized[key]):
            problems.add("invalid-value-shape", f"{path}.{key}")
            fine = False
    return {key: answer for key, answer in sized.items() if answer is not None} if fine else None


_SNAPSHOT_FIELDS = ("id", "name", "created", "version", "answers", "scores")


def _snapshot(value: object, seen: set[str]) -> dict[str, Any] | None:
    """The snapshot ``value`` as it is, or ``None`` when it is not one the page can show: not
    ``{id, name, created, version, answers, scores}`` of the documented form, or its id
    already used by a snapshot in ``seen`` (ids are unique in a record). A snapshot's id is
    added to ``seen``."""
    if not isinstance(value, Mapping) or set(value) != set(_SNAPSHOT_FIELDS):
        return None
    snapshot_id, name = value["id"], value["name"]
    if not _is_id(snapshot_id) or snapshot_id in seen:
        return None
    if not isinstance(name, str) or len(name) > MAX_NAME:
        return None
    if (
        not _is_time(value["created"])
        or not _is_whole_number(value["version"])
        or not is_snapshot_scores(value["scores"])
    ):
        return None
    if _check_answers_object(value["answers"], "answers", _Problems()) is None:
        return None
    seen.add(snapshot_id)
    return dict(value)


@dataclass(frozen=True)
class _Snapshots:
    """A record's or a file's list of snapshots, sorted into those the page can show and the rest."""

    shown: list[dict[str, Any]]
    """The snapshots (see :func:`_snapshot`), in the order found."""
    unusable: list[Any]
    """Every other entry, exactly as found, in the order found: kept, never shown."""


def _sort_snapshots(entries: Sequence[object]) -> _Snapshots:
    """``entries`` sorted into snapshots and unusable entries (a second snapshot with an id already used is one)."""
    seen: set[str] = set()
    shown: list[dict[str, Any]] = []
    unusable: list[Any] = []
    for entry in entries:
        snapshot = _snapshot(entry, seen)
        if snapshot is None:
            unusable.append(entry)
        else:
            shown.append(snapshot)
    return _Snapshots(shown, unusable)


def _check_kept(value: object, path: str, problems: _Problems) -> bool:
    """Whether a value kept exactly as it is (an entry of a file's snapshots) stays within the
    bounds of any value in a file: texts and keys of at most :data:`MAX_TEXT` characters,
    lists and objects of at most :data:`MAX_ANSWERS` entries, every number one JavaScript holds
    exactly. Recursive: the file is at most :data:`~lederskap_scorer.json_text.MAX_DEPTH` deep."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            problems.add("text-too-long", path, limit=MAX_TEXT)
            return False
        return True
    if isinstance(value, list | Mapping) and len(value) > MAX_ANSWERS:
        problems.add("too-many", path, limit=MAX_ANSWERS)
        return False
    if isinstance(value, list):
        return all([_check_kept(entry, f"{path}[{index}]", problems) for index, entry in enumerate(value)])
    if isinstance(value, Mapping):
        fine = True
        for key, entry in value.items():
            if len(key) > MAX_TEXT:
                problems.add("text-too-long", path, limit=MAX_TEXT)
                fine = False
            elif not _check_kept(entry, f"{path}.{key}", problems):
                fine = False
        return fine
    return _check_exact(value, path, problems)


def _check_snapshots(value: object, path: str, problems: _Problems) -> _Snapshots | None:
    """A file's list of snapshots: at most :data:`MAX_SNAPSHOTS` entries, each within the
    bounds of :func:`_check_kept`. An entry that is not a snapshot the page can show (``null``,
    a number, an object missing fields, scores not of the documented form, ...) is no problem:
    it is imported and kept exactly as it is, like the answer to a removed question."""
    if not isinstance(value, list):
        problems.add("invalid-structure", path)
        return None
    if len(value) > MAX_SNAPSHOTS:
        problems.add("too-many", path, limit=MAX_SNAPSHOTS)
        return None
    if not all([_check_kept(entry, f"{path}[{index}]", problems) for index, entry in enumerate(value)]):
        return None
    return _sort_snapshots(value)


# ---- import -------------------------------------------------------------------------------------


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
    stored: each is read on its own (:func:`read_record`), so one the scorer cannot read is
    only that questionnaire's "no usable record here", never the page's mistake."""


@dataclass(frozen=True)
class _FileEntry:
    """One questionnaire of a file, checked."""

    id: str
    version: int
    answers: dict[str, Any]
    snapshots: _Snapshots


def _same(a: object, b: object) -> bool:
    """Equal as JSON values (a yes/no value is never a number)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _same_answer(a: object, b: object) -> bool:
    """The same answer: equal as JSON values, a checklist's options in any order."""
    if isinstance(a, list) and isinstance(b, list):
        return sorted(json.dumps(x) for x in a) == sorted(json.dumps(x) for x in b)
    return _same(a, b)


def _read_file(text: str, context: ImportContext, problems: _Problems) -> tuple[dict[str, Any], list[_FileEntry]]:
    """The file's header and questionnaires, with every problem of form found on the way."""
    if len(text) > MAX_EXPORT_CHARS:
        problems.add("too-large", limit=MAX_EXPORT_CHARS)
        return {}, []
    try:
        data = load_json(text)
    except TooDeepError:
        problems.add("too-deep", limit=MAX_DEPTH)
        return {}, []
    except ValueError:
        problems.add("not-json")
        return {}, []
    if not isinstance(data, Mapping) or data.get("format") != EXPORT_FORMAT:
        problems.add("not-an-export")
        return {}, []
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.add("invalid-structure", "format_version")
        return {}, []
    if not _check_exact(version, "format_version", problems):
        return {}, []
    if version > EXPORT_FORMAT_VERSION:
        problems.add("newer-format", "format_version", version=version)
        return {}, []
    expected = {"format", "format_version", "course", "site", "exported", "questionnaires"}
    unknown = sorted(str(key) for key in data if key not in expected)
    if unknown:
        problems.add("unknown-field", unknown[0][:80])
        return {}, []
    course = data.get("course")
    if not _is_id(course):
        problems.add("invalid-structure", "course")
        return {}, []
    if course != context.course:
        problems.add("other-course", "course", course=course)
        return {}, []
    site = data.get("site")
    if not isinstance(site, str) or len(site) > MAX_SHORT_TEXT:
        problems.add("invalid-structure", "site")
    exported = data.get("exported")
    if not _is_time(exported):
        problems.add("invalid-time", "exported")
    header = {"course": course, "site": site, "exported": exported, "format_version": version}
    listed = data.get("questionnaires")
    if not isinstance(listed, list):
        problems.add("invalid-structure", "questionnaires")
        return header, []
    if len(listed) > MAX_QUESTIONNAIRES:
        problems.add("too-many", "questionnaires", limit=MAX_QUESTIONNAIRES)
        return header, []
    entries: list[_FileEntry] = []
    seen: set[str] = set()
    for index, entry in enumerate(listed):
        entry_result = _read_entry(entry, f"questionnaires[{index}]", seen, context, problems)
        if entry_result is not None:
            entries.append(entry_result)
    return header, entries


def _read_entry(
    entry: object, path: str, seen: set[str], context: ImportContext, problems: _Problems
) -> _FileEntry | None:
    expected = {"id", "version", "updated", "answers", "snapshots"}
    if not isinstance(entry, Mapping) or set(entry) != expected:
        problems.add("invalid-structure", path)
        return None
    qid = entry["id"]
    if not _is_id(qid):
        problems.add("invalid-id", f"{path}.id", id=str(qid)[:80])
        return None
    if qid in seen:
        problems.add("duplicate-questionnaire", f"{path}.id", questionnaire=qid)
        return None
    seen.add(qid)
    version = entry["version"]
    if not _is_whole_number(version):
        problems.add("invalid-structure", f"{path}.version")
        return None
    if not _check_exact(version, f"{path}.version", problems):
        return None
    if entry["updated"] is not None and not _is_time(entry["updated"]):
        problems.add("invalid-time", f"{path}.updated")
        return None
    definition = context.definitions.get(qid)
    answers = _check_answers_object(entry["answers"], f"{path}.answers", problems, definition, context.language)
    snapshots = _check_snapshots(entry["snapshots"], f"{path}.snapshots", problems)
    if answers is None or snapshots is None:
        return None
    return _FileEntry(qid, version, answers, snapshots)


def _not_usable(definition: Questionnaire, answers: Mapping[str, Any], language: Language) -> tuple[int, int]:
    """(answers to ids the questionnaire no longer has, answers of its ids that do not fit)."""
    status = check_answers(definition, answers, language).status
    return len(status.not_in_questionnaire), len(status.unusable)


def _current_record(context: ImportContext, qid: str) -> tuple[dict[str, Any] | None, bool]:
    """The record stored here for ``qid``, upgraded, or ``None``; and whether a stored text
    could not be read (:func:`read_record`): then the plan counts it as no record, and the
    page copies the text aside before it writes over it."""
    stored = context.records.get(qid)
    if stored is None:
        return None, False
    try:
        return read_record(stored)[0], False
    except RecordError:
        return None, True


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


def _json_key(value: object) -> str:
    """A JSON value as text that is the same for equal values (objects' keys in any order)."""
    return json.dumps(value, sort_keys=True)


def _sorted_snapshots(snapshots: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Snapshots oldest first (by ``created``, then ``id``)."""
    return sorted((dict(s) for s in snapshots), key=lambda s: (str(s["created"]), str(s["id"])))


_MODES = ("merge", "replace")
"""The two ways of importing; each gets its record to write and its ``changes``."""


def _plan_entry(entry: _FileEntry, context: ImportContext) -> tuple[dict[str, Any], dict[str, bool]]:
    """The plan of one questionnaire of the file, and per way of importing whether it changes what is stored.

    A change is an answer or a snapshot (or an unusable snapshot entry) added, changed or
    deleted, or the record's ``version`` changing; writing a record that differs only in
    ``updated`` or in its schema is none. A stored text that cannot be read counts as no
    record (``current_unreadable``).
    """
    definition = context.definitions.get(entry.id)
    current, unreadable = _current_record(context, entry.id)
    here: dict[str, Any] = dict(current["answers"]) if current else {}
    stored = _sort_snapshots(current["snapshots"] if current else [])
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

    def record(version: int, answers: dict[str, Any], snapshots: _Snapshots, base: Mapping[str, Any]) -> dict[str, Any]:
        data = dict(base)
        data.update(
            schema=RECORD_SCHEMA,
            course=context.course,
            questionnaire=entry.id,
            version=version,
            updated=context.now,
            answers=answers,
            snapshots=_sorted_snapshots(snapshots.shown) + snapshots.unusable,
        )
        return _ordered(data)

    merge_version = entry.version
    if current is not None and _is_version(current.get("version")):
        merge_version = max(entry.version, current["version"])
    merged = _Snapshots(snapshots_only_here + file_snapshots, merged_unusable)
    merge = record(merge_version, {**here, **entry.answers}, merged, current or {})
    replace = record(entry.version, dict(entry.answers), entry.snapshots, {})

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


def _is_version(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_import(text: str, context: ImportContext) -> dict[str, Any]:
    """The import plan of an export file's text: whether it can be imported, and what it would change.

    The plan (``scorer/RECORDS.md``, "The import plan") is ``ok: false`` with its
    ``problems`` when anything in the file is malformed; then nothing may change.
    Otherwise it lists, per questionnaire in the file, what merging and what
    replacing would do, and the record to write for each. ``empty`` says the file
    holds no answer and no snapshot, and ``changes`` per way of importing whether
    it would change anything stored (both ``false`` for a refused file).
    """
    problems = _Problems()
    header, entries = _read_file(text, context, problems)
    ok = problems.count == 0
    order = {qid: index for index, qid in enumerate(context.definitions)}
    entries.sort(key=lambda e: (order.get(e.id, len(order)), e.id))
    planned = [_plan_entry(entry, context) for entry in entries] if ok else []
    return {
        "plan_format": PLAN_FORMAT,
        "ok": ok,
        "problems": problems.items,
        "more_problems": max(problems.count - len(problems.items), 0),
        "file": header or None,
        "empty": not any(entry.answers or entry.snapshots.shown or entry.snapshots.unusable for entry in entries)
        if ok
        else False,
        "changes": {mode: any(changes[mode] for _, changes in planned) for mode in _MODES},
        "questionnaires": [plan for plan, _ in planned],
    }


def context_from_data(data: object, definitions: Mapping[str, Questionnaire]) -> ImportContext:
    """The :class:`ImportContext` of the page's context JSON (see ``check_import_json``)."""
    if not isinstance(data, Mapping):
        raise ValueError("the import context must be a JSON object")
    course, language, now, records = data.get("course"), data.get("language"), data.get("now"), data.get("records")
    if not _is_id(course) or language not in ("nb", "en") or not _is_time(now) or not isinstance(records, Mapping):
        raise ValueError("the import context needs 'course', 'language' (nb or en), 'now' and 'records'")
    if not all(text is None or isinstance(text, str) for text in records.values()):
        raise ValueError("the import context needs 'records': questionnaire id -> the stored record's text or null")
    assert isinstance(course, str) and isinstance(now, str)
    lang: Language = "nb" if language == "nb" else "en"
    texts = {str(qid): text for qid, text in records.items() if isinstance(text, str)}
    return ImportContext(course, lang, now, definitions, texts)
