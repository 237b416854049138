"""``scorer/RECORDS.md`` shows a record and an export file that the code reads as it says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from lederskap_scorer import Questionnaire, api, dump, parse
from lederskap_scorer.records.migration import RECORD_SCHEMA, migrate_record
from lederskap_scorer.records.team_data import TEAM_SCHEMA, read_stored_team

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "scorer" / "RECORDS.md").read_text(encoding="utf-8")


def example(name: str) -> Any:
    found = re.search(rf"<!-- example-{name} -->\n```json\n(.*?)\n```", DOC, re.DOTALL)
    assert found is not None, f"no example-{name} block in RECORDS.md"
    return json.loads(found.group(1))


def leader_definition() -> str:
    data = yaml.safe_load((ROOT / "forms" / "leder-egenvurdering.yml").read_text(encoding="utf-8"))
    return json.dumps(dump(parse(Questionnaire, data)))


def plan(export: object, records: dict[str, object], team: object = None) -> Any:
    """The plan of ``export`` onto ``records`` (questionnaire id -> record, sent as its text, as the page
    does) and the stored team replies ``team`` (sent as its text too)."""
    context = {
        "course": "lederskap-medarbeiderskap",
        "language": "nb",
        "now": "2026-06-01T12:00:00.000Z",
        "definitions": [leader_definition()],
        "records": {qid: json.dumps(record) for qid, record in records.items()},
        "team": None if team is None else json.dumps(team),
    }
    return json.loads(api.check_import_json(json.dumps(export), json.dumps(context)))


def test_the_example_record_is_of_the_current_schema() -> None:
    record = example("record")
    assert record["schema"] == RECORD_SCHEMA
    assert migrate_record(record) == record


def test_the_example_export_imports_onto_the_example_record() -> None:
    record = example("record")
    result = plan(example("export"), {"leder-egenvurdering": record})
    assert result["ok"] is True, result["problems"]
    (entry,) = result["questionnaires"]
    assert (entry["new"], entry["changed"], entry["only_here"]) == (0, 1, 1)
    assert entry["merge"]["answers"] == {**record["answers"], "selvinnsikt": 4}
    assert entry["replace"]["snapshots"] == []
    assert entry["merge"]["snapshots"] == record["snapshots"]


def test_the_example_records_snapshot_is_a_valid_snapshot_of_an_export() -> None:
    record = example("record")
    export = example("export")
    export["questionnaires"][0]["snapshots"] = record["snapshots"]
    assert plan(export, {})["ok"] is True


def test_the_example_plan_has_the_fields_of_a_plan() -> None:
    documented = example("plan")
    real = plan(example("export"), {"leder-egenvurdering": example("record")})
    assert list(documented) == list(real)
    assert list(documented["changes"]) == list(real["changes"])
    assert list(documented["questionnaires"][0]) == list(real["questionnaires"][0])


def test_the_example_team_replies_are_of_the_current_schema_and_read_as_the_page_reads_them() -> None:
    stored = example("team-stored")
    assert stored["schema"] == TEAM_SCHEMA
    assert read_stored_team(json.dumps(stored)) == stored["invitations"]


def test_the_example_exports_team_replies_import_onto_the_example_stored_ones() -> None:
    result = plan(example("export"), {}, example("team-stored"))
    assert result["ok"] is True, result["problems"]
    team = result["team"]
    (invitation,) = team["invitations"]
    assert invitation["here"] is True
    assert (invitation["replies_new"], invitation["replies_known"], invitation["replies_only_here"]) == (1, 1, 0)
    assert team["changes"] == {"merge": True, "replace": True}
    merged = json.loads(team["merge"])
    (stored_id,) = example("team-stored")["invitations"]
    assert [reply["id"] for reply in merged["invitations"][stored_id]["replies"]] == [
        reply["id"] for reply in example("export")["team"][0]["replies"]
    ]
    assert json.loads(team["replace"]) == merged  # the file's invitation holds every reply stored here


def test_the_example_plans_team_has_the_fields_of_a_plans_team() -> None:
    documented = example("plan")["team"]
    real = plan(example("export"), {}, example("team-stored"))["team"]
    assert list(documented) == list(real)
    assert list(documented["invitations"][0]) == list(real["invitations"][0])
    assert documented["invitations"][0] == real["invitations"][0]


def test_every_problem_code_of_an_import_is_documented_with_its_values() -> None:
    table = re.search(r"<!-- problem-codes -->\n((?:\|.*\n)+)", DOC)
    assert table is not None, "no problem-codes table in RECORDS.md"
    rows = [line.split("|")[1:3] for line in table.group(1).splitlines()[2:]]
    documented = {code.strip().strip("`"): values for code, values in rows}
    package = ROOT / "scorer" / "src" / "lederskap_scorer" / "records"
    source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(package.glob("*.py")))
    given = re.findall(r'problems\.add\(\s*"([a-z-]+)"(.*?)\)$', source, re.MULTILINE | re.DOTALL)
    assert given, f"no problems.add in {package}"
    assert documented.keys() == {code for code, _ in given}
    for code, arguments in given:
        for value in re.findall(r"(\w+)=", arguments):
            assert f"`{value}`" in documented[code], f"{code}: '{value}' is not documented"
