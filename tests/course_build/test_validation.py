"""Bad course content fails with every problem listed: file, line, place and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from lederskap_build.course import load_course
from lederskap_build.errors import ContentError

from .conftest import MKDOCS_YML, VALID_FORM, CourseFactory


def problems_of(config_file: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(config_file)
    return [str(p) for p in caught.value.problems]


def test_a_valid_course_loads(make_course: CourseFactory) -> None:
    course = load_course(make_course())
    assert list(course.questionnaires) == ["check"]
    assert course.questionnaires["check"].file == "forms/check.yml"
    assert [p.as_posix() for p in course.pages] == ["index.md"]


def test_unknown_field(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace(
        "            text: I plan my week", "            text: I plan my week\n            txt: typo"
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:20: parts[0].dimensions[0].items[0].txt: "
        "unknown field 'txt' (expected one of: id, text, reverse)"
    ]


def test_missing_text(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("            text: I finish what I start\n", "")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:20: parts[0].dimensions[0].items[1].text: missing required field 'text'"
    ]


def test_empty_text(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("text: I finish what I start", 'text: "  "')
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:21: parts[0].dimensions[0].items[1].text: "
        "expected a non-empty text, but an empty text was given"
    ]


def test_duplicate_id(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("id: finishes", "id: plans")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:20: parts[0].dimensions[0].items[1].id: "
        "duplicate id 'plans' (already used at parts[0].dimensions[0].items[0].id)"
    ]


def test_page_places_an_unknown_questionnaire(make_course: CourseFactory) -> None:
    pages = {"index.md": '# Test\n\n::questionnaire{id="chek"}\n'}
    assert problems_of(make_course(pages=pages)) == ["docs/index.md:3: unknown questionnaire 'chek' (known: check)"]


def test_malformed_placement_and_placing_twice(make_course: CourseFactory) -> None:
    pages = {
        "index.md": '::questionnaire{id="check"}\n::questionnaire{id="check"}\n::questionnaire check\n'
        '```\n::questionnaire{id="shown-as-code"}\n```\n'
    }
    assert problems_of(make_course(pages=pages)) == [
        "docs/index.md:2: the questionnaire 'check' is placed twice on this page (first on line 1)",
        'docs/index.md:3: expected a line of the form ::questionnaire{id="<questionnaire id>"}',
    ]


def test_scale_with_fewer_than_two_points(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("  max: 4\n", "  max: 1\n").replace(
        "{value: 4, text: Always}", "{value: 1, text: Always}"
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:4: scale: expected a scale of at least two points, but min 1 and max 1 give 1"
    ]


def test_invalid_yaml_names_its_line(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("title: A check", "title: [A check")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:4: invalid YAML: expected ',' or ']', but got ':' (column 6), "
        "while parsing a flow sequence that starts on line 3"
    ]


def test_a_key_given_twice(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("title: A check\n", "title: A check\ntitle: Another\n")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:4: title: the key 'title' is given twice"
    ]


def test_wrong_types_and_values(make_course: CourseFactory) -> None:
    form = (
        VALID_FORM.replace("version: 1", "version: one")
        .replace("id: focus", "id: Focus Area")
        .replace("type: likert", "type: likertt")
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:2: version: expected a whole number, but a text ('one') was given",
        "forms/check.yml:11: parts[0].type: expected one of 'likert', 'text', 'checklist', 'allocation', 'choice', "
        "but a text ('likertt') was given",
    ]


def test_bands_must_cover_the_scale(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace(
        "parts:\n",
        "bands:\n  - {min: 1, max: 2, label: Low}\n  - {min: 2.5, max: 3, label: High}\nparts:\n",
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:12: bands[1].max: expected 4 (the last band must end at the top of the scale), "
        "but 3 was given",
        "forms/check.yml:12: bands[1].min: expected 2 (bands must cover the scale in order without gaps), "
        "but 2.5 was given",
    ]


def test_every_problem_in_every_file_is_listed_at_once(make_course: CourseFactory) -> None:
    broken_id = VALID_FORM.replace("id: check", "id: other").replace("id: finishes", "id: plans")
    broken_yaml = "id: third\ntitle: [\n"
    pages = {"index.md": '::questionnaire{id="check"}\n', "more.md": '::questionnaire{id="missing"}\n'}
    config = make_course(forms={"check.yml": VALID_FORM, "other.yml": broken_id, "third.yml": broken_yaml}, pages=pages)
    problems = problems_of(config)
    assert problems == [
        "docs/more.md:1: unknown questionnaire 'missing' (known: check)",
        "forms/other.yml:20: parts[0].dimensions[0].items[1].id: "
        "duplicate id 'plans' (already used at parts[0].dimensions[0].items[0].id)",
        "forms/third.yml:3: invalid YAML: expected the node content, but found '<stream end>' (column 1)",
    ]


def test_a_page_placing_a_broken_questionnaire_is_not_also_called_unknown(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("title: A check\n", "")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:1: title: missing required field 'title'"
    ]


def test_two_files_with_one_questionnaire_id(make_course: CourseFactory) -> None:
    assert problems_of(make_course(forms={"a.yml": VALID_FORM, "b.yml": VALID_FORM})) == [
        "forms/b.yml:1: id: duplicate questionnaire id 'check' (already used in forms/a.yml)"
    ]


def test_missing_course_settings(make_course: CourseFactory) -> None:
    config = make_course(config="site_name: X\ndocs_dir: generated/docs\n")
    assert problems_of(config) == [
        "mkdocs.yml:1: extra.lederskap: missing required settings 'extra.lederskap' (at least 'course: <id>')",
        "mkdocs.yml:1: extra_css: expected an entry assets/lederskap/lederskap.css, the questionnaires' styles",
        "mkdocs.yml:1: extra_javascript: expected an entry {path: assets/lederskap/main.js, type: module}, "
        "which makes the questionnaires work",
    ]


def test_generated_folder_must_not_be_the_pages_folder(make_course: CourseFactory) -> None:
    config = make_course(config=MKDOCS_YML.replace("docs_dir: generated/docs", "docs_dir: docs"))
    assert problems_of(config) == [
        "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
        "apart from 'docs', 'forms' and 'overrides', e.g. generated/docs, but 'docs' was given"
    ]
