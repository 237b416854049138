"""The results of scoring one set of answers: frozen dataclasses and their plain JSON form.

``scorer/RESULTS.md`` documents every field; the browser code is written from
that document. The field order of each class is the key order of its JSON
object. Lists keep the questionnaire's order; nothing is keyed by an
author's id, because a JavaScript object would reorder ids made of digits.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from .format import Language

RESULTS_FORMAT = 1
"""Raised when the meaning of the results JSON changes."""

ProblemCode = Literal[
    "invalid-answers",
    "unknown-id",
    "wrong-type",
    "not-whole-number",
    "out-of-range",
    "unknown-option",
    "duplicate-option",
    "unknown-column",
    "negative",
    "over-total",
]

DimensionStatus = Literal["scored", "not-enough-answers"]

SuggestionStatus = Literal["suggested", "turned-off", "no-scored-dimensions", "too-few-scored-dimensions"]

Side = Literal["development_areas", "strengths"]


@dataclass(frozen=True)
class AnswerProblem:
    """Something wrong with one answer; the answer was ignored (counted as unanswered)."""

    id: str | None
    """The answers key, or ``None`` when the answers as a whole could not be used."""
    sub_id: str | None
    """The checklist option or allocation column inside the answer, when the problem is about one."""
    code: ProblemCode
    message: str
    """One sentence in the results' language, for the learner."""


@dataclass(frozen=True)
class QuestionnaireRef:
    """Which questionnaire (and which version of it) the answers were scored against."""

    id: str
    version: int
    title: str


@dataclass(frozen=True)
class ScaleRange:
    """The whole numbers a likert answer can take."""

    min: int
    max: int


@dataclass(frozen=True)
class BandResult:
    """The band a dimension mean falls in."""

    label: str
    text: str


@dataclass(frozen=True)
class ItemResult:
    """One likert item: the answer as given and its score (reversed for reverse-keyed items)."""

    id: str
    text: str
    reverse: bool
    answer: int | None
    score: int | None


@dataclass(frozen=True)
class DimensionResult:
    """One dimension: its mean item score when at least half of its items are answered."""

    id: str
    title: str
    status: DimensionStatus
    answered: int
    item_count: int
    mean: float | None
    mean_display: str | None
    band: BandResult | None
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class OverallResult:
    """The profile across one likert part's dimensions, computed in two ways."""

    mean_of_dimensions: float | None
    mean_of_dimensions_display: str | None
    dimensions_scored: int
    dimension_count: int
    mean_of_items: float | None
    mean_of_items_display: str | None
    items_answered: int
    item_count: int


@dataclass(frozen=True)
class SuggestedDimension:
    """A candidate development area or strength, with its lowest or highest scoring items."""

    id: str
    title: str
    mean: float
    mean_display: str
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class Tie:
    """Dimensions with the same mean across the cut-off of one list of suggestions."""

    applies_to: Side
    mean: float
    mean_display: str
    dimensions: tuple[str, ...]
    included: tuple[str, ...]
    left_out: tuple[str, ...]


@dataclass(frozen=True)
class Suggestions:
    """Candidate development areas (lowest means) and strengths (highest means) of one likert part."""

    status: SuggestionStatus
    requested: int
    per_side: int
    development_areas: tuple[SuggestedDimension, ...]
    strengths: tuple[SuggestedDimension, ...]
    ties: tuple[Tie, ...]


@dataclass(frozen=True, kw_only=True)
class LikertResult:
    """The scores of one likert part."""

    type: Literal["likert"] = "likert"
    id: str
    title: str
    scale: ScaleRange
    dimensions: tuple[DimensionResult, ...]
    overall: OverallResult
    suggestions: Suggestions


@dataclass(frozen=True)
class TextAnswer:
    """A free-text answer, echoed unchanged for the printable summary."""

    id: str
    label: str
    text: str


@dataclass(frozen=True, kw_only=True)
class TextResult:
    """The answered fields of one text part."""

    type: Literal["text"] = "text"
    id: str
    title: str
    fields: tuple[TextAnswer, ...]


@dataclass(frozen=True)
class ChosenOption:
    """A ticked checklist option."""

    id: str
    text: str


@dataclass(frozen=True, kw_only=True)
class ChecklistResult:
    """What was ticked in one checklist part, and its summary text."""

    type: Literal["checklist"] = "checklist"
    id: str
    title: str
    chosen: tuple[ChosenOption, ...]
    summary: TextAnswer | None


@dataclass(frozen=True)
class ScaledValue:
    """One row's value in a column scaled to the part's total."""

    row: str
    value: int


@dataclass(frozen=True)
class ColumnResult:
    """One allocation column: its sum against the part's total, and a scaled proposal when it is off."""

    id: str
    text: str
    answered: int
    sum: float
    sum_display: str
    matches_total: bool
    difference: float
    difference_display: str
    scaled: tuple[ScaledValue, ...] | None


@dataclass(frozen=True)
class CellValue:
    """One row's value in one column."""

    column: str
    value: float | None
    display: str | None


@dataclass(frozen=True)
class RowResult:
    """One allocation row: its values per column and the change from the first to the last column."""

    id: str
    text: str
    values: tuple[CellValue, ...]
    change: float | None
    change_display: str | None


@dataclass(frozen=True, kw_only=True)
class AllocationResult:
    """The sums, checks and proposals of one allocation part."""

    type: Literal["allocation"] = "allocation"
    id: str
    title: str
    total: int
    unit: str
    columns: tuple[ColumnResult, ...]
    rows: tuple[RowResult, ...]


PartResult = LikertResult | TextResult | ChecklistResult | AllocationResult


@dataclass(frozen=True, kw_only=True)
class Results:
    """Everything the scorer says about one set of answers to one questionnaire."""

    results_format: int = RESULTS_FORMAT
    questionnaire: QuestionnaireRef
    language: Language
    problems: tuple[AnswerProblem, ...]
    parts: tuple[PartResult, ...]


def to_plain(value: object) -> Any:
    """Turn results into plain JSON data: dataclasses become dicts in field order, tuples lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    return value
