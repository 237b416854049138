"""The learner's own results page ("Mine resultater"): everything of every questionnaire on one page,
printable on A4; snapshots compared over time, named and deleted; answers deleted with a
confirmation, leaving nothing behind; a gentle reminder to export.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from lederskap_scorer import storage_keys
from playwright.sync_api import Page, expect

from .conftest import Traffic
from .data_helpers import (
    COURSE_PREFIX,
    MY_RESULTS_PAGE,
    SELF_LEADERSHIP_FORM,
    SELF_LEADERSHIP_PAGE,
    V1_FIXTURES,
    choose_file,
    confirm_dialog,
    course_keys,
    download_text,
    feedback,
    open_my_results,
    record_of,
    scored_count,
    seed,
    wait_import_state,
    wait_scored,
)
from .helpers import (
    COURSE,
    JOBS_FORM,
    LEADER_FORM,
    LEADER_PAGE,
    SCORER_TIMEOUT_MS,
    SUB_PATH,
    answer,
    dimension_rows,
    open_form,
    storage_key,
    wait_for_results,
)
from .questionnaires import axe_violations
from .test_export_import import save_snapshot

pytestmark = pytest.mark.browser

START = {
    "selvinnsikt": 2,
    "praktiserer-selvledelse": 2,
    "opptatt-av-andre": 3,  # relasjonelle-ferdigheter 7/3 -> 2,3
    "oppgaveansvar-og-myndighet": 3,
    "handlingsrom": 3,  # maktdeling 6/2 -> 3,0
}
END = {"selvinnsikt": 4, "praktiserer-selvledelse": 4, "handlingsrom": 5}  # 11/3 -> 3,7 and 8/2 -> 4,0
OTHER_COURSE_KEY = storage_keys.storage_key(SUB_PATH, "another-course", "x")


def leader_with_two_snapshots(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, START)
    page.locator('textarea[name="utviklingsomrade-1"]').fill("Gi mer ansvar")
    wait_for_results(page, LEADER_FORM, answered=5)
    assert save_snapshot(page, LEADER_FORM, "Start på programmet") == "Målingen «Start på programmet» er lagret."
    form = f'form[data-lsk-questionnaire="{LEADER_FORM}"]'
    assert " ".join(page.locator(f"{form} [data-lsk-snapshot-count]").inner_text().split()) == (
        "Du har 1 lagret måling av dette skjemaet. Du kan se og sammenligne målingene dine på siden Mine resultater."
    )
    link = page.locator(f"{form} [data-lsk-snapshot-count] a[data-lsk-results-page-link]")
    assert (link.inner_text(), link.get_attribute("href")) == ("Mine resultater", f"{SUB_PATH}{MY_RESULTS_PAGE}")
    answer(page, END)
    wait_for_results(page, LEADER_FORM, answered=5)
    assert "er lagret" in save_snapshot(page, LEADER_FORM, "")


def test_the_page_gathers_answers_scores_suggestions_reflections_and_prints_on_a4(
    page: Page, site_url: str, traffic: Traffic
) -> None:
    leader_with_two_snapshots(page, site_url)
    open_form(page, site_url + SELF_LEADERSHIP_PAGE, SELF_LEADERSHIP_FORM)
    page.locator('input[type="checkbox"][name="krevende-selvledelse"][value="planlegging"]').check()
    page.locator('textarea[name="bli-enda-bedre"]').fill("Sette av tid hver fredag")

    open_my_results(page, site_url)
    leader = page.locator(f'section[data-lsk-questionnaire="{LEADER_FORM}"]')
    assert leader.get_attribute("data-lsk-answered") == "true"
    # The answers, each with its scale label.
    answers = leader.locator("table.lsk-answers-table")
    assert answers.locator('tr[data-lsk-item="selvinnsikt"] td').inner_text() == "4 – I stor grad"
    assert answers.locator('tr[data-lsk-item="rollemodell"] td').inner_text() == "Ikke besvart"
    # The scores, as the form shows them: table, chart and suggestions.
    rows = dimension_rows(page, "egenvurdering")
    assert rows["relasjonelle-ferdigheter"]["mean"] == "3,7"
    assert rows["maktdeling"]["mean"] == "4,0"
    assert leader.locator('svg.lsk-chart[role="img"]').count() >= 1
    # The two scored areas are only 1/3 apart: the suggestions say so instead of listing them.
    suggestions = leader.locator('[data-lsk-results="egenvurdering"] .lsk-suggestions')
    assert suggestions.get_attribute("data-lsk-suggestion-status") == "close-means"
    assert "med bare 0,3 mellom høyeste og laveste gjennomsnitt" in suggestions.inner_text()
    # The learner's own reflections and choices.
    assert leader.locator('dd[data-lsk-field="utviklingsomrade-1"]').inner_text() == "Gi mer ansvar"
    reflection = page.locator(f'section[data-lsk-questionnaire="{SELF_LEADERSHIP_FORM}"]')
    assert "Planlegging av oppgaver" in reflection.locator(".lsk-my-chosen").inner_text()
    assert reflection.locator('dd[data-lsk-field="bli-enda-bedre"]').inner_text() == "Sette av tid hver fredag"
    # The questionnaires in the course's order, each with a way back to its form.
    order = page.eval_on_selector_all(
        "section.lsk-my-results-questionnaire", "sections => sections.map(s => s.dataset.lskQuestionnaire)"
    )
    assert order == [LEADER_FORM, "medarbeider-egenevaluering", SELF_LEADERSHIP_FORM, JOBS_FORM]
    assert leader.locator("a", has_text="Gå til skjemaet").get_attribute("href") == "/kurs/verktoy/lederferdigheter/"

    # Printed: no menu, header, buttons, controls or unanswered questionnaires; charts in black.
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.lsk-my-results-tools',
                  '.lsk-my-results-actions', '.lsk-compare-choices', '.lsk-snapshot-tools',
                  'section[data-lsk-questionnaire="lederens-fire-jobber"]']
            .map(s => [s, [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none')])"""
    )
    assert all(is_hidden for _, is_hidden in hidden), hidden
    assert page.evaluate(
        """() => [...document.querySelectorAll('.lsk-my-results button')]
            .every(b => getComputedStyle(b).display === 'none')"""
    )
    bar = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('.lsk-my-results .lsk-chart-bar:not(.lsk-chart-bar--second)')).fill"""
    )
    assert bar == "rgb(0, 0, 0)"
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    assert traffic.page_errors == []


def test_snapshots_show_the_change_per_dimension_and_can_be_renamed_and_deleted(page: Page, site_url: str) -> None:
    leader_with_two_snapshots(page, site_url)
    snapshots = record_of(page, LEADER_FORM)["snapshots"]
    assert [s["name"] for s in snapshots] == ["Start på programmet", ""]
    assert [d["mean_display"] for d in snapshots[0]["scores"][0]["dimensions"]] == ["2,3", "3,0", None, None]

    open_my_results(page, site_url)
    leader = page.locator(f'section[data-lsk-questionnaire="{LEADER_FORM}"]')
    names = [e.inner_text() for e in leader.locator(".lsk-snapshot-name strong").all()]
    assert names[0] == "Start på programmet" and names[1].startswith("Måling ")
    table = leader.locator('table.lsk-compare-table[data-lsk-compare="egenvurdering"]')
    # The comparison is the scorer's, asked for once the answers are scored, and drawn again when the
    # page is: each row is read whole, with retries, never cell by cell while it is replaced.
    changes = {
        "relasjonelle-ferdigheter": ["2,3", "3,7", "+1,3"],
        "maktdeling": ["3,0", "4,0", "+1,0"],
        "motivasjonsstotte": ["–", "–", "–"],
        "utviklingsstotte": ["–", "–", "–"],
    }
    expect(table.locator("tbody tr")).to_have_count(len(changes), timeout=SCORER_TIMEOUT_MS)
    for dimension, cells in changes.items():
        expect(table.locator(f'tbody tr[data-lsk-dimension="{dimension}"] td')).to_have_text(cells)
    assert leader.locator(".lsk-compare svg.lsk-chart[role='img']").count() == 1

    # Compare the start with the answers now.
    leader.locator('select[data-lsk-compare-select="to"]').select_option("now")
    # The comparison is computed by the scorer, then drawn again: wait for the new heading.
    expect(table.locator("thead")).to_contain_text("Nå (svarene dine i dag)", timeout=SCORER_TIMEOUT_MS)

    # Rename the second snapshot.
    second = leader.locator("li.lsk-snapshot").nth(1)
    second.locator("input.lsk-text-input").fill("Slutt på programmet")
    second.locator('[data-lsk-action="rename-snapshot"]').click()
    assert "Målingen har fått nytt navn." in feedback(page, "[data-lsk-course-tools]")
    assert [s["name"] for s in record_of(page, LEADER_FORM)["snapshots"]] == [
        "Start på programmet",
        "Slutt på programmet",
    ]

    # Delete the first, after confirming.
    leader.locator("li.lsk-snapshot").first.locator('[data-lsk-action="delete-snapshot"]').click()
    confirm_dialog(page, confirm=False)
    assert len(record_of(page, LEADER_FORM)["snapshots"]) == 2
    leader.locator("li.lsk-snapshot").first.locator('[data-lsk-action="delete-snapshot"]').click()
    confirm_dialog(page)
    assert [s["name"] for s in record_of(page, LEADER_FORM)["snapshots"]] == ["Slutt på programmet"]
    assert record_of(page, LEADER_FORM)["answers"] == {**START, **END, "utviklingsomrade-1": "Gi mer ansvar"}


def test_a_snapshot_upgrades_a_schema_1_record_first(page: Page, site_url: str) -> None:
    v1 = (V1_FIXTURES / "leder-egenvurdering-v1.json").read_text(encoding="utf-8").strip()
    seed(page, site_url, {storage_key(LEADER_FORM): v1})
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    assert "er lagret" in save_snapshot(page, LEADER_FORM, "Etter endringen")
    record = record_of(page, LEADER_FORM)
    assert record["schema"] == 2
    assert record["answers"] == json.loads(v1)["answers"]
    (snapshot,) = record["snapshots"]
    assert snapshot["name"] == "Etter endringen"
    assert snapshot["answers"] == json.loads(v1)["answers"]


def seed_everything(page: Page, site_url: str) -> None:
    """Records, an unreadable copy, a version copy, course notes and another course's record."""
    key = storage_key(LEADER_FORM)
    seed(
        page,
        site_url,
        {
            key: json.dumps(
                {
                    "schema": 2,
                    "course": COURSE,
                    "questionnaire": LEADER_FORM,
                    "version": 1,
                    "updated": "2026-01-01T10:00:00.000Z",
                    "answers": {"selvinnsikt": 3},
                    "snapshots": [],
                }
            ),
            f"{key}/unreadable/2026-01-01T10:00:00.000Z": "{not json",
            f"{key}/version/0": '{"schema":1,"answers":{}}',
            storage_key(JOBS_FORM): (V1_FIXTURES / "leder-egenvurdering-v1.json")
            .read_text(encoding="utf-8")
            .replace("leder-egenvurdering", JOBS_FORM),
            f"{COURSE_PREFIX}_course": json.dumps({"schema": 1, "exported": {LEADER_FORM: "2026-01-01T10:00:00.000Z"}}),
            OTHER_COURSE_KEY: '{"schema":2,"answers":{}}',
            "unrelated": "kept",
        },
    )


