"""The export file: every questionnaire's answers and snapshots of one course, read and checked.

``{format, format_version, course, site, exported, questionnaires: [{id, version, updated,
answers, snapshots}], team?: [...]}`` (``scorer/RECORDS.md``, "The export file"); ``team``, the
team replies the leader opened, is new in format 2 (:mod:`.team_data`). The page writes it
(``data-file.js``) with :data:`EXPORT_FORMAT` and :data:`EXPORT_FORMAT_VERSION`, which it
gets from here (``constants.exportFormat``, ``constants.exportFormatVersion``), and reads a
chosen file only when it is at most :data:`MAX_EXPORT_CHARS` bytes (``constants.maxImportBytes``,
:mod:`lederskap_scorer.browser_constants`).

:func:`read_export_file` checks a file's form step by step, each step only once the ones
before it passed: the size, JSON, the format and its version (a file of a newer format is
refused before its fields are looked at: it may have fields this version does not know),
the fields, the course; then every questionnaire, each on its own, so that every problem
of every questionnaire is listed, and the team replies (format 2), every invitation on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..format import Language
from ..json_text import MAX_DEPTH, TooDeepError, load_json
from ..model import Questionnaire
from ..schema import is_id
from .file_values import check_answers_object, check_exact, is_time, is_whole_number
from .problems import Problems
from .snapshot_entries import Snapshots, check_snapshots
from .team_data import FileInvitation, check_team

EXPORT_FORMAT = "lederskap-answers"
"""The ``format`` field of every export file."""
EXPORT_FORMAT_VERSION = 2
"""Raised when the meaning of the export file changes (2: the optional ``team``). Files of every
earlier version are read too."""

MAX_EXPORT_CHARS = 2 * 1024 * 1024
"""The largest export file accepted: 2 MiB of text. The page offers no larger file to the
scorer: it checks a chosen file's size in bytes against the same number before reading it
(a text of at most that many bytes has at most that many characters)."""
MAX_QUESTIONNAIRES = 200
"""The most questionnaires in one file."""
MAX_SHORT_TEXT = 2000
"""The longest ``site``."""

EXPORT_FIELDS = frozenset({"format", "format_version", "course", "site", "exported", "questionnaires"})
"""The fields of an export file of format 1; any other is refused."""
TEAM_FIELD = "team"
"""The field format 2 adds, which a file may leave out: the team replies the leader opened."""
FIELDS_OF_VERSION = {1: EXPORT_FIELDS, 2: EXPORT_FIELDS | {TEAM_FIELD}}
"""The fields a file of each format may have."""
ENTRY_FIELDS = frozenset({"id", "version", "updated", "answers", "snapshots"})
"""The fields of each questionnaire of a file, each of them always there."""


@dataclass(frozen=True)
class FileEntry:
    """One questionnaire of a file, checked."""

    id: str
    version: int
    answers: dict[str, Any]
    """Its answers, without those that are ``null``."""
    snapshots: Snapshots
    updated: str | None
    """When its answers were last changed where it was exported (a time of
    :func:`~.file_values.is_time`), or ``None`` when the file does not say."""


@dataclass(frozen=True)
class ExportFile:
    """What was read of a file: its header (``None`` when the file could not be read as an
    export) and each questionnaire that passed its checks."""

    header: dict[str, Any] | None
    """``{course, site, exported, format_version}`` as found in the file."""
    entries: tuple[FileEntry, ...]
    team: tuple[FileInvitation, ...] | None = None
    """The team replies in the file, by invitation; ``None`` when the file says nothing about them
    (no ``team``: a file of format 1, or one form's own export)."""


_NOT_READ = ExportFile(None, ())


def read_export_file(
    text: str,
    problems: Problems,
    *,
    course: str,
    definitions: Mapping[str, Questionnaire],
    language: Language,
) -> ExportFile:
    """The file's header, questionnaires and team replies, with every problem of form found on the way.

    ``course`` is the course the file must be of; a questionnaire's answers are checked
    against its definition in ``definitions`` (by id), the problems of their values worded
    in ``language``.
    """
    if len(text) > MAX_EXPORT_CHARS:
        problems.add("too-large", limit=MAX_EXPORT_CHARS)
        return _NOT_READ
    try:
        data = load_json(text)
    except TooDeepError:
        problems.add("too-deep", limit=MAX_DEPTH)
        return _NOT_READ
    except ValueError:
        problems.add("not-json")
        return _NOT_READ
    if not isinstance(data, Mapping) or data.get("format") != EXPORT_FORMAT:
        problems.add("not-an-export")
        return _NOT_READ
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.add("invalid-structure", "format_version")
        return _NOT_READ
    if not check_exact(version, "format_version", problems):
        return _NOT_READ
    if version > EXPORT_FORMAT_VERSION:
        problems.add("newer-format", "format_version", version=version)
        return _NOT_READ
    unknown = sorted(str(key) for key in data if key not in FIELDS_OF_VERSION[version])
    if unknown:
        problems.add("unknown-field", unknown[0][:80])
        return _NOT_READ
    file_course = data.get("course")
    if not is_id(file_course):
        problems.add("invalid-structure", "course")
        return _NOT_READ
    if file_course != course:
        problems.add("other-course", "course", course=file_course)
        return _NOT_READ
    site = data.get("site")
    if not isinstance(site, str) or len(site) > MAX_SHORT_TEXT:
        problems.add("invalid-structure", "site")
    exported = data.get("exported")
    if not is_time(exported):
        problems.add("invalid-time", "exported")
    header = {"course": file_course, "site": site, "exported": exported, "format_version": version}
    entries = _read_entries(data.get("questionnaires"), problems, definitions, language)
    team = check_team(data[TEAM_FIELD], TEAM_FIELD, problems) if TEAM_FIELD in data else None
    return ExportFile(header, entries, team)


def _read_entries(
    listed: object, problems: Problems, definitions: Mapping[str, Questionnaire], language: Language
) -> tuple[FileEntry, ...]:
    """The file's ``questionnaires``, each that passed its checks."""
    if not isinstance(listed, list):
        problems.add("invalid-structure", "questionnaires")
        return ()
    if len(listed) > MAX_QUESTIONNAIRES:
        problems.add("too-many", "questionnaires", limit=MAX_QUESTIONNAIRES)
        return ()
    entries: list[FileEntry] = []
    seen: set[str] = set()
    for index, entry in enumerate(listed):
        read = _read_entry(entry, f"questionnaires[{index}]", seen, problems, definitions, language)
        if read is not None:
            entries.append(read)
    return tuple(entries)


def _read_entry(
    entry: object,
    path: str,
    seen: set[str],
    problems: Problems,
    definitions: Mapping[str, Questionnaire],
    language: Language,
) -> FileEntry | None:
    """One questionnaire of the file at ``path``, or ``None`` when it has a problem; ``seen``
    holds the ids of the questionnaires before it, and gains its id."""
    if not isinstance(entry, Mapping) or set(entry) != ENTRY_FIELDS:
        problems.add("invalid-structure", path)
        return None
    qid = entry["id"]
    if not is_id(qid):
        problems.add("invalid-id", f"{path}.id", id=str(qid)[:80])
        return None
    if qid in seen:
        problems.add("duplicate-questionnaire", f"{path}.id", questionnaire=qid)
        return None
    seen.add(qid)
    version = entry["version"]
    if not is_whole_number(version):
        problems.add("invalid-structure", f"{path}.version")
        return None
    if not check_exact(version, f"{path}.version", problems):
        return None
    if entry["updated"] is not None and not is_time(entry["updated"]):
        problems.add("invalid-time", f"{path}.updated")
        return None
    definition = definitions.get(qid)
    answers = check_answers_object(entry["answers"], f"{path}.answers", problems, definition, language)
    snapshots = check_snapshots(entry["snapshots"], f"{path}.snapshots", problems)
    if answers is None or snapshots is None:
        return None
    return FileEntry(qid, version, answers, snapshots, entry["updated"])
