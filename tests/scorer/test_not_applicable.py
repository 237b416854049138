"""A scale's "not applicable" choice (``scale.not_applicable``): answered as ``"na"``, never a point.

The scoring itself is in the fixtures ``not_applicable_nb`` (means, the half rule, a reverse item,
suggestions) and ``not_applicable_unfit_en`` ("na" where the scale has no such choice), which also
run in Pyodide and are drawn by the page. Here: the format, the words, and what holds for any answers.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from lederskap_scorer import Questionnaire, dump, load_definition, parse, score_answers, score_json
from lederskap_scorer.api import reply_answers_json, team_json
from lederskap_scorer.catalogue import Messages
from lederskap_scorer.model import check_questionnaire
from lederskap_scorer.parts.likert import NOT_APPLICABLE
from lederskap_scorer.schema import Problem, SchemaError
from lederskap_scorer.text_report import render_text

from .fixture_files import FIXTURES_DIR, load_fixture
from .test_team import OWN, VIEW

FIXTURE = load_fixture(FIXTURES_DIR / "not_applicable_nb.json")
ANSWERS: dict[str, object] = dict(FIXTURE.answers) if isinstance(FIXTURE.answers, dict) else {}


def offering(definition_json: str, words: str = "Vet ikke") -> str:
    """The definition with a "not applicable" choice on its scale."""
    data: dict[str, Any] = json.loads(definition_json)
    data["scale"]["not_applicable"] = words
    return json.dumps(data)


def test_the_choice_is_a_text_of_the_scale_and_the_browser_gets_it() -> None:
    q = load_definition(FIXTURE.definition_json())
    assert q.scale is not None and q.scale.not_applicable == "Vet ikke / ikke relevant"
    assert dump(q)["scale"]["not_applicable"] == "Vet ikke / ikke relevant"
    without = parse(Questionnaire, {**dump(q), "scale": {"min": 1, "max": 5}})
    assert without.scale is not None and without.scale.not_applicable is None
    assert dump(without)["scale"]["not_applicable"] is None
    assert NOT_APPLICABLE == "na"


def test_the_choice_needs_words_and_is_no_switch() -> None:
    q = load_definition(FIXTURE.definition_json())
    assert q.scale is not None
    assert check_questionnaire(replace(q, scale=replace(q.scale, not_applicable="  "))) == [
        Problem(
            "scale.not_applicable",
            "expected the words of the extra choice for a statement that does not apply, but an empty text was "
            "given (leave the field out for a scale without that choice)",
        )
    ]
    data = dump(q)
    data["scale"]["not_applicable"] = True
    try:
        parse(Questionnaire, data)
    except SchemaError as error:
        assert [str(p) for p in error.problems] == [
            "scale.not_applicable: expected a text, but a yes/no value (true) was given"
        ]
    else:
        raise AssertionError("a yes/no value was taken for the choice's words")


def test_not_applicable_answers_are_answered_and_change_no_mean() -> None:
    """Leaving every "na" out gives the same means, bands and suggestions: only the counts differ."""
    with_na = json.loads(score_json(FIXTURE.definition_json(), json.dumps(ANSWERS), "nb"))
    without = {key: value for key, value in ANSWERS.items() if value != NOT_APPLICABLE}
    left_out = json.loads(score_json(FIXTURE.definition_json(), json.dumps(without), "nb"))
    na_ids = [key for key, value in ANSWERS.items() if value == NOT_APPLICABLE]
    assert set(with_na["answers"]["answered"]) - set(left_out["answers"]["answered"]) == set(na_ids)
    assert with_na["snapshot_scores"] == left_out["snapshot_scores"]
    assert with_na["parts"][0]["suggestions"] == left_out["parts"][0]["suggestions"]
    for d_na, d in zip(with_na["parts"][0]["dimensions"], left_out["parts"][0]["dimensions"], strict=True):
        assert (d_na["status"], d_na["mean_exact"], d_na["band"]) == (d["status"], d["mean_exact"], d["band"])
        assert d_na["answered"] - d_na["not_applicable"] == d["answered"]


def test_the_answered_counts_say_it_in_words() -> None:
    overall = json.loads(score_json(FIXTURE.definition_json(), json.dumps(ANSWERS), "nb"))["parts"][0]["overall"]
    counts = {"answered": overall["items_answered"], "total": overall["item_count"]}
    na = {"not_applicable": overall["items_not_applicable"], "text": "Vet ikke / ikke relevant"}
    assert Messages("nb")("results.answered_not_applicable", **counts, **na) == (
        "10 av 11 utsagn besvart, 6 av dem med «Vet ikke / ikke relevant», et svar som ikke teller med i "
        "gjennomsnittene."
    )
    assert Messages("en")("results.answered_not_applicable", **counts, **{**na, "text": "Not relevant"}) == (
        "10 of 11 statements answered, 6 of them with “Not relevant”, an answer that does not count in the averages."
    )


def test_the_report_says_how_many_are_not_applicable_per_dimension() -> None:
    q = load_definition(FIXTURE.definition_json())
    report = render_text(score_answers(q, ANSWERS, "nb"))
    assert (
        "== Atferd ==\n"
        "  Lytte: 4,5 (3 av 3 besvart, 1 av dem med «Vet ikke / ikke relevant») – Styrke\n"
        "  Dele: ikke nok svar på skalaen (3 av 4 besvart, 2 av dem med «Vet ikke / ikke relevant»)\n"
        "  Bare ikke relevant: ikke nok svar på skalaen (2 av 2 besvart, 2 av dem med «Vet ikke / ikke relevant»)\n"
        "  Beslutte: 2,0 (2 av 2 besvart, 1 av dem med «Vet ikke / ikke relevant») – Utviklingsområde\n"
    ) in report
    plain = render_text(score_answers(q, {"l1": 4, "l3": 5}, "en"))
    assert "  Lytte: 4.5 (2 of 3 answered) – Styrke\n" in plain


def test_a_reply_leaves_not_applicable_out_and_the_team_result_counts_it_nowhere() -> None:
    """A reply carries points of the scale only: "na" has none, so it is not sent at all."""
    own, view = offering(OWN), offering(VIEW)
    answers = {"at1": "na", "at2": 4, "ar1": "na", "ar2": 2}
    assert json.loads(reply_answers_json(view, json.dumps(answers))) == {"ar2": 2, "at2": 4}
    replies: list[dict[str, object]] = [
        {"at1": "na", "at2": 4, "ar1": 3},
        {"at1": 4, "ar1": 2},
        {"at2": 4, "ar1": "na", "ar2": 2},
    ]
    with_na = json.loads(team_json(own, view, "null", json.dumps([json.dumps(r) for r in replies])))
    without = [{k: v for k, v in r.items() if v != NOT_APPLICABLE} for r in replies]
    left_out = json.loads(team_json(own, view, "null", json.dumps([json.dumps(r) for r in without])))
    assert with_na == left_out
