"""The rules every answer shares: one definition of "empty" and "answered", and numbers read as typed."""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lederskap_scorer import score_json
from lederskap_scorer.answers import exact_number, is_empty
from lederskap_scorer.parts.allocation import largest_remainder

from .fixture_files import FIXTURES_DIR, load_fixture

MIXED = load_fixture(FIXTURES_DIR / "invalid_answers_en.json")  # forms/mixed.yml: every type but choice
CHOICE = load_fixture(FIXTURES_DIR / "choice_en.json")


EMPTY_ANSWERS = json.loads((Path(__file__).parents[1] / "fixtures" / "empty-answers.json").read_text(encoding="utf-8"))
"""The cases the page's copy of the rule (answers.js, isEmptyAnswer) is tested on too (tests/js/answers.test.mjs)."""


@pytest.mark.parametrize("case", EMPTY_ANSWERS["cases"], ids=lambda case: case["why"])
def test_what_counts_as_no_answer(case: dict[str, object]) -> None:
    assert is_empty(case["value"]) is case["empty"]


def test_the_cases_name_every_white_space_character() -> None:
    """The page matches white space with a list of its own: the cases hold every character Python calls white space."""
    spaces = "".join(chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace())
    assert any(case["value"] == spaces and case["empty"] for case in EMPTY_ANSWERS["cases"])


def test_numbers_are_read_as_the_decimals_typed() -> None:
    assert exact_number(19.2) == Fraction(192, 10) != Fraction(19.2)
    assert exact_number(0.1) + exact_number(0.2) == exact_number(0.3)
    assert exact_number(1e300) == 10**300
    assert exact_number(7) == 7


def test_exact_decimals_decide_the_largest_remainder() -> None:
    assert largest_remainder([exact_number(v) for v in (19.2, 40, 44.8)], 100) == [19, 38, 43]
    assert largest_remainder([Fraction(v) for v in (19.2, 40, 44.8)], 100) == [18, 39, 43]  # what floats would give


def _status(definition_json: str, answers: dict[str, object]) -> dict[str, list[str]]:
    result = json.loads(score_json(definition_json, json.dumps(answers), "en"))
    status: dict[str, list[str]] = result["answers"]
    assert {p["id"] for p in result["problems"] if p["code"] == "unknown-id"} == set(status["not_in_questionnaire"])
    assert {p["id"] for p in result["problems"] if p["code"] not in ("unknown-id", "invalid-answers")} == set(
        status["unusable"]
    )
    return status


ANSWER_IDS = ["i1", "i2", "i3", "i4", "i5", "j1", "j2", "note", "ck", "ck-sum"]

scalars = st.none() | st.booleans() | st.integers(-3, 9) | st.floats(allow_nan=False)
any_value = st.recursive(
    scalars | st.sampled_from(["", " ", "x", "mentor"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(["now", "x"]), children, max_size=2)
    ),
    max_leaves=6,
)


@settings(max_examples=150)
@given(st.dictionaries(st.sampled_from([*ANSWER_IDS, "gone", "likert"]), any_value))
def test_every_answer_id_is_answered_or_unanswered_and_the_others_are_not_in_the_questionnaire(
    answers: dict[str, object],
) -> None:
    status = _status(MIXED.definition_json(), answers)
    assert sorted(status["answered"] + status["unanswered"]) == sorted(ANSWER_IDS)
    assert [i for i in ANSWER_IDS if i in status["answered"] + status["unanswered"]] == ANSWER_IDS
    unknown = sorted(key for key, value in answers.items() if key not in ANSWER_IDS and not is_empty(value))
    assert status["not_in_questionnaire"] == unknown
    assert set(status["unusable"]) <= set(ANSWER_IDS)
    for answer_id in ANSWER_IDS:
        if is_empty(answers.get(answer_id)):
            assert answer_id in status["unanswered"] and answer_id not in status["unusable"]


def test_answered_means_a_usable_answer_of_each_kind() -> None:
    answers = {
        "i1": 3,  # on the scale
        "i2": 9,  # off the scale: unanswered and unusable
        "note": "  ",  # blank: unanswered, no problem
        "ck": ["mentor", "guru"],  # one known option: answered, and unusable for the other
        "ck-sum": "Why not",
        "gone": {"now": None},  # empty: not even not in the questionnaire
        "old": 0,
    }
    assert _status(MIXED.definition_json(), answers) == {
        "answered": ["i1", "ck", "ck-sum"],
        "unanswered": ["i2", "i3", "i4", "i5", "j1", "j2", "note"],
        "not_in_questionnaire": ["old"],
        "unusable": ["i2", "ck"],
    }
    assert _status(CHOICE.definition_json(), {"plan-when": "never", "plan-tool": "nope"})["answered"] == ["plan-when"]
