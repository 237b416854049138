"""Markdown in questionnaire texts (lederskap_build/rich_text.py): what it makes, where its links go,
and that nothing an author (or an attacker who writes a form) puts in a text becomes HTML or a script."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lederskap_build.course import load_course
from lederskap_build.errors import ContentError
from lederskap_build.rich_text import Links, block_html, inline_html, parse, relative_address

from .conftest import CourseFactory

LINKS = Links({"index.md": "", "fire-omrader.md": "fire-omrader/", "verktoy/index.md": "verktoy/"})


def test_block_texts_have_paragraphs_lists_emphasis_code_and_links() -> None:
    text = "Et *avsnitt* med `kode`.\n\n- en [side](verktoy/index.md#del)\n- to\n\n3. tre\n4. fire"
    assert parse(text, "block", LINKS) == [
        {"p": ["Et ", {"em": ["avsnitt"]}, " med ", {"code": "kode"}, "."]},
        {
            "ul": [
                [{"p": ["en ", {"a": ["side"], "page": "verktoy/#del"}], "tight": True}],
                [{"p": ["to"], "tight": True}],
            ]
        },
        {"ol": [[{"p": ["tre"], "tight": True}], [{"p": ["fire"], "tight": True}]], "start": 3},
    ]


def test_inline_texts_stay_on_one_line() -> None:
    assert parse("**Viktig:**\n- ikke en liste", "inline", LINKS) == [{"strong": ["Viktig:"]}, " - ikke en liste"]


@pytest.mark.parametrize(
    ("page", "from_page", "address"),
    [
        ("fire-omrader/", "verktoy/lederferdigheter/", "../../fire-omrader/"),
        ("fire-omrader/#a", "", "fire-omrader/#a"),
        ("", "verktoy/", "../"),
        ("", "", "./"),
        ("verktoy/", "verktoy/x.html", "../verktoy/"),
    ],
)
def test_a_course_page_is_linked_relative_to_the_page_the_text_is_on(page: str, from_page: str, address: str) -> None:
    assert relative_address(page, from_page) == address


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klikk](javascript:alert(1))",
        "[klikk](JAVASCRIPT:alert(1))",
        '<a href="javascript:alert(1)">klikk</a>',
        "[klikk](data:text/html;base64,PHNjcmlwdD4=)",
        "![bilde](https://example.org/x.png)",
        "<style>body{display:none}</style>",
        "&lt;script&gt; &#x3C;script&#x3E;",
        "`<script>`",
        "<!-- kommentar --> <iframe src=https://example.org>",
    ],
)
def test_hostile_text_stays_text(hostile: str) -> None:
    for html in (block_html(hostile, "lsk-intro", "", LINKS), inline_html(hostile, "", LINKS)):
        assert_only_safe_tags(html)


SAFE_TAGS = {"p", "em", "strong", "code", "a", "br", "ul", "ol", "li"}


def assert_only_safe_tags(html: str) -> None:
    """Every tag of ``html`` is one the Markdown makes, with no attribute but a class, a list's
    start and a link's address (a full https/http/mailto one or a relative one)."""
    for tag, attrs in re.findall(r"<([A-Za-z][A-Za-z0-9]*)([^>]*)>", html):
        assert tag in SAFE_TAGS, html
        names = re.findall(r'([a-z-]+)="', attrs)
        assert set(names) <= {"class", "start", "href", "rel", "id"}, html
        for href in re.findall(r'href="([^"]*)"', attrs):
            scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href)
            assert scheme is None or href.startswith(("https://", "http://", "mailto:")), href


def test_an_address_a_learner_cannot_follow_is_refused_with_what_to_write() -> None:
    with pytest.raises(Exception, match=r"the link '\.\./bilde\.png' goes nowhere a learner can follow"):
        parse("[x](../bilde.png)", "inline", LINKS)


HOSTILE_FORM = """\
id: check
version: 1
title: A check <script>alert(1)</script>
intro: "Intro <script>alert(1)</script> [x](javascript:alert(1)) **bold**"
scale:
  min: 1
  max: 4
  labels:
    - {value: 1, text: "Never <b>x</b>"}
    - {value: 4, text: Always}
bands:
  - {min: 1, max: 2.5, label: "Low <i>x</i>", text: "Band <script>alert(1)</script> [page](other.md)"}
  - {min: 2.5, max: 4, label: High, text: "*High* <img src=x onerror=alert(1)>"}
parts:
  - type: likert
    id: statements
    title: Statements <script>
    intro: "Part <iframe src=x></iframe>"
    dimensions:
      - id: focus
        title: Focus <b>
        description: "Description <script>alert(2)</script>"
        items:
          - id: plans
            text: I plan <script>alert(3)</script>
            hint: "Hint <script>alert(4)</script> [x](javascript:alert(4))"
  - type: checklist
    id: ticks
    title: Ticks
    options:
      - {id: a, text: "Option <script>alert(5)</script> *a*"}
  - type: text
    id: words
    title: Words
    fields:
      - {id: note, label: "Label <script>", hint: "Hint <script>alert(6)</script>"}
"""


