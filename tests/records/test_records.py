"""The learner's records: migrations of saved old records and checks of export files, from fixture files."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from lederskap_scorer import api
from lederskap_scorer.records.export_file import EXPORT_FORMAT, MAX_EXPORT_CHARS
from lederskap_scorer.records.file_values import is_time
from lederskap_scorer.records.migration import RECORD_SCHEMA, RecordError, migrate_record
from lederskap_scorer.records.problems import MAX_PROBLEMS

from ..scorer.fixture_files import canonical
from .fixture_files import FIXTURES_DIR, Call, all_calls, definition_json, v1_records

CALLS = all_calls()


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_fixture_gives_what_it_expects(call: Call) -> None:
    returned = json.loads(getattr(api, call.function)(*call.args))
    assert returned == call.expected
    assert canonical(returned) == canonical(call.expected)


TIMES: list[tuple[object, bool]] = [
    (text, expected)
    for text, expected in json.loads((FIXTURES_DIR / "times.json").read_text(encoding="utf-8"))["times"]
]


@pytest.mark.parametrize(("text", "expected"), TIMES, ids=[repr(text) for text, _ in TIMES])
def test_a_time_is_of_the_form_the_page_writes_and_a_real_date_and_time(text: object, expected: bool) -> None:
    assert is_time(text) is expected


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
    for depth in (65, 3000, 100_000):
        result = plan("[" * depth + "]" * depth)
        assert result["ok"] is False
        assert result["problems"] == [{"code": "too-deep", "path": "", "limit": 64}]
    assert plan("[" * 64 + "]" * 64)["problems"] == [{"code": "not-an-export", "path": ""}]


def test_a_stored_record_nested_too_deeply_is_not_a_record() -> None:
    for depth in (65, 3000, 100_000):
        returned = json.loads(api.migrate_record_json("[" * depth + "]" * depth))
        assert returned == {"ok": False, "code": "not-a-record", "detail": "nested too deeply (more than 64 levels)"}


def test_an_import_context_nested_too_deeply_is_the_pages_mistake() -> None:
    """The context's own structure: a stored record inside it is a text, read on its own (next test)."""
    deep = {**CONTEXT, "course": json.loads("[" * 65 + "]" * 65)}
    with pytest.raises(ValueError, match=r"^the import context is nested too deeply \(more than 64 levels\)$"):
        api.check_import_json("{}", json.dumps(deep))


@pytest.mark.parametrize(
    "stored",
    [
        '{"schema": 2, "answers": {"x": ' + "[" * 63 + "]" * 63 + '}, "snapshots": []}',
        "[" * 100_000 + "]" * 100_000,
        "{not json",
        '{"schema": 2, "answers": {"plans": 2, "x": 1e400}, "snapshots": []}',
        '{"schema": 2, "answers": {"plans": 2}, "snapshots": {}}',
        '{"schema": 9, "answers": {"plans": 1}}',
        "null",
    ],
    ids=["65-levels", "100000-levels", "not-json", "inexact-number", "snapshots-not-a-list", "newer", "null"],
)
def test_a_stored_record_that_cannot_be_read_counts_as_none_and_is_flagged(stored: str) -> None:
    """Read as ``migrate_record_json`` reads it; the page copies such a text aside before it writes."""
    result = plan(export_of({"plans": 3}), records={"check": stored})
    assert result["ok"] is True
    (entry,) = result["questionnaires"]
    assert entry["current_unreadable"] is True
    assert (entry["new"], entry["changed"], entry["only_here"]) == (1, 0, 0)
    assert entry["merge"]["answers"] == entry["replace"]["answers"] == {"plans": 3}
    assert result["changes"] == {"merge": True, "replace": True}


