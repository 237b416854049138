"""The Markdown extension passes rendered questionnaires through untouched, and changes nothing else."""

from __future__ import annotations

import markdown

from lederskap_build.pages import wrap_rendered

FORM = '<form class="lsk-questionnaire">\n<fieldset><legend>A *statement* &amp; more</legend>\n</fieldset>\n</form>'
PAGE = f"# Title\n\nSome *text*.\n{wrap_rendered(FORM)}\nMore **text**.\n"


def render(text: str, *extensions: str) -> str:
    return markdown.markdown(text, extensions=["md_in_html", *extensions])


def test_the_rendered_form_comes_out_unchanged() -> None:
    html = render(PAGE, "lederskap_build.markdown_forms")
    assert FORM in html
    assert "<p>Some <em>text</em>.</p>" in html
    assert "<p>More <strong>text</strong>.</p>" in html
    assert "lederskap:rendered" not in html


def test_without_the_extension_the_same_form_is_read_as_raw_html() -> None:
    html = render(PAGE)
    assert '<form class="lsk-questionnaire">' in html
    assert "<legend>A *statement* &amp; more</legend>" in html


def test_a_block_without_its_end_marker_is_left_as_it_was() -> None:
    text = "Before\n\n<!-- lederskap:rendered -->\n<div>open</div>\n"
    assert render(text, "lederskap_build.markdown_forms") == render(text)
