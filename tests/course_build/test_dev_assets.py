"""``python -m lederskap_build.dev_assets``: the site's browser modules alone, for the JavaScript unit tests.

What it writes is used by every run of ``make jscheck`` (tests/js/, which also checks the
generated modules against their declarations); here, that it never touches a folder of
someone else's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lederskap_build.dev_assets import main, write_browser_modules
from lederskap_build.errors import SetupError

from .conftest import CourseFactory


def test_a_folder_that_is_not_empty_is_left_alone(
    make_course: CourseFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_course()
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(SetupError, match="must be an empty folder or not exist"):
        write_browser_modules(config, folder)
    assert main([str(folder), "-f", str(config)]) == 1
    assert f"error: {folder} must be an empty folder or not exist" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert not (config.parent / "generated").exists(), "nothing was built"
