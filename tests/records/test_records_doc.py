"""``scorer/RECORDS.md`` shows a record and an export file that the code reads as it says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from lederskap_scorer import Questionnaire, api, dump, parse
from lederskap_scorer.records import RECORD_SCHEMA, migrate_record

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "scorer" / "RECORDS.md").read_text(encoding="utf-8")


def example(name: str) -> Any:
    found = re.search(rf"<!-- example-{name} -->\n```json\n(.*?)\n```", DOC, re.DOTALL)
    assert found is not None, f"no example-{name} block in RECORDS.md"
    return json.loads(found.group(1))


def leader_definition() -> str:
    data = yaml.safe_load((ROOT / "forms" / "leder-egenvurdering.yml").read_text(encoding="utf-8"))
    return json.dumps(dump(parse(Questionnaire, data)))


def plan(export: object, records: dict[str, object]) -> Any:
    context = {
        "course": "lederskap-medarbeiderskap",
        "language": "nb",
        "now": "2026-06-01T12:00:00.000Z",
        "definitions": [leader_definition()],
        "records": records,
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
