"""Export and import: the learner's answers and snapshots leave as one JSON file and come back exactly,
on another device (a fresh browser context); a file is checked before anything changes, merge and
replace do what the preview says, and a malformed or hostile file changes nothing and runs nothing.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .conftest import Traffic, check_traffic, watch
from .data_helpers import (
    MY_RESULTS_PAGE,
    SELF_LEADERSHIP_FORM,
    SELF_LEADERSHIP_PAGE,
    all_storage,
    choose_file,
    confirm_dialog,
    download_text,
    export_all,
    feedback,
    open_my_results,
    record_of,
    seed,
    wait_import_state,
)
from .helpers import (
    COURSE,
    JOBS_FORM,
    JOBS_PAGE,
    LEADER_FORM,
    LEADER_PAGE,
    answer,
    open_form,
    storage_key,
    wait_for_results,
)

pytestmark = pytest.mark.browser

COURSE_ORDER = [LEADER_FORM, "medarbeider-egenevaluering", SELF_LEADERSHIP_FORM, JOBS_FORM]
"""The course's questionnaires in the order of its menu."""
REFLECTION = "Jeg vil lytte mer.\nOg «spørre» før jeg svarer; <b>alltid</b> = 100 %"


def save_snapshot(page: Page, questionnaire: str, name: str) -> str:
    form = f'form[data-lsk-questionnaire="{questionnaire}"]'
    page.locator(f"{form} [data-lsk-snapshot-name]").fill(name)
    page.evaluate("form => { document.querySelector(form + ' [data-lsk-feedback]').textContent = ''; }", form)
    page.locator(f'{form} [data-lsk-action="snapshot"]').click()
    return feedback(page, form)


def fill_the_course(page: Page, site_url: str) -> None:
    """Answers in three questionnaires of the course, and two snapshots of the leader self-assessment."""
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 2, "praktiserer-selvledelse": 3, "handlingsrom": 4, "klargjor-oppdraget": 4})
    page.locator('textarea[name="styrke-1"]').fill(REFLECTION)
    wait_for_results(page, LEADER_FORM, answered=4)
    assert "Målingen «Start» er lagret" in save_snapshot(page, LEADER_FORM, "Start")
    answer(page, {"selvinnsikt": 5, "opptatt-av-andre": 4})
    wait_for_results(page, LEADER_FORM, answered=5)
    assert "Målingen «Slutt» er lagret" in save_snapshot(page, LEADER_FORM, "Slutt")

    open_form(page, site_url + SELF_LEADERSHIP_PAGE, SELF_LEADERSHIP_FORM)
    page.locator('input[type="checkbox"][name="styrker-selvledelse"][value="prioritering"]').check()
    page.locator('textarea[name="styrker-oppsummering"]').fill("Jeg planlegger godt")

    open_form(page, site_url + JOBS_PAGE, JOBS_FORM)
    page.locator('input[name="fa-jobben-gjort.naa"]').fill("60")
    page.locator('input[name="forbedre-maaten.naa"]').fill("40")


def an_export(questionnaires: list[dict[str, Any]], **header: Any) -> dict[str, Any]:
    return {
        "format": "lederskap-answers",
        "format_version": 1,
        "course": COURSE,
        "site": "https://example.github.io/kurs/",
        "exported": "2026-05-31T18:00:00.000Z",
        "questionnaires": questionnaires,
        **header,
    }


