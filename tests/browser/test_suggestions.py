"""What a learner reads in the suggestions of a completed self-assessment: they follow the bands and the
spread, ties are one plain sentence, and reverse statements are told in the learner's own terms.

The rules themselves are the scorer's (tests/scorer/fixtures/suggestions_bands_nb.json and
reverse_suggestions_en.json, which test_results_fixtures.py also draws); here the leader
self-assessment and the English course's team climate are answered as a learner would.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page

from .helpers import LEADER_FORM, LEADER_PAGE, answer, normalised, open_form, wait_for_results
from .questionnaires import axe_violations
from .served import watched_page

pytestmark = pytest.mark.browser

AREAS = {
    "relasjonelle-ferdigheter": ["selvinnsikt", "praktiserer-selvledelse", "opptatt-av-andre"],
    "maktdeling": ["oppgaveansvar-og-myndighet", "handlingsrom", "klargjor-oppdraget"],
    "motivasjonsstotte": ["oppmuntrer-til-initiativ", "motiverende-mal", "lytter-aktivt", "inspirerer-til-muligheter"],
    "utviklingsstotte": ["mestringsopplevelser", "hverdagslaering", "coachende-kommunikasjon", "rollemodell"],
}
SITE_NOTE = "Forslagene er laget av dette nettstedet ut fra gjennomsnittene dine, og er ikke en del av kursmaterialet."


def answer_areas(page: Page, values: dict[str, list[int]]) -> None:
    chosen = {item: value for area, items in AREAS.items() for item, value in zip(items, values[area], strict=True)}
    answer(page, chosen)
    wait_for_results(page, LEADER_FORM, answered=14)


def suggestions_of(page: Page) -> Locator:
    return page.locator('[data-lsk-results="egenvurdering"] .lsk-suggestions')


def items(box: Locator, side: str) -> list[Locator]:
    """The statements named under one side of the suggestions."""
    return box.locator(f'[data-lsk-suggestions="{side}"] li[data-lsk-item]').all()


def listed(box: Locator, side: str) -> list[str]:
    entries = box.locator(f'[data-lsk-suggestions="{side}"] .lsk-suggestion-list > li')
    return [e.get_attribute("data-lsk-dimension") or "" for e in entries.all()]


def test_all_fives_is_one_sentence_and_no_area_is_a_development_area(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer_areas(page, {area: [5] * len(items) for area, items in AREAS.items()})
    box = suggestions_of(page)
    assert box.get_attribute("data-lsk-suggestion-status") == "same-means"
    assert normalised(box.inner_text()) == (
        "Forslag til styrker og utviklingsområder "
        f"{SITE_NOTE} Alle områdene har samme gjennomsnitt, så svarene dine peker ikke ut noe område som "
        "sterkere eller svakere enn de andre."
    )
    results = page.locator('[data-lsk-results="egenvurdering"]')
    assert "utviklingsområder (lavest" not in normalised(results.inner_text())
    assert [e.inner_text() for e in results.locator(".lsk-band-label").all()] == ["En styrke"] * 4
    assert axe_violations(page) == []


def test_with_mostly_low_answers_an_area_on_its_way_is_not_called_a_strength(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    # 4/3, 2, 9/4 and 11/4 ("Godt på vei"): no area is in the top band.
    answer_areas(
        page,
        {
            "relasjonelle-ferdigheter": [1, 1, 2],
            "maktdeling": [2, 2, 2],
            "motivasjonsstotte": [2, 2, 3, 2],
            "utviklingsstotte": [3, 3, 2, 3],
        },
    )
    box = suggestions_of(page)
    assert listed(box, "development_areas") == ["relasjonelle-ferdigheter", "maktdeling"]
    development = box.locator('[data-lsk-suggestions="development_areas"]')
    # Relasjonelle lederferdigheter: its two answers of 1 pull it down; maktdeling's answers are all alike.
    assert [normalised(e.inner_text()) for e in development.locator("li[data-lsk-item]").all()] == [
        "Jeg jobber bevisst med min egen selvinnsikt og utvikling Du svarte 1 (I svært liten grad).",
        "Jeg praktiserer selvledelse Du svarte 1 (I svært liten grad).",
    ]
    strengths = box.locator('[data-lsk-suggestions="strengths"]')
    assert strengths.get_attribute("data-lsk-side-status") == "none-in-top-band"
    assert normalised(strengths.inner_text()) == (
        "Mulige styrker (høyest gjennomsnitt) Ingen foreslås, fordi ingen av områdene har den høyeste vurderingen."
    )


def test_areas_tied_lowest_are_one_plain_sentence(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer_areas(
        page,
        {
            "relasjonelle-ferdigheter": [2, 2, 2],
            "maktdeling": [2, 3, 1],
            "motivasjonsstotte": [2, 2, 2, 2],
            "utviklingsstotte": [4, 4, 4, 5],
        },
    )
    box = suggestions_of(page)
    development = box.locator('[data-lsk-suggestions="development_areas"]')
    assert development.get_attribute("data-lsk-side-status") == "tied"
    assert normalised(development.inner_text()) == (
        "Mulige utviklingsområder (lavest gjennomsnitt) "
        "Relasjonelle lederferdigheter, Maktdeling – fremme autonomi og tydeliggjøre rammebetingelser og "
        "Motivasjonsstøtte – fremme motivasjon og engasjement har like lavt gjennomsnitt, så svarene dine "
        "skiller ikke mellom dem."
    )
    assert development.locator("ul").count() == 0
    assert listed(box, "strengths") == ["utviklingsstotte"]
    assert normalised(box.locator('[data-lsk-suggestions="strengths"] li[data-lsk-item]').inner_text()) == (
        "Jeg er en god rollemodell Du svarte 5 (I svært stor grad)."
    )
    assert box.locator("em, i, .lsk-tie").count() == 0


@pytest.fixture
def english_page(browser: Browser, english_site: str) -> Iterator[Page]:
    with watched_page(browser, english_site, "en-GB") as page:
        yield page


def test_reverse_statements_are_told_as_answered(english_page: Page, english_site: str) -> None:
    page = english_page
    open_form(page, english_site + "team-climate/", "team-climate")
    # Trust: 3 + (4 - 0) + 3 = 10/3, "Working well"; Focus: 1 + (4 - 4) = 1/2, "Unclear".
    answer(page, {"ask-for-help": 3, "admit-mistakes": 0, "ideas-heard": 3, "know-priorities": 1})
    answer(page, {"unsure-after-meetings": 4})
    wait_for_results(page, "team-climate", answered=5)
    box = page.locator('[data-lsk-results="climate"] .lsk-suggestions')
    statements = {
        side: [normalised(e.inner_text()) for e in items(box, side)] for side in ("development_areas", "strengths")
    }
    assert statements == {
        "development_areas": [
            "Meetings leave me unsure what to do next. You answered 4 (Always). "
            "This statement counts in reverse: your answer counts as 0."
        ],
        "strengths": [
            "I hesitate to admit a mistake to my team. You answered 0 (Never). "
            "This statement counts in reverse: your answer counts as 4."
        ],
    }
    text = normalised(box.inner_text())
    assert "The answers that pull the average down:" in text and "The answers that pull the average up:" in text
    assert "Rated" not in text and ".;" not in text
    assert axe_violations(page) == []
