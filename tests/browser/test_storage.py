"""Answers in localStorage: unreadable records are kept aside, and a blocked storage is no dead end."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from .helpers import (
    LEADER_FORM,
    LEADER_PAGE,
    answer,
    form_is_mounted,
    normalised,
    open_form,
    storage_key,
    stored_record,
)

pytestmark = pytest.mark.browser


def test_an_unreadable_record_is_copied_aside_before_starting_fresh(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    page.goto(site_url)  # any page of the site, to reach its localStorage
    page.evaluate("key => localStorage.setItem(key, '{not json')", key)
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)

    status = normalised(page.locator(".lsk-status").inner_text())
    assert "De lagrede svarene dine kunne ikke leses" in status
    aside = page.evaluate(
        """key => Object.keys(localStorage).filter(k => k.startsWith(key + '/unreadable/'))
            .map(k => [k, localStorage.getItem(k)])""",
        key,
    )
    assert len(aside) == 1
    assert aside[0][1] == "{not json"
    answer(page, {"selvinnsikt": 3})
    assert stored_record(page, LEADER_FORM)["answers"] == {"selvinnsikt": 3}


def test_a_record_of_an_unknown_schema_is_not_overwritten_unread(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    page.goto(site_url)
    page.evaluate("key => localStorage.setItem(key, JSON.stringify({schema: 2, answers: {selvinnsikt: 5}}))", key)
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    aside = page.evaluate(
        """key => Object.keys(localStorage).filter(k => k.startsWith(key + '/unreadable/'))
            .map(k => localStorage.getItem(k))""",
        key,
    )
    assert aside == ['{"schema":2,"answers":{"selvinnsikt":5}}']
    assert page.locator('input[name="selvinnsikt"]:checked').count() == 0


def test_blocked_storage_keeps_answers_on_the_page_and_says_so(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('blocked', 'SecurityError'); },
        });"""
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    status = normalised(page.locator(".lsk-status").inner_text())
    assert "Svarene dine beholdes bare så lenge siden er åpen" in status
    assert page.locator('input[name="selvinnsikt"]:checked').get_attribute("value") == "4"


def test_a_full_storage_is_reported_and_the_form_goes_on(context: BrowserContext, page: Page, site_url: str) -> None:
    context.add_init_script(
        """Storage.prototype.setItem = function () {
            throw new DOMException('full', 'QuotaExceededError');
        };"""
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "handlingsrom": 2})
    status = normalised(page.locator(".lsk-status").inner_text())
    assert "Svarene kunne ikke lagres i nettleseren" in status
    assert page.locator('input[name="handlingsrom"]:checked').get_attribute("value") == "2"
    form_is_mounted(page, LEADER_FORM)


def test_answers_to_an_earlier_version_are_filled_in_and_kept(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    old = '{"schema":1,"course":"lederskap-medarbeiderskap","questionnaire":"leder-egenvurdering","version":0,'
    old += '"updated":"2026-01-01T00:00:00.000Z","answers":{"selvinnsikt":2,"fjernet-sporsmal":4}}'
    page.goto(site_url)
    page.evaluate("([key, old]) => localStorage.setItem(key, old)", [key, old])
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    assert "Skjemaet er endret siden du svarte sist" in normalised(page.locator(".lsk-status").inner_text())
    assert page.locator('input[name="selvinnsikt"]:checked').get_attribute("value") == "2"
    assert page.evaluate("key => localStorage.getItem(key + '/version/0')", key) == old
    answer(page, {"handlingsrom": 3})
    record = stored_record(page, LEADER_FORM)
    assert record["version"] == 1
    assert record["answers"] == {"selvinnsikt": 2, "fjernet-sporsmal": 4, "handlingsrom": 3}
