"""A return visit shows the last results at once, before Python has started, and only for the same answers."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from .helpers import COURSE, LEADER_FORM, LEADER_PAGE, answer, dimension_rows, open_form, storage_key, wait_for_results

pytestmark = pytest.mark.browser

ANSWERS = {"selvinnsikt": 4, "praktiserer-selvledelse": 3, "opptatt-av-andre": 4}


def test_the_last_results_are_shown_again_before_the_scorer_starts(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, ANSWERS)
    wait_for_results(page, LEADER_FORM, answered=3)
    assert dimension_rows(page, "egenvurdering")["relasjonelle-ferdigheter"]["mean"] == "3,7"

    # Python cannot start on the return visit: the results computed last time still show.
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort())
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
        storage_key(LEADER_FORM),
    )
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort())
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    form = page.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"]')
    assert form.get_attribute("data-lsk-scored") is None
    assert page.locator('[data-lsk-results="egenvurdering"] table').count() == 0


@pytest.mark.parametrize(
    "results",
    ["{not json", "[1, 2]", '{"parts": "not a list of parts"}'],
    ids=["not-json", "not-an-object", "not-results"],
)
def test_a_corrupt_results_cache_is_ignored_replaced_and_never_stops_the_form(
    page: Page, site_url: str, results: str
) -> None:
    key = storage_key(LEADER_FORM)
    page.goto(site_url)
    build = page.evaluate(
        "async url => (await import(url)).buildInfo.build", site_url + "assets/lederskap/build-info.js"
    )
    record = {"schema": 2, "course": COURSE, "questionnaire": LEADER_FORM, "version": 1,
              "updated": "2026-01-01T10:00:00.000Z", "answers": ANSWERS, "snapshots": []}  # fmt: skip
    answers = json.dumps(ANSWERS, separators=(",", ":"))  # as the page writes the form's answers
    cache = {"build": build, "language": "nb", "answers": answers, "results": results}
    page.evaluate(
        """([key, record, cache]) => {
            localStorage.setItem(key, record);
            localStorage.setItem(key + '/results', cache);
        }""",
        [key, json.dumps(record), json.dumps(cache)],
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)
    # No answer changes: the scorer starts and its results are drawn and kept in place of the bad entry.
    wait_for_results(page, LEADER_FORM, answered=3)
    assert dimension_rows(page, "egenvurdering")["relasjonelle-ferdigheter"]["mean"] == "3,7"
    kept = json.loads(page.evaluate("key => localStorage.getItem(key + '/results')", key))
    assert kept["answers"] == answers
    assert json.loads(kept["results"])["questionnaire"]["id"] == LEADER_FORM
