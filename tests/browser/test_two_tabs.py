"""Two tabs on the same questionnaire (two pages of one browser context) never undo each other's answers.

Each save re-reads the record and writes only the ids its tab changed; each tab takes the other's
saves in through ``storage`` events, for the ids it has not changed itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import Traffic, check_traffic, watch
from .data_helpers import confirm_dialog, course_keys
from .helpers import LEADER_FORM, LEADER_PAGE, answer, checked_answers, open_form, storage_key, stored_record

pytestmark = pytest.mark.browser

# Registered before the page's own listeners: the storage events never reach them.
DEAF_TO_OTHER_TABS = """window.addEventListener('storage', (event) => event.stopImmediatePropagation(), true);"""


@pytest.fixture
def second(context: BrowserContext, traffic: Traffic) -> Iterator[Page]:
    """A second tab in the same browser context (same localStorage)."""
    yield watch(context, traffic)


def wait_checked(page: Page, item: str, value: int) -> None:
    page.wait_for_function(
        """([item, value]) => {
            const checked = document.querySelector(`input[name="${item}"]:checked`);
            return checked !== null && checked.value === String(value);
        }""",
        arg=[item, value],
    )


def wait_stored(page: Page, answers: dict[str, object]) -> None:
    """Wait until ``page`` sees the leader form's record holding exactly ``answers``: another tab's write
    reaches this tab's localStorage a moment later (Chromium passes it between the tabs' processes)."""
    with contextlib.suppress(PlaywrightTimeoutError):  # the assertion below says what it saw instead
        page.wait_for_function(
            """([key, expected]) => {
                const raw = localStorage.getItem(key);
                const sorted = (answers) => JSON.stringify(Object.entries(answers).sort());
                return raw !== null && sorted(JSON.parse(raw).answers) === sorted(expected);
            }""",
            arg=[storage_key(LEADER_FORM), answers],
            timeout=5_000,
        )
    assert stored_record(page, LEADER_FORM)["answers"] == answers


def test_each_tab_shows_the_others_answers_and_the_record_keeps_both(page: Page, second: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    open_form(second, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    wait_checked(second, "selvinnsikt", 4)
    answer(second, {"handlingsrom": 2})
    wait_checked(page, "handlingsrom", 2)
    page.locator('textarea[name="styrke-1"]').fill("Fra første fane")
    second.wait_for_function(
        """() => document.querySelector('textarea[name="styrke-1"]').value === 'Fra første fane'"""
    )
    assert stored_record(page, LEADER_FORM)["answers"] == {
        "selvinnsikt": 4,
        "handlingsrom": 2,
        "styrke-1": "Fra første fane",
    }


def test_no_lost_update_when_a_tab_has_not_heard_of_the_others_save(
    context: BrowserContext, page: Page, site_url: str, traffic: Traffic
) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    deaf = context.new_page()
    deaf.add_init_script(DEAF_TO_OTHER_TABS)
    open_form(deaf, site_url + LEADER_PAGE, LEADER_FORM)

    answer(page, {"selvinnsikt": 4, "opptatt-av-andre": 3})
    # The deaf tab still shows nothing of that, and saves an answer of its own on top.
    assert checked_answers(deaf, ["selvinnsikt"]) == {"selvinnsikt": None}
    answer(deaf, {"handlingsrom": 2})
    wait_stored(page, {"selvinnsikt": 4, "opptatt-av-andre": 3, "handlingsrom": 2})
    # Clearing an answer in the first tab is an answer too: it is removed, and the deaf tab's stays.
    page.locator('button[data-lsk-clear="opptatt-av-andre"]').click()
    wait_stored(deaf, {"selvinnsikt": 4, "handlingsrom": 2})
    deaf.locator('textarea[name="styrke-2"]').fill("Egen tekst")
    wait_stored(page, {"selvinnsikt": 4, "handlingsrom": 2, "styrke-2": "Egen tekst"})
    # The same question answered in both: the later answer wins, for that question only.
    answer(page, {"handlingsrom": 5})
    wait_stored(deaf, {"selvinnsikt": 4, "handlingsrom": 5, "styrke-2": "Egen tekst"})
    answer(deaf, {"handlingsrom": 1})
    wait_stored(page, {"selvinnsikt": 4, "handlingsrom": 1, "styrke-2": "Egen tekst"})
    deaf.close()
    check_traffic(traffic)


def test_a_tab_keeps_what_it_is_changing_when_the_other_saves(page: Page, second: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    open_form(second, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 2})
    wait_checked(second, "selvinnsikt", 2)
    # The second tab changes selvinnsikt; the first saves another answer: the second keeps its own value.
    answer(second, {"selvinnsikt": 5})
    answer(page, {"rollemodell": 3})
    wait_checked(second, "rollemodell", 3)
    assert checked_answers(second, ["selvinnsikt"]) == {"selvinnsikt": 5}
    wait_checked(page, "selvinnsikt", 5)
    assert stored_record(page, LEADER_FORM)["answers"] == {"selvinnsikt": 5, "rollemodell": 3}


def test_deleting_in_one_tab_empties_the_other(page: Page, second: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    open_form(second, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "handlingsrom": 2})
    wait_checked(second, "handlingsrom", 2)
    second.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"] [data-lsk-action="delete"]').click()
    confirm_dialog(second)
    page.wait_for_function("() => document.querySelectorAll('input[type=radio]:checked').length === 0")
    assert [key for key in course_keys(page) if LEADER_FORM in key] == []
    assert stored_record(page, LEADER_FORM) is None
