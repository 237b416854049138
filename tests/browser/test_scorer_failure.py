"""When Pyodide cannot start, the learner is told, keeps every answer, and can try again."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route

from .conftest import Traffic
from .helpers import (
    LEADER_FORM,
    LEADER_PAGE,
    SCORER_TIMEOUT_MS,
    answer,
    normalised,
    open_form,
    stored_record,
    wait_for_results,
    wait_for_scorer,
)

pytestmark = pytest.mark.browser


def test_a_missing_runtime_is_reported_answers_are_kept_and_retry_works(
    page: Page, site_url: str, traffic: Traffic
) -> None:
    def abort(route: Route) -> None:
        route.abort()

    page.route("**/pyodide.asm.wasm*", abort)
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "praktiserer-selvledelse": 3})

    assert wait_for_scorer(page) == "failed"
    status = page.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"] .lsk-status')
    assert status.get_attribute("role") == "status"
    text = normalised(status.inner_text())
    assert "Beregningen kunne ikke startes" in text
    # Pyodide usually reports the missing file at once; on a busy machine it may
    # hang instead, and the start's time limit says so.
    assert "Python-kjøremiljøet kunne ikke lastes" in text or "Det tok for lang tid å laste beregningen" in text
    assert "Svarene dine er tatt vare på" in text
    retry = status.get_by_role("button", name="Prøv igjen")
    assert retry.is_visible()

    # The form goes on working without Python: every change is saved.
    answer(page, {"opptatt-av-andre": 5})
    page.locator('textarea[name="styrke-1"]').fill("Jeg lytter")
    answers = stored_record(page, LEADER_FORM)["answers"]
    assert answers == {"selvinnsikt": 4, "praktiserer-selvledelse": 3, "opptatt-av-andre": 5, "styrke-1": "Jeg lytter"}
    placeholder = page.locator('[data-lsk-results="egenvurdering"] .lsk-results-placeholder')
    assert placeholder.is_visible()

    # Trying again while the file is still missing fails the same clear way.
    retry.click()
    page.wait_for_function(
        "() => window.__lederskap.workerStarts === 2 && window.__lederskap.scorerState === 'failed'",
        timeout=SCORER_TIMEOUT_MS,
    )
    assert retry.is_visible()

    # Once the file can be loaded, a retry brings the results.
    page.unroute("**/pyodide.asm.wasm*")
    retry.click()
    wait_for_results(page, LEADER_FORM, answered=3)
    assert "Beregningen er klar" in status.inner_text()
    assert retry.is_hidden()
    assert page.evaluate("window.__lederskap.workerStarts") == 3
    assert traffic.page_errors == []


def test_a_scorer_wheel_missing_in_the_fallback_names_the_stage_that_failed(page: Page, site_url: str) -> None:
    """The wheel is only fetched when the scorer's archive cannot be used (scorer-worker.js): both missing."""
    page.route("**/python_stdlib_scorer.zip", lambda route: route.fulfill(status=404, body="Not found"))
    page.route("**/wheels/*.whl", lambda route: route.fulfill(status=404, body="Not found"))
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    assert wait_for_scorer(page) == "failed"
    text = normalised(page.locator(".lsk-status").inner_text())
    assert "Beregningskoden kunne ikke lastes" in text
    answer(page, {"selvinnsikt": 2})
    assert stored_record(page, LEADER_FORM)["answers"] == {"selvinnsikt": 2}
