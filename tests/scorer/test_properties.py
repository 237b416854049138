"""Properties of the scoring that must hold for any questionnaire and any answers (hypothesis)."""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st
from lederskap_scorer import Questionnaire, Results, score_answers, score_json, to_plain
from lederskap_scorer.format import mean_text
from lederskap_scorer.parts import AllocationPart, AllocationResult, LikertPart, LikertResult, Option
from lederskap_scorer.parts.allocation import largest_remainder
from lederskap_scorer.parts.likert import Dimension, Item, item_score
from lederskap_scorer.scale import Band, Scale
from lederskap_scorer.schema import Id


@st.composite
def scales(draw: st.DrawFn) -> Scale:
    low = draw(st.integers(min_value=-3, max_value=3))
    return Scale(low, low + draw(st.integers(min_value=1, max_value=9)))


@st.composite
def likert_cases(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, object]]:
    """A one-part likert questionnaire and answers to some of its items (possibly none)."""
    scale = draw(scales())
    sizes = draw(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6))
    dimensions: list[Dimension] = []
    answers: dict[str, object] = {}
    for d, size in enumerate(sizes):
        items = []
        for i in range(size):
            item_id = Id(f"d{d}-i{i}")
            items.append(Item(item_id, f"Item {d}.{i}", reverse=draw(st.booleans())))
            if draw(st.booleans()):
                answers[item_id] = draw(st.integers(min_value=scale.min, max_value=scale.max))
        dimensions.append(Dimension(Id(f"d{d}"), f"Dimension {d}", tuple(items)))
    part = LikertPart("likert", Id("part"), "Part", tuple(dimensions), suggestions=draw(st.integers(0, 3)))
    return Questionnaire(Id("q"), 1, "Q", (part,), scale=scale), answers


def _likert(results: Results) -> LikertResult:
    part = results.parts[0]
    assert isinstance(part, LikertResult)
    return part


@given(likert_cases())
def test_means_stay_on_the_scale(case: tuple[Questionnaire, dict[str, object]]) -> None:
    q, answers = case
    assert q.scale is not None
    part = _likert(score_answers(q, answers, "nb"))
    means = [d.mean for d in part.dimensions if d.mean is not None]
    means += [m for m in (part.overall.mean_of_dimensions,) if m is not None]
    for mean in means:
        assert q.scale.min <= mean <= q.scale.max


@st.composite
def banded_likert_cases(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, object]]:
    """A likert case whose questionnaire has bands (two to four when the scale is wide enough), starting at
    half points of the scale."""
    q, answers = draw(likert_cases())
    assert q.scale is not None
    halves = [q.scale.min + Fraction(k, 2) for k in range(1, 2 * (q.scale.max - q.scale.min))]
    starts: list[Fraction] = sorted(draw(st.sets(st.sampled_from(halves), min_size=1, max_size=3))) if halves else []
    limits = [Fraction(q.scale.min), *starts, Fraction(q.scale.max)]
    bands = tuple(Band(float(lo), float(hi), f"Band {i}") for i, (lo, hi) in enumerate(itertools.pairwise(limits)))
    return replace(q, bands=bands), answers


@given(banded_likert_cases())
def test_suggestions_follow_the_bands_and_never_split_a_tie(case: tuple[Questionnaire, dict[str, object]]) -> None:
    q, answers = case
    part = _likert(score_answers(q, answers, "nb"))
    s = part.suggestions
    by_id = {d.id: d for d in part.dimensions}
    labels = [band.label for band in q.bands]
    if s.status != "suggested":
        assert s.development_areas is None and s.strengths is None
        return
    assert s.development_areas is not None and s.strengths is not None
    development = [by_id[d.id] for d in s.development_areas.dimensions]
    strengths = [by_id[d.id] for d in s.strengths.dimensions]
    for side in (s.development_areas, s.strengths):
        assert len(side.dimensions) <= s.per_side
        assert (side.status == "tied") == bool(side.tied)
        assert side.status != "tied" or len(side.tied) > s.per_side
    assert not {d.id for d in development} & {d.id for d in strengths}
    if len(labels) > 1:
        assert all(d.band is not None and d.band.label != labels[-1] for d in development)
        assert all(d.band is not None and d.band.label == labels[-1] for d in strengths)
    listed = {d.id for d in (*development, *strengths)}
    for d in development + strengths:
        same = [o.id for o in part.dimensions if o.mean_exact == d.mean_exact and o.id not in listed]
        assert same == [], f"{d.id}'s tie with {same} is split"
    scored = [d.mean_exact for d in part.dimensions if d.mean_exact is not None]
    assert len({Fraction(*m) for m in scored}) > 1
    assert max(Fraction(*m) for m in scored) - min(Fraction(*m) for m in scored) >= Fraction(1, 2)


