"""``scorer/RESULTS.md`` says exactly what the scorer returns: its examples and its key tables are checked."""

from __future__ import annotations

import dataclasses
import json
import re
import string
from pathlib import Path
from typing import get_args

import pytest
from lederskap_scorer import compare_json, results, score_json, snapshots
from lederskap_scorer.answers import AnswerProblem, ProblemCode
from lederskap_scorer.catalogue import LANGUAGES, load_messages
from lederskap_scorer.parts import allocation, checklist, choice, likert, shared, text

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


def test_example_comparison_is_what_compare_json_returns() -> None:
    returned = json.loads(compare_json(json.dumps(_example("compare-from")), json.dumps(_example("compare-to")), "nb"))
    assert returned == _example("compare")
    assert canonical(returned) == canonical(_example("compare"))


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
        ("### AnswerStatus", results.AnswerStatus),
        ("### Problem", AnswerProblem),
        ('### Part: `"likert"`', likert.LikertResult),
        ("#### Dimension", likert.DimensionResult),
        ("#### Item", likert.ItemResult),
        ("#### BandSet", likert.BandSet),
        ("#### BandStart", likert.BandStart),
        ("#### Overall", likert.OverallResult),
        ("#### Suggestions", likert.Suggestions),
        ("#### SuggestionSide", likert.SuggestionSide),
        ("#### SuggestedDimension", likert.SuggestedDimension),
        ("#### SuggestedItem", likert.SuggestedItem),
        ('### Part: `"text"`', text.TextResult),
        ('### Part: `"checklist"`', checklist.ChecklistResult),
        ('### Part: `"allocation"`', allocation.AllocationResult),
        ("#### Column", allocation.ColumnResult),
        ("#### Row", allocation.RowResult),
        ('### Part: `"choice"`', choice.ChoiceResult),
        ("#### Question", choice.QuestionResult),
        ("### SnapshotPart", likert.SnapshotPart),
        ("## Comparing snapshots: `compare_json`", snapshots.Comparison),
        ("#### PartChange", snapshots.PartChange),
        ("#### DimensionChange", snapshots.DimensionChange),
    ],
)
def test_every_field_is_documented_in_order(heading: str, cls: type) -> None:
    assert _table_keys(heading) == [f.name for f in dataclasses.fields(cls)]


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ('**TextAnswer**: `{"id": string, "label": string, "text": string}`', shared.TextAnswer),
        ('**ScaledValue**: `{"row": string, "value": integer}`', allocation.ScaledValue),
        ('**CellValue**: `{"column": string, "value": number | null, "display": string | null}`', allocation.CellValue),
        (
            '**SnapshotDimension**: `{"id": string, "title": string, "mean": number | null, '
            '"mean_display": string | null, "mean_exact": [integer, integer] | null}`',
            likert.SnapshotDimension,
        ),
    ],
)
def test_small_objects_are_documented_in_order(text: str, cls: type) -> None:
    assert text in DOC
    assert re.findall(r'"([a-z_]+)":', text) == [f.name for f in dataclasses.fields(cls)]


def _problem_rows() -> dict[str, set[str]]:
    """The problem codes table: code -> the names in its `values` column."""
    table = DOC.split("| `code` | When | What is left out | `values` |\n|---|---|---|---|\n", 1)[1].split("\n\n", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines():
        cells = line.split(" | ")
        code = re.match(r"^\| `([a-z-]+)`", cells[0])
        assert code is not None, line
        rows[code.group(1)] = set(re.findall(r"`([a-z_]+)`", cells[-1].rstrip(" |")))
    return rows


def test_every_problem_code_is_documented() -> None:
    assert sorted(_problem_rows()) == sorted(get_args(ProblemCode))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_problem_message_uses_exactly_the_documented_values(language: str) -> None:
    catalogue = load_messages(language)
    for code, values in _problem_rows().items():
        names = {name for _, name, _, _ in string.Formatter().parse(catalogue[f"problem.{code}"]) if name}
        assert names == values, f"problem.{code}"
