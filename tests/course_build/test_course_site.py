"""The embedded course builds into a complete site: every part of the seed, every questionnaire as a form."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from lederskap_scorer.parts import ChecklistPart

from lederskap_build.cli import main
from lederskap_build.course import load_course

from ..courses import REPO, copy_embedded_course
from .html_index import PageIndex, index_html

# The statements of the seed, with its obvious typos fixed.
LEADER_STATEMENTS = {
    "Relasjonelle lederferdigheter": [
        "Jeg jobber bevisst med min egen selvinnsikt og utvikling",
        "Jeg praktiserer selvledelse",
        "Jeg er genuint opptatt av andre mennesker",
    ],
    "Maktdeling – fremme autonomi og tydeliggjøre rammebetingelser": [
        "Jeg gir tydelig oppgaveansvar og delegerer myndighet",
        "Jeg tydeliggjør handlingsrom",
        "Jeg klargjør oppdraget (hovedoppgave og -mål)",
    ],
    "Motivasjonsstøtte – fremme motivasjon og engasjement": [
        "Jeg oppmuntrer mine medarbeidere til å ta initiativ",
        "Jeg fokuserer på motiverende mål og oppgaver",
        "Jeg lytter aktivt og undersøker medarbeidernes perspektiv",
        "Jeg inspirerer mine medarbeidere til å se muligheter",
    ],
    "Utviklingsstøtte – fremme læring, kompetanseutvikling og -mobilisering": [
        "Jeg er opptatt av mine medarbeideres mestringsopplevelser",
        "Jeg dyrker arbeidsplassen som en arena for hverdagslæring",
        "Jeg praktiserer coachende kommunikasjon",
        "Jeg er en god rollemodell",
    ],
}

EMPLOYEE_STATEMENTS = {
    "Selvledelse": [
        "Jeg tar ansvar for å gjøre egen jobb og er aktivt med på å utvikle den (tenk forbedring og utvikling)",
        "Jeg tar ansvar for egen karriere- og kompetanseutvikling",
        "Jeg tar ansvar for egen trivsel og motivasjon",
    ],
    "Med-ledelse": [
        "Jeg kommuniserer mine ønsker og behov til nærmeste leder",
        "Jeg er konstruktiv, bidrags- og løsningsorientert",
        "Jeg gjør min leder god",
    ],
    "Medarbeiderledelse": [
        "Jeg bidrar positivt til å utvikle et godt arbeids- og læringsmiljø",
        "Jeg tar lederansvar i oppgaveløsning med andre",
        "Jeg er opptatt av å være en god kollega",
    ],
}

SELF_LEADERSHIP_STRENGTHS = [
    "Ta initiativ og være proaktiv",
    "Kunne sette mål og planlegge for gjennomføring av egne oppgaver",
    "Kunne prioritere for effektiv og riktig oppgaveløsning",
    "Forankre egne mål og oppgaver hos egen leder og hos andre interessenter",
    "Avstemme krav til kvalitet, ressursbruk og resultater",
    "Håndtere arbeidspress og -stress",
    "«Bestille ledelse»",
]

SELF_LEADERSHIP_CHALLENGES = [
    "Ta initiativ, være i forkant og proaktiv",
    "Konkretisering av mål og oppgaver",
    "Planlegging av oppgaver",
    "Prioritering av oppgaver",
    "Avklare krav til kvalitet, ressursbruk og resultater",
    "Arbeidspress og stress",
    "Gjennomføring",
    "Forankring og involvering hos leder eller andre som har «aksjer» i dine oppgaver",
]

FOUR_JOBS = [
    "Ledelse er å få jobben gjort",
    "Ledelse er å forbedre måten jobben gjøres på",
    "Ledelse er å utvikle egne medarbeidere",
    "Ledelse er å utvikle eget lederskap",
]

# Text of the course's slides that must be found on some page (typos fixed).
SEED_TEXT = [
    "Økt forståelse for lederes og medarbeideres ulike roller og ansvar",
    "Økt kunnskap om hva ledere kan gjøre for å utvikle aktivt medarbeiderskap",
    # The third goal is rewritten for the reader ("du som leder ... på deg selv"), same meaning.
    "konkrete verktøy og metoder som du som leder kan anvende på deg selv og sammen med dine egne medarbeidere",
    "skandinaviske arbeidslivstradisjonen",
    "samarbeid, tillit, likeverd, medbestemmelse og medvirkning",
    "Arbeidsmiljøloven",
    "trepartssamarbeidet",
    "Høyt og jevnt utdanningsnivå",
    "Forholdsvis flate organisasjoner",
    "Fleksible arbeidsformer",
    "forpliktende samspill",
    "Ta ansvar for egen jobb (og utvikle den)",
    "Ta ansvar for egen karriere- og kompetanseutvikling",
    "Ta ansvar for egen trivsel og motivasjon",
    "Melde inn ønsker og behov til nærmeste leder",
    "Være konstruktiv, bidrags- og løsningsorientert",
    "Gjøre din leder god",
    "Bidra positivt til arbeids- og læringsmiljø",
    "Ta lederansvar i oppgaveløsning med andre",
    "Være en god kollega – bli likt og respektert av andre",
    "Hva bruker du mest tid på?",
    "Hva kunne du tenkt deg å bruke mer tid på?",
    "bedre arbeidsprestasjoner",
    "høyere tilfredshet med ledelse",
    "høyere generell tilfredshet",
    "høyere affektiv organisasjonsforpliktelse",
    "mindre rolleuklarhet og mer rolleklarhet",
    "lavere turnoverintensjon",
    "Jo bedre relasjon, desto bedre resultater",
    "Meta-analytic review of leader-member exchange theory: Correlates and construct issues",
    "Journal of Applied Psychology, 82(6), 827–844",
    "Utvikle deg selv og dine relasjonelle ferdigheter",
    "Fremme autonomi og tydeliggjøre rammebetingelser",
    "Fremme motivasjon og engasjement",
    "Fremme læring, kompetanseutvikling og -mobilisering",
    "Empowerment i arbeidslivet",
    "Hva kan jeg selv gjøre for å bli enda bedre på selvledelse?",
    "Hva trenger jeg eventuelt hjelp til?",
]


@pytest.fixture(scope="module")
def built_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded course, copied aside and built there; returns its site folder."""
    config = copy_embedded_course(tmp_path_factory.mktemp("course"))
    assert main(["build", "-f", str(config)]) == 0
    return config.parent / "site"


