"""The built scorer wheel, run in real Pyodide under Node, scores every fixture exactly as CPython does.

Builds the browser wheel exactly as the site build does (offline, with the
scorer's PEP 517 backend, flit_core), writes the fixtures with their YAML
definitions resolved, runs ``run_fixtures.mjs`` and compares each result
text with CPython's ``score_json`` and with the fixture's expected results.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from lederskap_scorer import score_json

from lederskap_build.wheel import build_scorer_wheel, in_browser_wheel

from ..scorer.fixture_files import Fixture, all_fixtures, canonical, write_resolved

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT / "scorer"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
RUNNER = Path(__file__).resolve().parent / "run_fixtures.mjs"
FIXTURES = all_fixtures()
NODE_TIMEOUT_SECONDS = 300


def build_wheel(out_dir: Path) -> Path:
    """The browser wheel, built into ``out_dir`` exactly as the site build makes it."""
    return build_scorer_wheel(out_dir)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH (needed to run Pyodide)")
    if not (PYODIDE_PACKAGE / "pyodide.mjs").is_file():
        pytest.skip(f"{PYODIDE_PACKAGE} is missing: run `npm ci` in {ROOT}")
    return node


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _node()
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def pyodide_run(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    """(fixture name -> results JSON text from Pyodide, the runtime the runner reported)."""
    fixtures_dir = tmp_path_factory.mktemp("fixtures")
    write_resolved(FIXTURES, fixtures_dir)
    done = subprocess.run(
        [_node(), str(RUNNER), str(wheel), str(fixtures_dir)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=NODE_TIMEOUT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, f"run_fixtures.mjs failed:\n{done.stderr}"
    runtime_lines = [line for line in done.stderr.splitlines() if line.startswith("runtime: ")]
    assert len(runtime_lines) == 1, done.stderr
    results = json.loads(done.stdout)
    assert isinstance(results, dict)
    return results, json.loads(runtime_lines[0].removeprefix("runtime: "))


def test_wheel_holds_every_scorer_module_and_no_bytecode(wheel: Path) -> None:
    package = SCORER / "src" / "lederskap_scorer"
    source = {
        relative
        for relative in (PurePosixPath(p.relative_to(package).as_posix()) for p in package.rglob("*.py"))
        if in_browser_wheel(relative)
    }
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    packaged = {PurePosixPath(n).relative_to("lederskap_scorer") for n in names if n.startswith("lederskap_scorer/")}
    assert {p for p in packaged if p.suffix == ".py"} == source
    assert PurePosixPath("parts/choice.py") in packaged
    assert [n for n in names if "__pycache__" in n or n.endswith(".pyc")] == []


def test_runs_in_real_pyodide(pyodide_run: tuple[dict[str, str], dict[str, str]]) -> None:
    results, runtime = pyodide_run
    assert runtime["platform"] == "emscripten"
    assert runtime["python"].startswith("3.")
    assert runtime["scorer_file"].startswith(f"/lib/python{'.'.join(runtime['python'].split('.')[:2])}/site-packages/")
    assert sorted(results) == sorted(f.name for f in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_pyodide_scores_like_cpython_and_as_expected(
    fixture: Fixture, pyodide_run: tuple[dict[str, str], dict[str, str]]
) -> None:
    in_pyodide = pyodide_run[0][fixture.name]
    assert in_pyodide == score_json(fixture.definition_json(), fixture.answers_json(), fixture.language)
    parsed = json.loads(in_pyodide)
    assert parsed == fixture.expected
    assert canonical(parsed) == canonical(fixture.expected)