def test_a_stored_record_that_can_be_read_is_not_flagged_and_no_record_is_not_either() -> None:
    stored = json.dumps({"schema": 1, "version": 2, "answers": {"plans": 3}})
    (entry,) = plan(export_of({"plans": 3}), records={"check": stored})["questionnaires"]
    assert (entry["current_unreadable"], entry["unchanged"]) == (False, 1)
    # 64 levels: readable on its own, though it once made the whole context too deep.
    deepest = '{"schema": 2, "answers": {"plans": 3, "x": ' + "[" * 62 + "]" * 62 + '}, "snapshots": []}'
    (entry,) = plan(export_of({"plans": 3}), records={"check": deepest})["questionnaires"]
    assert (entry["current_unreadable"], entry["unchanged"], entry["only_here"]) == (False, 1, 1)
    assert entry["merge"]["answers"]["x"] == json.loads(deepest)["answers"]["x"]
    (entry,) = plan(export_of({"plans": 3}), records={"check": None})["questionnaires"]
    assert (entry["current_unreadable"], entry["new"]) == (False, 1)


def test_numbers_too_large_to_be_finite_are_refused_with_their_paths() -> None:
    """Python reads 1e400 as infinity (and NaN, Infinity as such); JavaScript's JSON.parse
    reads 1e400 as Infinity, which JSON.stringify writes as null."""
    entry = (
        '{"id": "check", "version": 2, "updated": null,'
        ' "answers": {"plans": 1e400, "meetings": {"now": -1e400}, "gone": NaN, "note": "1e400"},'
        ' "snapshots": [{"id": "m-1", "name": "", "created": "2026-02-01T10:00:00.000Z", "version": 2,'
        ' "answers": {}, "scores": [{"part": "ratings", "title": "R", "min": 1, "max": 5,'
        ' "dimensions": [{"id": "focus", "title": "F", "mean": Infinity, "mean_display": "2,0"}]}]}]}'
    )
    text = json.dumps({**export_of({}), "questionnaires": ["ENTRY"]}).replace('"ENTRY"', entry)
    result = plan(text)
    assert result["ok"] is False
    assert result["problems"] == [
        {"code": "inexact-number", "path": "questionnaires[0].answers.plans"},
        {"code": "inexact-number", "path": "questionnaires[0].answers.meetings.now"},
        {"code": "inexact-number", "path": "questionnaires[0].answers.gone"},
        {"code": "inexact-number", "path": "questionnaires[0].snapshots[0].scores[0].dimensions[0].mean"},
    ]
    assert result["questionnaires"] == []


def test_versions_javascript_cannot_hold_are_refused() -> None:
    export = export_of({"plans": 3}, version=2**53)
    assert plan(export)["problems"] == [{"code": "inexact-number", "path": "questionnaires[0].version"}]
    assert plan({**export_of({}), "format_version": 10**400})["problems"] == [
        {"code": "inexact-number", "path": "format_version"}
    ]


def test_the_largest_exact_numbers_are_kept() -> None:
    result = plan(export_of({"plans": 2**53 - 1, "meetings": {"now": -(2**53 - 1)}, "gone": 1e308}))
    assert result["ok"] is True
    (entry,) = result["questionnaires"]
    assert entry["merge"]["answers"] == {"plans": 2**53 - 1, "meetings": {"now": -(2**53 - 1)}, "gone": 1e308}


@pytest.mark.parametrize(
    "number",
    ["1e400", "-Infinity", "NaN", str(2**53), str(-(10**400))],
    ids=["1e400", "-Infinity", "NaN", "2^53", "-10^400"],
)
def test_a_stored_record_holding_a_number_javascript_cannot_hold_is_left_as_it_is(number: str) -> None:
    """Never dropped or rewritten: the page keeps the stored text as it is (the form and scorer ignore the value)."""
    text = '{"schema": 1, "answers": {"plans": 2, "meetings": {"now": ' + number + "}}}"
    returned = json.loads(api.migrate_record_json(text))
    assert returned == {
        "ok": False,
        "code": "not-a-record",
        "detail": "the number at 'answers.meetings.now' cannot be held exactly by JavaScript",
    }


def test_a_file_of_no_questionnaires_is_empty_and_changes_nothing() -> None:
    stored = {"schema": 2, "version": 2, "answers": {"plans": 3}, "snapshots": []}
    result = plan({**export_of({}), "questionnaires": []}, records={"check": json.dumps(stored)})
    assert (result["ok"], result["empty"], result["changes"]) == (True, True, {"merge": False, "replace": False})
    assert result["questionnaires"] == []