def page(site: Path, path: str) -> PageIndex:
    return index_html((site / path / "index.html").read_text(encoding="utf-8"))


def all_pages(site: Path) -> dict[str, PageIndex]:
    return {p.relative_to(site).as_posix(): index_html(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}


def test_every_part_of_the_seed_is_on_a_page(built_course: Path) -> None:
    text = " ".join(p.text for p in all_pages(built_course).values()).casefold()
    missing = [t for t in SEED_TEXT if t.casefold() not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("path", "questionnaire", "dimensions"),
    [
        ("verktoy/lederferdigheter", "leder-egenvurdering", LEADER_STATEMENTS),
        ("verktoy/aktivt-medarbeiderskap", "medarbeider-egenevaluering", EMPLOYEE_STATEMENTS),
    ],
)
def test_self_assessments_are_forms_of_their_statements(
    built_course: Path, path: str, questionnaire: str, dimensions: dict[str, list[str]]
) -> None:
    html = page(built_course, path)
    definition = load_course(REPO / "mkdocs.yml").questionnaires[questionnaire].questionnaire
    (form,) = html.find("form", data_lsk_questionnaire=questionnaire)
    assert form.attrs["data-lsk-course"] == "lederskap-medarbeiderskap"
    assert form.attrs["data-lsk-version"] == "1"
    (likert,) = definition.likert_parts()
    assert [d.title for d in likert.dimensions] == list(dimensions)
    assert [[i.text for i in d.items] for d in likert.dimensions] == list(dimensions.values())
    for dimension in likert.dimensions:
        assert len(html.find("section", data_lsk_dimension=dimension.id)) == 1
        for item in dimension.items:
            assert len(html.find("fieldset", data_lsk_item=item.id)) == 1
            radios = html.find("input", type="radio", name=item.id)
            assert [r.attrs["value"] for r in radios] == ["1", "2", "3", "4", "5"]
            assert all(r.attrs["id"] == f"lsk-{questionnaire}-{item.id}-{r.attrs['value']}" for r in radios)
            legend_id = f"lsk-{questionnaire}-{item.id}-text"
            assert [e.attrs["id"] for e in html.find("legend", id=legend_id)] == [legend_id]
            for radio in radios:
                scale_point, statement = radio.attrs["aria-labelledby"].split()
                assert scale_point == f"lsk-{questionnaire}-scale-{radio.attrs['value']}"
                assert statement == legend_id
    for value, label in ((1, "I svært liten grad"), (5, "I svært stor grad")):
        assert len(html.find("span", id=f"lsk-{questionnaire}-scale-{value}")) == 1
        assert f"{value} av 5, {label}:" in html.text
    # The recommended process: two development areas and two strengths, each with its question.
    assert len(html.find("textarea")) == 8
    assert "Utviklingsområde 1" in html.text and "Styrke 2" in html.text
    assert len(html.find("section", data_lsk_results="*")) == 1


def test_self_leadership_reflection_has_its_checklists(built_course: Path) -> None:
    html = page(built_course, "verktoy/selvledelse")
    definition = load_course(REPO / "mkdocs.yml").questionnaires["selvledelse-refleksjon"].questionnaire
    checklists = [p for p in definition.parts if isinstance(p, ChecklistPart)]
    expected = [SELF_LEADERSHIP_STRENGTHS, SELF_LEADERSHIP_CHALLENGES]
    assert [[o.text for o in p.options] for p in checklists] == expected
    for part, options in zip(checklists, expected, strict=True):
        boxes = html.find("input", type="checkbox", name=part.id)
        assert len(boxes) == len(options)
        assert all(option in html.text for option in options)
    # A summary per theme and the two forward-looking questions.
    assert len(html.find("textarea")) == 4
    assert "Hva kan jeg selv gjøre for å bli enda bedre på selvledelse?" in html.text


def test_four_jobs_asks_for_shares_now_and_wanted(built_course: Path) -> None:
    html = page(built_course, "verktoy/fire-jobber")
    rows = html.find("fieldset", data_lsk_row="*")
    assert len(rows) == 4
    inputs = html.find("input", **{"class": "lsk-number-input"})
    assert len(inputs) == 8
    assert {i.attrs["data-lsk-column"] for i in inputs} == {"naa", "onsket"}
    # A text field with the numeric keyboard (type="number" drops a decimal comma), and the range to check.
    assert all(i.attrs["type"] == "text" and i.attrs["inputmode"] == "decimal" for i in inputs)
    assert all(i.attrs["data-lsk-min"] == "0" and i.attrs["data-lsk-max"] == "100" for i in inputs)
    assert all(job in html.text for job in FOUR_JOBS)
    assert len(html.find("textarea")) == 2


def test_the_relations_figure_is_an_svg_with_a_text_alternative(built_course: Path) -> None:
    html = page(built_course, "aktivt-medarbeiderskap")
    (image,) = [i for i in html.find("img") if i.attrs.get("src", "").endswith(".svg")]
    assert len(image.attrs["alt"]) > 20
    svg = (built_course / "assets" / "tre-relasjoner.svg").read_text(encoding="utf-8")
    assert "<title" in svg and "<desc" in svg and "<text" in svg
    assert "Hvordan du forholder deg til" in html.text or "Hvordan du forholder deg til" in svg


URL_ATTRIBUTES = ("src", "href", "srcset", "action", "poster", "data", "content")
XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")  # names, never fetched
ABSOLUTE_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def test_no_built_page_refers_to_another_origin(built_course: Path) -> None:
    offenders = []
    for name, html in all_pages(built_course).items():
        for element in html.elements:
            for attribute in URL_ATTRIBUTES:
                value = element.attrs.get(attribute, "")
                if attribute == "content" and element.tag != "meta":
                    continue
                not_fetched = (element.tag == "a" or element.attrs.get("rel") == "canonical") and attribute == "href"
                if ABSOLUTE_URL.match(value) and not not_fetched:
                    offenders.append(f"{name}: <{element.tag} {attribute}={value}>")
    for css in built_course.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if ABSOLUTE_URL.match(url):
                offenders.append(f"{css.relative_to(built_course)}: url({url})")
    for script in (built_course / "assets" / "lederskap").glob("*.js"):
        for url in re.findall(r"[\"'`](https?://[^\"'`]*)", script.read_text(encoding="utf-8")):
            if not url.startswith(XML_NAMESPACES):
                offenders.append(f"{script.relative_to(built_course)}: {url}")
    assert offenders == []


def test_links_to_other_sites_are_only_plain_links(built_course: Path) -> None:
    """A link is not a request; but none of ours loads anything (no fonts, no CDN)."""
    text = "".join(p.read_text(encoding="utf-8") for p in built_course.rglob("*.html"))
    assert "fonts.googleapis.com" not in text
    assert "fonts.gstatic.com" not in text
    assert "cdn.jsdelivr.net" not in text
    assert "unpkg.com" not in text


def test_the_site_carries_pyodide_and_the_scorer_wheel(built_course: Path) -> None:
    assets = built_course / "assets" / "lederskap"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (assets / "pyodide" / name).is_file()
    (wheel,) = (assets / "wheels").glob("*.whl")
    assert wheel.name.startswith("lederskap_scorer-")
    assert f'"wheel": "wheels/{wheel.name}"' in (assets / "build-info.js").read_text(encoding="utf-8")
    assert '"language": "nb"' in (assets / "build-info.js").read_text(encoding="utf-8")


def test_pages_are_norwegian_and_search_works_offline(built_course: Path) -> None:
    html = (built_course / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in html
    assert (built_course / "search" / "search_index.json").is_file()


def menu_titles(nav: object) -> dict[str, str]:
    """The menu title of each page of mkdocs.yml's ``nav``."""
    titles: dict[str, str] = {}
    if isinstance(nav, list):
        for entry in nav:
            titles.update(menu_titles(entry))
    elif isinstance(nav, dict):
        for title, value in nav.items():
            titles.update({value: title} if isinstance(value, str) else menu_titles(value))
    return titles


def the_menu() -> dict[str, str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 (safe loader)
    return menu_titles(config["nav"])


def test_menu_names_are_unique_and_each_tool_has_one_name() -> None:
    menu = the_menu()
    titles = list(menu.values())
    assert sorted({t for t in titles if titles.count(t) > 1}) == []
    course = load_course(REPO / "mkdocs.yml")
    for questionnaire_id, placed in course.placed_on.items():
        heading = (REPO / "docs" / placed).read_text(encoding="utf-8").splitlines()[0]
        form_title = course.questionnaires[questionnaire_id].questionnaire.title
        assert (menu[placed.as_posix()], heading) == (form_title, f"# {form_title}"), questionnaire_id


def test_the_forms_link_to_the_results_page_by_its_menu_title(built_course: Path) -> None:
    info = (built_course / "assets" / "lederskap" / "build-info.js").read_text(encoding="utf-8")
    fields = json.loads(info[info.index("Object.freeze(") + len("Object.freeze(") : info.rindex(");")])
    assert fields["myResults"] == {"page": "mine-resultater/", "title": "Mine resultater"}


def test_the_privacy_sentence_is_said_at_most_once_on_a_page(built_course: Path) -> None:
    said = {name: html.text.count("sendes aldri noe sted") for name, html in all_pages(built_course).items()}
    assert {name: count for name, count in said.items() if count > 1} == {}
    assert said["mine-resultater/index.html"] == said["verktoy/lederferdigheter/index.html"] == 1


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("verktoy/lederferdigheter", "Ordene på skalaen, vurderingene og forslagene i resultatet er lagt til"),
        ("verktoy/aktivt-medarbeiderskap", "Ordene på skalaen, vurderingene og forslagene i resultatet er lagt til"),
        ("verktoy/fire-jobber", "Fordelingen i prosent er lagt til av dette nettstedet"),
        ("mine-resultater", "Vurderingene og forslagene i resultatene er lagt til av dette nettstedet"),
    ],
)
def test_what_the_site_adds_to_the_source_is_said_to_be_its_own(built_course: Path, path: str, words: str) -> None:
    assert words in page(built_course, path).text


def test_the_scale_is_worded_one_point_a_line(built_course: Path) -> None:
    html = page(built_course, "verktoy/lederferdigheter")
    assert len(html.find("ul", **{"class": "lsk-scale-points"})) == 1
    assert "Svar på en skala fra 1 til 5. 1 = I svært liten grad 2 = I liten grad" in html.text  # text of five <li>


def test_the_form_and_the_author_do_not_say_the_same_instruction_twice(built_course: Path) -> None:
    assert page(built_course, "verktoy/fire-jobber").text.count("til sammen bli 100") == 1
    reflection = page(built_course, "verktoy/selvledelse").text
    assert reflection.count("Kryss av for alt som passer.") == 2  # the form's own hint, once per checklist
    assert "Kryss av for det" not in reflection  # and no intro of the form saying it again


def test_the_source_of_the_research_is_given_with_its_doi(built_course: Path) -> None:
    for path in ("forskning", "referanser"):
        html = page(built_course, path)
        assert html.find("a", href="https://doi.org/10.1037/0021-9010.82.6.827"), path
