"""The standard library the build byte-compiles and trims for the scorer (lederskap_build/stdlib.py), in real Pyodide.

Every scoring fixture, every record and import fixture, the deeply nested texts of
``test_records_in_pyodide.py``, the comparisons of ``test_compare_in_pyodide.py`` and the team
results of ``test_team_in_pyodide.py``
are made as calls of the scorer's JSON API, twice, in Pyodide under Node
(``run_stdlib_calls.mjs``): once with Pyodide's full standard library and the scorer's
wheel, tracing which of its modules are loaded, and once with the archive the build makes,
which holds the scorer too (no wheel). The calls must import nothing the archive lacks,
look for no module the full run found, and answer exactly as CPython does. The archive
itself must be bytecode for this Pyodide only, and the same bytes every time it is made.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from lederskap_scorer import api

from lederskap_build.stdlib import ARCHIVE_NAME, EXTRA_MODULES, build_scorer_stdlib

from ..records.fixture_files import Call, all_calls
from ..scorer.fixture_files import all_fixtures
from .test_compare_in_pyodide import CALLS as COMPARE_CALLS
from .test_records_in_pyodide import DEEP_CALLS
from .test_team_in_pyodide import CALLS as TEAM_CALLS
from .test_wheel_in_pyodide import NODE_TIMEOUT_SECONDS, PYODIDE_PACKAGE, ROOT, _node, build_wheel

pytestmark = pytest.mark.pyodide

RUNNER = Path(__file__).resolve().parent / "run_stdlib_calls.mjs"


def _scoring_calls() -> list[Call]:
    return [
        Call(
            f"score/{f.name}",
            "score_json",
            (f.definition_json(), f.answers_json(), f.language),
            f.expected,
        )
        for f in all_fixtures()
    ]


CALLS = [
    *_scoring_calls(),
    *all_calls(),
    *DEEP_CALLS,
    *(replace(c, name=f"compare/{c.name}") for c in COMPARE_CALLS),
    *TEAM_CALLS,
]


@dataclass(frozen=True)
class Run:
    """What ``run_stdlib_calls.mjs`` reported."""

    answers: dict[str, object]
    modules: dict[str, str]
    """Module -> its source file in the standard library archive (with the build's archive, the
    scorer's modules too)."""
    missed: list[str]
    magic: str


def run_calls(wheel: Path, folder: Path, stdlib: Path | None) -> Run:
    request = folder / "request.json"
    listed = [{"name": c.name, "function": c.function, "args": list(c.args)} for c in CALLS]
    request.write_text(json.dumps({"calls": listed, "extra_modules": list(EXTRA_MODULES)}), encoding="utf-8")
    command = [_node(), str(RUNNER), str(PYODIDE_PACKAGE), str(wheel), str(request)]
    done = subprocess.run(
        [*command, *([str(stdlib)] if stdlib else [])],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=NODE_TIMEOUT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, f"run_stdlib_calls.mjs failed:\n{done.stderr[-3000:]}"
    report = json.loads(done.stdout)
    return Run(report["answers"], report["modules"], report["missed"], report["magic"])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _node()
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def archive(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive as the build makes it, made afresh (not from a cache)."""
    return build_scorer_stdlib(tmp_path_factory.mktemp("stdlib"), PYODIDE_PACKAGE, wheel)


@pytest.fixture(scope="module")
def full_run(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_calls(wheel, tmp_path_factory.mktemp("full"), None)


@pytest.fixture(scope="module")
def trimmed_run(wheel: Path, archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_calls(wheel, tmp_path_factory.mktemp("trimmed"), archive)


def archive_entries(archive: Path) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(archive) as opened:
        return opened.infolist()


def test_every_module_the_fixtures_load_is_in_the_archive(full_run: Run, archive: Path) -> None:
    compiled = {entry.filename for entry in archive_entries(archive)}
    missing = sorted(name for name, source in full_run.modules.items() if source + "c" not in compiled)
    assert missing == [], (
        f"the fixtures load {missing} from the standard library, but the build's trace did not: "
        "add them to lederskap_build.stdlib.EXTRA_MODULES with the reason"
    )


def scorer_modules(run: Run) -> dict[str, str]:
    return {name: source for name, source in run.modules.items() if name.split(".")[0] == "lederskap_scorer"}


def test_with_the_archive_no_import_falls_back_unseen(full_run: Run, trimmed_run: Run) -> None:
    """An import inside ``try: ... except ImportError`` would not fail a call: nothing may miss that the full
    run found. (The full run misses more: installing the wheel looks for ``pwd`` and ``grp``.)"""
    assert set(trimmed_run.missed) <= set(full_run.missed)
    assert "lederskap_no_such_module" in trimmed_run.missed
    assert set(trimmed_run.modules) - set(scorer_modules(trimmed_run)) <= set(full_run.modules)


def test_with_the_archive_the_scorer_comes_from_it(wheel: Path, full_run: Run, trimmed_run: Run) -> None:
    assert scorer_modules(full_run) == {}, "with the full standard library, the scorer comes from its wheel"
    with zipfile.ZipFile(wheel) as opened:
        in_wheel = {name for name in opened.namelist() if name.endswith(".py")}
    # Every module of the scorer the calls import is the archive's bytecode of a module of the wheel.
    compiled = set(scorer_modules(trimmed_run).values())
    assert {source.removesuffix("c") for source in compiled} <= in_wheel
    assert scorer_modules(trimmed_run)["lederskap_scorer.api"] == "lederskap_scorer/api.pyc"


def test_every_call_was_answered_with_the_archive(trimmed_run: Run) -> None:
    assert sorted(trimmed_run.answers) == sorted(c.name for c in CALLS)


@pytest.mark.parametrize("call", CALLS, ids=[c.name for c in CALLS])
def test_with_the_archive_pyodide_answers_like_cpython(call: Call, trimmed_run: Run, full_run: Run) -> None:
    answer = trimmed_run.answers[call.name]
    assert isinstance(answer, str), answer
    # Whether CPython's answer is the fixture's expected one is for the scorer's own tests to say.
    assert answer == full_run.answers[call.name] == getattr(api, call.function)(*call.args)


def test_the_archive_is_bytecode_compiled_by_this_pyodide(archive: Path, full_run: Run) -> None:
    entries = [entry for entry in archive_entries(archive) if entry.filename != "lederskap_scorer/py.typed"]
    assert archive.name == ARCHIVE_NAME
    assert entries and all(entry.filename.endswith(".pyc") for entry in entries)
    assert {entry.date_time for entry in entries} == {(2026, 1, 1, 0, 0, 0)}
    assert [entry.filename for entry in entries] == sorted(entry.filename for entry in entries)
    with zipfile.ZipFile(archive) as opened:
        headers = {opened.read(entry)[:8] for entry in entries}
    # PEP 552: the magic number of the CPython that loads it, then flags 0b01 (hash-based, unchecked).
    assert {header[:4].hex() for header in headers} == {full_run.magic}
    assert {int.from_bytes(header[4:8], "little") for header in headers} == {0b01}


def test_the_archive_is_trimmed(archive: Path) -> None:
    with zipfile.ZipFile(PYODIDE_PACKAGE / "python_stdlib.zip") as full:
        sources = [name for name in full.namelist() if name.endswith(".py")]
    compiled = archive_entries(archive)
    assert len(compiled) < len(sources) / 3
    assert "encodings/__init__.pyc" in {entry.filename for entry in compiled}
    assert not {"unittest/__init__.pyc", "xml/__init__.pyc", "sqlite3/__init__.pyc"} & {e.filename for e in compiled}


def test_the_archive_is_reproducible(wheel: Path, archive: Path, tmp_path: Path) -> None:
    again = build_scorer_stdlib(tmp_path, PYODIDE_PACKAGE, wheel)
    assert again != archive
    assert again.read_bytes() == archive.read_bytes()
