"""The team result (``team_json``, scorer/TEAM.md) and the questionnaire format's views (``view_of``).

Every fixture in ``tests/scorer/team_fixtures`` gives exactly its expected result (the same
calls run in Pyodide: tests/pyodide/test_team_in_pyodide.py). Then what no fixture can show
alone: a dimension appears exactly at its ``min_replies``-th reply, nothing depends on which
reply said what, and the mistakes of the page are refused.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from lederskap_scorer import Questionnaire, dump, parse
from lederskap_scorer.api import DefinitionError, reply_answers_json, team_json
from lederskap_scorer.limits import MAX_REPLIES, MIN_REPLIES
from lederskap_scorer.model import check_questionnaire, check_view
from lederskap_scorer.team import TeamPairError

from .fixture_files import canonical
from .team_fixture_files import TEAM_FIXTURES_DIR, TeamFixture, all_team_fixtures

FIXTURES = all_team_fixtures()
REPO = Path(__file__).resolve().parents[2]


def form_data(name: str) -> dict[str, Any]:
    data = yaml.safe_load((TEAM_FIXTURES_DIR / "forms" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def definition(data: dict[str, Any]) -> str:
    return json.dumps(dump(parse(Questionnaire, data)))


OWN = definition(form_data("selv.yml"))
VIEW = definition(form_data("sett-av-andre.yml"))


def team(replies: Sequence[object], own: object = None, own_json: str = OWN, view_json: str = VIEW) -> dict[str, Any]:
    result = json.loads(team_json(own_json, view_json, json.dumps(own), json.dumps([json.dumps(r) for r in replies])))
    assert isinstance(result, dict)
    return result


def by_id(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["id"]: d for d in result["dimensions"]}


# ---- the fixtures -------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_gives_its_team_result(fixture: TeamFixture) -> None:
    result = json.loads(team_json(*fixture.args))
    assert result == fixture.expected
    assert canonical(result) == canonical(fixture.expected), "types or key order differ"


def test_fixtures_cover_both_languages_and_both_kinds_of_pair() -> None:
    assert {f.args[4] for f in FIXTURES} == {"nb", "en"}
    assert {f.expected["questionnaire"]["id"] == f.expected["others"]["id"] for f in FIXTURES} == {True, False}


# ---- the threshold, and nothing about one reply -------------------------------------------------

RETNING = [{"ar1": 5, "ar2": 1}, {"ar1": 2, "ar2": 4}, {"ar1": 4, "ar2": 1}, {"ar1": 3, "ar2": 3}]
"""Replies whose Retning means are 5, 2, 4.5 and 3 (ar2 is reverse-keyed)."""


def test_a_dimension_is_shown_from_its_third_reply_on_and_never_before() -> None:
    shown = []
    for count in range(len(RETNING) + 1):
        retning = by_id(team(RETNING[:count], own={"r1": 3, "r2": 3}))["retning"]
        assert retning["replies"] == count
        shown.append(retning["status"])
        if retning["status"] == "too-few-replies":
            assert [retning[k] for k in ("others_mean", "others_mean_display", "others_mean_exact")] == [None] * 3
            assert [retning[k] for k in ("others_band", "gap", "gap_display")] == [None] * 3
            assert retning["bands"] == []
    assert shown == ["too-few-replies"] * MIN_REPLIES + ["shown"] * (len(RETNING) + 1 - MIN_REPLIES)
    third = by_id(team(RETNING[:3], own={"r1": 3, "r2": 3}))["retning"]
    # By hand: (5 + 2 + 4.5) / 3 = 23/6 = 3.833..., shown 3,8; one's own is 3, the gap 5/6 = +0,8.
    assert (third["others_mean"], third["others_mean_display"], third["others_mean_exact"]) == (3.83, "3,8", [23, 6])
    assert (third["gap"], third["gap_display"], third["gap_direction"]) == (0.83, "+0,8", "others-higher")
    assert [b["replies"] for b in third["bands"]] == [1, 0, 2]


def test_the_gap_says_which_way_it_goes_as_it_is_shown() -> None:
    """23/6 against one's own 5 is -7/6, shown -1,2. Ten replies of 4,0 and one of 4,5 give 89/22 against
    one's own 4: +1/22 = 0.045..., a raw 0.05 but shown 0,0, so the same."""
    lower = by_id(team(RETNING[:3], own={"r1": 5, "r2": 1}))["retning"]
    assert (lower["gap"], lower["gap_display"], lower["gap_direction"]) == (-1.17, "-1,2", "others-lower")
    replies: list[object] = [*([{"ar1": 4, "ar2": 2}] * 10), {"ar1": 5, "ar2": 2}]
    close = by_id(team(replies, own={"r1": 4, "r2": 2}))["retning"]
    assert close["others_mean_exact"] == [89, 22]
    assert (close["gap"], close["gap_display"], close["gap_direction"]) == (0.05, "0,0", "same")


