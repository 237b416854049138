"""The team result and what a reply carries, through the built wheel in real Pyodide: the very text CPython returns.

Every fixture of ``tests/scorer/team_fixtures`` (``team_json``), and ``reply_answers_json``
on answers with texts and values that do not fit and with "not applicable" answers, called as
the scorer worker calls them.
"""

from __future__ import annotations

import json

import pytest
from lederskap_scorer import api

from ..records.fixture_files import Call
from ..scorer.team_fixture_files import all_team_fixtures
from ..scorer.test_not_applicable import offering
from ..scorer.test_team import OWN
from .test_records_in_pyodide import run_in_pyodide

pytestmark = pytest.mark.pyodide

CALLS = [
    *(fixture.call() for fixture in all_team_fixtures()),
    Call(
        "reply-answers",
        "reply_answers_json",
        (OWN, json.dumps({"t1": 4, "t2": "fire", "r2": 9, "p1": 3.0, "neste": "Hemmelig tekst"})),
        {"t1": 4, "p1": 3},
    ),
    Call(
        "reply-answers-not-applicable",
        "reply_answers_json",
        (offering(OWN), json.dumps({"t1": "na", "t2": 4, "r1": "na"})),
        {"t2": 4},
    ),
]


@pytest.fixture(scope="module")
def pyodide_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return run_in_pyodide(CALLS, tmp_path_factory.mktemp("team"))[0]


def test_every_call_was_answered(pyodide_answers: dict[str, object]) -> None:
    assert sorted(pyodide_answers) == sorted(c.name for c in CALLS)


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_pyodide_answers_like_cpython_and_as_expected(call: Call, pyodide_answers: dict[str, object]) -> None:
    in_pyodide = pyodide_answers[call.name]
    assert isinstance(in_pyodide, str), in_pyodide
    assert in_pyodide == getattr(api, call.function)(*call.args)
    assert json.loads(in_pyodide) == call.expected
