"""The record the browser keeps per questionnaire, and its upgrade to the current schema.

A record is ``{schema, course, questionnaire, version, updated, answers, snapshots}``
(``scorer/RECORDS.md``, "The record"). Every schema keeps ``answers`` as an object keyed
by answer id, so the page fills in its form from a record of any known schema without
Python; the upgrade to :data:`RECORD_SCHEMA` (:func:`migrate_record`) runs here, through
the scorer worker, once Python is ready. The browser writes records of
:data:`RECORD_SCHEMA`, which it gets from here (``constants.recordSchema``,
:mod:`lederskap_scorer.browser_constants`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..json_text import inexact_numbers, json_error_text, load_json

RECORD_SCHEMA = 2
"""The schema of the records this version of the browser code writes."""

RECORD_FIELDS = ("schema", "course", "questionnaire", "version", "updated", "answers", "snapshots")
"""A record's fields in their documented order."""


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


def ordered_record(data: Mapping[str, Any]) -> dict[str, Any]:
    """The record's fields in their documented order (:data:`RECORD_FIELDS`), then any other field as it was."""
    ordered = {key: data[key] for key in RECORD_FIELDS if key in data}
    ordered.update({key: value for key, value in data.items() if key not in ordered})
    return ordered


def _from_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: records gain a list of snapshots (dated copies of answers and scores)."""
    upgraded = dict(data)
    upgraded["schema"] = 2
    upgraded.setdefault("snapshots", [])
    return ordered_record(upgraded)
