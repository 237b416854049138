"""The record fixtures: ``tests/records/fixtures``, shared by the CPython and the Pyodide tests.

* ``v1/*.json``: records exactly as the browser wrote them with record schema 1
  (``{schema: 1, course, questionnaire, version, updated, answers}``, compact
  ``JSON.stringify`` text). The browser tests seed the same files into localStorage.
* ``forms/*.yml``: the questionnaires the import fixtures check files against.
* ``migrate/*.json``: ``{"description", "record", "expected"}``: ``record`` names a
  file under ``fixtures/`` (its text is the stored record), or is ``{"text": "..."}``
  (a stored text that may not even be JSON), or is the record inline; ``expected``
  is what ``migrate_record_json`` returns, parsed.
* ``import/*.json``: ``{"description", "export", "context", "expected"}``: ``export``
  is the export file inline, or ``{"text": "..."}`` for a file that is not JSON;
  ``context`` is ``check_import_json``'s context with each definition given as a YAML
  file under ``fixtures/`` and each stored record's text as with ``record`` above (a file
  name, ``{"text": "..."}``, or the record inline), and so the stored team replies' ``team``
  when it is given;
  ``expected`` is the import plan, parsed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lederskap_scorer import Questionnaire, dump, parse

FIXTURES_DIR = Path(__file__).parent / "fixtures"
V1_DIR = FIXTURES_DIR / "v1"


def definition_json(name: str) -> str:
    """A questionnaire definition as the build writes it for the browser, from a YAML file under fixtures/."""
    data = yaml.safe_load((FIXTURES_DIR / name).read_text(encoding="utf-8"))
    return json.dumps(dump(parse(Questionnaire, data)), ensure_ascii=False, separators=(",", ":"))


def _text(value: object) -> str:
    """A stored or exported text: a fixture file's exact text, a given text, or inline data as compact JSON."""
    if isinstance(value, str):
        return (FIXTURES_DIR / value).read_text(encoding="utf-8").rstrip("\n")
    if isinstance(value, dict) and set(value) == {"text"} and isinstance(value["text"], str):
        return value["text"]
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Call:
    """One call of the scorer's JSON API and the answer it must give."""

    name: str
    function: str
    args: tuple[str, ...]
    expected: Any


def _migrate_call(path: Path) -> Call:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Call(f"migrate/{path.stem}", "migrate_record_json", (_text(data["record"]),), data["expected"])


def _import_call(path: Path) -> Call:
    data = json.loads(path.read_text(encoding="utf-8"))
    context = dict(data["context"])
    context["definitions"] = [definition_json(name) for name in context["definitions"]]
    context["records"] = {
        qid: (_text(record) if record is not None else None) for qid, record in context["records"].items()
    }
    if context.get("team") is not None:
        context["team"] = _text(context["team"])
    args = (_text(data["export"]), json.dumps(context, ensure_ascii=False))
    return Call(f"import/{path.stem}", "check_import_json", args, data["expected"])


def all_calls() -> list[Call]:
    """Every migration and import fixture, as calls of the JSON API."""
    migrations = [_migrate_call(p) for p in sorted((FIXTURES_DIR / "migrate").glob("*.json"))]
    imports = [_import_call(p) for p in sorted((FIXTURES_DIR / "import").glob("*.json"))]
    return migrations + imports


def v1_records() -> list[Path]:
    return sorted(V1_DIR.glob("*.json"))
