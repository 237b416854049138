"""The forms as assistive technology sees them, before any script has run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .helpers import LEADER_PAGE

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_without_scripts(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_each_radio_is_named_by_its_value_its_label_and_the_statement(page: Page, site_url: str) -> None:
    page.goto(site_url + LEADER_PAGE)
    statement = "Jeg jobber bevisst med min egen selvinnsikt og utvikling"
    for value, label in ((1, "I svært liten grad"), (3, "I noen grad"), (5, "I svært stor grad")):
        radio = page.get_by_role("radio", name=f"{value} av 5, {label}: {statement}", exact=True)
        assert radio.count() == 1
        assert radio.get_attribute("value") == str(value)
    group = page.get_by_role("group", name=statement, exact=True)
    assert group.get_by_role("radio").count() == 5


def test_the_form_works_without_javascript(browser_without_scripts: Page, site_url: str) -> None:
    page = browser_without_scripts
    page.goto(site_url + LEADER_PAGE)
    assert page.locator("form.lsk-questionnaire").count() == 1
    page.get_by_role("radio", name="4 av 5, I stor grad: Jeg praktiserer selvledelse", exact=True).check()
    page.get_by_role("textbox", name="Utviklingsområde 1").fill("Delegere mer")
    assert page.locator('input[name="praktiserer-selvledelse"]:checked').get_attribute("value") == "4"
    # What a browser without JavaScript shows (Playwright disables scripts after parsing,
    # so Chromium here still treats <noscript> as hidden text; check it is there).
    assert "JavaScript er slått av. Du kan lese, fylle ut og skrive ut skjemaet" in page.content()
