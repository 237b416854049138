"""A learner comes back after the course changed: a record saved with record schema 1 (a saved fixture,
``tests/records/fixtures/v1``) holding an answer to a question that has since been removed.

The form is filled in at once, before Python, from the record's answers; the removed question's
answer is kept, mentioned and exported; once Python is ready the record is upgraded to schema 2.
"""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import Page, Route

from .conftest import Traffic
from .data_helpers import V1_FIXTURES, download_text, seed, status_text
from .helpers import (
    LEADER_FORM,
    LEADER_PAGE,
    SCORER_TIMEOUT_MS,
    answer,
    checked_answers,
    open_form,
    storage_key,
    stored_record,
    wait_for_results,
)

pytestmark = pytest.mark.browser

V1_RECORD = (V1_FIXTURES / "leder-egenvurdering-v1.json").read_text(encoding="utf-8").strip()


def test_a_schema_1_record_with_a_removed_question_is_shown_kept_and_upgraded(
    page: Page, site_url: str, traffic: Traffic
) -> None:
    old = json.loads(V1_RECORD)
    assert old["schema"] == 1 and "fjernet-sporsmal" in old["answers"]
    seed(page, site_url, {storage_key(LEADER_FORM): V1_RECORD})
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm*", lambda route: held.append(route))  # Python is not ready yet
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)

    assert checked_answers(page, ["selvinnsikt", "handlingsrom", "lytter-aktivt"]) == {
        "selvinnsikt": 4,
        "handlingsrom": 2,
        "lytter-aktivt": 3,
    }
    assert page.locator('textarea[name="styrke-1"]').input_value() == "Jeg lytter"
    assert (
        "1 svar hører til et spørsmål som ikke lenger finnes i skjemaet; "
        "det er tatt vare på og kommer med når du eksporterer." in status_text(page, LEADER_FORM)
    )
    # Answering before Python is ready changes the answers and keeps the record's schema.
    answer(page, {"rollemodell": 5})
    before_python = stored_record(page, LEADER_FORM)
    assert page.evaluate("() => window.__lederskap.scorerState") == "starting"
    assert before_python["schema"] == 1
    assert before_python["answers"] == {**old["answers"], "rollemodell": 5}

    # Python starts: the record is upgraded (migrate_record in the worker), nothing is lost.
    # (On a busy machine the worker may not have asked for the runtime yet: Playwright hands the
    # held request over while it waits, so wait for it rather than expect it already.)
    deadline = time.monotonic() + SCORER_TIMEOUT_MS / 1000
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert len(held) == 1
    held[0].continue_()
    wait_for_results(page, LEADER_FORM)
    page.wait_for_function("() => window.__lederskap.migrations === 1", timeout=60_000)
    upgraded = stored_record(page, LEADER_FORM)
    assert upgraded["schema"] == 2
    assert upgraded["snapshots"] == []
    assert upgraded["answers"] == {**old["answers"], "rollemodell": 5}
    assert (upgraded["course"], upgraded["questionnaire"], upgraded["version"]) == (
        old["course"],
        old["questionnaire"],
        1,
    )

    # The removed question's answer leaves with an export.
    _, text = download_text(page, f'form[data-lsk-questionnaire="{LEADER_FORM}"] [data-lsk-action="export"]')
    (entry,) = json.loads(text)["questionnaires"]
    assert entry["answers"]["fjernet-sporsmal"] == 5
    assert traffic.page_errors == []


def test_a_snapshot_of_a_schema_1_record_upgrades_it_first(page: Page, site_url: str) -> None:
    seed(page, site_url, {storage_key(LEADER_FORM): V1_RECORD})
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort())  # Python cannot start
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    page.locator('[data-lsk-action="snapshot"]').click()
    page.wait_for_function("() => document.querySelector('[data-lsk-feedback]').textContent.length > 0", timeout=60_000)
    assert (
        "Målingen kunne ikke lagres fordi beregningen ikke kunne startes"
        in page.locator("[data-lsk-feedback]").inner_text()
    )
    record = stored_record(page, LEADER_FORM)
    assert record["schema"] == 1  # left as it was: nothing half-written
    assert record["answers"] == json.loads(V1_RECORD)["answers"]
