"""The scorer's standard library archive in the build (lederskap_build/stdlib.py): where it goes, and its cache.

What is in the archive, and that it runs every fixture in Pyodide, is tested in
``tests/pyodide/test_stdlib_in_pyodide.py``; these tests replace the Node run by a
stand-in where they only need to know whether it ran.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from lederskap_build import stdlib
from lederskap_build.course import load_course
from lederskap_build.errors import SetupError
from lederskap_build.generate import find_pyodide, generate
from lederskap_build.stdlib import ARCHIVE_NAME, build_scorer_stdlib, cache_key, scorer_modules, stdlib_cache_dir
from lederskap_build.wheel import build_scorer_wheel

from .conftest import CourseFactory
from .test_offline_and_policy import build_info

REPO = Path(__file__).resolve().parents[2]


class FakeNode:
    """Stands in for ``stdlib._run_node``: writes a small archive and counts its runs."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self, pyodide_dir: Path, wheel: Path, out: Path, work: Path) -> dict[str, object]:
        self.runs += 1
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("json/__init__.pyc", f"run {self.runs}")
        return {"modules": {"json": "json/__init__.py"}}


@pytest.fixture
def fake_node(monkeypatch: pytest.MonkeyPatch) -> FakeNode:
    fake = FakeNode()
    monkeypatch.setattr(stdlib, "_run_node", fake)
    return fake


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_scorer_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture
def pyodide_copy(tmp_path: Path) -> Path:
    """The files of the npm package ``pyodide`` the cache key reads, in a folder the test may change."""
    source = find_pyodide(REPO)
    copy = tmp_path / "pyodide"
    copy.mkdir()
    for name in ("package.json", "python_stdlib.zip"):
        shutil.copy2(source / name, copy / name)
    return copy


def test_the_site_carries_the_archive_and_build_info_names_it(make_course: CourseFactory) -> None:
    config = make_course()
    generate(load_course(config))
    generated = config.parent / "generated" / "docs"
    info = build_info(generated / "assets" / "lederskap" / "build-info.js")
    assert info["stdlib"] == f"pyodide/{ARCHIVE_NAME}"
    archive = generated / "assets" / "lederskap" / info["stdlib"]
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert "encodings/__init__.pyc" in names and "fractions.pyc" in names
    # The scorer is in it too, byte-compiled, every module of its wheel: the worker imports it from there.
    with zipfile.ZipFile(generated / "assets" / "lederskap" / info["wheel"]) as wheel:
        in_wheel = {name for name in wheel.namelist() if name.endswith(".py")}
    assert "lederskap_scorer/api.py" in in_wheel
    assert {name for name in names if name.startswith("lederskap_scorer/")} == {
        *(name + "c" for name in in_wheel),
        "lederskap_scorer/py.typed",
    }
    assert all(name.endswith(".pyc") or name == "lederskap_scorer/py.typed" for name in names)
    # Pyodide's full standard library stays in the site, for the worker's fallback.
    assert (generated / "assets" / "lederskap" / "pyodide" / "python_stdlib.zip").is_file()


def test_an_unchanged_key_does_not_run_node_again(tmp_path: Path, wheel: Path, fake_node: FakeNode) -> None:
    pyodide = find_pyodide(REPO)
    first = build_scorer_stdlib(tmp_path, pyodide, wheel)
    assert first.name == ARCHIVE_NAME and fake_node.runs == 1
    modified = first.stat().st_mtime_ns
    assert build_scorer_stdlib(tmp_path, pyodide, wheel) == first
    assert fake_node.runs == 1 and first.stat().st_mtime_ns == modified
    assert json.loads((first.parent / "modules.json").read_text(encoding="utf-8"))["modules"] == {
        "json": "json/__init__.py"
    }
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert folders == [first.parent.name], "no temporary folder is left"


def test_the_key_follows_pyodide_its_stdlib_and_the_wheel(tmp_path: Path, wheel: Path, pyodide_copy: Path) -> None:
    key = cache_key(pyodide_copy, wheel)
    assert key == cache_key(pyodide_copy, wheel)

    other_wheel = tmp_path / "other" / wheel.name
    other_wheel.parent.mkdir()
    other_wheel.write_bytes(wheel.read_bytes() + b"\0")
    assert cache_key(pyodide_copy, other_wheel) != key

    package = json.loads((pyodide_copy / "package.json").read_text(encoding="utf-8"))
    (pyodide_copy / "package.json").write_text(json.dumps({**package, "version": "0.0.1"}), encoding="utf-8")
    assert cache_key(pyodide_copy, wheel) != key
    (pyodide_copy / "package.json").write_text(json.dumps(package), encoding="utf-8")
    assert cache_key(pyodide_copy, wheel) == key

    with (pyodide_copy / "python_stdlib.zip").open("ab") as stdlib_zip:
        stdlib_zip.write(b"\0")
    assert cache_key(pyodide_copy, wheel) != key


def test_only_the_newest_archives_are_kept(tmp_path: Path, wheel: Path, fake_node: FakeNode) -> None:
    pyodide = find_pyodide(REPO)
    old = []
    for n in range(stdlib.CACHE_KEEP + 1):
        folder = tmp_path / f"{stdlib.CACHE_PREFIX}{n:016x}"
        folder.mkdir()
        (folder / ARCHIVE_NAME).write_bytes(b"old")
        os.utime(folder, ns=(n * 10**9, n * 10**9))
        old.append(folder)
    (tmp_path / f"scorer-{'0' * 16}").mkdir()  # the wheel's cache is not ours to prune
    made = build_scorer_stdlib(tmp_path, pyodide, wheel)
    kept = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    newest_old = [folder.name for folder in old[-(stdlib.CACHE_KEEP - 1) :]]
    assert kept == sorted([made.parent.name, *newest_old, f"scorer-{'0' * 16}"])


def test_a_shared_cache_folder_can_be_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(stdlib.CACHE_VARIABLE, raising=False)
    assert stdlib_cache_dir(tmp_path / "project-cache") == tmp_path / "project-cache"
    monkeypatch.setenv(stdlib.CACHE_VARIABLE, str(tmp_path / "shared"))
    assert stdlib_cache_dir(tmp_path / "project-cache") == tmp_path / "shared"


def test_without_node_the_build_says_what_to_install(
    tmp_path: Path, wheel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(SetupError) as caught:
        build_scorer_stdlib(tmp_path, find_pyodide(REPO), wheel)
    assert str(caught.value) == (
        "Node.js was not found on PATH. The build needs it (version 20 or later) to byte-compile Pyodide's standard "
        "library for the scorer, and Pyodide itself comes from npm: install Node.js (https://nodejs.org), then run "
        "`npm install` in the course's folder."
    )
    assert not list(tmp_path.glob(f"{stdlib.CACHE_PREFIX}*"))


def test_the_scorer_modules_are_read_from_the_wheel(tmp_path: Path) -> None:
    wheel = tmp_path / "example-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in ("pkg/__init__.py", "pkg/api.py", "pkg/parts/__init__.py", "pkg/parts/likert.py", "pkg/py.typed"):
            archive.writestr(name, "")
        archive.writestr("example-1.0.dist-info/METADATA", "")
    assert scorer_modules(wheel) == ["pkg", "pkg.api", "pkg.parts", "pkg.parts.likert"]