@given(likert_cases(), st.randoms(use_true_random=False))
def test_order_of_answers_and_items_does_not_change_the_means(
    case: tuple[Questionnaire, dict[str, object]], rng: random.Random
) -> None:
    q, answers = case
    shuffled_answers = list(answers.items())
    rng.shuffle(shuffled_answers)
    part = q.parts[0]
    assert isinstance(part, LikertPart)
    shuffled_dimensions = tuple(replace(d, items=tuple(rng.sample(d.items, len(d.items)))) for d in part.dimensions)
    shuffled_q = replace(q, parts=(replace(part, dimensions=shuffled_dimensions),))

    original = score_answers(q, answers, "en")
    reordered_answers = score_answers(q, dict(shuffled_answers), "en")
    reordered_items = _likert(score_answers(shuffled_q, dict(shuffled_answers), "en"))

    assert to_plain(reordered_answers) == to_plain(original)
    means = [(d.id, d.mean, d.mean_display, d.status) for d in _likert(original).dimensions]
    assert [(d.id, d.mean, d.mean_display, d.status) for d in reordered_items.dimensions] == means


@given(scales(), st.data())
def test_reverse_of_reverse_is_the_answer(scale: Scale, data: st.DataObject) -> None:
    answer = data.draw(st.integers(min_value=scale.min, max_value=scale.max))
    reversed_once = item_score(answer, scale, reverse=True)
    assert scale.min <= reversed_once <= scale.max
    assert item_score(reversed_once, scale, reverse=True) == answer
    assert item_score(answer, scale, reverse=False) == answer


amounts = st.fractions(min_value=0, max_value=1000, max_denominator=1000)


@given(st.lists(amounts, min_size=1, max_size=12).filter(lambda v: sum(v) > 0), st.integers(1, 1000))
def test_largest_remainder_sums_to_the_total_and_stays_next_to_the_exact_share(
    values: list[Fraction], total: int
) -> None:
    scaled = largest_remainder(values, total)
    assert sum(scaled) == total
    whole = sum(values)
    for value, result in zip(values, scaled, strict=True):
        share = value * total / whole
        assert share - 1 < result < share + 1


@given(
    st.lists(st.none() | st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=1000),
)
def test_scaled_allocation_adds_up_to_the_total(values: list[float | None], total: int) -> None:
    rows = tuple(Option(Id(f"r{i}"), f"Row {i}") for i in range(len(values)))
    part = AllocationPart("allocation", Id("alloc"), "Allocation", rows, (Option(Id("c"), "C"),), total=total)
    q = Questionnaire(Id("q"), 1, "Q", (part,))
    answers: dict[str, object] = {f"r{i}": {"c": v} for i, v in enumerate(values) if v is not None}
    result = score_answers(q, answers, "nb").parts[0]
    assert isinstance(result, AllocationResult)
    column = result.columns[0]
    if column.scaled is not None:
        assert sum(s.value for s in column.scaled) == total
        assert not column.matches_total
    elif column.answered:
        assert column.matches_total or column.sum == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200)
@given(likert_cases(), st.dictionaries(st.sampled_from(["d0-i0", "d0-i1", "d1-i0", "other", ""]), json_values))
def test_any_answers_are_scored_without_raising(
    case: tuple[Questionnaire, dict[str, object]], answers: dict[str, object]
) -> None:
    q, _ = case
    definition = json.dumps(to_plain(q))
    result = json.loads(score_json(definition, json.dumps(answers), "en"))
    assert {p["id"] for p in result["problems"]} <= set(answers)


@given(st.fractions(min_value=-100, max_value=100, max_denominator=400))
def test_one_decimal_display_rounds_half_away_from_zero(value: Fraction) -> None:
    expected = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = expected.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if rounded == 0:
        text = "0.0"
    assert mean_text(value, "en") == text
    assert mean_text(value, "nb") == text.replace(".", ",")
