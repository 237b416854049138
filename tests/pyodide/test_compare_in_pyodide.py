"""``compare_json`` through the built wheel in real Pyodide: the very text CPython returns.

The examples of scorer/RESULTS.md ("Comparing snapshots"), an old snapshot without exact
means, and scores that are not a snapshot's, called as the scorer worker calls them.
"""

from __future__ import annotations

import json

import pytest
from lederskap_scorer import api

from ..records.fixture_files import Call
from ..scorer.test_results_doc import _example
from .test_records_in_pyodide import run_in_pyodide

pytestmark = pytest.mark.pyodide

FROM = json.dumps(_example("compare-from"))
TO = json.dumps(_example("compare-to"))
OLD = json.dumps(
    [
        {
            "part": "atferd",
            "title": "Atferd",
            "min": 1,
            "max": 5,
            "dimensions": [{"id": "retning", "title": "Retning", "mean": 2.33, "mean_display": "2,3"}],
        }
    ]
)
CALLS = [
    Call("example", "compare_json", (FROM, TO, "nb"), _example("compare")),
    Call("old-snapshot", "compare_json", (OLD, TO, "en"), json.loads(api.compare_json(OLD, TO, "en"))),
    Call("not-scores", "compare_json", ("{", TO, "nb"), {"compare_format": 1, "unusable": ["from"], "parts": []}),
    Call("no-scores", "compare_json", ("null", TO, "nb"), {"compare_format": 1, "unusable": [], "parts": []}),
]


@pytest.fixture(scope="module")
def pyodide_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return run_in_pyodide(CALLS, tmp_path_factory.mktemp("compare"))[0]


def test_the_old_snapshot_is_compared_by_its_stored_mean() -> None:
    (part,) = CALLS[1].expected["parts"]
    retning = next(d for d in part["dimensions"] if d["id"] == "retning")
    assert retning["change_display"] == "+0.1"


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_pyodide_compares_like_cpython_and_as_expected(call: Call, pyodide_answers: dict[str, object]) -> None:
    in_pyodide = pyodide_answers[call.name]
    assert isinstance(in_pyodide, str), in_pyodide
    assert in_pyodide == api.compare_json(*call.args)
    assert json.loads(in_pyodide) == call.expected
