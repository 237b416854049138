"""Finding one's way in the built course: the search index holds the course's text and never a form's
chrome (scale labels, legends, hints, the privacy and noscript lines), the table of contents lists each
questionnaire, its parts and its results, and the page knows where each questionnaire is."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest

from lederskap_build.cli import main
from lederskap_build.course import load_course
from lederskap_build.markdown_forms import marked_headings
from lederskap_build.messages import Messages
from lederskap_build.pages import wrap_rendered

from ..courses import copy_embedded_course


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded course, copied aside and built there; returns its mkdocs.yml."""
    config = copy_embedded_course(tmp_path_factory.mktemp("course"))
    assert main(["build", "-f", str(config)]) == 0
    return config


def search_entries(config: Path) -> list[dict[str, Any]]:
    index = json.loads((config.parent / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = index["docs"]
    return entries


def chrome_sentences(config: Path) -> list[str]:
    """Every sentence the tool writes around the author's text in the course's forms and results page."""
    course = load_course(config)
    t = Messages(course.project.settings.language)
    sentences = [
        t("form.privacy"),
        t("form.noscript"),
        t("form.results_placeholder"),
        t("form.checklist_hint"),
        t("mine.placeholder"),
        t("mine.noscript"),
        t("status.starting"),
        t("status.starting_results"),
        t("item.clear"),
    ]
    for source in course.questionnaires.values():
        q = source.questionnaire
        if q.scale is not None:
            sentences.append(t("form.scale_range", min=q.scale.min, max=q.scale.max))
            sentences += [t("form.scale_point", value=label.value, text=label.text) for label in q.scale.labels]
            sentences += [t("form.radio_name", value=value, max=q.scale.max) for value in (q.scale.min, q.scale.max)]
        for part in q.parts:
            if part.type == "allocation":
                sentences.append(t("form.allocation_hint", total=part.total, unit=part.unit))
    return sentences


def test_the_search_index_holds_no_scale_label_and_no_form_chrome(built: Path) -> None:
    entries = search_entries(built)
    everything = " ".join(f"{e['title']} {e['text']}" for e in entries)
    assert [s for s in chrome_sentences(built) if s in everything] == []
    # The questionnaires' sections (their anchors are the build's, lsk-...) hold no scale label at all:
    # searching "maktdeling" shows the statements, not "I svært stor grad" after each of them.
    labels = {
        label.text.casefold()
        for source in load_course(built).questionnaires.values()
        if source.questionnaire.scale is not None
        for label in source.questionnaire.scale.labels
    }
    assert labels
    in_forms = [e for e in entries if "#lsk-" in e["location"]]
    assert in_forms
    found = [(e["location"], label) for e in in_forms for label in labels if label in e["text"].casefold()]
    assert found == []


def test_the_statements_stay_searchable(built: Path) -> None:
    entries = search_entries(built)
    course = load_course(built)
    for questionnaire_id, page in course.placed_on.items():
        q = course.questionnaires[questionnaire_id].questionnaire
        texts = " ".join(e["text"] for e in entries if e["location"].startswith(page.with_suffix("").as_posix()))
        assert [item.text for _, item in q.items() if item.text not in texts] == [], questionnaire_id
    maktdeling = [e for e in entries if e["location"].endswith("#lsk-leder-egenvurdering-maktdeling-title")]
    assert [e["text"] for e in maktdeling if e["location"].startswith("verktoy/")] == [
        "Jeg gir tydelig oppgaveansvar og delegerer myndighet Jeg tydeliggjør handlingsrom "
        "Jeg klargjør oppdraget (hovedoppgave og -mål)"
    ]
    # The team page holds the same forms for the members it invites, left out of the search:
    # their headings make entries without text, so search leads to the questionnaire's own page.
    team_forms = [e for e in entries if e["location"].startswith("med-teamet/#lsk-")]
    assert team_forms and all(e["text"] == "" for e in team_forms)


class _ExcludedNesting(HTMLParser):
    """Elements marked data-search-exclude that contain an element of their own tag: Material's search
    parser would stop excluding at the inner element's end tag."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        if any(open_tag == tag and excluded for open_tag, excluded in self.open):
            self.found.append(f"<{tag} {dict(attrs)}> inside an excluded <{tag}>")
        self.open.append((tag, any(name == "data-search-exclude" for name, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


def test_no_element_left_out_of_the_search_holds_an_element_of_its_own_tag(built: Path) -> None:
    for page in (built.parent / "site").rglob("*.html"):
        parser = _ExcludedNesting()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page


def toc_links(config: Path, page: str) -> list[str]:
    """The links of the page's table of contents (Material's secondary sidebar), in order."""
    html = (config.parent / "site" / page / "index.html").read_text(encoding="utf-8")
    sidebar = html[html.index('data-md-type="toc"') :]
    toc = sidebar[sidebar.index('data-md-component="toc"') : sidebar.index("</nav>")]
    return re.findall(r'<a href="(#[^"]*)"', toc)


def test_the_table_of_contents_lists_the_questionnaire_its_parts_and_its_results(built: Path) -> None:
    assert toc_links(built, "verktoy/lederferdigheter") == [
        "#slik-bruker-du-egenvurderingen",
        "#lsk-leder-egenvurdering-title",
        "#lsk-leder-egenvurdering-egenvurdering-title",
        "#lsk-leder-egenvurdering-egenvurdering-results-title",
        "#lsk-leder-egenvurdering-utviklingsomrader-title",
        "#lsk-leder-egenvurdering-styrker-title",
    ]
    assert "#lsk-lederens-fire-jobber-tidsbruk-results-title" in toc_links(built, "verktoy/fire-jobber")
    assert toc_links(built, "mine-resultater")[-6:] == [
        "#lsk-conversation-title",
        "#lsk-my-results-leder-egenvurdering-title",
        "#lsk-my-results-medarbeider-egenevaluering-title",
        "#lsk-my-results-selvledelse-refleksjon-title",
        "#lsk-my-results-lederens-fire-jobber-title",
        "#lsk-my-results-team-title",
    ]
    # The form itself is as rendered: no permalink is added to its headings.
    html = (built.parent / "site" / "verktoy" / "lederferdigheter" / "index.html").read_text(encoding="utf-8")
    heading = re.search(
        r'<h3 class="lsk-results-title" id="lsk-leder-egenvurdering-egenvurdering-results-title" data-lsk-toc>'
        r"([^<]*)</h3>",
        html,
    )
    assert heading is not None and heading[1] == "Ditt resultat"


def test_the_page_knows_where_each_questionnaire_is_and_its_answer_ids(built: Path) -> None:
    text = (built.parent / "site" / "assets" / "lederskap" / "build-info.js").read_text(encoding="utf-8")
    info = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    course = load_course(built)
    assert {q["id"]: q["page"] for q in info["questionnaires"]} == {
        "leder-egenvurdering": "verktoy/lederferdigheter/",
        "medarbeider-egenevaluering": "verktoy/aktivt-medarbeiderskap/",
        "selvledelse-refleksjon": "verktoy/selvledelse/",
        "lederens-fire-jobber": "verktoy/fire-jobber/",
    }
    for q in info["questionnaires"]:
        assert q["answerIds"] == list(course.questionnaires[q["id"]].questionnaire.answer_ids())


# ---- the Markdown extension's part of the table of contents ------------------

FORM = (
    '<form><h2 id="lsk-q-title" data-lsk-toc>Skjema &amp; mer</h2>\n'
    '<section><h3 id="lsk-q-p-title" data-lsk-toc>Del</h3><h4 id="lsk-q-d">Område</h4>\n'
    '<h3 class="lsk-results-title" id="lsk-q-p-results-title" data-lsk-toc>Ditt resultat</h3></section>\n</form>'
)
PAGE = f"# Tittel\n\n## Før\n\nTekst.\n{wrap_rendered(FORM)}\n## Etter\n\nMer.\n"


def toc_of(page: str, *extensions: str, **configs: dict[str, Any]) -> tuple[str, list[Any]]:
    md = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
    html = md.convert(page)
    return html, getattr(md, "toc_tokens", [])


def flat(tokens: list[Any], depth: int = 0) -> list[tuple[int, str, str]]:
    return [entry for t in tokens for entry in [(depth, t["id"], t["name"]), *flat(t["children"], depth + 1)]]


def test_marked_headings_of_a_rendered_block_are_listed_where_the_block_is() -> None:
    html, tokens = toc_of(PAGE, "toc", "lederskap_build.markdown_forms")
    assert flat(tokens) == [
        (0, "tittel", "Tittel"),
        (1, "fr", "Før"),
        (1, "lsk-q-title", "Skjema &amp; mer"),
        (2, "lsk-q-p-title", "Del"),
        (2, "lsk-q-p-results-title", "Ditt resultat"),
        (1, "etter", "Etter"),
    ]
    assert FORM in html


def test_the_table_of_contents_depth_is_respected() -> None:
    _, tokens = toc_of(PAGE, "toc", "lederskap_build.markdown_forms", toc={"toc_depth": "2"})
    assert [entry[1] for entry in flat(tokens)] == ["tittel", "fr", "lsk-q-title", "etter"]


def test_without_toc_nothing_is_listed_and_the_form_is_unchanged() -> None:
    html, tokens = toc_of(PAGE, "lederskap_build.markdown_forms")
    assert tokens == []
    assert FORM in html


def test_only_marked_headings_with_an_id_are_taken() -> None:
    block = (
        '<h2 id="a" data-lsk-toc>A</h2><h2 id="b">B</h2><h3 data-lsk-toc>C</h3>'
        '<h4 data-lsk-toc id="d">D <em>e</em></h4>'
    )
    assert [(t["level"], t["id"], t["name"]) for t in marked_headings(block)] == [(2, "a", "A"), (4, "d", "D e")]