def test_an_author_may_ask_for_more_replies_never_fewer() -> None:
    data = {**form_data("sett-av-andre.yml"), "min_replies": 4}
    retning = by_id(team(RETNING[:3], view_json=definition(data)))["retning"]
    assert (retning["status"], retning["replies"]) == ("too-few-replies", 3)
    for too_few in (0, 1, 2):
        q = parse(Questionnaire, {**form_data("sett-av-andre.yml"), "min_replies": too_few})
        assert [str(p) for p in check_questionnaire(q)] == [
            f"min_replies: expected a number of replies from 3 to {MAX_REPLIES} (fewer would show what one or "
            f"two people answered), but {too_few} was given"
        ]


def test_the_result_is_the_same_whichever_reply_said_what() -> None:
    replies: list[object] = [
        {"ar1": 5, "ar2": 1, "at1": 2, "at2": 3, "ap1": 3, "ap2": 4, "al1": 4},
        {"ar1": 3, "ar2": 3, "at1": 1, "at2": 2, "ap1": 2, "al1": 2},
        {"ar1": 4, "ar2": 2, "at1": 4, "ap1": 3, "ap3": 3, "al1": 5},
        "ikke et svar",
        {"ar1": 9, "at1": 5, "at2": 5, "ap1": 1, "ap2": 2},
    ]
    first = team(replies, own={"t1": 4})
    for order in itertools.islice(itertools.permutations(replies), 0, None, 12):
        assert team(order, own={"t1": 4}) == first


def test_nothing_of_a_reply_is_in_the_result() -> None:
    """No statement id, answer or text of a reply; only counts and means of several."""
    text = json.dumps(team([{**r, "al1": 1} for r in RETNING]))
    for reply_id in ("ar1", "ar2", "al1", "Lederen"):
        assert reply_id not in text


# ---- the page's mistakes ------------------------------------------------------------------------


def test_questionnaires_that_do_not_belong_together_are_refused() -> None:
    other = definition({**form_data("sett-av-andre.yml"), "view_of": "noe-annet"})
    with pytest.raises(TeamPairError, match="'sett-av-andre' is neither 'selv' nor a view of it"):
        team([], own_json=OWN, view_json=other)
    data = form_data("sett-av-andre.yml")
    data["parts"][0]["dimensions"][3]["id"] = "lyst"
    with pytest.raises(TeamPairError) as caught:
        team([], view_json=definition(data))
    assert [str(p) for p in caught.value.problems] == [
        "parts[0].dimensions[3].id: expected the id of a dimension of 'selv' (one of: tillit, retning, tempo, "
        "lytte), but 'lyst' was given",
        "view_of: expected every dimension of 'selv' in its view, but 'lytte' is missing",
    ]
    older = definition({**form_data("selv.yml"), "version": 1})
    with pytest.raises(TeamPairError, match="the replies answer version 1 of 'selv', but it is 2"):
        team([], own_json=OWN, view_json=older)


def test_replies_must_be_a_list_of_texts_and_at_most_the_limit() -> None:
    for replies in ("{}", '[{"ar1": 3}]', "[", "null"):
        with pytest.raises(ValueError, match="replies"):
            team_json(OWN, VIEW, "null", replies)
    assert json.loads(team_json(OWN, VIEW, "null", json.dumps(["{}"] * MAX_REPLIES)))["replies"] == MAX_REPLIES
    with pytest.raises(ValueError, match=f"at most {MAX_REPLIES} replies"):
        team_json(OWN, VIEW, "null", json.dumps(["{}"] * (MAX_REPLIES + 1)))
    with pytest.raises(ValueError, match="unsupported language"):
        team_json(OWN, VIEW, "null", "[]", "sv")
    with pytest.raises(DefinitionError):
        team_json("{", VIEW, "null", "[]")


def test_a_reply_nested_too_deeply_is_a_reply_without_answers() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    result = json.loads(team_json(OWN, VIEW, deep, json.dumps([deep, *(json.dumps(r) for r in RETNING[:3])])))
    assert (result["replies"], result["replies_with_means"], result["own_answers"]) == (4, 3, True)
    assert by_id(result)["retning"]["status"] == "shown"