def test_deleting_one_questionnaire_removes_it_and_everything_beside_it(page: Page, site_url: str) -> None:
    seed_everything(page, site_url)
    open_my_results(page, site_url)
    leader = page.locator(f'section[data-lsk-questionnaire="{LEADER_FORM}"]')
    leader.locator('[data-lsk-action="delete-questionnaire"]').click()
    confirm_dialog(page, confirm=False)
    assert len([k for k in course_keys(page) if LEADER_FORM in k]) == 3
    leader.locator('[data-lsk-action="delete-questionnaire"]').click()
    confirm_dialog(page)
    assert "Svarene og målingene i dette skjemaet er slettet" in feedback(page, "[data-lsk-course-tools]")
    assert course_keys(page) == [storage_key(JOBS_FORM)]
    assert leader.get_attribute("data-lsk-answered") == "false"


def test_deleting_the_course_leaves_nothing_of_it_in_storage(page: Page, site_url: str) -> None:
    seed_everything(page, site_url)
    open_my_results(page, site_url)
    page.locator('[data-lsk-action="delete-course"]').click()
    dialog = page.locator("dialog.lsk-dialog[open]")
    assert dialog.get_attribute("aria-labelledby")
    assert dialog.locator("h2").inner_text() == "Slette alle svarene i kurset?"
    assert page.evaluate("() => document.activeElement.dataset.lskDialog") == "cancel"
    page.keyboard.press("Escape")  # Escape cancels
    dialog.wait_for(state="detached")
    assert page.evaluate("() => document.activeElement.dataset.lskAction") == "delete-course"
    assert len(course_keys(page)) == 5
    page.locator('[data-lsk-action="delete-course"]').click()
    confirm_dialog(page)
    assert "Alle svarene og målingene i kurset er slettet" in feedback(
        page, "[data-lsk-course-tools]", containing="Alle svarene og målingene i kurset er slettet"
    )
    assert course_keys(page) == []
    remaining = page.evaluate("() => Object.keys(localStorage).sort()")
    assert remaining == [OTHER_COURSE_KEY, "unrelated"]
    assert page.locator('section.lsk-my-results-questionnaire[data-lsk-answered="true"]').count() == 0


