"""Finding one's way: the menu and the tools overview mark which questionnaires the learner has answered
("Påbegynt", "Besvart"), from their own storage, drawn on the device; the marks follow Material's instant
navigation and answers saved here or in another tab. The results are in each page's table of contents."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import Traffic
from .helpers import LEADER_FORM, LEADER_PAGE, answer, form_is_mounted, search
from .questionnaires import axe_violations, complete

pytestmark = pytest.mark.browser

OVERVIEW = "verktoy/"
SELF_LEADERSHIP = "verktoy/selvledelse/"


def marks(page: Page, where: str) -> dict[str, str]:
    """The marks in the menu ("menu") or in the content's headings ("content"): the link's address -> the mark."""
    found: dict[str, str] = page.evaluate(
        """where => Object.fromEntries([...document.querySelectorAll('.lsk-answered-mark')]
            .filter(mark => (where === 'menu') === Boolean(mark.closest('.md-nav--primary')))
            .map(mark => {
                const link = mark.closest('a') || mark.previousElementSibling;
                return [new URL(link.href).pathname, mark.textContent.trim()];
            }))""",
        where,
    )
    return found


def follow(page: Page, path: str) -> None:
    """Go to a page through the menu (Material's instant navigation swaps the page in place)."""
    page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{path}"]').first.click()
    page.wait_for_url(f"**/{path}")


def test_the_menu_and_the_overview_mark_what_is_answered(page: Page, site_url: str, traffic: Traffic) -> None:
    page.goto(site_url + OVERVIEW)
    assert marks(page, "menu") == {} and marks(page, "content") == {}
    page.evaluate("window.__sameDocument = true")

    follow(page, LEADER_PAGE)
    form_is_mounted(page, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    # The mark on this page's own menu link follows the answer.
    page.wait_for_selector('.md-nav--primary [data-lsk-answered-mark="started"]')
    follow(page, OVERVIEW)
    leader = "/kurs/verktoy/lederferdigheter/"
    page.wait_for_function("() => document.querySelectorAll('.md-content .lsk-answered-mark').length === 1")
    assert marks(page, "menu") == {leader: "Påbegynt"}
    assert marks(page, "content") == {leader: "Påbegynt"}
    # In the heading the mark follows the link, which keeps the tool's name.
    heading = page.locator("h2", has=page.locator('a[href$="lederferdigheter/"]'))
    assert heading.locator("a").first.inner_text() == "Lederferdigheter som utvikler selvledede medarbeidere"
    assert heading.inner_text().startswith("Lederferdigheter som utvikler selvledede medarbeidere Påbegynt")
    page.locator("h1").hover()  # not over a menu link, whose hover colour is Material's
    assert axe_violations(page) == []

    follow(page, SELF_LEADERSHIP)
    form_is_mounted(page, "selvledelse-refleksjon")
    complete(page, "selvledelse-refleksjon")
    self_leadership = "/kurs/verktoy/selvledelse/"
    page.wait_for_selector('.md-nav--primary a[href$="/selvledelse/"] [data-lsk-answered-mark="done"]')
    assert marks(page, "menu") == {leader: "Påbegynt", self_leadership: "Besvart"}
    # No mark in the table of contents, whose links go to places on this page.
    assert page.locator(".md-nav--secondary .lsk-answered-mark").count() == 0
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded: instant navigation is off"
    assert traffic.page_errors == []


def test_answers_saved_in_another_tab_are_marked(page: Page, site_url: str) -> None:
    page.goto(site_url + OVERVIEW)
    other = page.context.new_page()
    other.goto(site_url + LEADER_PAGE)
    form_is_mounted(other, LEADER_FORM)
    answer(other, {"handlingsrom": 2})
    page.wait_for_function("() => document.querySelectorAll('.md-content .lsk-answered-mark').length === 1")
    assert marks(page, "content") == {"/kurs/verktoy/lederferdigheter/": "Påbegynt"}
    # Deleted there: the mark goes here.
    other.evaluate("() => localStorage.clear()")
    page.wait_for_function("() => document.querySelectorAll('.lsk-answered-mark').length === 0")


def test_the_table_of_contents_leads_to_the_results(page: Page, site_url: str) -> None:
    page.goto(site_url + LEADER_PAGE)
    form_is_mounted(page, LEADER_FORM)
    # Material writes the table of contents' links as whole addresses.
    link = page.locator('.md-sidebar--secondary a[href$="#lsk-leder-egenvurdering-egenvurdering-results-title"]')
    assert link.inner_text().strip() == "Ditt resultat"
    link.click()
    page.wait_for_url("**#lsk-leder-egenvurdering-egenvurdering-results-title")
    assert page.locator("#lsk-leder-egenvurdering-egenvurdering-results-title").is_visible()


def test_searching_finds_statements_without_scale_labels(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "maktdeling")
    results = page.locator(".md-search-result__list").inner_text()
    assert "Jeg tydeliggjør handlingsrom" in results
    for label in ("svært stor grad", "svært liten grad", "I noen grad", "av 5", "Svarene dine lagres"):
        assert label not in results, label
