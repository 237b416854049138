"""The generator is general: a second course, in English with another scale and a choice part, builds too."""

from __future__ import annotations

from pathlib import Path

from lederskap_build.cli import main
from lederskap_build.course import load_course

from ..courses import copy_english_course
from .html_index import index_html


def test_the_english_course_builds_with_its_own_scale_and_language(tmp_path: Path) -> None:
    config = copy_english_course(tmp_path / "course")
    assert main(["build", "-f", str(config)]) == 0
    site = config.parent / "site"
    course = load_course(config)
    climate = course.questionnaires["team-climate"].questionnaire
    assert climate.scale is not None and (climate.scale.min, climate.scale.max) == (0, 4)
    assert any(item.reverse for _, item in climate.items())

    html = index_html((site / "team-climate" / "index.html").read_text(encoding="utf-8"))
    assert html.find("html", lang="en")
    (form,) = html.find("form", data_lsk_questionnaire="team-climate")
    assert form.attrs["data-lsk-course"] == "working-well-together"
    assert form.attrs["data-lsk-language"] == "en"
    for _, item in climate.items():
        radios = html.find("input", type="radio", name=item.id)
        assert [r.attrs["value"] for r in radios] == ["0", "1", "2", "3", "4", "na"]
    # Interface text comes from the English catalogue, not the Norwegian one.
    assert "Your answers are stored only in this browser" in html.text
    assert "Svarene dine" not in html.text

    week = index_html((site / "working-week" / "index.html").read_text(encoding="utf-8"))
    hours = week.find("input", **{"class": "lsk-number-input"})
    assert hours and all(i.attrs["data-lsk-max"] == "40" for i in hours)
    assert "Each column should add up to 40 h." in week.text
    habits = index_html((site / "planning-habits" / "index.html").read_text(encoding="utf-8"))
    assert len(habits.find("section", data_lsk_part="planning", data_lsk_part_type="choice")) == 1
    assert [f.attrs["data-lsk-question"] for f in habits.find("fieldset", data_lsk_question="*")] == [
        "plan-when",
        "plan-review",
        "plan-share",
    ]
    assert [r.attrs["value"] for r in habits.find("input", type="radio", name="plan-share")] == ["yes", "no"]
    assert habits.find("section", data_lsk_results="planning"), "a scored choice part has a results container"
    info = (site / "assets" / "lederskap" / "build-info.js").read_text(encoding="utf-8")
    assert '"course": "working-well-together"' in info
    assert '"language": "en"' in info
