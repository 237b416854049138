"""The ::my-results directive: checked like ::questionnaire, and rendered as the learner's results page container."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lederskap_build.addresses import page_address
from lederskap_build.course import load_course
from lederskap_build.errors import ContentError
from lederskap_build.messages import Messages
from lederskap_build.my_results import render_my_results, results_page_link, team_page_link
from lederskap_build.pages import replace_placements

from ..courses import copy_embedded_course
from .conftest import MKDOCS_YML, VALID_FORM, CourseFactory
from .html_index import index_html

SECOND_FORM = """\
id: second
version: 3
title: Second <check> & "more"
parts:
  - type: text
    id: thoughts
    title: Thoughts
    fields:
      - {id: thought, label: A thought}
"""


def problems_of(config_file: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(config_file)
    return [str(p) for p in caught.value.problems]


def test_a_page_with_my_results_loads(make_course: CourseFactory) -> None:
    pages = {"index.md": '::questionnaire{id="check"}\n', "mine.md": "# Mine\n\n::my-results\n"}
    course = load_course(make_course(pages=pages))
    assert course.placed_on == {"check": Path("index.md")}


def test_the_forms_link_to_the_results_page_by_its_menu_title_or_its_heading(make_course: CourseFactory) -> None:
    """``buildInfo.myResults``: where "Du kan se og sammenligne målingene dine på siden …" links to."""
    pages = {"index.md": '::questionnaire{id="check"}\n', "mine/svar.md": "# Svarene mine\n\n::my-results\n"}
    course = load_course(make_course(pages=pages))
    assert course.my_results_page == Path("mine/svar.md")
    assert results_page_link(course) == {"page": "mine/svar/", "title": "Svarene mine"}


def test_the_results_page_is_named_as_in_the_menu(make_course: CourseFactory) -> None:
    pages = {"index.md": '::questionnaire{id="check"}\n', "mine.md": "# Mine\n\n::my-results\n"}
    config = MKDOCS_YML + "nav:\n  - Start: index.md\n  - Verktøy:\n      - Mine resultater: mine.md\n"
    assert results_page_link(load_course(make_course(pages=pages, config=config))) == {
        "page": "mine/",
        "title": "Mine resultater",
    }


def test_a_course_without_a_results_page_has_no_link_to_one(make_course: CourseFactory) -> None:
    course = load_course(make_course())
    assert course.my_results_page is None
    assert results_page_link(course) is None


def test_malformed_my_results_lines(make_course: CourseFactory) -> None:
    pages = {
        "index.md": '::questionnaire{id="check"}\n',
        "mine.md": '::my-results{id="check"}\n::my-results extra\n  ::my-results\n',
    }
    assert problems_of(make_course(pages=pages)) == [
        "docs/mine.md:1: expected a line of the form ::my-results",
        "docs/mine.md:2: expected a line of the form ::my-results",
        "docs/mine.md:3: '::my-results' is indented, so Markdown would show it as text, not as the learner's "
        "results; write it at the start of a line of its own, outside boxes, lists and quotes",
    ]


def test_my_results_placed_twice_on_a_page(make_course: CourseFactory) -> None:
    pages = {"index.md": '::questionnaire{id="check"}\n\n::my-results\n\n::my-results \n'}
    assert problems_of(make_course(pages=pages)) == [
        "docs/index.md:5: ::my-results is placed twice on this page (first on line 3)"
    ]


def test_unknown_directives_are_named_with_their_line(make_course: CourseFactory) -> None:
    pages = {
        "index.md": '::questionnaire{id="check"}\n::my-result\n::questionaire{id="check"}\n'
        "```\n::anything-in-code\n```\n:::note\n::questionnaires\n",
    }
    known = "(known: ::questionnaire, ::my-results, ::team)"
    assert problems_of(make_course(pages=pages)) == [
        f"docs/index.md:2: unknown directive '::my-result' {known}",
        f"docs/index.md:3: unknown directive '::questionaire' {known}",
        f"docs/index.md:8: unknown directive '::questionnaires' {known}",
    ]


def test_every_problem_of_every_page_is_listed_with_the_others(make_course: CourseFactory) -> None:
    pages = {"index.md": '::questionnaire{id="chek"}\n::my-results!\n', "other.md": "::results\n"}
    assert problems_of(make_course(pages=pages)) == [
        "docs/index.md:1: unknown questionnaire 'chek' (known: check)",
        "docs/index.md:2: expected a line of the form ::my-results",
        "docs/other.md:1: unknown directive '::results' (known: ::questionnaire, ::my-results, ::team)",
    ]


def test_the_container_holds_the_course_and_every_definition_in_menu_order(make_course: CourseFactory) -> None:
    config = (
        MKDOCS_YML + "nav:\n  - Home: index.md\n  - Second: sub/second.md\n  - First: first.md\n  - Mine: mine.md\n"
    )
    pages = {
        "index.md": "# Home\n",
        "first.md": '::questionnaire{id="check"}\n',
        "sub/second.md": '::questionnaire{id="second"}\n',
        "mine.md": "# Mine\n\n::my-results\n",
    }
    course = load_course(
        make_course(forms={"check.yml": VALID_FORM, "second.yml": SECOND_FORM}, pages=pages, config=config)
    )
    html = index_html(render_my_results(course, Messages("en")))
    (container,) = html.find("div", data_lsk_my_results="")
    assert container.attrs["data-lsk-course"] == "test-course"
    assert container.attrs["data-lsk-language"] == "en"
    sections = html.find("section", data_lsk_questionnaire="*")
    assert [s.attrs["data-lsk-questionnaire"] for s in sections] == ["second", "check"]
    assert [s.attrs["data-lsk-page"] for s in sections] == ["sub/second/", "first/"]
    assert [s.attrs["data-lsk-version"] for s in sections] == ["3", "1"]
    definitions = [json.loads(s.attrs["data-lsk-definition"]) for s in sections]
    assert [d["id"] for d in definitions] == ["second", "check"]
    assert definitions[0]["title"] == 'Second <check> & "more"'
    # Titles are text: escaped in the heading, never markup.
    assert 'Second <check> & "more"' in html.text
    assert not html.find("check")
    assert html.find("div", data_lsk_status="", role="status")
    assert "Your answers and results are shown here" in html.text


def test_the_directive_line_is_replaced_and_code_is_left_alone() -> None:
    text = "# Mine\n\n::my-results\n\n```\n::my-results\n```\n"
    replaced = replace_placements(text, lambda _: "FORM", {"my-results": lambda: "<div>RESULTS</div>"})
    assert replaced == "# Mine\n\n\n<div>RESULTS</div>\n\n\n```\n::my-results\n```\n"


@pytest.mark.parametrize(
    ("page", "directory_urls", "address"),
    [
        ("index.md", True, ""),
        ("verktoy/index.md", True, "verktoy/"),
        ("verktoy/fire-jobber.md", True, "verktoy/fire-jobber/"),
        ("verktoy/fire-jobber.md", False, "verktoy/fire-jobber.html"),
        ("mine.md", False, "mine.html"),
        ("index.md", False, "index.html"),
        ("verktoy/index.md", False, "verktoy/index.html"),
    ],
)
def test_page_addresses_follow_mkdocs(page: str, directory_urls: bool, address: str) -> None:
    assert page_address(Path(page), directory_urls) == address


def test_the_results_page_lists_the_team_after_the_questionnaires_when_the_course_has_a_team_page(
    tmp_path: Path, make_course: CourseFactory
) -> None:
    """The section "Med teamet ditt": a heading in the contents, where a key stays, the team page to link
    to and the title of every questionnaire an invitation can ask, the view (on no page) included."""
    course = load_course(copy_embedded_course(tmp_path / "embedded"))
    assert course.team_page == Path("med-teamet.md")
    assert team_page_link(course) == {"page": "med-teamet/", "title": "Med teamet ditt"}
    html = index_html(render_my_results(course, Messages("nb")))
    (section,) = html.find("section", data_lsk_my_results_team="")
    assert section.attrs["data-lsk-team-page"] == "med-teamet/"
    assert section.attrs["data-lsk-team-title"] == "Med teamet ditt"
    (heading,) = html.find("h2", id="lsk-my-results-team-title")
    assert "data-lsk-toc" in heading.attrs
    assert "Nøkkelen til en invitasjon blir liggende i denne nettleseren." in html.text
    offered = {li.attrs["data-lsk-questionnaire"]: li.attrs for li in html.find("li", data_lsk_team_offer="*")}
    assert offered["slik-ser-medarbeiderne-lederen"]["data-lsk-team-offer"] == "view"
    assert offered["slik-ser-medarbeiderne-lederen"]["data-lsk-title"] == "Slik ser medarbeiderne lederen"
    last = html.find("section", data_lsk_questionnaire="*")[-1]
    assert html.elements.index(last) < html.elements.index(section)
    # A course without a team page has no such section (the browser makes one if team data is kept).
    without = load_course(make_course(pages={"index.md": '::questionnaire{id="check"}\n', "mine.md": "::my-results\n"}))
    assert without.team_page is None
    assert index_html(render_my_results(without, Messages("nb"))).find("section", data_lsk_my_results_team="") == []
