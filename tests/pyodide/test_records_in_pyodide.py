"""The record fixtures (migrations of saved old records, import checks) through the built wheel in real Pyodide.

The same calls as ``tests/records/test_records.py``, made as the scorer worker
makes them in the browser; each answer must be the very text CPython returns.
Then texts nested far too deeply, sent to every function of the API (and as a
stored record inside an import's context): each is refused, or counted as a
record that cannot be read, and the runtime keeps answering.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lederskap_scorer import api
from lederskap_scorer.records.import_plan import PLAN_FORMAT

from ..records.fixture_files import FIXTURES_DIR, V1_DIR, Call, all_calls, definition_json
from .test_wheel_in_pyodide import NODE_TIMEOUT_SECONDS, ROOT, _node, build_wheel

pytestmark = pytest.mark.pyodide

RUNNER = Path(__file__).resolve().parent / "run_calls.mjs"
CALLS = all_calls()


def run_in_pyodide(calls: list[Call], folder: Path) -> tuple[dict[str, object], str]:
    """Make ``calls`` in one Pyodide runtime, in order: (call name -> what it answered, the runner's standard error)."""
    node = _node()
    wheel = build_wheel(folder)
    calls_file = folder / "calls.json"
    listed = [{"name": c.name, "function": c.function, "args": list(c.args)} for c in calls]
    calls_file.write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [node, str(RUNNER), str(wheel), str(calls_file)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=NODE_TIMEOUT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, f"run_calls.mjs failed:\n{done.stderr}"
    answers = json.loads(done.stdout)
    assert isinstance(answers, dict)
    return answers, done.stderr


@pytest.fixture(scope="module")
def pyodide_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return run_in_pyodide(CALLS, tmp_path_factory.mktemp("records"))[0]


def test_every_call_was_answered(pyodide_answers: dict[str, object]) -> None:
    assert sorted(pyodide_answers) == sorted(c.name for c in CALLS)


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_pyodide_answers_like_cpython_and_as_expected(call: Call, pyodide_answers: dict[str, object]) -> None:
    in_pyodide = pyodide_answers[call.name]
    assert isinstance(in_pyodide, str), in_pyodide
    assert in_pyodide == getattr(api, call.function)(*call.args)
    assert json.loads(in_pyodide) == call.expected


# ---- JSON nested too deeply ---------------------------------------------------------------------
#
# Python's JSON decoder recurses once per level on the C stack inside WebAssembly: a few thousand
# levels overflow it in a browser's Web Worker (and about ten thousand under Node) before Python's
# RecursionError can catch it, and Pyodide dies ("Pyodide has suffered a fatal error"). Every text
# from the page is checked for its depth first; after each refusal the runtime keeps answering.

DEEP_CONTEXT = json.dumps(
    {
        "course": "records-course",
        "language": "en",
        "now": "2026-06-01T12:00:00.000Z",
        "definitions": [definition_json("forms/check.yml")],
        "records": {},
    }
)
V1_RECORD = (V1_DIR / "check-v1-with-removed-item.json").read_text(encoding="utf-8").rstrip("\n")
DEEPEST_FILE = "[" * 1_000_000 + "]" * 1_000_000  # the deepest text under the import size limit
DEEP_TEXTS = {"3000-open": "[" * 3000, "3000": "[" * 3000 + "]" * 3000, "1000000": DEEPEST_FILE}
TOO_DEEP_PLAN = {
    "plan_format": PLAN_FORMAT,
    "ok": False,
    "problems": [{"code": "too-deep", "path": "", "limit": 64}],
    "more_problems": 0,
    "file": None,
    "empty": False,
    "changes": {"merge": False, "replace": False},
    "questionnaires": [],
    "team": None,
}
NOT_A_RECORD = {"ok": False, "code": "not-a-record", "detail": "nested too deeply (more than 64 levels)"}
ONE_ANSWER_FILE = json.dumps(
    {
        "format": "lederskap-answers",
        "format_version": 1,
        "course": "records-course",
        "site": "http://localhost/",
        "exported": "2026-05-01T10:00:00.000Z",
        "questionnaires": [{"id": "check", "version": 2, "updated": None, "answers": {"plans": 3}, "snapshots": []}],
    }
)


def _onto_stored(text: str) -> tuple[str, str]:
    """Arguments of ``check_import_json``: a file of one answer, onto ``text`` stored for its questionnaire."""
    context = {**json.loads(DEEP_CONTEXT), "records": {"check": text}}
    return ONE_ANSWER_FILE, json.dumps(context)


def _deep_calls() -> list[Call]:
    """Each deep text to each function (as a file, a stored record, answers, and a stored record in an
    import's context), then an ordinary call (upgrading a saved record)."""
    definition = definition_json("forms/check.yml")
    scored_as_no_answers = json.loads(api.score_json(definition, "null", "en"))
    upgrade = json.loads((FIXTURES_DIR / "migrate" / "v1-removed-item.json").read_text(encoding="utf-8"))
    assert upgrade["record"] == "v1/check-v1-with-removed-item.json"
    onto_unreadable = json.loads(api.check_import_json(*_onto_stored("{")))
    assert onto_unreadable["questionnaires"][0]["current_unreadable"] is True
    calls: list[Call] = []
    for name, text in DEEP_TEXTS.items():
        calls += [
            Call(f"import/{name}", "check_import_json", (text, DEEP_CONTEXT), TOO_DEEP_PLAN),
            Call(f"migrate/{name}", "migrate_record_json", (text,), NOT_A_RECORD),
            Call(f"score/{name}", "score_json", (definition, text, "en"), scored_as_no_answers),
            Call(f"import-onto-stored/{name}", "check_import_json", _onto_stored(text), onto_unreadable),
            Call(f"after-{name}/migrate", "migrate_record_json", (V1_RECORD,), upgrade["expected"]),
        ]
    return calls


DEEP_CALLS = _deep_calls()


@pytest.fixture(scope="module")
def deep_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], str]:
    return run_in_pyodide(DEEP_CALLS, tmp_path_factory.mktemp("deep"))


def test_pyodide_survives_json_nested_too_deeply(deep_run: tuple[dict[str, object], str]) -> None:
    answers, stderr = deep_run
    assert "fatal error" not in stderr, stderr[-2000:]
    assert sorted(answers) == sorted(c.name for c in DEEP_CALLS)


@pytest.mark.parametrize("call", DEEP_CALLS, ids=[c.name for c in DEEP_CALLS])
def test_json_nested_too_deeply_is_refused_in_pyodide_and_the_runtime_keeps_answering(
    call: Call, deep_run: tuple[dict[str, object], str]
) -> None:
    in_pyodide = deep_run[0][call.name]
    assert isinstance(in_pyodide, str), in_pyodide
    assert in_pyodide == getattr(api, call.function)(*call.args)
    assert json.loads(in_pyodide) == call.expected
