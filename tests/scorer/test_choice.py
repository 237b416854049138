"""The choice question type: its model's checks, the checks of its answers, its scoring and its report lines."""

from __future__ import annotations

import json
from typing import Any

import pytest
from lederskap_scorer import check_questionnaire, parse, score_answers, score_json
from lederskap_scorer.api import questionnaire_from_data
from lederskap_scorer.model import Questionnaire
from lederskap_scorer.parts import ChoiceResult
from lederskap_scorer.schema import SchemaError
from lederskap_scorer.text_report import render_text


def option(option_id: str, score: int | None = None) -> dict[str, Any]:
    return {"id": option_id, "text": option_id.title(), **({} if score is None else {"score": score})}


def definition(*questions: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {
        "id": "q",
        "version": 1,
        "title": "Q",
        "parts": [{"type": "choice", "id": "part", "title": "Part", "questions": list(questions)}],
        **top,
    }


def question(question_id: str, *options: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"id": question_id, "text": f"Question {question_id}", "options": list(options), **fields}


SCORED = question("a", option("x", 2), option("y", 0))
UNSCORED = question("x", option("x"), option("y"))


def problems(data: dict[str, Any]) -> list[str]:
    return [str(p) for p in check_questionnaire(parse(Questionnaire, data))]


# ---- the model ----------------------------------------------------------------------------------


def test_a_valid_choice_part_has_no_problems() -> None:
    assert problems(definition(SCORED, UNSCORED, question("c", option("x"), option("y"), hint="A hint"))) == []


def test_the_format_of_a_choice_part_is_checked_field_by_field() -> None:
    data = definition(question("a", {"id": "x", "text": "X", "score": 1.5}, {"id": "y", "txt": "Y"}))
    data["parts"][0]["colour"] = "red"
    with pytest.raises(SchemaError) as caught:
        parse(Questionnaire, data)
    assert [str(p) for p in caught.value.problems] == [
        "parts[0].colour: unknown field 'colour' (expected one of: type, id, title, questions, intro)",
        "parts[0].questions[0].options[0].score: expected a whole number, but a number (1.5) was given",
        "parts[0].questions[0].options[1].txt: unknown field 'txt' (expected one of: id, text, score)",
        "parts[0].questions[0].options[1].text: missing required field 'text'",
    ]


def test_a_choice_needs_questions_and_two_options_each_with_ids_unique_within_the_question() -> None:
    assert problems(definition()) == ["parts[0].questions: expected at least one question, but the list is empty"]
    assert problems(definition(question("a"), question("b", option("x")), question("c", option("x"), option("x")))) == [
        "parts[0].questions[0].options: expected at least 2 options, but the list is empty",
        "parts[0].questions[1].options: expected at least 2 options, but 1 was given",
        "parts[0].questions[2].options[1].id: duplicate id 'x' (already used at parts[0].questions[2].options[0].id)",
    ]
    assert problems(definition(question("a", *(option(f"o{i}") for i in range(201))))) == [
        "parts[0].questions[0].options: expected at most 200 options, but 201 were given"
    ]


def test_either_every_option_of_a_question_has_a_score_or_none_has() -> None:
    assert problems(definition(question("a", option("x", 1), option("y"), option("z")), UNSCORED)) == [
        "parts[0].questions[0].options[1].score: expected a score (other options of this question have one: "
        "give every option a score, or none), but none was given",
        "parts[0].questions[0].options[2].score: expected a score (other options of this question have one: "
        "give every option a score, or none), but none was given",
    ]


def test_question_ids_share_the_questionnaire_namespace_and_option_ids_do_not() -> None:
    data = definition(SCORED, question("part", option("a"), option("b")))
    data["parts"].append({"type": "text", "id": "notes", "title": "Notes", "fields": [{"id": "a", "label": "A"}]})
    assert problems(data) == [
        "parts[0].questions[1].id: duplicate id 'part' (already used at parts[0].id)",
        "parts[1].fields[0].id: duplicate id 'a' (already used at parts[0].questions[0].id)",
    ]


def test_choice_questions_count_towards_the_limit_of_questions() -> None:
    many = [question(f"q{i}", option("x"), option("y")) for i in range(5001)]
    assert problems(definition(*many))[0].startswith("parts: expected at most 5,000 questions")


# ---- the answers --------------------------------------------------------------------------------

DEFINITION_JSON = json.dumps(definition(SCORED, question("b", option("x", -1), option("y", 3)), UNSCORED))


def score(answers: dict[str, object], language: str = "en") -> dict[str, Any]:
    result: dict[str, Any] = json.loads(score_json(DEFINITION_JSON, json.dumps(answers), language))
    return result


def test_an_option_that_is_not_the_questions_is_a_problem_and_the_question_is_unanswered() -> None:
    result = score({"a": "z", "b": 3, "c": ["x"]})
    assert result["problems"] == [
        {"id": "a", "sub_id": "z", "code": "unknown-option", "values": {"question": "Question a", "option": "z"}},
        {"id": "b", "sub_id": None, "code": "not-an-option-id", "values": {"question": "Question b"}},
        {"id": "c", "sub_id": None, "code": "unknown-id", "values": {"id": "c"}},
    ]
    assert result["answers"] == {
        "answered": [],
        "unanswered": ["a", "b", "x"],
        "not_in_questionnaire": ["c"],
        "unusable": ["a", "b"],
    }
    assert all(q["chosen"] is None for q in result["parts"][0]["questions"])


def test_an_empty_answer_is_no_problem() -> None:
    result = score({"a": None, "b": "", "x": "   "})
    assert result["problems"] == []
    assert result["answers"]["unanswered"] == ["a", "b", "x"]


# ---- scoring ------------------------------------------------------------------------------------


def test_the_total_and_mean_are_of_the_answered_scored_questions_only() -> None:
    part = score({"a": "x", "x": "y"}, "nb")["parts"][0]
    assert part["questions"] == [
        {"id": "a", "text": "Question a", "scored": True, "chosen": {"id": "x", "text": "X"}, "score": 2},
        {"id": "b", "text": "Question b", "scored": True, "chosen": None, "score": None},
        {"id": "x", "text": "Question x", "scored": False, "chosen": {"id": "y", "text": "Y"}, "score": None},
    ]
    assert {k: v for k, v in part.items() if k not in ("type", "id", "title", "questions")} == {
        "answered": 2,
        "question_count": 3,
        "scored": True,
        "scored_answered": 1,
        "scored_count": 2,
        "total": 2,
        "total_display": "2",
        "max_total": 5,
        "max_total_display": "5",
        "mean": 2.0,
        "mean_display": "2,0",
    }


def test_negative_scores_and_a_mean_that_needs_rounding() -> None:
    part = score({"a": "y", "b": "x"})["parts"][0]
    assert (part["total"], part["total_display"], part["mean"], part["mean_display"]) == (-1, "-1", -0.5, "-0.5")
    part = score({"a": "x", "b": "x"})["parts"][0]
    assert (part["total"], part["mean"], part["mean_display"]) == (1, 0.5, "0.5")


def test_nothing_answered_has_no_total_but_a_highest_total() -> None:
    part = score({})["parts"][0]
    assert (part["total"], part["total_display"], part["mean"], part["max_total"]) == (None, None, None, 5)


def test_a_part_without_scores_is_not_scored() -> None:
    q = questionnaire_from_data(definition(UNSCORED))
    (part,) = score_answers(q, {"b": "x"}, "en").parts
    assert isinstance(part, ChoiceResult)
    assert (part.scored, part.scored_count, part.total, part.max_total, part.mean) == (False, 0, None, None, None)


# ---- the command line's report ------------------------------------------------------------------


def test_report_lines_of_a_choice_part() -> None:
    q = questionnaire_from_data(definition(SCORED, question("b", option("x", -1), option("y", 3)), UNSCORED))
    text = render_text(score_answers(q, {"a": "x", "x": "y", "b": "nope"}, "en"))
    assert text == (
        "Q (version 1)\n\n"
        "== Part ==\n"
        "  Question a: X (2)\n"
        "  Question b: Not answered\n"
        "  Question x: Y\n"
        "  2 of 3 questions answered.\n"
        "  Your score: 2 of 5.\n"
        "  Average score of the answered questions: 2.0.\n\n"
        "Some answers were not used\n"
        "  - b / nope: “nope” is not one of the options of “Question b”.\n"
    )
    assert "Svar på spørsmålene for å se poengsummen din." in render_text(score_answers(q, {}, "nb"))
