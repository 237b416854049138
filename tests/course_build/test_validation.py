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
        "forms/check.yml:20: parts[statements].dimensions[focus].items[plans].txt: "
        "unknown field 'txt' (expected one of: id, text, reverse, hint)"
    ]


def test_missing_text(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("            text: I finish what I start\n", "")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:20: parts[statements].dimensions[focus].items[finishes].text: missing required field 'text'"
    ]


def test_empty_text(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("text: I finish what I start", 'text: "  "')
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:21: parts[statements].dimensions[focus].items[finishes].text: "
        "expected a non-empty text, but an empty text was given"
    ]


def test_duplicate_id(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("id: finishes", "id: plans")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:20: parts[statements].dimensions[focus].items[1].id: "
        "duplicate id 'plans' (already used on line 18, at parts[statements].dimensions[focus].items[0].id)"
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
    """More YAML mistakes and their messages: test_yaml_messages.py."""
    form = VALID_FORM.replace("title: A check", "title: [A check")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:3: invalid YAML: a text that starts with '[' must be in quotes; a list written as "
        "[...] needs a ',' between its entries and a ']' at its end. The YAML parser says: while parsing a "
        "flow sequence on line 3, column 8: expected ',' or ']', but got ':' on line 4, column 6"
    ]


def test_a_key_given_twice(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("title: A check\n", "title: A check\ntitle: Another\n")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:4: title: the key 'title' is given twice (first on line 3)"
    ]


