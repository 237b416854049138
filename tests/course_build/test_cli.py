"""The ``lederskap`` command: exit codes, messages, and what it writes.

What a failed build leaves, and which folders the build may replace: test_output_folders.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lederskap_build.cli import main

from .conftest import VALID_FORM, CourseFactory


def test_check_reports_a_valid_course(make_course: CourseFactory, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-f", str(make_course())]) == 0
    assert capsys.readouterr().out == (
        "1 questionnaire and 1 page: no problems (links between pages are checked by lederskap build).\n"
    )


def test_check_lists_every_problem_and_fails(make_course: CourseFactory, capsys: pytest.CaptureFixture[str]) -> None:
    form = VALID_FORM.replace("title: A check\n", "").replace("id: finishes", "id: finishes\n            txt: x")
    assert main(["check", "-f", str(make_course(forms={"check.yml": form}))]) == 1
    assert capsys.readouterr().err == (
        "The course has 2 problems:\n"
        "  forms/check.yml:1: title: missing required field 'title'\n"
        "  forms/check.yml:20: parts[statements].dimensions[focus].items[finishes].txt: "
        "unknown field 'txt' (expected one of: id, text, reverse, hint)\n"
    )


def test_build_writes_the_site(make_course: CourseFactory) -> None:
    config = make_course()
    assert main(["build", "-f", str(config)]) == 0
    site = config.parent / "site"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-lsk-questionnaire="check"' in html
    assert (site / "assets" / "lederskap" / "main.js").is_file()
    assert not list(config.parent.glob(".site-*")), "no staging folder is left behind"


def test_generation_rewrites_only_what_changed(make_course: CourseFactory) -> None:
    from lederskap_build.course import load_course
    from lederskap_build.generate import generate

    config = make_course()
    first = generate(load_course(config))
    assert "index.md" in first and "assets/lederskap/pyodide/pyodide.asm.wasm" in first
    assert generate(load_course(config)) == []
    (config.parent / "docs" / "index.md").write_text("# Changed\n", encoding="utf-8")
    # The build hash changes, and with it the service worker (a new offline cache).
    assert sorted(generate(load_course(config))) == ["assets/lederskap/build-info.js", "index.md", "sw.js"]


def test_a_removed_page_disappears_from_the_generated_folder(make_course: CourseFactory) -> None:
    from lederskap_build.course import load_course
    from lederskap_build.generate import generate

    config = make_course(pages={"index.md": '::questionnaire{id="check"}\n', "extra.md": "# Extra\n"})
    generate(load_course(config))
    generated = config.parent / "generated" / "docs"
    assert (generated / "extra.md").is_file()
    (config.parent / "docs" / "extra.md").unlink()
    assert "extra.md" in generate(load_course(config))
    assert not (generated / "extra.md").exists()


def test_missing_pyodide_is_a_clear_setup_error(
    make_course: CourseFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEDERSKAP_PYODIDE_DIR", str(tmp_path / "nowhere"))
    assert main(["build", "-f", str(make_course())]) == 1
    assert capsys.readouterr().err == (
        f"error: The Pyodide runtime was not found ({tmp_path / 'nowhere'}). The site serves Pyodide itself, from "
        "npm: run `npm install` in the course's folder (its package.json names the version; `lederskap new` writes "
        "one), which needs Node.js 20 or later, or set LEDERSKAP_PYODIDE_DIR to the folder of the npm package "
        "'pyodide'.\n"
    )


def test_score_uses_the_course_questionnaire(
    make_course: CourseFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text('{"plans": 4, "finishes": 1}', encoding="utf-8")
    assert main(["score", "check", str(answers), "-f", str(make_course()), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"mean": 2.5' in out
    assert '"mean_display": "2.5"' in out  # the test course is in English


def test_score_names_an_unknown_questionnaire(
    make_course: CourseFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("{}", encoding="utf-8")
    assert main(["score", "chek", str(answers), "-f", str(make_course())]) == 1
    assert capsys.readouterr().err == "error: unknown questionnaire 'chek' (known: check)\n"