def test_the_forms_own_delete_button_asks_first_and_clears_the_form(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    assert "er lagret" in save_snapshot(page, LEADER_FORM, "En")
    form = f'form[data-lsk-questionnaire="{LEADER_FORM}"]'
    page.locator(f'{form} [data-lsk-action="delete"]').click()
    confirm_dialog(page, confirm=False)
    assert record_of(page, LEADER_FORM) is not None
    page.locator(f'{form} [data-lsk-action="delete"]').click()
    confirm_dialog(page)
    assert "Svarene og målingene i dette skjemaet er slettet" in feedback(page, form)
    assert [k for k in course_keys(page) if LEADER_FORM in k] == []
    assert page.locator(f"{form} input[type=radio]:checked").count() == 0
    wait_for_results(page, LEADER_FORM, answered=0)


def test_a_gentle_reminder_to_export(page: Page, site_url: str) -> None:
    form = f'form[data-lsk-questionnaire="{LEADER_FORM}"]'
    notes_key = f"{COURSE_PREFIX}_course"
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    reminder = page.locator(f"{form} [data-lsk-export-reminder]")
    assert reminder.is_hidden()  # no answers, nothing to remind of
    answer(page, {"selvinnsikt": 4})
    assert reminder.is_hidden()  # the first day: no answer has waited for an export yet
    notes = json.loads(page.evaluate("key => localStorage.getItem(key)", notes_key))
    since = notes["unexported"][LEADER_FORM]
    answer(page, {"handlingsrom": 3})
    notes = json.loads(page.evaluate("key => localStorage.getItem(key)", notes_key))
    assert notes["unexported"] == {LEADER_FORM: since}, "counted from the first answer no export holds"

    # Fifteen days later, still without an export.
    old = (datetime.now(UTC) - timedelta(days=15)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    notes["unexported"][LEADER_FORM] = old
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [notes_key, json.dumps(notes)])
    page.reload()
    page.wait_for_selector(f"{form}[data-lsk-mounted]", state="attached")
    assert "i mer enn 14 dager uten å bli eksportert" in reminder.inner_text()
    download_text(page, f'{form} [data-lsk-action="export"]')
    assert reminder.is_hidden()
    notes = json.loads(page.evaluate("key => localStorage.getItem(key)", notes_key))
    assert set(notes["exported"]) == {LEADER_FORM} and notes["unexported"] == {}

    notes["unexported"][LEADER_FORM] = old
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [notes_key, json.dumps(notes)])
    page.goto(site_url + MY_RESULTS_PAGE)
    page.wait_for_selector("div.lsk-my-results[data-lsk-mounted]", state="attached")
    tools = page.locator("[data-lsk-course-tools] [data-lsk-export-reminder]")
    assert "i mer enn 14 dager uten å bli eksportert" in tools.inner_text()
    wait_scored(page)
    count = scored_count(page)
    _, text = download_text(page, '[data-lsk-action="export-all"]')
    assert json.loads(text)["questionnaires"][0]["answers"] == {"selvinnsikt": 4, "handlingsrom": 3}
    assert tools.is_hidden()
    assert count >= 1