HOSTILE_HINT = 'hint: "Hint <script>alert(4)</script> [x](javascript:alert(4))"'


def test_a_course_with_hostile_text_in_every_field_builds_pages_without_any_of_it(make_course: CourseFactory) -> None:
    config = make_course(
        forms={"check.yml": HOSTILE_FORM},
        pages={"index.md": '# Test\n\n::questionnaire{id="check"}\n', "other.md": "# Other\n"},
    )
    subprocess.run(
        [sys.executable, "-m", "lederskap_build", "build", "-f", str(config)],
        cwd=config.parent,
        check=True,
        capture_output=True,
    )
    site = config.parent / "site"
    page = (site / "index.html").read_text(encoding="utf-8")
    form = page[page.index('<form class="lsk-questionnaire"') :]
    form = form[: form.index("</form>")]
    assert "<script" not in form and "<iframe" not in form and "<img" not in form and "<b>" not in form
    assert not re.search(r'href="javascript', form, re.IGNORECASE)
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in form
    assert "<strong>bold</strong>" in form
    band_texts = (site / "assets" / "lederskap" / "rich-texts.js").read_text(encoding="utf-8")
    trees = json.loads(band_texts[band_texts.index("(") + 1 : band_texts.rindex(")")])
    assert trees["Band <script>alert(1)</script> [page](other.md)"] == [
        {"p": ["Band <script>alert(1)</script> ", {"a": ["page"], "page": "other/"}]}
    ]


def test_a_link_to_a_page_the_course_does_not_have_fails_the_build_on_its_line(make_course: CourseFactory) -> None:
    form = (
        "id: check\nversion: 1\ntitle: A check\nscale: {min: 1, max: 4}\n"
        "parts:\n"
        "  - type: likert\n"
        "    id: statements\n"
        "    title: Statements\n"
        "    dimensions:\n"
        "      - id: focus\n"
        "        title: Focus\n"
        "        items:\n"
        "          - id: plans\n"
        "            text: I plan my week\n"
        "            hint: See [planning](planning.md) and [the form](https://example.org/form).\n"
    )
    config = make_course(forms={"check.yml": form})
    with pytest.raises(ContentError) as caught:
        load_course(config)
    assert [str(problem) for problem in caught.value.problems] == [
        "forms/check.yml:15: parts[statements].dimensions[focus].items[plans].hint: the link 'planning.md' is to a "
        "page the course does not have (pages: index.md)"
    ]


def test_a_hint_describes_the_statement_and_links_from_the_page_it_is_on(make_course: CourseFactory) -> None:
    form = HOSTILE_FORM.replace(
        'hint: "Hint <script>alert(4)</script> [x](javascript:alert(4))"', "hint: See [here](../other.md)"
    )
    config = make_course(
        forms={"check.yml": form},
        pages={"tools/index.md": '# Test\n\n::questionnaire{id="check"}\n', "other.md": "# Other\n"},
    )
    with pytest.raises(ContentError, match=r"the link '\.\./other\.md' is to a page the course does not have"):
        load_course(config)
    form = HOSTILE_FORM.replace(
        'hint: "Hint <script>alert(4)</script> [x](javascript:alert(4))"', "hint: See [here](other.md)"
    )
    config.parent.joinpath("forms", "check.yml").write_text(form, encoding="utf-8")
    course = load_course(config)
    assert course.placed_on["check"] == Path("tools/index.md")
    subprocess.run([sys.executable, "-m", "lederskap_build", "build", "-f", str(config)], cwd=config.parent, check=True)
    html = (config.parent / "site" / "tools" / "index.html").read_text(encoding="utf-8")
    hint = re.search(r'<p class="lsk-hint" id="lsk-check-plans-hint">(.*?)</p>', html)
    assert hint and hint[1] == 'See <a href="../other/">here</a>'
    assert 'aria-describedby="lsk-check-plans-hint"' in html
