"""Scoring an allocation part: column sums against the total, scaled proposals and wanted changes.

Rules:

* A column's sum is the sum of its answered values; it matches the part's
  ``total`` when it is within :data:`TOLERANCE` of it (values typed with
  decimals, such as 33.3 + 33.3 + 33.4, are not exact in binary). A matching
  sum is reported as exactly ``total``.
* A column whose sum is above 0 and does not match gets a scaled proposal:
  every row's value times ``total / sum``, rounded to whole numbers by the
  largest-remainder method (:func:`largest_remainder`) so they add up to
  ``total`` exactly. Unanswered rows count as 0 there.
* A row's change is its value in the last column minus its value in the first
  column; there is none with fewer than two columns or when either value is unanswered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from .format import Language, amount_text, change_text, raw
from .model import AllocationPart
from .results import AllocationResult, CellValue, ColumnResult, RowResult, ScaledValue

TOLERANCE = Fraction(1, 10**9)
"""How far a column's sum may be from the total and still match it."""


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


def matches(value: Fraction, total: int) -> bool:
    """Whether a sum is within :data:`TOLERANCE` of ``total``."""
    return abs(value - total) <= TOLERANCE


def _column(
    part: AllocationPart,
    column_id: str,
    column_text: str,
    answers: Mapping[str, Mapping[str, Fraction]],
    language: Language,
) -> ColumnResult:
    cells = [answers.get(row.id, {}).get(column_id) for row in part.rows]
    given = [cell for cell in cells if cell is not None]
    column_sum = sum(given, Fraction(0))
    matched = matches(column_sum, part.total)
    if matched:
        column_sum = Fraction(part.total)
    scaled: tuple[ScaledValue, ...] | None = None
    if column_sum > 0 and not matched:
        values = [Fraction(0) if cell is None else cell for cell in cells]
        proposal = largest_remainder(values, part.total)
        scaled = tuple(ScaledValue(row.id, value) for row, value in zip(part.rows, proposal, strict=True))
    difference = column_sum - part.total
    return ColumnResult(
        id=column_id,
        text=column_text,
        answered=len(given),
        sum=raw(column_sum),
        sum_display=amount_text(column_sum, language),
        matches_total=matched,
        difference=raw(difference),
        difference_display=change_text(difference, language),
        scaled=scaled,
    )


def _row(
    part: AllocationPart, row_id: str, row_text: str, answers: Mapping[str, Fraction], language: Language
) -> RowResult:
    values = tuple(
        CellValue(
            column=column.id,
            value=None if column.id not in answers else raw(answers[column.id]),
            display=None if column.id not in answers else amount_text(answers[column.id], language),
        )
        for column in part.columns
    )
    change: Fraction | None = None
    if len(part.columns) >= 2:
        first, last = answers.get(part.columns[0].id), answers.get(part.columns[-1].id)
        if first is not None and last is not None:
            change = last - first
    return RowResult(
        id=row_id,
        text=row_text,
        values=values,
        change=None if change is None else raw(change),
        change_display=None if change is None else change_text(change, language),
    )


def score_allocation(
    part: AllocationPart, answers: Mapping[str, Mapping[str, Fraction]], language: Language
) -> AllocationResult:
    """Score one allocation part from the checked answers (row id -> column id -> value)."""
    return AllocationResult(
        id=part.id,
        title=part.title,
        total=part.total,
        unit=part.unit,
        columns=tuple(_column(part, c.id, c.text, answers, language) for c in part.columns),
        rows=tuple(_row(part, r.id, r.text, answers.get(r.id, {}), language) for r in part.rows),
    )
