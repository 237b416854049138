"""The scorer writes codes and values; the message catalogue in its package has the words for every one of them."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import get_args

import pytest
from lederskap_scorer import score_json
from lederskap_scorer.answers import ProblemCode
from lederskap_scorer.catalogue import LANGUAGES, Messages, load_messages

from .fixture_files import Fixture, all_fixtures

SCORER = Path(__file__).resolve().parents[2] / "scorer" / "src" / "lederskap_scorer"
FIXTURES = all_fixtures()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_catalogue_lives_in_the_scorers_package_only() -> None:
    assert sorted(p.name for p in (SCORER / "messages").glob("*.json")) == sorted(f"{lang}.json" for lang in LANGUAGES)
    assert not (SCORER.parents[2] / "lederskap_build" / "messages").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_problem_code_has_its_message(language: str) -> None:
    catalogue = load_messages(language)
    assert [code for code in get_args(ProblemCode) if f"problem.{code}" not in catalogue] == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_every_problem_carries_exactly_the_values_its_message_needs(fixture: Fixture) -> None:
    result = json.loads(score_json(fixture.definition_json(), fixture.answers_json(), fixture.language))
    catalogue = load_messages(fixture.language)
    for problem in result["problems"]:
        assert set(problem["values"]) == placeholders(catalogue[f"problem.{problem['code']}"]), problem
        assert all(isinstance(value, str) for value in problem["values"].values())


def test_every_message_the_scorers_report_asks_for_exists() -> None:
    catalogue = load_messages("nb")
    asked = {
        (path.relative_to(SCORER).as_posix(), key)
        for path in SCORER.rglob("*.py")
        # t("key", ...) and t.counted(count, "key", ...)
        for key in re.findall(r"\bt(?:\.counted\([^;\"]*?,|\()\s*\"([\w.]+)\"", path.read_text(encoding="utf-8"))
    }
    assert "choice.answered" in {key for _, key in asked}
    assert {key for _, key in asked} >= {"report.title", "results.pulls_down", "choice.total", "allocation.check_off"}
    assert sorted((where, key) for where, key in asked if key not in catalogue) == []


def test_the_scorer_writes_no_words_of_its_own() -> None:
    """No table of words per language in any module: the words are the catalogue's."""
    for path in SCORER.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r'_WORDS|"(?:nb|en)":\s*"[^"]*[^\W\d_]{2,} [^\W\d_]{2,}', source), path


def test_a_message_for_a_number_takes_the_form_the_language_gives_it() -> None:
    en, nb = Messages("en"), Messages("nb")
    assert en.counted(1, "choice.answered", answered=0, total=1) == "0 of 1 question answered."
    assert en.counted(2, "choice.answered", answered=0, total=2) == "0 of 2 questions answered."
    assert en.counted(1, "import.more_problems") == "… and 1 more problem."
    assert en.counted(0, "import.more_problems") == "… and 0 more problems."
    assert nb.counted(1, "import.more_problems") == "… og 1 problem til."
    assert nb.counted(1, "storage.removed").startswith("1 svar hører til et spørsmål")


def test_messages_fill_in_their_values() -> None:
    t = Messages("en")
    values = {"question": "I listen", "min": "1", "max": "5", "given": "2.5"}
    assert t("problem.not-whole-number", **values) == (
        "The answer to “I listen” should be a whole number from 1 to 5, but it is 2.5."
    )
    assert "problem.not-whole-number" in t
