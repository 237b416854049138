"""The ``likert`` question type: statements rated on the questionnaire's scale, grouped in dimensions.

Its answer: a whole number on the scale, stored under the item's id; or, where the scale offers
it (``scale.not_applicable``), :data:`NOT_APPLICABLE`: answered "not applicable", which is no point
of the scale. Stored where the scale has no such choice, that text is an answer that does not fit.

Scoring (all arithmetic exact, in fractions; numbers are rounded only when
they are written into the results, see :mod:`lederskap_scorer.format`):

* An item's score is its answer, or ``min + max - answer`` for a reverse-keyed item.
  An unanswered item has no score; it never counts as 0. Nor has an item answered
  "not applicable": it is answered, but counts in no mean and is never reversed.
* A dimension is scored when at least half of its items are answered with a point
  of the scale (``scored * 2 >= items``: an item answered "not applicable" counts as
  unanswered here); its mean is the mean of those items' scores. Otherwise its status
  is ``not-enough-answers`` and it has no mean.
* The band of a mean ``m`` is the dimension's own bands if it has any, else
  the questionnaire's; the band with ``min <= m < max``, the last band also
  holding its ``max``. The exact mean is used, not the rounded one. Where the
  bands start is in the results too (``band_sets``), for the chart's band lines.
* Suggestions follow from the bands and the spread of the means: see
  :func:`_suggest` (and RESULTS.md).
* What a snapshot keeps of the scores (:class:`SnapshotPart`) comes from here too,
  with each mean's exact value, so that two snapshots compare exactly
  (:mod:`lederskap_scorer.compare`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Final, Literal

from ..answers import AnswerProblem, ProblemCode, finite_number, number_as_given
from ..format import Language, limit_text, mean_text, raw
from ..scale import Band, Scale, check_bands
from ..schema import Id, Problem, join_path
from .shared import Answers, PartScore, ScoringContext, expect_some

NOT_APPLICABLE: Final = "na"
"""The stored answer "not applicable", the choice after the scale's points that a scale may offer
(:attr:`~lederskap_scorer.scale.Scale.not_applicable`); the page has it as ``constants.notApplicable``."""

# ---- the model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One statement answered on the scale. ``reverse`` items score ``min + max - answer``.

    ``hint`` is a help text shown under the statement (inline Markdown, read by the build)."""

    id: Id
    text: str
    reverse: bool = False
    hint: str = ""


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

SuggestionStatus = Literal[
    "suggested", "same-means", "close-means", "turned-off", "no-scored-dimensions", "too-few-scored-dimensions"
]

SideStatus = Literal["listed", "tied", "all-in-top-band", "none-in-top-band"]

CLOSE_MEANS = Fraction(1, 2)
"""Means less than this apart (the highest minus the lowest, in points of the scale) are a flat profile,
which points to no area: in a dimension of three statements or more, one answer one step higher or
lower moves its mean by less than half a step."""


@dataclass(frozen=True)
class ScaleRange:
    """The whole numbers a likert answer can take."""

    min: int
    max: int


@dataclass(frozen=True)
class LikertScale:
    """The scale of a likert part's results: its ends, and the words of its "not applicable" choice."""

    min: int
    max: int
    not_applicable: str | None


@dataclass(frozen=True)
class BandResult:
    """The band a dimension mean falls in."""

    label: str
    text: str


@dataclass(frozen=True)
class BandStart:
    """Where one band starts on the scale (its ``min``), and its label."""

    label: str
    min: float
    min_display: str


@dataclass(frozen=True)
class BandSet:
    """One set of bands and the dimensions judged by it (the questionnaire's, or a dimension's own)."""

    dimensions: tuple[str, ...]
    bands: tuple[BandStart, ...]


@dataclass(frozen=True)
class ItemResult:
    """One likert item: the answer as given and its score (reversed for reverse-keyed items); an item
    answered "not applicable" has neither."""

    id: str
    text: str
    reverse: bool
    answer: int | None
    not_applicable: bool
    score: int | None


