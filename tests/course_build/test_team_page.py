"""The ::team block as the build writes it: the offers, the forms members answer, kept out of search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lederskap_build.course import load_course
from lederskap_build.errors import ContentError
from lederskap_build.messages import Messages
from lederskap_build.team_page import offers, render_team

from ..courses import copy_embedded_course


def test_each_view_and_each_questionnaire_with_likert_dimensions_is_offered(tmp_path: Path) -> None:
    course = load_course(copy_embedded_course(tmp_path / "course"))
    assert offers(course) == [
        ("view", "slik-ser-medarbeiderne-lederen", "leder-egenvurdering"),
        ("group", "leder-egenvurdering", "leder-egenvurdering"),
        ("group", "medarbeider-egenevaluering", "medarbeider-egenevaluering"),
    ]


def test_the_forms_members_answer_are_hidden_and_left_out_of_search_and_contents(tmp_path: Path) -> None:
    course = load_course(copy_embedded_course(tmp_path / "course"))
    html = render_team(course, Messages("nb"))
    forms = re.findall(r"<article [^>]*data-lsk-team-form=\"([^\"]+)\"[^>]*>", html)
    assert forms == ["slik-ser-medarbeiderne-lederen", "leder-egenvurdering", "medarbeider-egenevaluering"]
    assert all(" hidden" in tag and "data-search-exclude" in tag for tag in re.findall(r"<article [^>]*>", html))
    assert "data-lsk-toc" not in html
    assert 'class="lsk-privacy"' not in html
    offer = re.search(r'<li data-lsk-team-offer="view"[^>]*>', html)
    assert offer and 'data-lsk-own="leder-egenvurdering"' in offer[0]
    assert 'data-lsk-page="verktoy/lederferdigheter/"' in offer[0]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("::team extra", "docs/team.md:3: expected a line of the form ::team"),
        ("  ::team", "docs/team.md:3: '::team' is indented, so Markdown would show it as text, not as the team tools"),
    ],
)
def test_a_team_line_that_would_not_work_is_an_error(tmp_path: Path, line: str, message: str) -> None:
    config = copy_embedded_course(tmp_path / "course")
    (config.parent / "docs" / "team.md").write_text(f"# Team\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_course(config)
    assert [str(problem).split(";")[0] for problem in caught.value.problems] == [message]


def test_the_team_block_is_placed_at_most_once_per_page(tmp_path: Path) -> None:
    config = copy_embedded_course(tmp_path / "course")
    (config.parent / "docs" / "team.md").write_text("# Team\n\n::team\n\n::team\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_course(config)
    assert [str(problem) for problem in caught.value.problems] == [
        "docs/team.md:5: ::team is placed twice on this page (first on line 3)"
    ]