def test_wrong_types_and_values(make_course: CourseFactory) -> None:
    form = (
        VALID_FORM.replace("version: 1", "version: one")
        .replace("id: focus", "id: Focus Area")
        .replace("type: likert", "type: likertt")
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:2: version: expected a whole number, but a text ('one') was given",
        "forms/check.yml:11: parts[statements].type: "
        "expected one of 'likert', 'text', 'checklist', 'allocation', 'choice', but a text ('likertt') was given",
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


def test_the_not_applicable_choice_is_a_text_of_its_own(make_course: CourseFactory) -> None:
    """``scale.not_applicable`` is the words of a choice after the scale: a text, never a switch, never blank."""
    switch = VALID_FORM.replace("parts:\n", "  not_applicable: yes\nparts:\n", 1)
    blank = VALID_FORM.replace("parts:\n", '  not_applicable: " "\nparts:\n', 1).replace("id: check", "id: blank")
    pages = {"index.md": '::questionnaire{id="check"}\n\n::questionnaire{id="blank"}\n'}
    assert problems_of(make_course(forms={"check.yml": switch, "blank.yml": blank}, pages=pages)) == [
        "forms/blank.yml:10: scale.not_applicable: expected the words of the extra choice for a statement that "
        "does not apply, but an empty text was given (leave the field out for a scale without that choice)",
        "forms/check.yml:10: scale.not_applicable: expected a text, but a yes/no value (true) was given",
    ]


def test_every_problem_in_every_file_is_listed_at_once(make_course: CourseFactory) -> None:
    broken_id = VALID_FORM.replace("id: check", "id: other").replace("id: finishes", "id: plans")
    broken_yaml = "id: third\ntitle: [\n"
    pages = {"index.md": '::questionnaire{id="check"}\n', "more.md": '::questionnaire{id="missing"}\n'}
    config = make_course(forms={"check.yml": VALID_FORM, "other.yml": broken_id, "third.yml": broken_yaml}, pages=pages)
    problems = problems_of(config)
    assert problems == [
        "docs/more.md:1: unknown questionnaire 'missing' (known: check)",
        "forms/other.yml:20: parts[statements].dimensions[focus].items[1].id: "
        "duplicate id 'plans' (already used on line 18, at parts[statements].dimensions[focus].items[0].id)",
        "forms/third.yml:2: invalid YAML: a text that starts with '[' or '{' must be in quotes; a list written "
        "as [...] needs its ']', and a mapping written as {...} its '}'. The YAML parser says: while parsing "
        "a flow node on line 3, column 1: expected the node content, but found '<stream end>' on line 3, "
        "column 1",
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
        "mkdocs.yml:1: extra.lederskap: missing required settings 'extra.lederskap' "
        "(at least 'course: <id>' and 'language: <nb or en>')",
        "mkdocs.yml:1: extra_css: expected an entry assets/lederskap/lederskap.css, the questionnaires' styles",
        "mkdocs.yml:1: extra_javascript: expected an entry {path: assets/lederskap/main.js, type: module}, "
        "which makes the questionnaires work",
        "mkdocs.yml:1: theme: expected the theme's settings (name: material, custom_dir: generated/theme, "
        "font: false), but nothing was given",
    ]


def test_generated_folder_must_not_be_the_pages_folder(make_course: CourseFactory) -> None:
    config = make_course(config=MKDOCS_YML.replace("docs_dir: generated/docs", "docs_dir: docs"))
    assert problems_of(config) == [
        "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
        "apart from 'docs' and 'forms', e.g. generated/docs, but 'docs' was given"
    ]


THEME_LANGUAGE = "\n  language: en\n"
COURSE_LANGUAGE = "    language: en\n"


def test_the_language_is_required_and_its_choices_listed(make_course: CourseFactory) -> None:
    config = make_course(config=MKDOCS_YML.replace(COURSE_LANGUAGE, ""))
    assert problems_of(config) == [
        "mkdocs.yml:15: extra.lederskap.language: missing required field 'language' (one of 'nb', 'en')"
    ]


def test_a_theme_in_another_language_is_a_warning(make_course: CourseFactory) -> None:
    config = make_course(config=MKDOCS_YML.replace(THEME_LANGUAGE, "\n  language: de\n"))
    assert [str(w) for w in load_course(config).warnings] == [
        "mkdocs.yml:6: theme.language: the theme's language 'de' is not the course's language 'en' "
        "(extra.lederskap.language), so the menu and search would be in one language and the questionnaires "
        "in another; set both to the same language"
    ]


def test_a_theme_without_a_language_is_in_english(make_course: CourseFactory) -> None:
    config = MKDOCS_YML.replace(THEME_LANGUAGE, "\n").replace(COURSE_LANGUAGE, "    language: nb\n")
    assert [str(w) for w in load_course(make_course(config=config)).warnings] == [
        "mkdocs.yml:4: theme: the theme's language is not set, so the menu and search are in English ('en') "
        "and the questionnaires in 'nb' (extra.lederskap.language); add 'language: nb' under theme"
    ]


def test_a_theme_without_a_language_is_right_for_a_course_in_english(make_course: CourseFactory) -> None:
    config = make_course(config=MKDOCS_YML.replace(THEME_LANGUAGE, "\n"))
    assert load_course(config).warnings == ()


def test_a_theme_language_with_a_region_is_the_same_language(make_course: CourseFactory) -> None:
    config = make_course(config=MKDOCS_YML.replace(THEME_LANGUAGE, "\n  language: en-GB\n"))
    assert load_course(config).warnings == ()


def test_paths_name_list_entries_by_their_ids(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("parts:\n", "bands:\n  - {min: 1, max: 4, label: ''}\nparts:\n").replace(
        "        title: Focus\n", "        title: ''\n"
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:11: bands[0].label: expected a non-empty text, but an empty text was given",
        "forms/check.yml:18: parts[statements].dimensions[focus].title: "
        "expected a non-empty text, but an empty text was given",
    ]


def test_a_duplicate_id_names_the_line_of_its_first_use(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace("          - id: finishes", "          - id: focus")
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:20: parts[statements].dimensions[focus].items[focus].id: "
        "duplicate id 'focus' (already used on line 15, at parts[statements].dimensions[focus].id)"
    ]


def test_a_key_given_twice_in_a_list_entry_names_both_lines(make_course: CourseFactory) -> None:
    form = VALID_FORM.replace(
        "            text: I finish what I start\n", "            text: I finish\n            text: I do\n"
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:22: parts[statements].dimensions[focus].items[finishes].text: "
        "the key 'text' is given twice (first on line 21)"
    ]


def test_a_duplicate_option_names_both_lines_by_position(make_course: CourseFactory) -> None:
    form = """\
        id: check
        version: 1
        title: A check
        parts:
          - type: checklist
            id: energy
            title: What gives you energy?
            options:
              - {id: problems, text: Solving a problem}
              - {id: problems, text: Helping a colleague}
        """
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:10: parts[energy].options[1].id: "
        "duplicate id 'problems' (already used on line 9, at parts[energy].options[0].id)"
    ]
