"""A view of another questionnaire (``view_of``): checked against it by the build, with file and line,
and reached through an invitation rather than placed on a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from lederskap_build.course import load_course
from lederskap_build.errors import ContentError
from lederskap_build.my_results import questionnaire_order

from .conftest import VALID_FORM, CourseFactory

VIEW_FORM = """\
id: seen
version: 1
title: As others see it
view_of: check
min_replies: 4
scale:
  min: 1
  max: 4
parts:
  - type: likert
    id: others
    title: Others
    suggestions: 0
    dimensions:
      - id: focus
        title: Focus
        items:
          - id: they-plan
            text: They plan their week
"""


def problems_of(config_file: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(config_file)
    return [str(p) for p in caught.value.problems]


def test_a_view_loads_and_is_no_questionnaire_on_no_page(make_course: CourseFactory) -> None:
    course = load_course(make_course(forms={"check.yml": VALID_FORM, "seen.yml": VIEW_FORM}))
    seen = course.questionnaires["seen"].questionnaire
    assert (seen.view_of, seen.min_replies, seen.is_view) == ("check", 4, True)
    assert course.warnings == ()
    assert questionnaire_order(course, ["index.md"]) == ["check"], "the results page leaves views out for now"


def test_a_view_that_does_not_fit_its_questionnaire_is_reported_on_its_lines(make_course: CourseFactory) -> None:
    view = VIEW_FORM.replace("  max: 4\n", "  max: 5\n").replace("      - id: focus", "      - id: fokus")
    assert problems_of(make_course(forms={"check.yml": VALID_FORM, "seen.yml": view})) == [
        "forms/seen.yml:4: view_of: expected every dimension of 'check' in its view, but 'focus' is missing",
        "forms/seen.yml:6: scale: expected the scale of 'check' (1 to 4), but 1 to 5 was given",
        "forms/seen.yml:15: parts[others].dimensions[fokus].id: expected the id of a dimension of 'check' "
        "(one of: focus), but 'fokus' was given",
    ]


def test_a_view_of_an_unknown_questionnaire(make_course: CourseFactory) -> None:
    view = VIEW_FORM.replace("view_of: check", "view_of: chek")
    assert problems_of(make_course(forms={"check.yml": VALID_FORM, "seen.yml": view})) == [
        "forms/seen.yml:4: view_of: unknown questionnaire 'chek' (known: check, seen)"
    ]


def test_a_view_on_its_own_breaks_the_rules_of_a_view(make_course: CourseFactory) -> None:
    view = VIEW_FORM.replace("min_replies: 4", "min_replies: 2") + (
        "  - type: text\n    id: comments\n    title: Comments\n    fields:\n      - {id: comment, label: A comment}\n"
    )
    assert problems_of(make_course(forms={"check.yml": VALID_FORM, "seen.yml": view})) == [
        "forms/seen.yml:5: min_replies: expected a number of replies from 3 to 200 (fewer would show what one or "
        "two people answered), but 2 was given",
        "forms/seen.yml:20: parts[comments].type: expected 'likert' in a view of another questionnaire (its replies "
        "are only ever shown together, as means per dimension), but 'text' was given",
    ]


def test_a_view_of_a_questionnaire_with_problems_waits_for_it(make_course: CourseFactory) -> None:
    broken = VALID_FORM.replace("title: A check\n", "")
    assert problems_of(make_course(forms={"check.yml": broken, "seen.yml": VIEW_FORM})) == [
        "forms/check.yml:1: title: missing required field 'title'"
    ]