def leader_entry(answers: dict[str, Any], snapshots: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": LEADER_FORM, "version": 1, "updated": None, "answers": answers, "snapshots": snapshots or []}


def a_snapshot(snapshot_id: str, created: str, name: str = "Fra fil") -> dict[str, Any]:
    return {
        "id": snapshot_id,
        "name": name,
        "created": created,
        "version": 1,
        "answers": {"selvinnsikt": 3},
        "scores": None,
    }


def test_export_then_import_on_a_fresh_device_gives_back_exactly_the_same(
    browser: Browser, page: Page, site_url: str
) -> None:
    fill_the_course(page, site_url)
    records = {q: record_of(page, q) for q in COURSE_ORDER}
    assert [len(records[LEADER_FORM]["snapshots"])] == [2]

    open_my_results(page, site_url)
    exported = export_all(page)
    assert exported["format"] == "lederskap-answers"
    assert exported["format_version"] == 2
    assert exported["team"] == []  # no team replies opened: a file that says so
    assert exported["course"] == COURSE
    assert exported["site"] == site_url
    assert exported["exported"].endswith("Z")
    assert [(q["id"], q["version"]) for q in exported["questionnaires"]] == [(q, 1) for q in COURSE_ORDER]
    for entry in exported["questionnaires"]:
        stored = records[entry["id"]]
        assert entry["answers"] == (stored["answers"] if stored else {})
        assert entry["snapshots"] == (stored["snapshots"] if stored else [])
    said = feedback(page, "[data-lsk-course-tools]")
    assert "Alle svarene er lastet ned som filen lederskap-medarbeiderskap-" in said

    # Another device: a fresh browser context, with nothing stored.
    other = browser.new_context(locale="nb-NO", service_workers="block")
    traffic = Traffic(origin=site_url.split("/kurs/")[0])
    device = watch(other, traffic)
    try:
        open_my_results(device, site_url)
        assert device.locator('[data-lsk-answered="true"]').count() == 0
        choose_file(device, json.dumps(exported))
        wait_import_state(device, "preview")
        preview = device.locator("[data-lsk-import-preview]").inner_text()
        assert "Svar: 6 nye, 0 endres, 0 er like; 0 som bare finnes her, beholdes." in preview
        device.locator('[data-lsk-action="import"]').click()
        wait_import_state(device, "done")
        for questionnaire in COURSE_ORDER:
            stored = records[questionnaire]
            imported = record_of(device, questionnaire)
            if stored is None:
                assert imported["answers"] == {} and imported["snapshots"] == []
                continue
            assert imported["answers"] == stored["answers"]
            assert imported["snapshots"] == stored["snapshots"]
            assert imported["schema"] == 2
            # When the answers were last changed, not when they were imported ("Sist endret").
            assert imported["updated"] == stored["updated"]
        # The reflection is shown exactly, as text.
        shown = device.locator(f'[data-lsk-questionnaire="{LEADER_FORM}"] dd[data-lsk-field="styrke-1"]')
        assert shown.inner_text() == REFLECTION
        assert device.locator(f'[data-lsk-questionnaire="{LEADER_FORM}"] .lsk-my-text b').count() == 0
        # And the form on the other device shows the answers.
        open_form(device, site_url + LEADER_PAGE, LEADER_FORM)
        assert device.locator('input[name="selvinnsikt"]:checked').get_attribute("value") == "5"
        assert device.locator('textarea[name="styrke-1"]').input_value() == REFLECTION
        check_traffic(traffic)
        assert traffic.page_errors == []
    finally:
        other.close()


def test_merge_and_replace_do_what_the_preview_says(page: Page, site_url: str) -> None:
    here = a_snapshot("m-here-0001", "2026-01-01T10:00:00.000Z", "Her")
    stored = {
        "schema": 2,
        "course": COURSE,
        "questionnaire": LEADER_FORM,
        "version": 1,
        "updated": "2026-01-01T10:00:00.000Z",
        "answers": {"selvinnsikt": 2, "rollemodell": 5},
        "snapshots": [here],
    }
    seed(page, site_url, {storage_key(LEADER_FORM): json.dumps(stored)})
    from_file = a_snapshot("m-file-0002", "2026-02-01T10:00:00.000Z")
    file = json.dumps(an_export([leader_entry({"selvinnsikt": 4, "handlingsrom": 3}, [from_file])]))
    open_my_results(page, site_url)

    # Cancelling changes nothing.
    before = all_storage(page)
    choose_file(page, file)
    wait_import_state(page, "preview")
    page.locator('[data-lsk-action="cancel-import"]').click()
    assert all_storage(page) == before

    choose_file(page, file)
    wait_import_state(page, "preview")
    entry = page.locator(f'[data-lsk-import-entry="{LEADER_FORM}"]')
    text = " ".join(entry.inner_text().split())
    assert "Svar: 1 nytt, 1 endres, 0 er like; 1 som bare finnes her, beholdes." in text
    assert "Målinger: 1 ny, 0 oppdateres." in text
    page.locator('input[data-lsk-import-mode="replace"]').check()
    text = " ".join(entry.inner_text().split())
    assert "Svar: 2 fra filen; 1 som bare finnes her, slettes." in text
    assert "Målinger: 1 fra filen; 1 som bare finnes her, slettes." in text
    page.locator('input[data-lsk-import-mode="merge"]').check()
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    merged = record_of(page, LEADER_FORM)
    assert merged["answers"] == {"selvinnsikt": 4, "rollemodell": 5, "handlingsrom": 3}
    assert merged["snapshots"] == [here, from_file]

    # Replace asks first; cancelling the question changes nothing.
    choose_file(page, file)
    wait_import_state(page, "preview")
    page.locator('input[data-lsk-import-mode="replace"]').check()
    page.locator('[data-lsk-action="import"]').click()
    confirm_dialog(page, confirm=False)
    assert record_of(page, LEADER_FORM)["answers"] == merged["answers"]
    page.locator('[data-lsk-action="import"]').click()
    confirm_dialog(page)
    wait_import_state(page, "done")
    replaced = record_of(page, LEADER_FORM)
    assert replaced["answers"] == {"selvinnsikt": 4, "handlingsrom": 3}
    assert replaced["snapshots"] == [from_file]


def test_script_and_markup_in_a_file_are_only_ever_text(page: Page, site_url: str, traffic: Traffic) -> None:
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    snapshot = {**a_snapshot("m-hostile-0001", "2026-02-01T10:00:00.000Z", hostile)}
    file = an_export([leader_entry({"styrke-1": hostile, "selvinnsikt": 4}, [snapshot])])
    open_my_results(page, site_url)
    choose_file(page, json.dumps(file), name="<img src=x onerror=alert(1)>.json")
    wait_import_state(page, "preview")
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    assert record_of(page, LEADER_FORM)["answers"]["styrke-1"] == hostile
    section = page.locator(f'[data-lsk-questionnaire="{LEADER_FORM}"]')
    assert section.locator('dd[data-lsk-field="styrke-1"]').inner_text() == hostile
    assert hostile in section.locator("[data-lsk-snapshot]").inner_text()
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator('img[src="x"]').count() == 0
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    assert page.locator('textarea[name="styrke-1"]').input_value() == hostile
    assert page.evaluate("() => window.__pwned") is None
    assert traffic.dialogs == []


REFUSED = {
    "wrong types": (
        an_export([leader_entry({"selvinnsikt": True, "styrke-1": {"a": 1}, "handlingsrom": 3})]),
        [
            "«Lederferdigheter som utvikler selvledede medarbeidere», spørsmålet «selvinnsikt»: Svaret på "
            "«Jeg jobber bevisst med min egen selvinnsikt og utvikling» skal være et helt tall fra 1 til 5, "
            "men det er ikke et tall.",
            "«Lederferdigheter som utvikler selvledede medarbeidere», spørsmålet «styrke-1»: "
            "Svaret på «Styrke 1» skal være en tekst, men det er det ikke.",
        ],
    ),
    "another course": (an_export([], course="et-annet-kurs"), ["Filen har svar fra et annet kurs («et-annet-kurs»)."]),
    "a newer format": (
        an_export([], format_version=7),
        ["Filen er laget av en nyere versjon av nettstedet (format 7) og kan ikke leses her."],
    ),
    "not an export": ({"schema": 2, "answers": {}}, ["Filen er ikke en eksport av svar fra dette nettstedet."]),
    "an id that is not an id": (
        an_export([leader_entry({"__proto__": {"polluted": 1}})]),
        ["Filen har en ugyldig id («__proto__») ved «questionnaires[0].answers»."],
    ),
    "a number JavaScript cannot hold": (
        an_export([leader_entry({"selvinnsikt": 10**400})]),
        ["Filen har et tall som ikke kan tas vare på nøyaktig ved «questionnaires[0].answers.selvinnsikt»."],
    ),
    "a nested value": (
        an_export([leader_entry({"gammelt-sporsmal": [[1]]})]),
        ["Filen har en verdi som ikke kan være et svar ved «questionnaires[0].answers.gammelt-sporsmal»."],
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_malformed_file_is_refused_and_changes_nothing(page: Page, site_url: str, case: str) -> None:
    content, messages = REFUSED[case]
    seed(page, site_url, {storage_key(LEADER_FORM): json.dumps(leader_record({"selvinnsikt": 1}))})
    open_my_results(page, site_url)
    before = all_storage(page)
    choose_file(page, json.dumps(content))
    wait_import_state(page, "refused")
    preview = page.locator("[data-lsk-import-preview]")
    assert preview.locator("h3").inner_text() == "Filen kan ikke importeres"
    assert [" ".join(li.inner_text().split()) for li in preview.locator("li").all()] == messages
    assert "Ingenting er endret." in preview.inner_text()
    assert all_storage(page) == before
    assert page.evaluate("() => Object.getPrototypeOf({}).polluted") is None


def test_a_file_that_is_too_large_or_not_json_is_refused_unread(page: Page, site_url: str) -> None:
    open_my_results(page, site_url, scored=False)
    before = all_storage(page)
    choose_file(page, b" " * (2 * 1024 * 1024 + 1))
    wait_import_state(page, "refused")
    assert "Filen er for stor (høyst 2 MB)." in page.locator("[data-lsk-import-preview]").inner_text()
    choose_file(page, "<html><script>alert(1)</script>")
    page.wait_for_function(
        """() => document.querySelector('[data-lsk-import-preview]').innerText.includes('ikke en JSON-fil')""",
        timeout=60_000,
    )
    assert all_storage(page) == before


def test_a_file_nested_too_deeply_is_refused_and_the_calculation_goes_on(page: Page, site_url: str) -> None:
    seed(page, site_url, {storage_key(LEADER_FORM): json.dumps(leader_record({"selvinnsikt": 1}))})
    open_my_results(page, site_url)
    before = all_storage(page)
    choose_file(page, "[" * 3000)  # once a fatal error of Pyodide: "Maximum call stack size exceeded"
    wait_import_state(page, "refused")
    preview = page.locator("[data-lsk-import-preview]")
    text = " ".join(preview.inner_text().split())
    assert "verdier lagt inni hverandre i mer enn 64 nivåer" in text
    assert text.count("Ingenting er endret") == 1
    assert all_storage(page) == before
    # The runtime still answers: the next file is checked.
    choose_file(page, json.dumps(an_export([leader_entry({"selvinnsikt": 4})])))
    wait_import_state(page, "preview")


def test_a_file_that_would_change_nothing_says_so_and_writes_nothing(page: Page, site_url: str) -> None:
    stored = json.dumps(leader_record({"selvinnsikt": 3}))
    seed(page, site_url, {storage_key(LEADER_FORM): stored})
    open_my_results(page, site_url)
    before = all_storage(page)
    choose_file(page, json.dumps(an_export([])))
    wait_import_state(page, "nothing")
    preview = " ".join(page.locator("[data-lsk-import-preview]").inner_text().split())
    assert preview == "Ingenting å importere Filen har ingen svar og ingen målinger. Ingenting er endret."
    assert "importert" not in feedback(page, "[data-lsk-course-tools]")
    choose_file(page, json.dumps(an_export([leader_entry({"selvinnsikt": 3})])))
    wait_import_state(page, "nothing")
    assert (
        "Alt i filen finnes allerede her. Ingenting er endret."
        in page.locator("[data-lsk-import-preview]").inner_text()
    )
    assert all_storage(page) == before


def leader_record(answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": 2,
        "course": COURSE,
        "questionnaire": LEADER_FORM,
        "version": 1,
        "updated": "2026-01-01T10:00:00.000Z",
        "answers": answers,
        "snapshots": [],
    }


def test_an_import_made_stale_by_another_tab_is_not_applied(page: Page, site_url: str) -> None:
    seed(page, site_url, {storage_key(LEADER_FORM): json.dumps(leader_record({"selvinnsikt": 1}))})
    open_my_results(page, site_url)
    choose_file(page, json.dumps(an_export([leader_entry({"selvinnsikt": 4})])))
    wait_import_state(page, "preview")
    # Meanwhile another tab saves an answer.
    page.evaluate(
        "([key, text]) => localStorage.setItem(key, text)",
        [storage_key(LEADER_FORM), json.dumps(leader_record({"selvinnsikt": 2}))],
    )
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "changed_meanwhile")
    assert record_of(page, LEADER_FORM)["answers"] == {"selvinnsikt": 2}
    assert "Ingenting er importert" in feedback(page, "[data-lsk-course-tools]")
    assert page.url.endswith(MY_RESULTS_PAGE)


def test_an_export_of_what_the_page_cannot_show_imports_again_and_keeps_it(page: Page, site_url: str) -> None:
    stored = leader_record({"selvinnsikt": 3})
    stored["snapshots"] = [None, {"id": "m-x"}]
    seed(page, site_url, {storage_key(LEADER_FORM): json.dumps(stored)})
    open_my_results(page, site_url)
    _, text = download_text(page, '[data-lsk-action="export-all"]')
    page.locator('[data-lsk-action="delete-course"]').click()  # as on a new device
    confirm_dialog(page)
    choose_file(page, text)
    wait_import_state(page, "preview")
    assert (
        "2 målinger i filen kan ikke vises her; de importeres og tas vare på uendret."
        in page.locator("[data-lsk-import-preview]").inner_text()
    )
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    kept = record_of(page, LEADER_FORM)
    assert kept["answers"] == {"selvinnsikt": 3}
    assert kept["snapshots"] == [None, {"id": "m-x"}]


def test_a_stored_record_python_cannot_read_is_set_aside_before_an_import(page: Page, site_url: str) -> None:
    # JavaScript reads it (as 9007199254740992), Python sees a number JavaScript cannot hold exactly.
    unreadable = json.dumps(leader_record({"selvinnsikt": 3})).replace('"selvinnsikt": 3', '"x": 9007199254740993')
    key = storage_key(LEADER_FORM)
    seed(page, site_url, {key: unreadable})
    open_my_results(page, site_url)
    choose_file(page, json.dumps(an_export([leader_entry({"selvinnsikt": 4})])))
    wait_import_state(page, "preview")
    assert (
        "De lagrede svarene i dette skjemaet kan ikke leses her"
        in page.locator("[data-lsk-import-preview]").inner_text()
    )
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    assert record_of(page, LEADER_FORM)["answers"] == {"selvinnsikt": 4}
    aside = page.evaluate(
        """key => Object.keys(localStorage).filter(k => k.startsWith(key + '/unreadable/'))
            .map(k => localStorage.getItem(k))""",
        key,
    )
    assert aside == [unreadable]
