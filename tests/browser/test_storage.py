"""Answers in localStorage when things go wrong: nothing is lost, nothing unread is overwritten, the learner is told.

Every fault keeps the page working in memory and says plainly what happened and what to do:
a stored text that is not JSON or is of a newer schema, values that do not fit their question,
a full storage, a storage that is blocked or throws, and a full storage with an unreadable record.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page

from .conftest import Traffic
from .data_helpers import download_text, status_text
from .helpers import (
    LEADER_FORM,
    LEADER_PAGE,
    SUB_PATH,
    answer,
    checked_answers,
    form_is_mounted,
    open_form,
    storage_key,
    stored_record,
    wait_for_results,
)
from .test_export_import import save_snapshot

pytestmark = pytest.mark.browser


def aside_copies(page: Page, key: str) -> list[str]:
    copies: list[str] = page.evaluate(
        """key => Object.keys(localStorage).filter(k => k.startsWith(key + '/unreadable/')).sort()
            .map(k => localStorage.getItem(k))""",
        key,
    )
    return copies


def test_an_unreadable_record_is_copied_aside_before_starting_fresh(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    page.goto(site_url)  # any page of the site, to reach its localStorage
    page.evaluate("key => localStorage.setItem(key, '{not json')", key)
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)

    status = status_text(page, LEADER_FORM)
    assert "De lagrede svarene dine kunne ikke leses" in status
    assert "kan du importere filen på siden Mine resultater." in status
    link = page.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"] .lsk-status a[data-lsk-results-page-link]')
    assert link.inner_text() == "Mine resultater"
    assert link.get_attribute("href") == f"{SUB_PATH}mine-resultater/"
    assert aside_copies(page, key) == ["{not json"]
    answer(page, {"selvinnsikt": 3})
    assert stored_record(page, LEADER_FORM)["answers"] == {"selvinnsikt": 3}
    answer(page, {"handlingsrom": 4})
    assert aside_copies(page, key) == ["{not json"]  # copied once, never overwritten


def test_a_record_of_a_newer_schema_is_kept_aside_and_never_overwritten_unread(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    newer = '{"schema":99,"answers":{"selvinnsikt":5},"something":"new"}'
    page.goto(site_url)
    page.evaluate("([key, newer]) => localStorage.setItem(key, newer)", [key, newer])
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)
    assert aside_copies(page, key) == [newer]
    assert "lagret av en nyere versjon av dette nettstedet" in status_text(page, LEADER_FORM)
    assert page.locator('input[name="selvinnsikt"]:checked').count() == 0
    answer(page, {"handlingsrom": 2})
    assert stored_record(page, LEADER_FORM)["answers"] == {"handlingsrom": 2}
    assert aside_copies(page, key) == [newer]


def test_values_that_do_not_fit_are_kept_mentioned_and_never_shown_or_scored(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    answers = {
        "selvinnsikt": 9,  # off the 1-5 scale
        "handlingsrom": "3",  # a text for a likert item
        "lytter-aktivt": 2.5,  # not a whole number
        "styrke-1": 42,  # a number for a text
        "opptatt-av-andre": 4,  # fits
        "fjernet-sporsmal": 1,  # a question the form no longer has
    }
    record = {
        "schema": 2,
        "course": "lederskap-medarbeiderskap",
        "questionnaire": LEADER_FORM,
        "version": 1,
        "updated": "2026-03-01T10:00:00.000Z",
        "answers": answers,
        "snapshots": [],
    }
    page.goto(site_url)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key, json.dumps(record)])
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)

    assert checked_answers(page, ["selvinnsikt", "handlingsrom", "lytter-aktivt", "opptatt-av-andre"]) == {
        "selvinnsikt": None,
        "handlingsrom": None,
        "lytter-aktivt": None,
        "opptatt-av-andre": 4,
    }
    assert page.locator('textarea[name="styrke-1"]').input_value() == ""
    status = status_text(page, LEADER_FORM)
    assert (
        "4 lagrede svar passer ikke til spørsmålene slik de er nå, og vises ikke i skjemaet; "
        "de er tatt vare på og kommer med når du eksporterer." in status
    )
    assert (
        "1 svar hører til et spørsmål som ikke lenger finnes i skjemaet; "
        "det er tatt vare på og kommer med når du eksporterer." in status
    )
    wait_for_results(page, LEADER_FORM, answered=1)  # only the value that fits is scored

    answer(page, {"praktiserer-selvledelse": 5})
    assert stored_record(page, LEADER_FORM)["answers"] == {**answers, "praktiserer-selvledelse": 5}
    # Answering a question replaces its unfit value (the learner chose a new one).
    answer(page, {"selvinnsikt": 2})
    assert stored_record(page, LEADER_FORM)["answers"]["selvinnsikt"] == 2
    assert stored_record(page, LEADER_FORM)["answers"]["handlingsrom"] == "3"
    assert "3 lagrede svar passer ikke" in status_text(page, LEADER_FORM)


BLOCKED = {
    "the property throws": """Object.defineProperty(window, 'localStorage', {
        get() { throw new DOMException('blocked', 'SecurityError'); },
    });""",
    "every call throws": """for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
        Storage.prototype[name] = function () { throw new DOMException('denied', 'SecurityError'); };
    }""",
}


@pytest.mark.parametrize("how", list(BLOCKED))
def test_blocked_storage_keeps_answers_on_the_page_says_so_and_exports(
    context: BrowserContext, page: Page, site_url: str, how: str
) -> None:
    context.add_init_script(BLOCKED[how])
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    page.locator('textarea[name="styrke-1"]').fill("Jeg lytter")
    status = status_text(page, LEADER_FORM)
    assert "Svarene dine beholdes bare så lenge siden er åpen." in status
    assert "Bruk «Eksporter» for å ta vare på dem i en fil." in status
    assert page.locator('input[name="selvinnsikt"]:checked').get_attribute("value") == "4"
    name, text = download_text(page, f'form[data-lsk-questionnaire="{LEADER_FORM}"] [data-lsk-action="export"]')
    assert name.startswith("lederskap-medarbeiderskap-leder-egenvurdering-") and name.endswith(".json")
    (entry,) = json.loads(text)["questionnaires"]
    assert entry["answers"] == {"selvinnsikt": 4, "styrke-1": "Jeg lytter"}


def test_a_full_storage_is_reported_the_form_goes_on_and_export_keeps_everything(
    context: BrowserContext, page: Page, site_url: str, traffic: Traffic
) -> None:
    context.add_init_script(
        """Storage.prototype.setItem = function () {
            throw new DOMException('full', 'QuotaExceededError');
        };"""
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "handlingsrom": 2})
    status = status_text(page, LEADER_FORM)
    assert "Svarene kunne ikke lagres i nettleseren (lagringsplassen kan være full)" in status
    assert "Bruk «Eksporter» for å ta vare på dem i en fil." in status
    assert page.locator('input[name="handlingsrom"]:checked').get_attribute("value") == "2"
    form_is_mounted(page, LEADER_FORM)
    _, text = download_text(page, f'form[data-lsk-questionnaire="{LEADER_FORM}"] [data-lsk-action="export"]')
    assert json.loads(text)["questionnaires"][0]["answers"] == {"selvinnsikt": 4, "handlingsrom": 2}
    assert page.evaluate("() => Object.keys(localStorage).length") == 0
    assert traffic.page_errors == []


def test_a_snapshot_with_a_full_storage_says_so_is_kept_and_saved_once_there_is_room(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.add_init_script(
        """window.__full = true;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (...args) {
            if (window.__full) throw new DOMException('full', 'QuotaExceededError');
            return setItem.apply(this, args);
        };"""
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "handlingsrom": 2})
    wait_for_results(page, LEADER_FORM, answered=2)
    said = save_snapshot(page, LEADER_FORM, "Start")
    assert "Målingen «Start» kunne ikke lagres i nettleseren: lagringsplassen er full eller blokkert." in said
    assert "Svar på skjemaet" not in said
    _, text = download_text(page, f'form[data-lsk-questionnaire="{LEADER_FORM}"] [data-lsk-action="export"]')
    assert [s["name"] for s in json.loads(text)["questionnaires"][0]["snapshots"]] == ["Start"]

    page.evaluate("() => { window.__full = false; }")  # room again
    answer(page, {"selvinnsikt": 5})
    record = stored_record(page, LEADER_FORM)
    assert record["answers"] == {"selvinnsikt": 5, "handlingsrom": 2}
    assert [s["name"] for s in record["snapshots"]] == ["Start"]


def test_a_full_storage_never_overwrites_an_unreadable_record_it_could_not_copy(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    key = storage_key(LEADER_FORM)
    page.goto(site_url)
    page.evaluate('key => localStorage.setItem(key, \'{"schema": 1, "answers": [broken\')', key)
    context.add_init_script(
        """Storage.prototype.setItem = function () {
            throw new DOMException('full', 'QuotaExceededError');
        };"""
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)
    answer(page, {"selvinnsikt": 4})
    status = status_text(page, LEADER_FORM)
    assert "De lagrede svarene dine kunne ikke leses. De er ikke endret." in status
    assert "bruk «Eksporter» for å ta vare på dem i en fil" in status
    assert page.evaluate("key => localStorage.getItem(key)", key) == '{"schema": 1, "answers": [broken'
    assert page.locator('input[name="selvinnsikt"]:checked').get_attribute("value") == "4"


def test_answers_to_an_earlier_version_are_filled_in_and_kept(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    old = '{"schema":1,"course":"lederskap-medarbeiderskap","questionnaire":"leder-egenvurdering","version":0,'
    old += '"updated":"2026-01-01T00:00:00.000Z","answers":{"selvinnsikt":2,"fjernet-sporsmal":4}}'
    page.goto(site_url)
    page.evaluate("([key, old]) => localStorage.setItem(key, old)", [key, old])
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)
    assert "Skjemaet er endret siden du svarte sist" in status_text(page, LEADER_FORM)
    assert page.locator('input[name="selvinnsikt"]:checked').get_attribute("value") == "2"
    assert page.evaluate("key => localStorage.getItem(key + '/version/0')", key) == old
    answer(page, {"handlingsrom": 3})
    record = stored_record(page, LEADER_FORM)
    assert record["version"] == 1
    assert record["answers"] == {"selvinnsikt": 2, "fjernet-sporsmal": 4, "handlingsrom": 3}


def test_the_browser_is_asked_once_to_keep_the_sites_storage(
    context: BrowserContext, page: Page, site_url: str
) -> None:
    context.add_init_script(
        """window.__persistCalls = Number(sessionStorage.getItem('persistCalls') || 0);
        Object.defineProperty(navigator, 'storage', {value: {persist() {
            window.__persistCalls += 1;
            sessionStorage.setItem('persistCalls', String(window.__persistCalls));
            return Promise.resolve(true);
        }}});"""
    )
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    assert page.evaluate("() => window.__persistCalls") == 0  # not before the first saved answer
    answer(page, {"selvinnsikt": 4})
    page.wait_for_function("() => window.__lederskap.persisted === true")
    answer(page, {"handlingsrom": 2})
    assert page.evaluate("() => window.__persistCalls") == 1
    page.reload()
    form_is_mounted(page, LEADER_FORM)
    answer(page, {"klargjor-oppdraget": 5})
    assert page.evaluate("() => window.__persistCalls") == 1


def test_an_old_record_that_cannot_be_upgraded_is_kept_and_the_learner_is_told(page: Page, site_url: str) -> None:
    key = storage_key(LEADER_FORM)
    deep = "[" * 3000 + "]" * 3000  # once a fatal error of Pyodide while upgrading
    old = (
        '{"schema":1,"course":"lederskap-medarbeiderskap","questionnaire":"leder-egenvurdering","version":1,'
        f'"updated":"2026-01-10T09:00:00.000Z","answers":{{"selvinnsikt":4,"gammelt":{deep}}}}}'
    )
    page.goto(site_url)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key, old])
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM, fresh=True)
    page.wait_for_function(
        "form => document.querySelector(form + ' .lsk-status').innerText.includes('kunne ikke oppdateres')",
        arg=f'form[data-lsk-questionnaire="{LEADER_FORM}"]',
        timeout=90_000,
    )
    assert "De er tatt vare på uendret" in status_text(page, LEADER_FORM)
    assert page.evaluate("key => localStorage.getItem(key)", key) == old
    assert checked_answers(page, ["selvinnsikt"]) == {"selvinnsikt": 4}
    wait_for_results(page, LEADER_FORM)  # the calculation goes on
