"""The ``likert`` question type: statements rated on the questionnaire's scale, grouped in dimensions.

Its answer: a whole number on the scale, stored under the item's id.

Scoring (all arithmetic exact, in fractions; numbers are rounded only when
they are written into the results, see :mod:`lederskap_scorer.format`):

* An item's score is its answer, or ``min + max - answer`` for a reverse-keyed item.
  An unanswered item has no score; it never counts as 0.
* A dimension is scored when at least half of its items are answered
  (``answered * 2 >= items``); its mean is the mean of the answered items'
  scores. Otherwise its status is ``not-enough-answers`` and it has no mean.
* The band of a mean ``m`` is the dimension's own bands if it has any, else
  the questionnaire's; the band with ``min <= m < max``, the last band also
  holding its ``max``. The exact mean is used, not the rounded one.
* Suggestions: see :func:`_suggest` (and RESULTS.md).
* What a snapshot keeps of the scores (:class:`SnapshotPart`) comes from here too,
  with each mean's exact value, so that two snapshots compare exactly
  (:mod:`lederskap_scorer.compare`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..answers import AnswerProblem, ProblemCode, finite_number, number_as_given
from ..format import Language, mean_text, raw
from ..scale import Band, Scale, check_bands
from ..schema import Id, Problem, join_path
from .shared import Answers, PartScore, ScoringContext, expect_some

# ---- the model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One statement answered on the scale. ``reverse`` items score ``min + max - answer``."""

    id: Id
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Dimension:
    """A group of items scored together. Its own ``bands`` replace the questionnaire's."""

    id: Id
    title: str
    items: tuple[Item, ...]
    description: str = ""
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True)
class LikertPart:
    """Statements on the questionnaire's scale, grouped in dimensions.

    ``suggestions`` is how many of the lowest and highest scoring dimensions are
    offered as candidate development areas and strengths (0 turns that off).
    """

    type: Literal["likert"]
    id: Id
    title: str
    dimensions: tuple[Dimension, ...]
    intro: str = ""
    suggestions: int = 2


# ---- the checks of the model --------------------------------------------------------------------


def check_part(part: LikertPart, path: str, scale: Scale | None) -> list[Problem]:
    """The rules a type hint cannot express; the dimensions' bands are checked against a usable ``scale``."""
    problems = expect_some(part.dimensions, join_path(path, "dimensions"), "dimension")
    for i, dimension in enumerate(part.dimensions):
        dimension_path = join_path(join_path(path, "dimensions"), i)
        problems += expect_some(dimension.items, join_path(dimension_path, "items"), "item")
        if scale is not None:
            problems += check_bands(dimension.bands, scale, join_path(dimension_path, "bands"))
    if part.suggestions < 0:
        problems.append(
            Problem(join_path(path, "suggestions"), f"expected 0 or more, but {part.suggestions} was given")
        )
    return problems


def question_count(part: LikertPart) -> int:
    return sum(len(dimension.items) for dimension in part.dimensions)


def namespace_ids(part: LikertPart, path: str) -> Iterator[tuple[str, str]]:
    """The part's dimension and item ids, with their paths (the part's own id is the caller's)."""
    for di, dimension in enumerate(part.dimensions):
        dimension_path = join_path(join_path(path, "dimensions"), di)
        yield dimension.id, join_path(dimension_path, "id")
        for ii, item in enumerate(dimension.items):
            yield item.id, join_path(join_path(join_path(dimension_path, "items"), ii), "id")


def answer_ids(part: LikertPart) -> Iterator[str]:
    for dimension in part.dimensions:
        for item in dimension.items:
            yield item.id


# ---- the results --------------------------------------------------------------------------------

DimensionStatus = Literal["scored", "not-enough-answers"]

SuggestionStatus = Literal["suggested", "turned-off", "no-scored-dimensions", "too-few-scored-dimensions"]

Side = Literal["development_areas", "strengths"]


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
    mean_exact: tuple[int, int] | None
    """The exact mean as ``(numerator, denominator)``, in lowest terms."""
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
class SnapshotDimension:
    """What a snapshot keeps of one dimension's score."""

    id: str
    title: str
    mean: float | None
    mean_display: str | None
    mean_exact: tuple[int, int] | None


@dataclass(frozen=True)
class SnapshotPart:
    """What a snapshot keeps of one likert part's scores (an entry of a snapshot's ``scores``)."""

    part: str
    title: str
    min: int
    max: int
    dimensions: tuple[SnapshotDimension, ...]


def snapshot_part(result: LikertResult) -> SnapshotPart:
    """The scores of ``result`` as a snapshot keeps them (scorer/RECORDS.md)."""
    return SnapshotPart(
        part=result.id,
        title=result.title,
        min=result.scale.min,
        max=result.scale.max,
        dimensions=tuple(
            SnapshotDimension(d.id, d.title, d.mean, d.mean_display, d.mean_exact) for d in result.dimensions
        ),
    )


# ---- checking the answers -----------------------------------------------------------------------


def _read_answer(item: Item, value: object, scale: Scale, language: Language) -> int | AnswerProblem:
    """The item's answer, or the problem with it."""
    number = finite_number(value)
    values = {"question": item.text, "min": str(scale.min), "max": str(scale.max)}
    code: ProblemCode
    if number is None:
        return AnswerProblem(item.id, None, "not-a-number", values)
    if isinstance(number, float) and not number.is_integer():
        code = "not-whole-number"
    elif not scale.min <= number <= scale.max:
        code = "out-of-range"
    else:
        return int(number)
    return AnswerProblem(item.id, None, code, {**values, "given": number_as_given(number, language)})


# ---- scoring ------------------------------------------------------------------------------------


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
    answers: dict[str, int],
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
        mean_exact=None if mean is None else (mean.numerator, mean.denominator),
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


def score(part: LikertPart, answers: Answers, context: ScoringContext) -> PartScore[LikertResult]:
    """Check and score one likert part; dimensions without bands use the questionnaire's."""
    scale = context.scale
    if scale is None:
        raise ValueError(f"the likert part '{part.id}' needs the questionnaire's scale")
    usable: dict[str, int] = {}
    problems: list[AnswerProblem] = []
    for item in (item for dimension in part.dimensions for item in dimension.items):
        if item.id not in answers:
            continue
        read = _read_answer(item, answers[item.id], scale, context.language)
        if isinstance(read, AnswerProblem):
            problems.append(read)
        else:
            usable[item.id] = read
    dimensions = [
        _score_dimension(position, dimension, usable, scale, context.bands, context.language)
        for position, dimension in enumerate(part.dimensions)
    ]
    result = LikertResult(
        id=part.id,
        title=part.title,
        scale=ScaleRange(scale.min, scale.max),
        dimensions=tuple(s.result for s in dimensions),
        overall=_overall(dimensions, context.language),
        suggestions=_suggest(part, dimensions, context.language),
    )
    return PartScore(result, tuple(problems), frozenset(usable))