def test_an_empty_questionnaire_changes_nothing_unless_replacing_deletes() -> None:
    stored = {"schema": 2, "version": 2, "answers": {"plans": 3}, "snapshots": []}
    assert plan(export_of({}))["changes"] == {"merge": False, "replace": False}
    result = plan(export_of({}), records={"check": json.dumps(stored)})
    assert (result["empty"], result["changes"]) == (True, {"merge": False, "replace": True})


def test_a_newer_version_of_the_same_answers_is_a_change() -> None:
    stored = {"schema": 2, "version": 1, "answers": {"plans": 3}, "snapshots": []}
    result = plan(export_of({"plans": 3}, version=2), records={"check": json.dumps(stored)})
    assert (result["empty"], result["changes"]) == (False, {"merge": True, "replace": True})
    (entry,) = result["questionnaires"]
    assert (entry["merge"]["version"], entry["unchanged"]) == (2, 1)
    same = plan(export_of({"plans": 3}, version=1), records={"check": json.dumps({**stored, "version": 2})})
    assert same["changes"] == {"merge": False, "replace": True}  # replacing writes the file's older version


def test_imported_records_keep_when_their_answers_were_changed_not_when_they_were_imported() -> None:
    """The results page shows a record's ``updated`` as "Sist endret": an import is not a change."""
    now = CONTEXT["now"]

    def times(answers: Mapping[str, object], file_time: str | None, stored_time: str | None) -> tuple[str, str]:
        export = export_of(answers)
        export["questionnaires"][0]["updated"] = file_time  # type: ignore[index]
        records = {}
        if stored_time is not None:
            stored = {"schema": 2, "version": 2, "updated": stored_time, "answers": {"plans": 3}, "snapshots": []}
            records["check"] = json.dumps(stored)
        (entry,) = plan(export, records=records)["questionnaires"]
        return entry["merge"]["updated"], entry["replace"]["updated"]

    file_time, earlier, later = "2026-05-10T08:00:00.000Z", "2026-04-01T08:00:00Z", "2026-05-20T08:00:00.5Z"
    assert times({"plans": 4}, file_time, None) == (file_time, file_time)  # nothing stored: the file's time
    assert times({"plans": 4}, file_time, earlier) == (file_time, file_time)  # new answers, the file's later
    assert times({"plans": 4}, file_time, later) == (later, file_time)  # new answers, the stored ones later
    assert times({"plans": 3}, file_time, earlier) == (earlier, file_time)  # nothing new: the stored time stays
    assert times({"plans": 4}, None, None) == (now, now)  # the file gives no time: the time of the import
    assert times({"plans": 3}, None, earlier) == (earlier, now)


def test_problems_are_listed_up_to_a_limit_and_the_rest_counted() -> None:
    answers = {f"gone-{n}": True for n in range(MAX_PROBLEMS + 5)}
    result = plan(export_of(answers))
    assert result["ok"] is False
    assert isinstance(result["problems"], list) and len(result["problems"]) == MAX_PROBLEMS
    assert result["more_problems"] == 5


def test_a_refused_value_carries_the_answer_problem_as_a_code_and_values_never_a_sentence() -> None:
    (problem,) = plan(export_of({"plans": "five"}))["problems"]
    assert problem == {
        "code": "invalid-value",
        "path": "questionnaires[0].answers.plans",
        "questionnaire": "check",
        "id": "plans",
        "problem": "not-a-number",
        "values": {"question": "I plan my week", "min": "1", "max": "5"},
    }
    (cell,) = plan(export_of({"meetings": {"now": "ten"}}))["problems"]
    assert (cell["path"], cell["problem"]) == ("questionnaires[0].answers.meetings.now", "cell-not-a-number")