@dataclass(frozen=True)
class DimensionResult:
    """One dimension: its mean item score when at least half of its items are answered on the scale."""

    id: str
    title: str
    status: DimensionStatus
    answered: int
    """How many of its items are answered: on the scale, or "not applicable"."""
    not_applicable: int
    """How many of those are answered "not applicable" (no score, not counted by the half rule)."""
    item_count: int
    mean: float | None
    mean_display: str | None
    mean_exact: tuple[int, int] | None
    """The exact mean as ``(numerator, denominator)``, in lowest terms."""
    band: BandResult | None
    items: tuple[ItemResult, ...]


@dataclass(frozen=True)
class OverallResult:
    """The profile across one likert part's dimensions: the mean of the dimensions' means."""

    mean_of_dimensions: float | None
    mean_of_dimensions_display: str | None
    dimensions_scored: int
    dimension_count: int
    items_answered: int
    items_not_applicable: int
    item_count: int


@dataclass(frozen=True)
class SuggestedItem:
    """An answered statement that pulls a suggested dimension's mean down (or up), in the learner's terms:
    the answer given and its scale label; for a reverse-keyed statement its score differs from the answer."""

    id: str
    text: str
    reverse: bool
    answer: int
    answer_label: str | None
    score: int


@dataclass(frozen=True)
class SuggestedDimension:
    """A candidate development area or strength, with the statements that pull its mean down or up."""

    id: str
    title: str
    items: tuple[SuggestedItem, ...]


@dataclass(frozen=True)
class SuggestionSide:
    """One list of suggestions: the dimensions listed, or why there are none."""

    status: SideStatus
    dimensions: tuple[SuggestedDimension, ...]
    tied: tuple[str, ...]
    """With ``tied``: the ids of the dimensions that share the lowest (highest) mean, too many to list."""


@dataclass(frozen=True)
class Suggestions:
    """Candidate development areas (lowest means) and strengths (highest means) of one likert part."""

    status: SuggestionStatus
    requested: int
    per_side: int
    spread: float | None
    """With ``close-means``: the highest scored mean minus the lowest."""
    spread_display: str | None
    development_areas: SuggestionSide | None
    strengths: SuggestionSide | None


@dataclass(frozen=True, kw_only=True)
class LikertResult:
    """The scores of one likert part."""

    type: Literal["likert"] = "likert"
    id: str
    title: str
    scale: LikertScale
    dimensions: tuple[DimensionResult, ...]
    band_sets: tuple[BandSet, ...]
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


def _read_answer(
    item: Item, value: object, scale: Scale, language: Language
) -> int | Literal["na"] | AnswerProblem:
    """The item's answer (a point of the scale, or :data:`NOT_APPLICABLE`), or the problem with it."""
    number = finite_number(value)
    values = {"question": item.text, "min": str(scale.min), "max": str(scale.max)}
    code: ProblemCode
    if value == NOT_APPLICABLE:
        if scale.not_applicable is not None:
            return NOT_APPLICABLE
        return AnswerProblem(item.id, None, "not-applicable-not-offered", values)
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


def is_scored(scored: int, item_count: int) -> bool:
    """The half rule: a dimension gets a mean when at least half of its items are answered on the scale
    (``scored``: an item answered "not applicable" is not)."""
    return scored > 0 and scored * 2 >= item_count


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
    bands: tuple[Band, ...]
    """The bands its mean is judged by (its own, or the questionnaire's)."""
    band_index: int | None
    """Which of them its mean falls in."""

    @property
    def in_top_band(self) -> bool:
        """In the highest of two or more bands (one band alone says nothing about high or low)."""
        return len(self.bands) > 1 and self.band_index == len(self.bands) - 1

    @property
    def below_top_band(self) -> bool:
        """In a band below the highest of two or more bands."""
        return len(self.bands) > 1 and self.band_index != len(self.bands) - 1


