"""The limits on a questionnaire's size and on a built page, each a problem with file and line.

The limits are stated, with their reasons, in AUTHORING.md ("Limits"); the last
test keeps that section and the code in step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lederskap_scorer import limits

from lederskap_build import pages, yaml_source
from lederskap_build.cli import main
from lederskap_build.course import load_course
from lederskap_build.errors import ContentError

from .conftest import VALID_FORM, CourseFactory

REPO = Path(__file__).resolve().parents[2]

FORM_HEAD = """\
id: check
version: 1
title: A check
scale: {min: 1, max: 5}
parts:
"""


def problems_of(config_file: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(config_file)
    return [str(p) for p in caught.value.problems]


def likert_form(items: int) -> str:
    """A questionnaire ``check`` of one dimension of ``items`` statements."""
    part = "  - type: likert\n    id: part\n    title: Part\n    dimensions:\n    - id: all\n      title: All\n"
    statements = "".join(f"      - {{id: i{n}, text: Statement {n}}}\n" for n in range(items))
    return f"{FORM_HEAD}{part}      items:\n{statements}"


def test_a_questionnaire_of_5000_questions_is_accepted(make_course: CourseFactory) -> None:
    course = load_course(make_course(forms={"check.yml": likert_form(5000)}))
    assert sum(1 for _ in course.questionnaires["check"].questionnaire.items()) == 5000


def test_more_than_5000_questions_is_a_problem(make_course: CourseFactory) -> None:
    assert problems_of(make_course(forms={"check.yml": likert_form(5001)})) == [
        "forms/check.yml:5: parts: expected at most 5,000 questions (likert items, text fields, checklists, "
        "allocation rows and choice questions), but 5,001 were given"
    ]


def test_a_text_longer_than_10000_characters_is_a_problem(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("title: A check\n", f"title: A check\nintro: {'x' * 10_001}\n").replace(
        "text: I finish what I start", f"text: {'y' * 52_000}"
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:4: intro: expected a text of at most 10,000 characters, but one of 10,001 was given",
        "forms/check.yml:22: parts[statements].dimensions[focus].items[finishes].text: "
        "expected a text of at most 10,000 characters, but one of 52,000 was given",
    ]


def test_too_many_options_columns_or_scale_points(make_course: CourseFactory) -> None:
    options = "\n".join(f"      - {{id: o{n}, text: Option {n}}}" for n in range(201))
    columns = "\n".join(f"      - {{id: c{n}, text: Column {n}}}" for n in range(21))
    form = (
        FORM_HEAD.replace("{min: 1, max: 5}", "{min: 0, max: 11}")
        + "  - type: checklist\n    id: pick\n    title: Pick\n    options:\n"
        + options
        + "\n  - type: allocation\n    id: share\n    title: Share\n    rows:\n      - {id: r, text: Row}\n"
        + "    columns:\n"
        + columns
        + "\n"
    )
    assert problems_of(make_course(forms={"check.yml": form}, pages={"index.md": "# Test\n"})) == [
        "forms/check.yml:4: scale: expected a scale of at most 11 points, but min 0 and max 11 give 12",
        "forms/check.yml:9: parts[pick].options: expected at most 200 options, but 201 were given",
        "forms/check.yml:216: parts[share].columns: expected at most 20 columns, but 21 were given",
    ]


def test_a_page_over_the_size_limit_is_a_problem_on_the_line_of_its_largest_questionnaire(
    make_course: CourseFactory, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pages, "MAX_PAGE_BYTES", 50_000)
    config_file = make_course(
        forms={"check.yml": VALID_FORM, "big.yml": likert_form(200).replace("id: check", "id: big")},
        pages={"index.md": '# Test\n\n::questionnaire{id="check"}\n\n::questionnaire{id="big"}\n'},
    )
    assert main(["build", "-f", str(config_file)]) == 1
    err = capsys.readouterr().err
    assert re.fullmatch(
        r"The course has 1 problem:\n"
        r"  docs/index\.md:5: expected a page of at most 0\.1 MB with its questionnaires in it, but it comes to "
        r"0\.\d MB, 0\.\d MB of it the questionnaire 'big' placed here; shorten its texts or split it\n",
        err,
    ), err
    assert not (config_file.parent / "site").exists()


LIMITS = {
    "questions in one questionnaire": limits.MAX_QUESTIONS,
    "characters in one text": limits.MAX_TEXT_LENGTH,
    "options of one checklist or choice question": limits.MAX_OPTIONS,
    "columns of one allocation": limits.MAX_COLUMNS,
    "points of the scale": limits.MAX_SCALE_POINTS,
    "megabytes in one built page": pages.MAX_PAGE_BYTES // 1_000_000,
    "values in one file": yaml_source.MAX_VALUES,
    "levels of nesting": yaml_source.MAX_NESTING,
}


@pytest.mark.parametrize(("what", "value"), LIMITS.items())
def test_the_authoring_guide_states_every_limit(what: str, value: int) -> None:
    guide = (REPO / "AUTHORING.md").read_text(encoding="utf-8")
    section = guide[guide.index("\n## Limits\n") :]
    section = section[: section.find("\n## ", 1)]
    assert re.search(rf"\| {what} \| {value:,} \|", section), f"AUTHORING.md, Limits: '| {what} | {value:,} |'"