# ---- what a reply carries -----------------------------------------------------------------------


def test_a_reply_carries_the_usable_likert_answers_only() -> None:
    answers = {"t1": 4, "t2": "fire", "r2": 9, "p1": 3.0, "neste": "Hemmelig tekst", "gammel": 2}
    assert json.loads(reply_answers_json(OWN, json.dumps(answers))) == {"t1": 4, "p1": 3}
    assert json.loads(reply_answers_json(OWN, "ikke json")) == {}


# ---- the format: views --------------------------------------------------------------------------


def questionnaire(data: dict[str, Any]) -> Questionnaire:
    return parse(Questionnaire, data)


def test_a_view_fits_its_questionnaire_and_is_no_questionnaire_to_place() -> None:
    own, view = questionnaire(form_data("selv.yml")), questionnaire(form_data("sett-av-andre.yml"))
    assert check_questionnaire(view) == [] and check_view(view, own) == []
    assert view.is_view and not own.is_view
    assert (own.min_replies, view.min_replies) == (MIN_REPLIES, MIN_REPLIES)


def test_a_view_is_of_another_questionnaire_and_holds_likert_parts_only() -> None:
    data = form_data("sett-av-andre.yml")
    data["view_of"] = "sett-av-andre"
    comments = {"type": "text", "id": "kommentar", "title": "Kommentar", "fields": [{"id": "k", "label": "K"}]}
    data["parts"].append(comments)
    assert [str(p) for p in check_questionnaire(questionnaire(data))] == [
        "view_of: expected the id of another questionnaire, but its own id 'sett-av-andre' was given",
        "parts[1].type: expected 'likert' in a view of another questionnaire (its replies are only ever shown "
        "together, as means per dimension), but 'text' was given",
    ]


def test_a_view_has_the_scale_and_the_dimensions_of_its_questionnaire() -> None:
    own = questionnaire(form_data("selv.yml"))
    data = form_data("sett-av-andre.yml")
    data["scale"] = {"min": 0, "max": 4}
    data["parts"][0]["dimensions"] = data["parts"][0]["dimensions"][:2]
    data["parts"][0]["dimensions"][1]["id"] = "tiltro"
    assert [str(p) for p in check_view(questionnaire(data), own)] == [
        "scale: expected the scale of 'selv' (1 to 5), but 0 to 4 was given",
        "parts[0].dimensions[1].id: expected the id of a dimension of 'selv' (one of: tillit, retning, tempo, "
        "lytte), but 'tiltro' was given",
        "view_of: expected every dimension of 'selv' in its view, but 'tillit', 'tempo', 'lytte' are missing",
    ]


def test_a_view_is_of_a_questionnaire_answered_about_oneself_with_dimensions() -> None:
    view = questionnaire(form_data("sett-av-andre.yml"))
    of_a_view = questionnaire({**form_data("selv.yml"), "view_of": "annet"})
    assert [str(p) for p in check_view(view, of_a_view)] == [
        "view_of: expected a questionnaire that learners answer about themselves, but 'selv' is itself a view of "
        "'annet'"
    ]
    text_only = questionnaire(
        {"id": "selv", "version": 1, "title": "T", "parts": [{"type": "text", "id": "x", "title": "X", "fields": [
            {"id": "y", "label": "Y"}]}]}
    )
    assert [str(p) for p in check_view(view, text_only)] == [
        "view_of: expected a questionnaire with likert dimensions, but 'selv' has none"
    ]


def test_the_courses_rater_questionnaire_is_the_leaders_self_assessment_seen_by_others() -> None:
    forms = REPO / "forms"
    own = questionnaire(yaml.safe_load((forms / "leder-egenvurdering.yml").read_text(encoding="utf-8")))
    view = questionnaire(yaml.safe_load((forms / "slik-ser-medarbeiderne-lederen.yml").read_text(encoding="utf-8")))
    assert view.view_of == own.id and view.title == "Slik ser medarbeiderne lederen"
    assert check_questionnaire(view) == [] and check_view(view, own) == []
    assert [d.id for d in view.dimensions()] == [d.id for d in own.dimensions()]
    statements = [item for d in view.dimensions() for item in d.items]
    assert len(statements) == 14
    assert all(item.text.startswith("Lederen min ") for item in statements)
    assert [item.id for item in statements] == [item.id for _, item in own.items()], "the same statements, by id"
    assert "kursets eget tillegg" in view.intro and "ikke en del av Amundsens" in view.intro
