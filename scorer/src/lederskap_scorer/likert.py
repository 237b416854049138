"""Scoring a likert part: dimension means, bands, the overall profile and suggestions.

All arithmetic is exact (fractions); numbers are rounded only when they are
written into the results (see :mod:`lederskap_scorer.format`).

Rules:

* An item's score is its answer, or ``min + max - answer`` for a reverse-keyed item.
  An unanswered item has no score; it never counts as 0.
* A dimension is scored when at least half of its items are answered
  (``answered * 2 >= items``); its mean is the mean of the answered items'
  scores. Otherwise its status is ``not-enough-answers`` and it has no mean.
* The band of a mean ``m`` is the dimension's own bands if it has any, else
  the questionnaire's; the band with ``min <= m < max``, the last band also
  holding its ``max``. The exact mean is used, not the rounded one.
* Suggestions: see :func:`_suggest` (and RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from .format import Language, mean_text, raw
from .model import Band, Dimension, LikertPart, Scale
from .results import (
    BandResult,
    DimensionResult,
    ItemResult,
    LikertResult,
    OverallResult,
    ScaleRange,
    Side,
    SuggestedDimension,
    Suggestions,
    SuggestionStatus,
    Tie,
)


def item_score(answer: int, scale: Scale, reverse: bool) -> int:
    """The score of one answer: the answer itself, or ``min + max - answer`` when reverse-keyed."""
    return scale.min + scale.max - answer if reverse else answer


def is_scored(answered: int, item_count: int) -> bool:
    """The half rule: a dimension gets a mean when at least half of its items are answered."""
    return answered > 0 and answered * 2 >= item_count


def find_band(mean: Fraction, bands: tuple[Band, ...]) -> Band | None:
    """The band with ``min <= mean < max``; the last band also holds its ``max``."""
    for index, band in enumerate(bands):
        last = index == len(bands) - 1
        if Fraction(band.min) <= mean < Fraction(band.max) or (last and mean == Fraction(band.max)):
            return band
    return None


@dataclass(frozen=True)
class _Scored:
    """A dimension's result with its exact mean, while the part is being scored."""

    position: int
    result: DimensionResult
    mean: Fraction | None
    scores: tuple[int, ...]


def _score_dimension(
    position: int,
    dimension: Dimension,
    answers: Mapping[str, int],
    scale: Scale,
    bands: tuple[Band, ...],
    language: Language,
) -> _Scored:
    items: list[ItemResult] = []
    scores: list[int] = []
    for item in dimension.items:
        answer = answers.get(item.id)
        score = None if answer is None else item_score(answer, scale, item.reverse)
        if score is not None:
            scores.append(score)
        items.append(ItemResult(item.id, item.text, item.reverse, answer, score))
    item_count = len(dimension.items)
    mean: Fraction | None = None
    band: BandResult | None = None
    if is_scored(len(scores), item_count):
        mean = Fraction(sum(scores), len(scores))
        found = find_band(mean, dimension.bands or bands)
        band = None if found is None else BandResult(found.label, found.text)
    result = DimensionResult(
        id=dimension.id,
        title=dimension.title,
        status="scored" if mean is not None else "not-enough-answers",
        answered=len(scores),
        item_count=item_count,
        mean=None if mean is None else raw(mean),
        mean_display=None if mean is None else mean_text(mean, language),
        band=band,
        items=tuple(items),
    )
    return _Scored(position, result, mean, tuple(scores))


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def _overall(scored: list[_Scored], language: Language) -> OverallResult:
    dimension_means = [s.mean for s in scored if s.mean is not None]
    item_scores = [Fraction(score) for s in scored for score in s.scores]
    of_dimensions = _mean(dimension_means)
    of_items = _mean(item_scores)
    return OverallResult(
        mean_of_dimensions=None if of_dimensions is None else raw(of_dimensions),
        mean_of_dimensions_display=None if of_dimensions is None else mean_text(of_dimensions, language),
        dimensions_scored=len(dimension_means),
        dimension_count=len(scored),
        mean_of_items=None if of_items is None else raw(of_items),
        mean_of_items_display=None if of_items is None else mean_text(of_items, language),
        items_answered=len(item_scores),
        item_count=sum(s.result.item_count for s in scored),
    )


