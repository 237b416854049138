"""The build's cache of files it makes once (lederskap_build/file_cache.py)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from lederskap_build.file_cache import cached_file


def write(text: str, calls: list[str]) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        calls.append(text)
        (folder / "file").write_text(text, encoding="utf-8")

    return make


def test_a_file_is_made_once_and_then_read_from_the_cache(tmp_path: Path) -> None:
    calls: list[str] = []
    first = cached_file(tmp_path, "kind-", "key", "file", write("made", calls), keep=2)
    again = cached_file(tmp_path, "kind-", "key", "file", write("made again", calls), keep=2)
    assert first == again == tmp_path / "kind-key" / "file"
    assert calls == ["made"]
    assert again.read_text(encoding="utf-8") == "made"


@pytest.mark.skipif(sys.platform == "win32", reason="no lock on Windows: each build makes its own")
def test_two_builds_at_once_make_the_file_once(tmp_path: Path) -> None:
    """The second build asks while the first is making the file: it waits and reads the first's."""
    calls: list[str] = []
    first_is_making = threading.Event()
    second_made = threading.Event()
    found: dict[str, Path] = {}

    def first_make(folder: Path) -> None:
        calls.append("first")
        first_is_making.set()
        # Had the second build not waited, it would make its own meanwhile and say so here.
        second_made.wait(timeout=1)
        (folder / "file").write_text("first", encoding="utf-8")

    def second_make(folder: Path) -> None:
        calls.append("second")
        second_made.set()
        (folder / "file").write_text("second", encoding="utf-8")

    def build(name: str, make: Callable[[Path], None]) -> None:
        found[name] = cached_file(tmp_path, "kind-", "key", "file", make, keep=2)

    first = threading.Thread(target=build, args=("first", first_make))
    first.start()
    assert first_is_making.wait(timeout=30)
    second = threading.Thread(target=build, args=("second", second_make))
    second.start()
    first.join(timeout=60)
    second.join(timeout=60)
    assert calls == ["first"]
    assert found["first"] == found["second"]
    assert found["second"].read_text(encoding="utf-8") == "first"


def test_only_the_most_recently_used_folders_of_a_kind_are_kept(tmp_path: Path) -> None:
    calls: list[str] = []
    for key in ("one", "two", "three"):
        cached_file(tmp_path, "kind-", key, "file", write(key, calls), keep=2)
    cached_file(tmp_path, "other-", "one", "file", write("other", calls), keep=2)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["kind-three", "kind-two", "other-one"]
