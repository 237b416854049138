"""The record fixtures (migrations of saved old records, import checks) through the built wheel in real Pyodide.

The same calls as ``tests/records/test_records.py``, made as the scorer worker
makes them in the browser; each answer must be the very text CPython returns.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lederskap_scorer import api

from ..records.fixture_files import Call, all_calls
from .test_wheel_in_pyodide import NODE_TIMEOUT_SECONDS, ROOT, _node, build_wheel

pytestmark = pytest.mark.pyodide

RUNNER = Path(__file__).resolve().parent / "run_calls.mjs"
CALLS = all_calls()


@pytest.fixture(scope="module")
def pyodide_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    node = _node()
    folder = tmp_path_factory.mktemp("records")
    wheel = build_wheel(folder)
    calls_file = folder / "calls.json"
    calls = [{"name": c.name, "function": c.function, "args": list(c.args)} for c in CALLS]
    calls_file.write_text(json.dumps(calls, ensure_ascii=False), encoding="utf-8")
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
    return answers


def test_every_call_was_answered(pyodide_answers: dict[str, object]) -> None:
    assert sorted(pyodide_answers) == sorted(c.name for c in CALLS)


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_pyodide_answers_like_cpython_and_as_expected(call: Call, pyodide_answers: dict[str, object]) -> None:
    in_pyodide = pyodide_answers[call.name]
    assert isinstance(in_pyodide, str), in_pyodide
    assert in_pyodide == getattr(api, call.function)(*call.args)
    assert json.loads(in_pyodide) == call.expected