def _suggested(s: _Scored, mean: Fraction, lowest: bool, language: Language) -> SuggestedDimension:
    """A suggested dimension with its answered items that share its lowest (or highest) score."""
    answered = [item for item in s.result.items if item.score is not None]
    scores = [item.score for item in answered if item.score is not None]
    target = min(scores) if lowest else max(scores)
    return SuggestedDimension(
        id=s.result.id,
        title=s.result.title,
        mean=raw(mean),
        mean_display=mean_text(mean, language),
        items=tuple(item for item in answered if item.score == target),
    )


def _suggest(part: LikertPart, dimensions: list[_Scored], language: Language) -> Suggestions:
    """Candidate development areas (lowest means) and strengths (highest means).

    ``n = part.suggestions``. With ``s`` scored dimensions, each list gets
    ``k = min(n, s // 2)`` dimensions, so no dimension is ever both and, when
    ``s`` is odd and below ``2n``, the middle one is in neither list. There
    are no suggestions when ``n`` is 0 (``turned-off``), no dimension is
    scored (``no-scored-dimensions``) or only one is
    (``too-few-scored-dimensions``: a single mean has nothing to be compared with).

    Development areas are the first ``k`` scored dimensions sorted by mean,
    then by their order in the questionnaire. Strengths are the first ``k``
    of the remaining ones sorted by mean from the highest, then by their
    order in the questionnaire. When the last dimension taken into a list
    has the same mean as a scored dimension that was not taken into it, a
    :class:`Tie` lists every scored dimension with that mean.
    """
    scored = [(s, s.mean) for s in dimensions if s.mean is not None]
    requested = part.suggestions
    per_side = min(requested, len(scored) // 2)
    if per_side == 0:
        status: SuggestionStatus = (
            "turned-off" if requested == 0 else "no-scored-dimensions" if not scored else "too-few-scored-dimensions"
        )
        return Suggestions(status, requested, 0, (), (), ())
    lowest = sorted(scored, key=lambda pair: (pair[1], pair[0].position))[:per_side]
    lowest_ids = {s.result.id for s, _ in lowest}
    rest = [pair for pair in scored if pair[0].result.id not in lowest_ids]
    highest = sorted(rest, key=lambda pair: (-pair[1], pair[0].position))[:per_side]
    sides: tuple[tuple[Side, list[tuple[_Scored, Fraction]]], ...] = (
        ("development_areas", lowest),
        ("strengths", highest),
    )
    ties: list[Tie] = []
    for applies_to, chosen in sides:
        cut_off = chosen[-1][1]
        chosen_ids = {s.result.id for s, _ in chosen}
        tied = tuple(s.result.id for s, mean in scored if mean == cut_off)
        left_out = tuple(i for i in tied if i not in chosen_ids)
        if left_out:
            included = tuple(i for i in tied if i in chosen_ids)
            ties.append(Tie(applies_to, raw(cut_off), mean_text(cut_off, language), tied, included, left_out))
    return Suggestions(
        status="suggested",
        requested=requested,
        per_side=per_side,
        development_areas=tuple(_suggested(s, mean, True, language) for s, mean in lowest),
        strengths=tuple(_suggested(s, mean, False, language) for s, mean in highest),
        ties=tuple(ties),
    )


def score_likert(
    part: LikertPart,
    answers: Mapping[str, int],
    scale: Scale,
    bands: tuple[Band, ...],
    language: Language,
) -> LikertResult:
    """Score one likert part; ``bands`` are the questionnaire's, used where a dimension has none."""
    dimensions = [
        _score_dimension(position, dimension, answers, scale, bands, language)
        for position, dimension in enumerate(part.dimensions)
    ]
    return LikertResult(
        id=part.id,
        title=part.title,
        scale=ScaleRange(scale.min, scale.max),
        dimensions=tuple(s.result for s in dimensions),
        overall=_overall(dimensions, language),
        suggestions=_suggest(part, dimensions, language),
    )
