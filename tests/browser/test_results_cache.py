"""A return visit shows the last results at once, before Python has started, and only for the same answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .helpers import LEADER_FORM, LEADER_PAGE, answer, dimension_rows, open_form, wait_for_results

pytestmark = pytest.mark.browser

ANSWERS = {"selvinnsikt": 4, "praktiserer-selvledelse": 3, "opptatt-av-andre": 4}


def test_the_last_results_are_shown_again_before_the_scorer_starts(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, ANSWERS)
    wait_for_results(page, LEADER_FORM, answered=3)
    assert dimension_rows(page, "egenvurdering")["relasjonelle-ferdigheter"]["mean"] == "3,7"

    # Python cannot start on the return visit: the results computed last time still show.
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    form = page.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"]')
    assert form.get_attribute("data-lsk-scored") == "cached"
    assert dimension_rows(page, "egenvurdering")["relasjonelle-ferdigheter"]["mean"] == "3,7"

    # Other answers: the cached results no longer fit, so they are marked as waiting for the scorer.
    answer(page, {"opptatt-av-andre": 1})
    assert form.get_attribute("data-lsk-pending") == "true"


def test_cached_results_are_not_used_for_other_answers(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, ANSWERS)
    wait_for_results(page, LEADER_FORM, answered=3)
    # The stored answers change behind the page's back (as another device's import would).
    page.evaluate(
        """key => {
            const record = JSON.parse(localStorage.getItem(key));
            record.answers["selvinnsikt"] = 1;
            localStorage.setItem(key, JSON.stringify(record));
        }""",
        f"lederskap/v1/kurs/lederskap-medarbeiderskap/{LEADER_FORM}",
    )
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    form = page.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"]')
    assert form.get_attribute("data-lsk-scored") is None
    assert page.locator('[data-lsk-results="egenvurdering"] table').count() == 0
