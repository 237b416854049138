"""The content limits are rules of the model: the build and the browser's scorer check them with one function."""

from __future__ import annotations

from typing import Any

import pytest
from lederskap_scorer.limits import (
    MAX_COLUMNS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MAX_SCALE_POINTS,
    MAX_TEXT_LENGTH,
)
from lederskap_scorer.model import Questionnaire, check_questionnaire
from lederskap_scorer.schema import parse


def definition(*, items: int = 1, text: str = "A statement", options: int = 1, columns: int = 1) -> dict[str, Any]:
    return {
        "id": "q",
        "version": 1,
        "title": "Limits",
        "scale": {"min": 1, "max": MAX_SCALE_POINTS},
        "parts": [
            {
                "type": "likert",
                "id": "likert",
                "title": "Statements",
                "dimensions": [
                    {"id": "d", "title": "D", "items": [{"id": f"i{n}", "text": text} for n in range(items)]}
                ],
            },
            {
                "type": "checklist",
                "id": "pick",
                "title": "Pick",
                "options": [{"id": f"o{n}", "text": "Option"} for n in range(options)],
            },
            {
                "type": "allocation",
                "id": "share",
                "title": "Share",
                "rows": [{"id": "r", "text": "Row"}],
                "columns": [{"id": f"c{n}", "text": "Column"} for n in range(columns)],
            },
        ],
    }


def problems(data: dict[str, Any]) -> list[str]:
    return [str(p) for p in check_questionnaire(parse(Questionnaire, data))]


def test_a_questionnaire_at_every_limit_is_valid() -> None:
    at_limits = definition(
        items=MAX_QUESTIONS - 2, text="x" * MAX_TEXT_LENGTH, options=MAX_OPTIONS, columns=MAX_COLUMNS
    )
    assert problems(at_limits) == []


@pytest.mark.parametrize(
    ("over", "message"),
    [
        (
            {"items": MAX_QUESTIONS - 1},
            "parts: expected at most 5,000 questions (likert items, text fields, checklists, allocation rows "
            "and choice questions), but 5,001 were given",
        ),
        (
            {"text": "x" * (MAX_TEXT_LENGTH + 1)},
            "parts[0].dimensions[0].items[0].text: expected a text of at most 10,000 characters, "
            "but one of 10,001 was given",
        ),
        ({"options": MAX_OPTIONS + 1}, "parts[1].options: expected at most 200 options, but 201 were given"),
        ({"columns": MAX_COLUMNS + 1}, "parts[2].columns: expected at most 20 columns, but 21 were given"),
    ],
)
def test_one_past_a_limit_is_a_problem(over: dict[str, Any], message: str) -> None:
    assert problems(definition(**over)) == [message]


def test_a_scale_of_more_points_than_the_limit_is_a_problem() -> None:
    data = definition()
    data["scale"] = {"min": 0, "max": MAX_SCALE_POINTS}
    assert problems(data) == ["scale: expected a scale of at most 11 points, but min 0 and max 11 give 12"]