def test_a_not_applicable_answer_is_imported_and_kept_also_where_the_scale_does_not_offer_it() -> None:
    """"na" is a value some version of a likert statement can have written (a scale with
    ``not_applicable``): never refused, and counted as not usable where the scale has no such choice."""
    answers = {"plans": "na", "finishes": 3}
    (without,) = plan(export_of(answers))["questionnaires"]
    assert (without["not_usable"], without["merge"]["answers"]) == (1, answers)
    offered = json.loads(definition_json("forms/check.yml"))
    offered["scale"]["not_applicable"] = "Not applicable"
    result = plan(export_of(answers), definitions=[json.dumps(offered), definition_json("forms/other.yml")])
    (entry,) = result["questionnaires"]
    assert (result["ok"], entry["not_usable"], entry["merge"]["answers"]) == (True, 0, answers)
    (problem,) = plan(export_of({"plans": "NA"}))["problems"]
    assert (problem["code"], problem["problem"]) == ("invalid-value", "not-a-number")


def test_a_text_longer_than_any_answer_is_refused() -> None:
    result = plan(export_of({"note": "x" * 100_001}))
    assert result["problems"] == [{"code": "text-too-long", "path": "questionnaires[0].answers.note", "limit": 100_000}]


def test_unknown_top_level_fields_are_refused() -> None:
    result = plan({**export_of({}), "script": "alert(1)"})
    assert result["problems"] == [{"code": "unknown-field", "path": "script"}]


def test_a_context_that_is_not_of_the_documented_form_is_the_pages_mistake() -> None:
    with pytest.raises(ValueError, match="definitions"):
        api.check_import_json("{}", json.dumps({"course": "records-course"}))
    with pytest.raises(ValueError, match="'course', 'language'"):
        api.check_import_json("{}", json.dumps({**CONTEXT, "language": "de"}))
    stored_decoded = {"check": {"schema": 2, "answers": {}, "snapshots": []}}  # the first form of the context
    with pytest.raises(ValueError, match=r"^the import context needs 'records': questionnaire id -> the stored"):
        api.check_import_json("{}", json.dumps({**CONTEXT, "records": stored_decoded}))


# ---- snapshots the page cannot show ------------------------------------------------------------

SNAPSHOT = {
    "id": "m-1",
    "name": "Start",
    "created": "2026-02-01T10:00:00.000Z",
    "version": 2,
    "answers": {"plans": 2},
    "scores": None,
}


def export_with_snapshots(snapshots: Sequence[object], answers: Mapping[str, object] | None = None) -> object:
    entry = {"id": "check", "version": 2, "updated": None, "answers": answers or {}, "snapshots": list(snapshots)}
    return {**export_of({}), "questionnaires": [entry]}


def test_a_file_of_only_unusable_snapshots_is_imported_not_empty() -> None:
    result = plan(export_with_snapshots([None, 3, {"id": "m-x"}, "text", [SNAPSHOT]]))
    assert (result["ok"], result["empty"], result["changes"]) == (True, False, {"merge": True, "replace": True})
    (entry,) = result["questionnaires"]
    assert (entry["snapshots_in_file"], entry["snapshots_unusable"]) == (0, 5)
    assert entry["merge"]["snapshots"] == entry["replace"]["snapshots"] == [None, 3, {"id": "m-x"}, "text", [SNAPSHOT]]


def test_a_second_snapshot_with_an_id_already_used_is_kept_as_unusable() -> None:
    again = {**SNAPSHOT, "name": "Again"}
    (entry,) = plan(export_with_snapshots([SNAPSHOT, again]))["questionnaires"]
    assert (entry["snapshots_in_file"], entry["snapshots_unusable"]) == (1, 1)
    assert entry["replace"]["snapshots"] == [SNAPSHOT, again]


def test_merging_the_same_file_twice_adds_its_unusable_snapshots_once() -> None:
    export = export_with_snapshots([None, SNAPSHOT, {"id": "m-x"}, None], {"plans": 3})
    (first,) = plan(export)["questionnaires"]
    assert first["merge"]["snapshots"] == [SNAPSHOT, None, {"id": "m-x"}, None]  # the file's repeated entry too
    again = plan(export, records={"check": json.dumps(first["merge"])})
    assert again["changes"] == {"merge": False, "replace": False}
    (second,) = again["questionnaires"]
    assert second["merge"]["snapshots"] == first["merge"]["snapshots"]


