"""Comparing two snapshots' scores (``compare_json``): exact changes, old snapshots, scores of another form."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lederskap_scorer import compare_json, score_json
from lederskap_scorer.format import mean_change_text, mean_text, raw
from lederskap_scorer.snapshots import is_snapshot_scores


def dimension(dimension_id: str, mean: Fraction | None, *, exact: bool = True, **extra: Any) -> dict[str, Any]:
    """A dimension as a snapshot keeps it; ``exact=False`` as a snapshot of results format 1 kept it."""
    entry: dict[str, Any] = {
        "id": dimension_id,
        "title": dimension_id.title(),
        "mean": None if mean is None else raw(mean),
        "mean_display": None if mean is None else f"{float(mean):.1f}",
    }
    if exact:
        entry["mean_exact"] = None if mean is None else [mean.numerator, mean.denominator]
    return {**entry, **extra}


def scores(*dimensions: dict[str, Any], part: str = "p") -> list[dict[str, Any]]:
    return [{"part": part, "title": "Part", "min": 1, "max": 5, "dimensions": list(dimensions)}]


def compare(before: object, after: object, language: str = "nb") -> dict[str, Any]:
    result: dict[str, Any] = json.loads(compare_json(json.dumps(before), json.dumps(after), language))
    return result


def changes(before: object, after: object, language: str = "nb") -> list[tuple[object, object]]:
    (part,) = compare(before, after, language)["parts"]
    return [(d["change"], d["change_display"]) for d in part["dimensions"]]


def test_the_change_is_the_exact_difference_rounded_once() -> None:
    # 14/6 is shown 2,3 and 19/8 is shown 2,4: the shown means differ by 0,1, the means by 1/24.
    assert changes(scores(dimension("d", Fraction(14, 6))), scores(dimension("d", Fraction(19, 8)))) == [(0.04, "0,0")]
    assert changes(scores(dimension("d", Fraction(19, 8))), scores(dimension("d", Fraction(14, 6))), "en") == [
        (-0.04, "0.0")
    ]


def test_a_change_is_rounded_half_away_from_zero_with_its_sign() -> None:
    cases = [
        (Fraction(2), Fraction(5, 2), "+0,5"),
        (Fraction(4), Fraction(3), "-1,0"),
        (Fraction(3), Fraction(61, 20), "+0,1"),
    ]
    for before, after, shown in cases:
        assert changes(scores(dimension("d", before)), scores(dimension("d", after)))[0][1] == shown
    assert changes(scores(dimension("d", Fraction(3))), scores(dimension("d", Fraction(59, 20))))[0][1] == "-0,1"


def test_an_old_snapshot_without_exact_means_compares_by_its_stored_means() -> None:
    old = scores(dimension("d", Fraction(14, 6), exact=False))  # stored 2.33
    assert changes(old, scores(dimension("d", Fraction(19, 8)))) == [(0.05, "+0,1")]  # 2.38 - 2.33
    assert changes(old, scores(dimension("d", Fraction(19, 8), exact=False))) == [(0.05, "+0,1")]


def test_every_dimension_of_the_later_scores_is_listed_and_only_common_parts() -> None:
    before = scores(dimension("a", Fraction(3)), dimension("gone", Fraction(2)), dimension("none", None))
    after = scores(dimension("none", Fraction(4)), dimension("a", Fraction(7, 2)), dimension("new", Fraction(1)))
    after += scores(dimension("x", Fraction(1)), part="only-later")
    result = compare(before, after)
    assert result["compare_format"] == 1 and result["unusable"] == []
    (part,) = result["parts"]
    assert (part["part"], part["title"], part["min"], part["max"]) == ("p", "Part", 1, 5)
    assert [(d["id"], d["from_mean"], d["to_mean"], d["change_display"]) for d in part["dimensions"]] == [
        ("none", None, 4.0, None),
        ("a", 3.0, 3.5, "+0,5"),
        ("new", None, 1.0, None),
    ]
    assert part["dimensions"][1] == {
        "id": "a",
        "title": "A",
        "from_mean": 3.0,
        "from_mean_display": "3.0",
        "to_mean": 3.5,
        "to_mean_display": "3.5",
        "change": 0.5,
        "change_display": "+0,5",
    }


def test_no_scores_or_no_common_part_is_nothing_to_compare() -> None:
    assert compare(None, scores(dimension("a", Fraction(3)))) == {"compare_format": 1, "unusable": [], "parts": []}
    assert compare(scores(dimension("a", Fraction(3)), part="x"), scores(dimension("a", Fraction(3))))["parts"] == []


@pytest.mark.parametrize(
    "broken",
    [
        "not json",
        {"part": "p"},
        [{"part": "p", "title": "P", "min": 1, "max": 5}],
        scores({"id": "d", "title": "D", "mean": "3", "mean_display": "3,0"}),
        scores(dimension("d", Fraction(3), extra_field=1)),
        scores(dimension("d", Fraction(3), mean_exact=[7, 2])),  # does not give the stored mean
        scores(dimension("d", Fraction(3), mean_exact=[3, 0])),
        scores(dimension("d", None, mean_exact=[3, 1])),
        scores(dimension("d", Fraction(3), mean_exact=[2**60, 2**58])),
    ],
)
def test_scores_not_of_the_documented_form_are_unusable_and_nothing_is_compared(broken: object) -> None:
    good = scores(dimension("d", Fraction(3)))
    text = broken if isinstance(broken, str) else json.dumps(broken)
    assert json.loads(compare_json(text, json.dumps(good), "en")) == {
        "compare_format": 1,
        "unusable": ["from"],
        "parts": [],
    }
    assert json.loads(compare_json(text, text, "en"))["unusable"] == ["from", "to"]


def test_an_unknown_language_is_the_callers_mistake() -> None:
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        compare_json("null", "null", "de")


def test_the_results_snapshot_scores_are_scores_a_snapshot_keeps_and_compare_exactly() -> None:
    definition = {
        "id": "q",
        "version": 1,
        "title": "Q",
        "scale": {"min": 1, "max": 5},
        "parts": [
            {
                "type": "likert",
                "id": "p",
                "title": "P",
                "dimensions": [{"id": "d", "title": "D", "items": [{"id": f"i{n}", "text": "I"} for n in range(8)]}],
            }
        ],
    }

    def snapshot_scores(answers: list[int]) -> object:
        answered = {f"i{n}": value for n, value in enumerate(answers)}
        return json.loads(score_json(json.dumps(definition), json.dumps(answered), "nb"))["snapshot_scores"]

    before = snapshot_scores([2, 2, 3, 2, 3, 2])  # 14/6
    after = snapshot_scores([3, 2, 3, 2, 3, 2, 2, 2])  # 19/8
    assert is_snapshot_scores(before) and is_snapshot_scores(after)
    assert before == [
        {
            "part": "p",
            "title": "P",
            "min": 1,
            "max": 5,
            "dimensions": [{"id": "d", "title": "D", "mean": 2.33, "mean_display": "2,3", "mean_exact": [7, 3]}],
        }
    ]
    assert changes(before, after) == [(0.04, "0,0")]


@given(st.fractions(min_value=-10, max_value=10, max_denominator=60))
def test_a_mean_change_has_one_decimal_and_a_sign_unless_it_rounds_to_zero(value: Fraction) -> None:
    text = mean_change_text(value, "en")
    assert text.lstrip("+-") == mean_text(abs(value), "en")
    if abs(value) < Fraction(1, 20):
        assert text == "0.0"
    else:
        assert text[0] == ("+" if value > 0 else "-")
