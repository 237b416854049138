"""The learner's records: migrations of saved old records and checks of export files, from fixture files."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from lederskap_scorer import api
from lederskap_scorer.records import (
    EXPORT_FORMAT,
    MAX_EXPORT_CHARS,
    MAX_PROBLEMS,
    RECORD_SCHEMA,
    RecordError,
    migrate_record,
)

from ..scorer.fixture_files import canonical
from .fixture_files import Call, all_calls, definition_json, v1_records

CALLS = all_calls()


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_fixture_gives_what_it_expects(call: Call) -> None:
    returned = json.loads(getattr(api, call.function)(*call.args))
    assert returned == call.expected
    assert canonical(returned) == canonical(call.expected)


def test_every_saved_v1_record_has_a_migration_fixture() -> None:
    migrated = {call.args[0] for call in CALLS if call.function == "migrate_record_json"}
    for path in v1_records():
        assert path.read_text(encoding="utf-8").rstrip("\n") in migrated, f"{path.name} is not migrated by a fixture"


@pytest.mark.parametrize("path", v1_records(), ids=[p.name for p in v1_records()])
def test_a_migration_keeps_every_answer_and_every_field(path: Path) -> None:
    old = json.loads(path.read_text(encoding="utf-8"))
    new = migrate_record(old)
    assert new["schema"] == RECORD_SCHEMA
    assert new["answers"] == old["answers"]
    assert canonical(new["answers"]) == canonical(old["answers"])
    assert {key: value for key, value in new.items() if key not in ("schema", "snapshots")} == {
        key: value for key, value in old.items() if key != "schema"
    }
    assert new["snapshots"] == []
    assert migrate_record(new) == new  # migrating twice changes nothing


def test_a_newer_record_is_never_migrated() -> None:
    with pytest.raises(RecordError) as caught:
        migrate_record({"schema": RECORD_SCHEMA + 1, "answers": {}})
    assert caught.value.code == "newer-schema"


CONTEXT = {
    "course": "records-course",
    "language": "en",
    "now": "2026-06-01T12:00:00.000Z",
    "definitions": [definition_json("forms/check.yml"), definition_json("forms/other.yml")],
    "records": {},
}


def plan(export: object, **context: object) -> dict[str, Any]:
    text = export if isinstance(export, str) else json.dumps(export)
    result: dict[str, Any] = json.loads(api.check_import_json(text, json.dumps({**CONTEXT, **context})))
    return result


def export_of(answers: Mapping[str, object], version: int = 2) -> dict[str, object]:
    return {
        "format": EXPORT_FORMAT,
        "format_version": 1,
        "course": "records-course",
        "site": "http://localhost/",
        "exported": "2026-05-01T10:00:00.000Z",
        "questionnaires": [{"id": "check", "version": version, "updated": None, "answers": answers, "snapshots": []}],
    }


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    result = plan(" " * (MAX_EXPORT_CHARS + 1))
    assert result["ok"] is False
    assert result["problems"] == [{"code": "too-large", "path": "", "limit": MAX_EXPORT_CHARS}]


def test_deeply_nested_json_is_refused_not_crashed() -> None:
    result = plan("[" * 100_000 + "]" * 100_000)
    assert result["problems"] == [{"code": "not-json", "path": ""}]


def test_problems_are_listed_up_to_a_limit_and_the_rest_counted() -> None:
    answers = {f"gone-{n}": True for n in range(MAX_PROBLEMS + 5)}
    result = plan(export_of(answers))
    assert result["ok"] is False
    assert isinstance(result["problems"], list) and len(result["problems"]) == MAX_PROBLEMS
    assert result["more_problems"] == 5


def test_value_messages_are_in_the_pages_language_without_scoring_consequences() -> None:
    (problem,) = plan(export_of({"plans": "five"}))["problems"]
    assert problem == {
        "code": "invalid-value",
        "path": "questionnaires[0].answers.plans",
        "questionnaire": "check",
        "id": "plans",
        "message": "expected a whole number from 1 to 5, but got the text 'five'",
    }


def test_a_text_longer_than_any_answer_is_refused() -> None:
    result = plan(export_of({"note": "x" * 100_001}))
    assert result["problems"] == [{"code": "text-too-long", "path": "questionnaires[0].answers.note", "limit": 100_000}]


def test_unknown_top_level_fields_are_refused() -> None:
    result = plan({**export_of({}), "script": "alert(1)"})
    assert result["problems"] == [{"code": "unknown-field", "path": "script"}]


def test_a_stored_record_of_a_newer_schema_counts_as_none() -> None:
    """The page copies such a record aside before it writes the imported one (see storage.js)."""
    result = plan(export_of({"plans": 3}), records={"check": {"schema": 9, "answers": {"plans": 1}}})
    (entry,) = result["questionnaires"]
    assert entry["new"] == 1 and entry["changed"] == 0
    assert entry["merge"]["answers"] == {"plans": 3}


def test_a_context_that_is_not_of_the_documented_form_is_the_pages_mistake() -> None:
    with pytest.raises(ValueError, match="definitions"):
        api.check_import_json("{}", json.dumps({"course": "records-course"}))
    with pytest.raises(ValueError, match="'course', 'language'"):
        api.check_import_json("{}", json.dumps({**CONTEXT, "language": "de"}))