def test_the_spreadsheet_file_quotes_and_defuses_formulas(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "praktiserer-selvledelse": 3})
    page.locator('textarea[name="styrke-1"]').fill('=HYPERLINK("http://x";"klikk"); og "sitat"\nny linje')
    page.locator('textarea[name="styrke-2"]').fill("@SUM(A1)")
    page.locator('textarea[name="utviklingsomrade-1"]').fill("x,=1+1; -2 og ;@A1\n- ring Kari")
    open_my_results(page, site_url)
    name, text = download_text(page, '[data-lsk-action="export-csv"]')
    assert name == f"{COURSE}-{datetime.now(UTC).date().isoformat()}.csv"
    assert text.startswith("\ufeffSkjema;Del;Type;Id;Spørsmål;Svar\r\n")
    lines = text.removeprefix("\ufeff").split("\r\n")
    title = "Lederferdigheter som utvikler selvledede medarbeidere"
    assert f"{title};Egenvurdering;Svar;selvinnsikt;Jeg jobber bevisst med min egen selvinnsikt og utvikling;4" in lines
    assert f'{title};Egenvurdering;Gjennomsnitt;relasjonelle-ferdigheter;Relasjonelle lederferdigheter;"3,5"' in lines
    assert f'{title};Styrker;Svar;styrke-1;Styrke 1;"\'=HYPERLINK(""http://x"";""klikk""); og ""sitat""' in text
    assert f"{title};Styrker;Svar;styrke-2;Styrke 2;'@SUM(A1)" in lines
    assert ";\"x,'=1+1; '-2 og ;'@A1\n'- ring Kari\"\r\n" in text
    # Opened with either separator, no cell starts a formula.
    for separator in (";", ","):
        for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=separator):
            assert not [cell for cell in row if cell.lstrip(" ")[:1] in ("=", "+", "-", "@")], row


