"""The team result fixtures: ``tests/scorer/team_fixtures/*.json``, shared by the CPython and Pyodide tests.

Each fixture file holds::

    {"description": "...",                      # what the fixture shows
     "own": "forms/x.yml",                      # the inviter's questionnaire (a YAML file under team_fixtures/)
     "others": "forms/y.yml",                   # the questionnaire the replies answer (a view of it, or the same)
     "own_answers": {...} | null,               # the inviter's answers; null: not given
     "replies": [{...}, ...],                   # each reply's opened answers
     "language": "nb" | "en",
     "expected": {...}}                         # the complete team result JSON, computed by hand

An answers value is sent as its JSON text, except ``{"text": "..."}``, which is sent as
that text exactly (one that is not JSON, say), as in the record fixtures. The call is
``team_json(own definition, others definition, own answers, replies, language)``, with
``replies`` a JSON list of the replies' texts, as the page makes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records.fixture_files import Call
from .fixture_files import resolve_definition

TEAM_FIXTURES_DIR = Path(__file__).parent / "team_fixtures"


def _text(value: object) -> str:
    if isinstance(value, dict) and set(value) == {"text"} and isinstance(value["text"], str):
        return value["text"]
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class TeamFixture:
    """One fixture file as the call of the JSON API it stands for."""

    name: str
    description: str
    args: tuple[str, str, str, str, str]
    expected: Any

    def call(self) -> Call:
        return Call(f"team/{self.name}", "team_json", self.args, self.expected)


def load_team_fixture(path: Path) -> TeamFixture:
    data = json.loads(path.read_text(encoding="utf-8"))
    definitions = [
        json.dumps(resolve_definition(data[key], path.parent), ensure_ascii=False) for key in ("own", "others")
    ]
    replies = json.dumps([_text(reply) for reply in data["replies"]], ensure_ascii=False)
    args = (definitions[0], definitions[1], _text(data["own_answers"]), replies, data["language"])
    return TeamFixture(path.stem, data["description"], args, data["expected"])


def all_team_fixtures() -> list[TeamFixture]:
    return [load_team_fixture(path) for path in sorted(TEAM_FIXTURES_DIR.glob("*.json"))]
