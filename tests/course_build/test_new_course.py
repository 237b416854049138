"""``lederskap new``: a starter course with a questionnaire of every type, never written over files.

The starter course built by an installed copy of the tool, in a browser too, is tested in
tests/browser/test_installed_tool.py; these tests run it from the repository.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from lederskap_scorer.parts import Part

from lederskap_build.cli import main
from lederskap_build.course import load_course
from lederskap_build.new_course import course_id_for, tool_requirement


def test_new_writes_a_course_that_passes_check_with_a_questionnaire_of_every_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Leading Teams 2026"
    assert main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Wrote the course 'leading-teams-2026' (18 files) into {folder}. Next:\n")
    assert "npm install" in out and "lederskap serve" in out

    course = load_course(folder / "mkdocs.yml")
    assert course.project.settings.course == "leading-teams-2026"
    assert course.project.settings.language == "en"
    kinds = {part.type for source in course.questionnaires.values() for part in source.questionnaire.parts}
    assert kinds == {typing.get_args(typing.get_type_hints(part)["type"])[0] for part in typing.get_args(Part)}
    assert len(course.questionnaires) == len(kinds), "one questionnaire of each type"
    pages = {page.as_posix(): (folder / "docs" / page).read_text(encoding="utf-8") for page in course.pages}
    for questionnaire in course.questionnaires:
        assert sum(f'::questionnaire{{id="{questionnaire}"}}' in text for text in pages.values()) == 1
    assert "::my-results" in pages["my-results.md"]
    assert "::team" in pages["with-your-team.md"]
    assert (folder / "mkdocs.yml").read_text(encoding="utf-8").count("My results: my-results.md") == 1
    assert "/generated/" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (folder / ".github" / "workflows" / "publish.yml").is_file()
    assert "@@" not in "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file())

    assert main(["check", "-f", str(folder / "mkdocs.yml")]) == 0


def test_new_never_writes_into_a_folder_that_holds_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    assert main(["new", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"error: {tmp_path} is not empty: lederskap new writes a course into a new or empty folder, so that it "
        "never writes over files. Choose another folder.\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == [".git"]


def test_new_takes_a_course_id_and_refuses_one_that_is_not_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(tmp_path / "a"), "--course", "Team Course"]) == 1
    assert capsys.readouterr().err == (
        "error: 'Team Course' is not a course id: expected lowercase letters, digits, '-' and '_' (at most 64, "
        "starting and ending with a letter or digit), e.g. my-course\n"
    )
    assert not (tmp_path / "a").exists()
    assert main(["new", str(tmp_path / "b"), "--course", "team-course"]) == 0
    assert "course: team-course\n" in (tmp_path / "b" / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "course"),
    [("My Course", "my-course"), ("kurs_2026", "kurs-2026"), ("Ørsta–Volda", "rsta-volda"), ("???", "my-course")],
)
def test_the_course_id_is_made_from_the_folders_name(name: str, course: str) -> None:
    assert course_id_for(Path(name)) == course


class _Installed:
    """A stand-in for the installed distribution's metadata."""

    def __init__(self, direct_url: object | None) -> None:
        self.version = "1.2.3"
        self._direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return None if self._direct_url is None else json.dumps(self._direct_url)


@pytest.mark.parametrize(
    ("direct_url", "requirement"),
    [
        (None, ("lederskap-build==1.2.3", True)),
        (
            {"url": "https://github.com/example/lederskap", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
            ("lederskap-build @ git+https://github.com/example/lederskap@abc123", True),
        ),
        ({"url": "file:///home/me/lederskap", "dir_info": {}}, ("lederskap-build==1.2.3", False)),
    ],
)
def test_the_workflow_installs_lederskap_from_where_this_copy_came_from(
    monkeypatch: pytest.MonkeyPatch, direct_url: object | None, requirement: tuple[str, bool]
) -> None:
    monkeypatch.setattr("importlib.metadata.distribution", lambda name: _Installed(direct_url))
    assert tool_requirement() == requirement
