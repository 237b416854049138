"""The JSON boundary: definitions, languages, answers that are not even JSON, caching and the typed API."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import lederskap_scorer
import pytest
from lederskap_scorer import DefinitionError, load_definition, score_answers, score_json, to_plain

from .fixture_files import FIXTURES_DIR, load_fixture

DEFINITION = {
    "id": "small",
    "version": 1,
    "title": "Small",
    "scale": {"min": 1, "max": 5},
    "parts": [
        {
            "type": "likert",
            "id": "p",
            "title": "P",
            "dimensions": [
                {"id": "d", "title": "D", "items": [{"id": "i1", "text": "I1"}, {"id": "i2", "text": "I2"}]}
            ],
        },
        {"type": "text", "id": "t", "title": "T", "fields": [{"id": "f", "label": "F"}]},
    ],
}
DEFINITION_JSON = json.dumps(DEFINITION)


def _problems(answers_json: str, language: str = "en") -> list[dict[str, Any]]:
    problems = json.loads(score_json(DEFINITION_JSON, answers_json, language))["problems"]
    assert isinstance(problems, list)
    return problems


def test_definition_that_is_not_json_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError) as caught:
        score_json("{", "{}")
    assert caught.value.problems == (
        "not valid JSON (Expecting property name enclosed in double quotes at line 1, column 2)",
    )


def test_definition_problems_are_listed_with_their_paths() -> None:
    broken = {**DEFINITION, "extra": 1}
    with pytest.raises(DefinitionError) as caught:
        score_json(json.dumps(broken), "{}")
    assert caught.value.problems == (
        "extra: unknown field 'extra' (expected one of: id, version, title, parts, intro, source, scale, bands, "
        "view_of, min_replies)",
    )
    without_scale = {key: value for key, value in DEFINITION.items() if key != "scale"}
    with pytest.raises(DefinitionError) as caught:
        score_json(json.dumps(without_scale), "{}")
    assert str(caught.value) == (
        "not a valid questionnaire definition:\n"
        "  scale: missing required field 'scale' (a questionnaire with a likert part needs one)"
    )


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unsupported language 'de'; expected one of 'nb', 'en'"):
        score_json(DEFINITION_JSON, "{}", "de")


def test_language_defaults_to_norwegian() -> None:
    assert json.loads(score_json(DEFINITION_JSON, "{}"))["language"] == "nb"


@pytest.mark.parametrize("answers_json", ["", "{", "not json", "[" * 100_000, "1" * 5000, '"text"', "null"])
def test_answers_that_are_not_a_json_object_never_raise(answers_json: str) -> None:
    assert _problems(answers_json) == [{"id": None, "sub_id": None, "code": "invalid-answers", "values": {}}]


def test_answers_nested_too_deeply_are_unusable_answers_even_when_valid_json() -> None:
    for depth in (65, 3000):
        problems = _problems("[" * depth + "]" * depth)
        assert [p["code"] for p in problems] == ["invalid-answers"]
    assert _problems('{"i1": ' + "[" * 63 + "]" * 63 + "}")[0]["code"] == "not-a-number"  # 64 levels


def test_a_definition_nested_too_deeply_is_a_definition_error() -> None:
    deep = DEFINITION_JSON[:-1] + ', "source": ' + "[" * 65 + "]" * 65 + "}"
    with pytest.raises(DefinitionError) as caught:
        score_json(deep, "{}")
    assert caught.value.problems == ("nested too deeply (more than 64 levels)",)


def test_numbers_that_are_not_finite_are_not_numbers() -> None:
    problems = _problems('{"i1": NaN, "i2": Infinity}')
    assert [(p["code"], p["values"]) for p in problems] == [
        ("not-a-number", {"question": "I1", "min": "1", "max": "5"}),
        ("not-a-number", {"question": "I2", "min": "1", "max": "5"}),
    ]


def test_huge_numbers_are_out_of_range_and_shown_as_given() -> None:
    problems = _problems('{"i1": 1e300, "i2": -123456789012345678901234567890}', "nb")
    assert [(p["code"], p["values"]["given"]) for p in problems] == [
        ("out-of-range", "1e+300"),
        ("out-of-range", "-123456789012345678901234567890"),
    ]


def test_a_number_given_is_shown_in_the_results_language() -> None:
    assert _problems('{"i1": 2.5}', "nb")[0]["values"]["given"] == "2,5"
    assert _problems('{"i1": 2.5}', "en")[0]["values"]["given"] == "2.5"
    assert _problems('{"i1": 7.0}', "nb")[0]["values"]["given"] == "7"


def test_results_carry_codes_and_values_never_sentences() -> None:
    result = json.loads(score_json(DEFINITION_JSON, json.dumps({"i1": 9, "f": 3, "gone": "x"}), "nb"))
    assert result["results_format"] == 3
    assert [sorted(p) for p in result["problems"]] == [["code", "id", "sub_id", "values"]] * 3
    assert all(isinstance(v, str) for p in result["problems"] for v in p["values"].values())


def test_results_json_is_ascii_and_keeps_any_text_exactly() -> None:
    text = "Blåbær \ud800 «sitat» 😀"
    result = score_json(DEFINITION_JSON, json.dumps({"f": text}))
    assert result.isascii()
    assert json.loads(result)["parts"][1]["fields"] == [{"id": "f", "label": "F", "text": text}]


def test_parsed_definitions_are_cached_by_their_text() -> None:
    assert load_definition(DEFINITION_JSON) is load_definition(DEFINITION_JSON)


def test_typed_api_gives_the_same_results_as_the_json_api() -> None:
    fixture = load_fixture(FIXTURES_DIR / "suggestion_ties_nb.json")
    q = load_definition(fixture.definition_json())
    assert isinstance(fixture.answers, dict)
    results = score_answers(q, fixture.answers, "nb")
    assert to_plain(results) == json.loads(score_json(fixture.definition_json(), fixture.answers_json(), "nb"))
    assert to_plain(results) == fixture.expected


def test_version_matches_the_package_metadata() -> None:
    pyproject = Path(__file__).parents[2] / "scorer" / "pyproject.toml"
    assert lederskap_scorer.__version__ == tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
