"""The scorer wheel is built offline with PEP 517 tooling, reproducibly, and cached by its sources."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lederskap_build.wheel import build_scorer_wheel


def test_the_wheel_is_reproducible_and_pure_python(tmp_path: Path) -> None:
    first = build_scorer_wheel(tmp_path / "a")
    second = build_scorer_wheel(tmp_path / "b")
    assert first.name == second.name
    assert first.name.endswith("-py3-none-any.whl")
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert "lederskap_scorer/api.py" in names
    assert all(name.startswith(("lederskap_scorer/", "lederskap_scorer-")) for name in names)


def test_an_unchanged_scorer_is_not_rebuilt(tmp_path: Path) -> None:
    first = build_scorer_wheel(tmp_path)
    modified = first.stat().st_mtime_ns
    assert build_scorer_wheel(tmp_path) == first
    assert first.stat().st_mtime_ns == modified