def test_the_page_with_results_snapshots_a_preview_and_a_dialog_has_no_violations(page: Page, site_url: str) -> None:
    leader_with_two_snapshots(page, site_url)
    form = f'form[data-lsk-questionnaire="{LEADER_FORM}"]'
    assert axe_violations(page) == []  # the form with its toolbar and feedback
    page.locator(f'{form} [data-lsk-action="delete"]').click()
    page.locator("dialog.lsk-dialog[open]").wait_for()
    assert axe_violations(page) == []
    confirm_dialog(page, confirm=False)

    open_my_results(page, site_url)
    assert axe_violations(page) == []
    _, text = download_text(page, '[data-lsk-action="export-all"]')
    exported = json.loads(text)
    exported["questionnaires"][0]["answers"]["selvinnsikt"] = 1  # a file that changes something: a preview
    choose_file(page, json.dumps(exported))
    wait_import_state(page, "preview")
    assert axe_violations(page) == []
    page.locator('[data-lsk-action="delete-course"]').click()
    page.locator("dialog.lsk-dialog[open]").wait_for()
    assert axe_violations(page) == []
    confirm_dialog(page, confirm=False)


def test_the_spreadsheet_does_not_wait_silently_for_a_hanging_calculation(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    page.route("**/pyodide.asm.wasm*", lambda route: None)  # never answered: the runtime hangs
    open_my_results(page, site_url, scored=False, fresh=True)
    page.locator('[data-lsk-action="export-csv"]').click()
    said = page.locator("[data-lsk-course-tools] [data-lsk-feedback]")
    expect(said).to_contain_text("Regnearket lastes ned når resultatene er beregnet")
    offer = page.locator('[data-lsk-action="export-csv-unscored"]')
    offer.wait_for(state="visible")
    expect(said).to_contain_text("Du kan laste ned svarene uten resultater nå, eller vente")
    _, text = download_text(page, '[data-lsk-action="export-csv-unscored"]')
    assert ";Svar;selvinnsikt;" in text
    assert ";Gjennomsnitt;" not in text
    expect(said).to_contain_text("uten resultater, fordi beregningen ikke var klar")
    assert offer.is_hidden()