def test_unusable_snapshots_stored_here_are_kept_by_merging_and_deleted_by_replacing() -> None:
    stored = {"schema": 2, "version": 2, "answers": {"plans": 3}, "snapshots": [{"id": "m-x"}, None, SNAPSHOT]}
    result = plan(export_with_snapshots([], {"plans": 3}), records={"check": json.dumps(stored)})
    assert result["changes"] == {"merge": False, "replace": True}
    (entry,) = result["questionnaires"]
    assert entry["merge"]["snapshots"] == [SNAPSHOT, {"id": "m-x"}, None]
    assert entry["replace"]["snapshots"] == []
    assert (entry["snapshots_only_here"], entry["snapshots_unusable"]) == (1, 0)


def test_hostile_content_of_an_unusable_snapshot_is_kept_as_data() -> None:
    hostile = {"__proto__": {"polluted": 1}, "id": "<img src=x onerror=alert(1)>", "answers": "<script>"}
    text = json.dumps(export_with_snapshots([hostile]))
    (entry,) = plan(text)["questionnaires"]
    assert entry["snapshots_unusable"] == 1
    assert entry["replace"]["snapshots"] == [hostile]
    assert '"__proto__":{"polluted":1}' in api.check_import_json(text, json.dumps(CONTEXT))


def test_an_unusable_snapshot_beyond_the_bounds_of_a_file_is_refused_with_its_path() -> None:
    entries = [
        {"id": "m-x", "scores": [{"mean": 2**53}]},
        [1e308, "x" * 100_001],
        {"x" * 100_001: 1},
        {"answers": {"list": list(range(5001))}},
    ]
    result = plan(export_with_snapshots(entries))
    assert result["ok"] is False
    path = "questionnaires[0].snapshots"
    assert result["problems"] == [
        {"code": "inexact-number", "path": f"{path}[0].scores[0].mean"},
        {"code": "text-too-long", "path": f"{path}[1][1]", "limit": 100_000},
        {"code": "text-too-long", "path": f"{path}[2]", "limit": 100_000},
        {"code": "too-many", "path": f"{path}[3].answers.list", "limit": 5000},
    ]
    too_many = plan(export_with_snapshots([None] * 501))
    assert too_many["problems"] == [{"code": "too-many", "path": path, "limit": 500}]


def test_a_value_of_a_type_no_version_could_have_written_is_refused_at_its_own_path() -> None:
    """Such a value in a stored record is exported as it is: the page names where it is."""
    result = plan(export_of({"plans": {"a": 1}, "meetings": {"now": {"x": 1}, "wanted": "a"}}))
    assert [(p["path"], p["id"]) for p in result["problems"]] == [
        ("questionnaires[0].answers.plans", "plans"),
        ("questionnaires[0].answers.meetings.now", "meetings"),
        ("questionnaires[0].answers.meetings.wanted", "meetings"),
    ]


def _snapshot(snapshot_id: str, dimensions: list[dict[str, object]]) -> dict[str, object]:
    scores = [{"part": "habits-part", "title": "Habits", "min": 1, "max": 5, "dimensions": dimensions}]
    created = "2026-05-01T10:00:00.000Z"
    return {"id": snapshot_id, "name": "", "created": created, "version": 2, "answers": {}, "scores": scores}


def test_snapshots_with_and_without_exact_means_are_shown_and_a_wrong_exact_mean_is_not() -> None:
    """A snapshot of results format 2 keeps ``mean_exact``; one of format 1 has none; both are snapshots."""
    export = export_of({"plans": 3})
    export["questionnaires"][0]["snapshots"] = [  # type: ignore[index]
        _snapshot("m-1", [{"id": "d", "title": "D", "mean": 2.33, "mean_display": "2,3"}]),
        _snapshot("m-2", [{"id": "d", "title": "D", "mean": 2.38, "mean_display": "2,4", "mean_exact": [19, 8]}]),
        _snapshot("m-3", [{"id": "d", "title": "D", "mean": None, "mean_display": None, "mean_exact": None}]),
        _snapshot("m-4", [{"id": "d", "title": "D", "mean": 3.0, "mean_display": "3,0", "mean_exact": [19, 8]}]),
    ]
    (entry,) = plan(export)["questionnaires"]
    assert (entry["snapshots_in_file"], entry["snapshots_unusable"]) == (3, 1)
