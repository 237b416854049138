"""The scoring fixtures: ``tests/scorer/fixtures/*.json``, shared by the CPython and Pyodide tests.

Each fixture file holds::

    {"description": "...",                 # optional: what the fixture shows
     "definition": {...} | "forms/x.yml",  # the questionnaire as plain data, or a YAML file under fixtures/
     "answers": {...},                     # the learner's answers, as the browser sends them
     "language": "nb" | "en",
     "expected": {...}}                    # the complete results JSON, computed by hand

A YAML definition is resolved the way the build does it: parsed into the
model and dumped back to plain data (``dump(parse(Questionnaire, yaml))``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from lederskap_scorer import Questionnaire, dump, parse

FIXTURES_DIR = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Fixture:
    """One fixture file with its definition resolved to plain data."""

    name: str
    definition: object
    answers: object
    language: str
    expected: object

    def definition_json(self) -> str:
        return json.dumps(self.definition, ensure_ascii=False)

    def answers_json(self) -> str:
        return json.dumps(self.answers, ensure_ascii=False)

    def resolved(self) -> dict[str, object]:
        """The fixture as plain data with the definition inline (what the Node runner reads)."""
        return {
            "definition": self.definition,
            "answers": self.answers,
            "language": self.language,
            "expected": self.expected,
        }


def resolve_definition(value: object, base: Path) -> object:
    """Plain questionnaire data: ``value`` itself, or the YAML file it names (relative to ``base``)."""
    if not isinstance(value, str):
        return value
    data = yaml.safe_load((base / value).read_text(encoding="utf-8"))
    return dump(parse(Questionnaire, data))


def load_fixture(path: Path) -> Fixture:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: expected a JSON object"
    return Fixture(
        name=path.stem,
        definition=resolve_definition(data["definition"], path.parent),
        answers=data["answers"],
        language=data["language"],
        expected=data["expected"],
    )


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES_DIR.glob("*.json"))


def all_fixtures() -> list[Fixture]:
    return [load_fixture(path) for path in fixture_paths()]


def write_resolved(fixtures: list[Fixture], directory: Path) -> None:
    """Write every fixture with its definition inline into ``directory`` (for runners without YAML)."""
    directory.mkdir(parents=True, exist_ok=True)
    for fixture in fixtures:
        text = json.dumps(fixture.resolved(), ensure_ascii=False, indent=1)
        (directory / f"{fixture.name}.json").write_text(text, encoding="utf-8")


def canonical(value: object) -> object:
    """A form of plain JSON data that compares types and key order too.

    ``==`` on parsed JSON treats ``true`` as ``1`` and ignores key order;
    this keeps yes/no values apart from numbers (ints and floats stay equal,
    as in JSON) and keeps object keys in order.
    """
    if isinstance(value, dict):
        return ("object", [(key, canonical(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("array", [canonical(item) for item in value])
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    return (type(value).__name__, value)
