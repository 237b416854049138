"""The scorer wheel is built offline with PEP 517 tooling, reproducibly, and cached by its sources."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from lederskap_build.wheel import build_scorer_wheel, in_browser_wheel, without_docstrings


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


def test_the_browser_wheel_leaves_out_the_command_line_the_catalogue_and_the_docstrings(tmp_path: Path) -> None:
    wheel = zipfile.ZipFile(build_scorer_wheel(tmp_path))
    names = wheel.namelist()
    assert "lederskap_scorer/cli.py" not in names
    assert "lederskap_scorer/text_report.py" not in names
    assert "lederskap_scorer/catalogue.py" not in names
    assert [n for n in names if n.endswith("_report.py") or n.endswith(".json")] == []
    assert not [n for n in names if n.endswith("entry_points.txt")]
    model = wheel.read("lederskap_scorer/model.py").decode()
    assert "class Questionnaire:" in model
    assert '"""' not in model and "#" not in model


def test_without_docstrings_keeps_every_statement() -> None:
    source = '''"""Module."""
from __future__ import annotations
X = 1
"""What X is."""


class A:
    """A class."""


def f(x: int) -> str:
    """Doc."""
    # a comment
    return f"{x}"  # another
'''
    stripped = without_docstrings(source)
    assert stripped == (
        "from __future__ import annotations\nX = 1\n\nclass A:\n    pass\n\ndef f(x: int) -> str:\n    return f'{x}'\n"
    )
    namespace: dict[str, object] = {}
    exec(compile(stripped, "<stripped>", "exec"), namespace)  # noqa: S102 - our own test input
    assert namespace["X"] == 1


def test_the_browser_wheel_holds_the_question_types_subpackage(tmp_path: Path) -> None:
    names = zipfile.ZipFile(build_scorer_wheel(tmp_path)).namelist()
    parts = sorted(n.removeprefix("lederskap_scorer/parts/") for n in names if n.startswith("lederskap_scorer/parts/"))
    assert parts == ["__init__.py", "allocation.py", "checklist.py", "choice.py", "likert.py", "shared.py", "text.py"]


def test_the_browser_wheel_holds_the_records_subpackage(tmp_path: Path) -> None:
    names = zipfile.ZipFile(build_scorer_wheel(tmp_path)).namelist()
    prefix = "lederskap_scorer/records/"
    records = sorted(n.removeprefix(prefix) for n in names if n.startswith(prefix))
    assert records == [
        "__init__.py",
        "export_file.py",
        "file_values.py",
        "import_plan.py",
        "migration.py",
        "problems.py",
        "snapshot_entries.py",
        "team_data.py",
    ]
    assert "lederskap_scorer/browser_constants.py" not in names


def test_which_files_go_into_the_browser_wheel() -> None:
    kept = ["api.py", "parts/choice.py", "parts/__init__.py", "py.typed"]
    left_out = ["cli.py", "__main__.py", "text_report.py", "catalogue.py", "parts/choice_report.py"]
    left_out += ["browser_constants.py"]
    left_out += ["parts/shared_report.py", "messages/nb.json", "README.md"]
    assert [p for p in kept if not in_browser_wheel(PurePosixPath(p))] == []
    assert [p for p in left_out if in_browser_wheel(PurePosixPath(p))] == []
