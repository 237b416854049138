"""``scorer/RESULTS.md`` says exactly what the scorer returns: its example and its key tables are checked."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import get_args

import pytest
from lederskap_scorer import results, score_json

from .fixture_files import canonical

RESULTS_MD = Path(__file__).resolve().parents[2] / "scorer" / "RESULTS.md"
DOC = RESULTS_MD.read_text(encoding="utf-8")


def _example(name: str) -> object:
    found = re.search(rf"<!-- example-{name} -->\n```json\n(.*?)\n```", DOC, re.DOTALL)
    assert found is not None, f"no example-{name} block in {RESULTS_MD}"
    return json.loads(found.group(1))


def test_example_results_are_what_the_scorer_returns() -> None:
    returned = json.loads(score_json(json.dumps(_example("definition")), json.dumps(_example("answers")), "nb"))
    assert returned == _example("results")
    assert canonical(returned) == canonical(_example("results"))


def _table_keys(heading: str) -> list[str]:
    """The keys in the first column of the table under ``heading``, in order."""
    section = DOC.split(heading + "\n", 1)[1]
    table = re.search(r"\| Key \| Type \| Meaning \|\n\|---\|---\|---\|\n((?:\|.*\n)+)", section)
    assert table is not None, f"no key table under {heading!r}"
    return re.findall(r"^\| `([a-z_]+)` \|", table.group(1), re.MULTILINE)


@pytest.mark.parametrize(
    ("heading", "cls"),
    [
        ("## The results object", results.Results),
        ("### Problem", results.AnswerProblem),
        ('### Part: `"likert"`', results.LikertResult),
        ("#### Dimension", results.DimensionResult),
        ("#### Item", results.ItemResult),
        ("#### Overall", results.OverallResult),
        ("#### Suggestions", results.Suggestions),
        ("#### SuggestedDimension", results.SuggestedDimension),
        ("#### Tie", results.Tie),
        ('### Part: `"text"`', results.TextResult),
        ('### Part: `"checklist"`', results.ChecklistResult),
        ('### Part: `"allocation"`', results.AllocationResult),
        ("#### Column", results.ColumnResult),
        ("#### Row", results.RowResult),
    ],
)
def test_every_field_is_documented_in_order(heading: str, cls: type) -> None:
    assert _table_keys(heading) == [f.name for f in dataclasses.fields(cls)]


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ('**TextAnswer**: `{"id": string, "label": string, "text": string}`', results.TextAnswer),
        ('**ScaledValue**: `{"row": string, "value": integer}`', results.ScaledValue),
        ('**CellValue**: `{"column": string, "value": number | null, "display": string | null}`', results.CellValue),
    ],
)
def test_small_objects_are_documented_in_order(text: str, cls: type) -> None:
    assert text in DOC
    assert re.findall(r'"([a-z_]+)":', text) == [f.name for f in dataclasses.fields(cls)]


def test_every_problem_code_is_documented() -> None:
    table = DOC.split("| `code` | When | What is left out |\n|---|---|---|\n", 1)[1].split("\n\n", 1)[0]
    documented = re.findall(r"^\| `([a-z-]+)`", table, re.MULTILINE)
    assert sorted(set(documented)) == sorted(get_args(results.ProblemCode))
