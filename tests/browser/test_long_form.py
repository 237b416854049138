"""A questionnaire of 3,000 statements: restored, saved and scored like a short one.

Mounting once cost the square of the number of statements (each question's inputs looked up
with a query over the whole form) and froze the page for seconds at this size; how long its
longest task takes is measured by the benchmark (``make bench``, ``bench/long_form.py``),
never here. This test shows the form works at that size, end to end.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from lederskap_scorer.storage_keys import storage_key
from playwright.sync_api import Browser, Page

from bench.long_form import COURSE_ID, FORM_ID, STATEMENTS, item_id, stored_record, write_long_form_course

from .helpers import SUB_PATH, form_is_mounted, wait_for_results
from .served import built_and_served, watched_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def long_form_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_and_served(write_long_form_course(tmp_path_factory.mktemp("long-form") / "course")) as url:
        yield url


@pytest.fixture
def page(browser: Browser, long_form_site: str) -> Iterator[Page]:
    with watched_page(browser, long_form_site, "nb-NO", timeout_ms=30_000) as page:
        yield page


def test_a_form_of_3000_statements_restores_saves_and_scores_every_answer(page: Page, long_form_site: str) -> None:
    key = storage_key(SUB_PATH, COURSE_ID, FORM_ID)
    page.goto(long_form_site)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key, stored_record()])
    page.goto(long_form_site + "skjema/")
    form_is_mounted(page, FORM_ID)
    assert page.locator('input[type="radio"]:checked').count() == STATEMENTS

    page.locator(f'input[name="{item_id(0)}"][value="5"]').check()
    answers = json.loads(page.evaluate("key => localStorage.getItem(key)", key))["answers"]
    assert len(answers) == STATEMENTS
    assert answers[item_id(0)] == 5
    assert answers[item_id(STATEMENTS - 1)] == 1 + (STATEMENTS - 1) % 5
    wait_for_results(page, FORM_ID)
    area = page.locator('[data-lsk-results="utsagn"] li.lsk-dimension-result[data-lsk-dimension="omrade-29"]')
    assert area.count() == 1
