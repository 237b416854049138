"""A course in English: its interface is English throughout, and its numbers are written the English way.

The English fixture course (tests/fixtures/courses/english/, ``language: en``, a 0-4 scale with
reverse-scored items) is copied aside, built for the address of a server of its own and served
under the same sub-path as the main course (conftest's ``english_site``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .data_helpers import choose_file, download_text, export_all, wait_import_state, wait_scored
from .helpers import answer, dimension_rows, normalised, open_form, wait_for_results
from .questionnaires import axe_violations
from .served import watched_page

pytestmark = pytest.mark.browser

FORM = "team-climate"

# Reverse-scored items count as (4 - answer): trust (4 + 3 + 2) / 3 = 3.0, focus (3 + 2) / 2 = 2.5.
ANSWERS = {"ask-for-help": 4, "admit-mistakes": 1, "ideas-heard": 2, "know-priorities": 3, "unsure-after-meetings": 2}


@pytest.fixture
def english_page(browser: Browser, english_site: str) -> Iterator[Page]:
    with watched_page(browser, english_site, "en-GB") as page:
        yield page


def test_the_english_course_speaks_english_and_writes_numbers_the_english_way(
    english_page: Page, english_site: str
) -> None:
    page = english_page
    open_form(page, english_site + "team-climate/", FORM)
    assert page.get_attribute("html", "lang") == "en"
    form = page.locator(f'form[data-lsk-questionnaire="{FORM}"]')
    assert "Your answers are stored only in this browser" in normalised(form.inner_text())
    answer(page, ANSWERS)
    wait_for_results(page, FORM, answered=5)

    assert dimension_rows(page, "climate") == {
        "trust": {"mean": "3.0", "answered": "3/3", "band": "Working well"},
        "focus": {"mean": "2.5", "answered": "2/2", "band": "Mostly clear"},
    }
    text = normalised(form.inner_text())
    for english in (
        "The calculation is ready. Your results update as you answer.",
        "Your results",
        "5 of 5 statements answered.",
        "Average 2.5 (2 of 2 answered)",
        "Overall average of the areas: 2.8. Each area counts the same; 2 of 2 areas have enough answers.",
        "The dashed lines show where the assessment changes. "
        "For Trust: from 0 “Room to grow” and from 2 “Working well”. "
        "For Focus: from 0 “Unclear”, from 1.5 “Mostly clear” and from 3 “Clear”.",
        "Clear answer",
    ):
        assert english in text
    for norwegian in ("Svarene", "Beregningen", "Gjennomsnitt", "utsagn", "Fjern svar", "2,5"):
        assert norwegian not in text
    chart = normalised(form.locator("[data-lsk-results] svg.lsk-chart").text_content() or "")
    assert "Bar chart: average per area on the scale 0 to 4" in chart
    assert "2.5" in chart and "2,5" not in chart
    assert axe_violations(page) == []


def test_english_sums_are_written_with_a_decimal_point(english_page: Page, english_site: str) -> None:
    page = english_page
    open_form(page, english_site + "working-week/", "working-week")
    first = page.locator('form[data-lsk-questionnaire="working-week"] input.lsk-number-input').first
    first.fill("12.5")
    totals = normalised(page.locator("[data-lsk-totals]").inner_text())
    assert "12.5 h" in totals and "12,5" not in totals
    assert "Sum of" in totals


def test_a_choice_part_is_answered_scored_kept_and_shown_in_english(english_page: Page, english_site: str) -> None:
    page = english_page
    form = 'form[data-lsk-questionnaire="planning-habits"]'
    open_form(page, english_site + "planning-habits/", "planning-habits")
    for question, option in {"plan-when": "evening", "plan-review": "sometimes", "plan-share": "yes"}.items():
        page.locator(f'{form} input[type="radio"][name="{question}"][value="{option}"]').check()
    wait_for_results(page, "planning-habits")
    results = normalised(page.locator(f'{form} [data-lsk-results="planning"]').inner_text())
    assert "3 of 3 questions answered." in results
    assert "Your score: 3 of 4." in results
    scores = page.locator(f'{form} [data-lsk-results="planning"] tr[data-lsk-question]')
    assert [normalised(row.inner_text()) for row in scores.all()] == [
        "When do you plan your day? The evening before 2",
        "Do you look back at your week on Friday? Sometimes 1",
    ]
    assert axe_violations(page) == []
    # Kept as the chosen options' ids, and filled in again on a return visit.
    page.reload()
    page.wait_for_selector(f"{form}[data-lsk-mounted]", state="attached")
    chosen = page.eval_on_selector_all(f"{form} input[type=radio]:checked", "radios => radios.map(r => r.value)")
    assert chosen == ["evening", "sometimes", "yes"]

    # On the results page: the options chosen, the score, in the export and back from it.
    page.goto(english_site + "my-results/")
    page.wait_for_selector("div.lsk-my-results[data-lsk-mounted]", state="attached")
    wait_scored(page)
    section = page.locator('section[data-lsk-questionnaire="planning-habits"]')
    answers = [normalised(dd.inner_text()) for dd in section.locator("dd[data-lsk-question]").all()]
    assert answers == ["The evening before", "Sometimes", "Yes"]
    assert "Your score: 3 of 4." in normalised(section.locator('[data-lsk-results="planning"]').inner_text())
    exported = export_all(page)
    (entry,) = [q for q in exported["questionnaires"] if q["id"] == "planning-habits"]
    assert entry["answers"] == {"plan-when": "evening", "plan-review": "sometimes", "plan-share": "yes"}
    _, csv_text = download_text(page, '[data-lsk-action="export-csv"]')
    assert (
        "Planning habits,How do you plan your work?,Answer,plan-when,When do you plan your day?,The evening before"
        in csv_text
    )
    entry["answers"]["plan-share"] = "no"
    choose_file(page, json.dumps(exported))
    wait_import_state(page, "preview")
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    assert normalised(section.locator('dd[data-lsk-question="plan-share"]').inner_text()) == "No"
    assert axe_violations(page) == []


def test_markdown_in_the_questionnaire_texts_is_shown_as_formatting_and_links(
    english_page: Page, english_site: str
) -> None:
    """A statement's hint, a dimension's description with a list, a band text with emphasis and a
    link to a course page (tests/fixtures/courses/english/forms/team-climate.yml)."""
    page = english_page
    open_form(page, english_site + "team-climate/", FORM)
    form = page.locator(f'form[data-lsk-questionnaire="{FORM}"]')
    hint = form.locator('[data-lsk-item="ask-for-help"] .lsk-hint')
    assert hint.locator("em").inner_text() == "Any"
    assert "<b>Raw HTML stays text.</b>" in hint.inner_text()
    assert form.locator("b").count() == 0
    radio = form.locator('input[name="ask-for-help"]').first
    assert radio.get_attribute("aria-describedby") == hint.get_attribute("id")
    items = form.locator(".lsk-intro li").all_inner_texts()
    assert items == ["this month's two most important things", "who does what"]
    # The lowest answers: Trust falls in "Room to grow", whose text has emphasis and a link.
    answer(page, {"ask-for-help": 0, "admit-mistakes": 4, "ideas-heard": 0})
    wait_for_results(page, FORM, answered=3)
    band = form.locator('[data-lsk-results] [data-lsk-dimension="trust"] .lsk-band')
    assert normalised(band.inner_text()) == (
        "Room to grow This is a good topic to bring up with your team; Planning habits can help."
    )
    assert band.locator("strong").all_inner_texts() == ["Room to grow", "good topic"]
    link = band.locator("a")
    assert link.get_attribute("href") == "/kurs/planning-habits/"
    link.click()
    page.wait_for_url(english_site + "planning-habits/")
