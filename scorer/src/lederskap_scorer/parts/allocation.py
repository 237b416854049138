"""The ``allocation`` question type: shares of a whole per row, in one or more columns.

Its answer: per row, under the row's id, an object of column id -> a number from
0 to the part's ``total`` (only the cells filled in). Every number is read as the
decimal the learner typed (:func:`~lederskap_scorer.answers.exact_number`), so all
arithmetic below is exact.

Rules:

* A column's sum is the sum of its answered values; it matches the part's
  ``total`` when it equals it.
* A column whose sum is above 0 and does not match gets a scaled proposal:
  every row's value times ``total / sum``, rounded to whole numbers by the
  largest-remainder method (:func:`largest_remainder`) so they add up to
  ``total`` exactly. Unanswered rows count as 0 there. The page writes exactly
  these numbers into the fields when the learner asks it to scale a column.
* A row's change is its value in the last column minus its value in the first
  column; there is none with fewer than two columns or when either value is unanswered.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..answers import AnswerProblem, ProblemCode, exact_number, finite_number, number_as_given
from ..format import Language, amount_text, change_text, raw
from ..limits import MAX_COLUMNS
from ..schema import Id, Problem, join_path
from .shared import (
    Answers,
    Option,
    PartScore,
    ScoringContext,
    check_unique_within,
    expect_at_most,
    expect_some,
)


@dataclass(frozen=True)
class AllocationPart:
    """Shares of a whole (for example % of working time) per row, in one or more columns.

    Each column is expected to add up to ``total`` (in ``unit``).
    """

    type: Literal["allocation"]
    id: Id
    title: str
    rows: tuple[Option, ...]
    columns: tuple[Option, ...]
    intro: str = ""
    total: int = 100
    unit: str = "%"


def check_part(part: AllocationPart, path: str) -> list[Problem]:
    columns_path = join_path(path, "columns")
    problems = expect_some(part.rows, join_path(path, "rows"), "row")
    problems += expect_some(part.columns, columns_path, "column")
    problems += expect_at_most(part.columns, columns_path, "columns", MAX_COLUMNS)
    problems += check_unique_within(part.columns, columns_path)
    if part.total <= 0:
        problems.append(Problem(join_path(path, "total"), f"expected a number above 0, but {part.total} was given"))
    return problems


def question_count(part: AllocationPart) -> int:
    return len(part.rows)


def namespace_ids(part: AllocationPart, path: str) -> Iterator[tuple[str, str]]:
    """The row ids (columns are unique within the part)."""
    for ri, row in enumerate(part.rows):
        yield row.id, join_path(join_path(join_path(path, "rows"), ri), "id")


def answer_ids(part: AllocationPart) -> Iterator[str]:
    for row in part.rows:
        yield row.id


# ---- the results --------------------------------------------------------------------------------


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


# ---- checking the answers -----------------------------------------------------------------------


def _read_row(
    part: AllocationPart, row: Option, value: object, language: Language, problems: list[AnswerProblem]
) -> dict[str, Fraction]:
    """The usable cells of one row's answer (column id -> value); a problem for each other cell."""
    if not isinstance(value, Mapping):
        problems.append(AnswerProblem(row.id, None, "not-an-object", {"question": row.text}))
        return {}
    given = {str(key): cell for key, cell in value.items()}
    total = amount_text(Fraction(part.total), language)
    cells: dict[str, Fraction] = {}
    for column in part.columns:
        cell = given.pop(column.id, None)
        if cell is None:
            continue
        values = {"question": row.text, "column": column.text, "total": total}
        number = finite_number(cell)
        code: ProblemCode
        if number is None:
            problems.append(AnswerProblem(row.id, column.id, "cell-not-a-number", values))
            continue
        exact = exact_number(number)
        if exact < 0:
            code = "negative"
        elif exact > part.total:
            code = "over-total"
        else:
            cells[column.id] = exact
            continue
        problems.append(AnswerProblem(row.id, column.id, code, {**values, "given": number_as_given(number, language)}))
    for unknown in sorted(given):
        problems.append(AnswerProblem(row.id, unknown, "unknown-column", {"question": row.text, "column": unknown}))
    return cells


# ---- scoring ------------------------------------------------------------------------------------


def largest_remainder(values: Sequence[Fraction], total: int) -> list[int]:
    """Scale ``values`` (their sum above 0) to whole numbers that add up to ``total``.

    Each value gets the whole part of its exact share ``value * total / sum``;
    the units still missing go one each to the largest fractional parts,
    ties going to the earlier value.
    """
    whole_sum = sum(values, Fraction(0))
    if whole_sum <= 0:
        raise ValueError("largest_remainder needs values with a sum above 0")
    shares = [value * total / whole_sum for value in values]
    result = [math.floor(share) for share in shares]
    missing = total - sum(result)
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(shares[i] - result[i]), i))
    for i in by_remainder[:missing]:
        result[i] += 1
    return result


def _column(
    part: AllocationPart, column: Option, cells: Mapping[str, Mapping[str, Fraction]], language: Language
) -> ColumnResult:
    values = [cells.get(row.id, {}).get(column.id) for row in part.rows]
    given = [value for value in values if value is not None]
    column_sum = sum(given, Fraction(0))
    matched = column_sum == part.total
    scaled: tuple[ScaledValue, ...] | None = None
    if column_sum > 0 and not matched:
        proposal = largest_remainder([Fraction(0) if value is None else value for value in values], part.total)
        scaled = tuple(ScaledValue(row.id, value) for row, value in zip(part.rows, proposal, strict=True))
    difference = column_sum - part.total
    return ColumnResult(
        id=column.id,
        text=column.text,
        answered=len(given),
        sum=raw(column_sum),
        sum_display=amount_text(column_sum, language),
        matches_total=matched,
        difference=raw(difference),
        difference_display=change_text(difference, language),
        scaled=scaled,
    )


def _row(part: AllocationPart, row: Option, cells: Mapping[str, Fraction], language: Language) -> RowResult:
    values = tuple(
        CellValue(
            column=column.id,
            value=None if column.id not in cells else raw(cells[column.id]),
            display=None if column.id not in cells else amount_text(cells[column.id], language),
        )
        for column in part.columns
    )
    change: Fraction | None = None
    if len(part.columns) >= 2:
        first, last = cells.get(part.columns[0].id), cells.get(part.columns[-1].id)
        if first is not None and last is not None:
            change = last - first
    return RowResult(
        id=row.id,
        text=row.text,
        values=values,
        change=None if change is None else raw(change),
        change_display=None if change is None else change_text(change, language),
    )


def score(part: AllocationPart, answers: Answers, context: ScoringContext) -> PartScore[AllocationResult]:
    language = context.language
    problems: list[AnswerProblem] = []
    cells: dict[str, dict[str, Fraction]] = {}
    for row in part.rows:
        if row.id in answers:
            row_cells = _read_row(part, row, answers[row.id], language, problems)
            if row_cells:
                cells[row.id] = row_cells
    result = AllocationResult(
        id=part.id,
        title=part.title,
        total=part.total,
        unit=part.unit,
        columns=tuple(_column(part, column, cells, language) for column in part.columns),
        rows=tuple(_row(part, row, cells.get(row.id, {}), language) for row in part.rows),
    )
    return PartScore(result, tuple(problems), frozenset(cells))