def _score_dimension(
    position: int,
    dimension: Dimension,
    answers: dict[str, int],
    not_applicable: frozenset[str],
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
        items.append(ItemResult(item.id, item.text, item.reverse, answer, item.id in not_applicable, score))
    inapplicable = sum(1 for item in items if item.not_applicable)
    item_count = len(dimension.items)
    applied = dimension.bands or bands
    mean: Fraction | None = None
    band: BandResult | None = None
    band_index: int | None = None
    if is_scored(len(scores), item_count):
        mean = Fraction(sum(scores), len(scores))
        found = find_band(mean, applied)
        if found is not None:
            band = BandResult(found.label, found.text)
            band_index = applied.index(found)
    result = DimensionResult(
        id=dimension.id,
        title=dimension.title,
        status="scored" if mean is not None else "not-enough-answers",
        answered=len(scores) + inapplicable,
        not_applicable=inapplicable,
        item_count=item_count,
        mean=None if mean is None else raw(mean),
        mean_display=None if mean is None else mean_text(mean, language),
        mean_exact=None if mean is None else (mean.numerator, mean.denominator),
        band=band,
        items=tuple(items),
    )
    return _Scored(position, result, mean, tuple(scores), applied, band_index)


def _band_sets(dimensions: list[_Scored], language: Language) -> tuple[BandSet, ...]:
    """The distinct sets of bands (by where each band starts and its label), each with its dimensions,
    in the order the dimensions first use them."""
    sets: dict[tuple[tuple[float, str], ...], list[str]] = {}
    for s in dimensions:
        if s.bands:
            sets.setdefault(tuple((band.min, band.label) for band in s.bands), []).append(s.result.id)
    return tuple(
        BandSet(
            dimensions=tuple(ids),
            bands=tuple(BandStart(label, start, limit_text(start, language)) for start, label in key),
        )
        for key, ids in sets.items()
    )


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def _overall(scored: list[_Scored], language: Language) -> OverallResult:
    dimension_means = [s.mean for s in scored if s.mean is not None]
    of_dimensions = _mean(dimension_means)
    return OverallResult(
        mean_of_dimensions=None if of_dimensions is None else raw(of_dimensions),
        mean_of_dimensions_display=None if of_dimensions is None else mean_text(of_dimensions, language),
        dimensions_scored=len(dimension_means),
        dimension_count=len(scored),
        items_answered=sum(s.result.answered for s in scored),
        items_not_applicable=sum(s.result.not_applicable for s in scored),
        item_count=sum(s.result.item_count for s in scored),
    )


def _suggested(s: _Scored, lowest: bool, scale: Scale) -> SuggestedDimension:
    """A suggested dimension with the answered items that pull its mean down (``lowest``) or up: those
    with its lowest (highest) score; none when every answered item has the same score."""
    labels = {label.value: label.text for label in scale.labels}
    answered = [
        SuggestedItem(item.id, item.text, item.reverse, item.answer, labels.get(item.answer), item.score)
        for item in s.result.items
        if item.answer is not None and item.score is not None
    ]
    scores = {item.score for item in answered}
    target = min(scores) if lowest else max(scores)
    items = tuple(item for item in answered if item.score == target) if len(scores) > 1 else ()
    return SuggestedDimension(id=s.result.id, title=s.result.title, items=items)


def _side(candidates: list[_Scored], per_side: int, lowest: bool, scale: Scale, none: SideStatus) -> SuggestionSide:
    """One list: from ``candidates`` (sorted, lowest or highest first), whole groups of equal means while
    they fit in ``per_side``; a tie is never split. ``tied`` when the first group alone is too big;
    ``none`` (why there are none) when there are no candidates."""
    if not candidates:
        return SuggestionSide(none, (), ())
    groups: list[list[_Scored]] = []
    for s in candidates:
        if groups and groups[-1][0].mean == s.mean:
            groups[-1].append(s)
        else:
            groups.append([s])
    if len(groups[0]) > per_side:
        return SuggestionSide("tied", (), tuple(s.result.id for s in sorted(groups[0], key=lambda s: s.position)))
    listed: list[_Scored] = []
    for group in groups:
        if len(listed) + len(group) > per_side:
            break
        listed += group
    return SuggestionSide("listed", tuple(_suggested(s, lowest, scale) for s in listed), ())


def _suggest(part: LikertPart, dimensions: list[_Scored], scale: Scale, language: Language) -> Suggestions:
    """Candidate development areas (lowest means) and strengths (highest means), following the bands
    and the spread of the means.

    ``n = part.suggestions``; with ``s`` scored dimensions each list holds at most
    ``k = min(n, s // 2)``. There are no lists when ``n`` is 0 (``turned-off``), no dimension
    is scored (``no-scored-dimensions``), only one is (``too-few-scored-dimensions``), all
    scored means are equal (``same-means``) or the highest is less than :data:`CLOSE_MEANS`
    above the lowest (``close-means``).

    Otherwise (``suggested``): development areas are the lowest scored dimensions that are
    not in the top band of their bands, strengths the highest of the rest that are in it
    (with two bands or more: a band below the top one says there is still room to grow,
    which a strength would contradict). Equal means are one group, taken whole or not at
    all (ties by the questionnaire's order would be arbitrary); when the first group alone
    holds more than ``k`` dimensions, the side is ``tied`` instead of a list. A side with
    no candidate says why (``all-in-top-band``, ``none-in-top-band``).
    """
    scored = [s for s in dimensions if s.mean is not None]
    requested = part.suggestions
    per_side = min(requested, len(scored) // 2)
    status: SuggestionStatus
    if per_side == 0:
        status = (
            "turned-off" if requested == 0 else "no-scored-dimensions" if not scored else "too-few-scored-dimensions"
        )
        return Suggestions(status, requested, 0, None, None, None, None)
    means = [s.mean for s in scored if s.mean is not None]
    spread = max(means) - min(means)
    if spread == 0:
        return Suggestions("same-means", requested, 0, None, None, None, None)
    if spread < CLOSE_MEANS:
        return Suggestions("close-means", requested, 0, raw(spread), mean_text(spread, language), None, None)
    lowest_first = sorted(scored, key=lambda s: (s.mean, s.position))
    development = _side([s for s in lowest_first if not s.in_top_band], per_side, True, scale, "all-in-top-band")
    taken = {d.id for d in development.dimensions} | set(development.tied)
    highest_first = sorted(scored, key=lambda s: (-(s.mean or 0), s.position))
    rest = [s for s in highest_first if s.result.id not in taken and not s.below_top_band]
    strengths = _side(rest, per_side, False, scale, "none-in-top-band")
    return Suggestions("suggested", requested, per_side, None, None, development, strengths)


def score(part: LikertPart, answers: Answers, context: ScoringContext) -> PartScore[LikertResult]:
    """Check and score one likert part; dimensions without bands use the questionnaire's."""
    scale = context.scale
    if scale is None:
        raise ValueError(f"the likert part '{part.id}' needs the questionnaire's scale")
    usable: dict[str, int] = {}
    inapplicable: set[str] = set()
    problems: list[AnswerProblem] = []
    for item in (item for dimension in part.dimensions for item in dimension.items):
        if item.id not in answers:
            continue
        read = _read_answer(item, answers[item.id], scale, context.language)
        if isinstance(read, AnswerProblem):
            problems.append(read)
        elif read == NOT_APPLICABLE:
            inapplicable.add(item.id)
        else:
            usable[item.id] = read
    not_applicable = frozenset(inapplicable)
    dimensions = [
        _score_dimension(position, dimension, usable, not_applicable, scale, context.bands, context.language)
        for position, dimension in enumerate(part.dimensions)
    ]
    result = LikertResult(
        id=part.id,
        title=part.title,
        scale=LikertScale(scale.min, scale.max, scale.not_applicable),
        dimensions=tuple(s.result for s in dimensions),
        band_sets=_band_sets(dimensions, context.language),
        overall=_overall(dimensions, context.language),
        suggestions=_suggest(part, dimensions, scale, context.language),
    )
    return PartScore(result, tuple(problems), frozenset(usable) | not_applicable)
