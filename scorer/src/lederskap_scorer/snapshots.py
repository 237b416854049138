"""What a snapshot keeps of the scores, and the change between two snapshots.

A snapshot ("Lagre måling", scorer/RECORDS.md) keeps the likert scores of the
moment as the scorer gave them: the results' ``snapshot_scores``
(:class:`~lederskap_scorer.parts.likert.SnapshotPart`), a list per likert part
``{part, title, min, max, dimensions: [{id, title, mean, mean_display, mean_exact}]}``.
Snapshots saved before ``mean_exact`` existed lack it; they are shown and
compared all the same.

:func:`compare_scores` gives the change per dimension from one snapshot's
scores to another's, computed once, here: from the exact means when both have
them (so 19/8 to 14/6 is a change of -1/24, shown "0,0"), else from the
stored means (two decimals), and rounded once, half away from zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from .answers import exact_number, finite_number
from .format import Language, mean_change_text, raw
from .json_text import MAX_SAFE_INTEGER
from .schema import is_id

COMPARE_FORMAT = 1
"""Raised when the meaning of the comparison JSON changes."""

MAX_ENTRIES = 1000
"""The most parts in one snapshot's scores, and the most dimensions in one part."""
MAX_TITLE = 2000
"""The longest title kept in a snapshot's scores."""
MAX_DISPLAY = 20
"""The longest display text of a mean kept in a snapshot's scores."""

Side = Literal["from", "to"]


# ---- the form of a snapshot's scores ------------------------------------------------------------


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def exact_number_or_none(value: object) -> Fraction | None:
    """A finite JSON number read exactly (see :func:`~lederskap_scorer.answers.exact_number`), else ``None``."""
    number = finite_number(value)
    return None if number is None else exact_number(number)


def exact_mean(value: object) -> Fraction | None:
    """The exact mean of a snapshot's dimension: ``mean_exact`` as ``[numerator, denominator]``, or
    ``None`` when it is absent, ``null`` or not two whole numbers (the denominator above 0) that
    JavaScript holds exactly."""
    if not isinstance(value, list) or len(value) != 2 or not all(_is_whole(n) for n in value):
        return None
    numerator, denominator = value
    if denominator < 1 or abs(numerator) > MAX_SAFE_INTEGER or denominator > MAX_SAFE_INTEGER:
        return None
    return Fraction(numerator, denominator)


_DIMENSION_KEYS = frozenset({"id", "title", "mean", "mean_display"})


def _is_dimension_score(value: object) -> bool:
    """One dimension of a snapshot's scores: ``{id, title, mean, mean_display}`` and, from results
    format 2, ``mean_exact`` (``null`` exactly when ``mean`` is, else the mean ``mean`` rounds)."""
    if not isinstance(value, Mapping) or set(value) not in (_DIMENSION_KEYS, _DIMENSION_KEYS | {"mean_exact"}):
        return False
    mean, display = value["mean"], value["mean_display"]
    if not (
        is_id(value["id"])
        and isinstance(value["title"], str)
        and len(value["title"]) <= MAX_TITLE
        and (mean is None or finite_number(mean) is not None)
        and (display is None or (isinstance(display, str) and len(display) <= MAX_DISPLAY))
    ):
        return False
    if "mean_exact" not in value or value["mean_exact"] is None:
        return True
    exact = exact_mean(value["mean_exact"])
    return exact is not None and mean is not None and raw(exact) == mean


def is_snapshot_scores(value: object) -> bool:
    """Whether ``value`` is a snapshot's scores: ``null`` or a list of likert parts with their dimension means."""
    if value is None:
        return True
    if not isinstance(value, list) or len(value) > MAX_ENTRIES:
        return False
    return all(
        isinstance(part, Mapping)
        and set(part) == {"part", "title", "min", "max", "dimensions"}
        and is_id(part["part"])
        and isinstance(part["title"], str)
        and len(part["title"]) <= MAX_TITLE
        and _is_whole(part["min"])
        and _is_whole(part["max"])
        and isinstance(part["dimensions"], list)
        and len(part["dimensions"]) <= MAX_ENTRIES
        and all(_is_dimension_score(dimension) for dimension in part["dimensions"])
        for part in value
    )


# ---- comparing two snapshots' scores ------------------------------------------------------------


@dataclass(frozen=True)
class DimensionChange:
    """One dimension in both snapshots (or only in the later one) and the change of its mean."""

    id: str
    title: str
    from_mean: float | None
    from_mean_display: str | None
    to_mean: float | None
    to_mean_display: str | None
    change: float | None
    change_display: str | None


@dataclass(frozen=True)
class PartChange:
    """One likert part both snapshots have."""

    part: str
    title: str
    min: int
    max: int
    dimensions: tuple[DimensionChange, ...]


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """The change from one snapshot's scores to another's."""

    compare_format: int = COMPARE_FORMAT
    unusable: tuple[Side, ...]
    parts: tuple[PartChange, ...]


def _change(before: Mapping[str, object], after: Mapping[str, object]) -> Fraction | None:
    """The exact change of a dimension's mean: from the exact means when both snapshots have them,
    else from the stored means; ``None`` unless both have a mean."""
    from_mean, to_mean = exact_number_or_none(before.get("mean")), exact_number_or_none(after.get("mean"))
    if from_mean is None or to_mean is None:
        return None
    from_exact, to_exact = exact_mean(before.get("mean_exact")), exact_mean(after.get("mean_exact"))
    if from_exact is not None and to_exact is not None:
        return to_exact - from_exact
    return to_mean - from_mean


def _dimension(before: Mapping[str, object], after: Mapping[str, object], language: Language) -> DimensionChange:
    change = _change(before, after)
    return DimensionChange(
        id=str(after["id"]),
        title=str(after["title"]),
        from_mean=_float_or_none(before.get("mean")),
        from_mean_display=_text_or_none(before.get("mean_display")),
        to_mean=_float_or_none(after.get("mean")),
        to_mean_display=_text_or_none(after.get("mean_display")),
        change=None if change is None else raw(change),
        change_display=None if change is None else mean_change_text(change, language),
    )


def _float_or_none(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def compare_scores(from_scores: object, to_scores: object, language: Language) -> Comparison:
    """The change per dimension from ``from_scores`` to ``to_scores`` (each a snapshot's scores, or the
    results' ``snapshot_scores``), for every likert part both have, in the order of ``to_scores``; each
    of its dimensions, matched by id in ``from_scores``. Never raises on the scores: scores not of the
    documented form (:func:`is_snapshot_scores`) are named in ``unusable`` and nothing is compared."""
    sides: tuple[tuple[Side, object], ...] = (("from", from_scores), ("to", to_scores))
    unusable = tuple(side for side, scores in sides if not is_snapshot_scores(scores))
    if unusable or not isinstance(from_scores, list) or not isinstance(to_scores, list):
        return Comparison(unusable=unusable, parts=())
    earlier_parts = {part["part"]: part for part in from_scores}
    parts: list[PartChange] = []
    for part in to_scores:
        earlier = earlier_parts.get(part["part"])
        if earlier is None:
            continue
        before = {dimension["id"]: dimension for dimension in earlier["dimensions"]}
        dimensions = tuple(_dimension(before.get(d["id"], {}), d, language) for d in part["dimensions"])
        parts.append(PartChange(part["part"], part["title"], part["min"], part["max"], dimensions))
    return Comparison(unusable=(), parts=tuple(parts))
