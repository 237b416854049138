"""A scale's "not applicable" choice, as a learner uses it: chosen, kept, counted out of every average, and
shown in the scale's words wherever the answers are shown.

The English fixture course's team-climate (tests/fixtures/courses/english/forms/team-climate.yml) offers
"Does not apply to my team" after its 0-4 scale. Screenshots of the form at 360 and 1280 px are saved in
``test-results/not-applicable/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from lederskap_scorer import storage_keys
from playwright.sync_api import Browser, Page

from ..courses import REPO
from .data_helpers import choose_file, download_text, export_all, scored_count, wait_import_state, wait_scored
from .helpers import SUB_PATH, dimension_rows, normalised, open_form, wait_for_results
from .questionnaires import axe_violations
from .served import watched_page

pytestmark = pytest.mark.browser

FORM = "team-climate"
WORDS = "Does not apply to my team"
SCREENSHOTS = REPO / "test-results" / "not-applicable"

# Trust: 4 and (4 - 2) = 2 on the scale, the reverse statement "not applicable": (4 + 2) / 2 = 3.0. Were it
# counted as anything (0, or reversed to 4), the mean would be 2.0 or 3.3. Focus: one of two on the scale
# scores (the half rule), with the other "not applicable": 3.0.
ANSWERS = {"ask-for-help": 4, "admit-mistakes": "na", "ideas-heard": 2, "know-priorities": 3}
ANSWERED = {**ANSWERS, "unsure-after-meetings": "na"}


@pytest.fixture
def english_page(browser: Browser, english_site: str) -> Iterator[Page]:
    with watched_page(browser, english_site, "en-GB") as page:
        yield page


def form(page: Page) -> str:
    return f'form[data-lsk-questionnaire="{FORM}"]'


def test_the_choice_is_a_named_44_pixel_target_apart_from_the_scale_at_360_and_1280_pixels(
    english_page: Page, english_site: str
) -> None:
    page = english_page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        open_form(page, english_site + "team-climate/", FORM)
        choice = page.get_by_role("radio", name=f"{WORDS}: I hesitate to admit a mistake to my team.")
        assert choice.get_attribute("value") == "na"
        box = page.locator(f'{form(page)} [data-lsk-item="admit-mistakes"] .lsk-choice--na').bounding_box()
        points = page.locator(f'{form(page)} [data-lsk-item="admit-mistakes"] .lsk-choice:not(.lsk-choice--na)')
        last_point = points.last.bounding_box()
        ends = page.locator(f'{form(page)} [data-lsk-item="admit-mistakes"] .lsk-scale-ends').bounding_box()
        assert box is not None and last_point is not None and ends is not None
        assert box["width"] >= 44 and box["height"] >= 44
        # Below the points and their end labels, on a row of its own.
        assert box["y"] >= ends["y"] + ends["height"] and box["y"] > last_point["y"] + last_point["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        item = page.locator(f'{form(page)} [data-lsk-item="admit-mistakes"]')
        item.screenshot(path=str(SCREENSHOTS / f"statement-{width}.png"))
        page.locator(form(page)).screenshot(path=str(SCREENSHOTS / f"form-{width}.png"))
        assert axe_violations(page) == []
    legend = normalised(page.locator(f"{form(page)} .lsk-scale-legend").inner_text())
    assert f"You can also answer “{WORDS}”. That answer does not count in the averages." in legend


def test_an_answer_not_applicable_is_kept_counted_out_of_the_means_and_shown_in_words(
    english_page: Page, english_site: str
) -> None:
    page = english_page
    open_form(page, english_site + "team-climate/", FORM)
    for item, value in ANSWERED.items():
        page.locator(f'{form(page)} input[type="radio"][name="{item}"][value="{value}"]').check()
    wait_for_results(page, FORM, answered=5)

    results = page.locator(f'{form(page)} [data-lsk-results="climate"]')
    text = normalised(results.inner_text())
    assert (
        f"5 of 5 statements answered, 2 of them with “{WORDS}”, an answer that does not count in the averages."
        in text
    )
    assert dimension_rows(page, "climate") == {
        "trust": {"mean": "3.0", "answered": "3/3", "band": "Working well"},
        "focus": {"mean": "3.0", "answered": "2/2", "band": "Clear"},
    }
    assert f"Average 3.0 (3 of 3 answered, 1 of them with “{WORDS}”)" in text
    assert "Overall average of the areas: 3.0." in text
    # Suggested statements are answers on the scale only.
    assert "admit a mistake" not in normalised(results.locator(".lsk-suggestions").inner_text())
    assert axe_violations(page) == []

    # Both on the scale and "na" taken away: not enough answers, said in words.
    page.locator(f'{form(page)} [data-lsk-clear="know-priorities"]').click()
    wait_for_results(page, FORM, answered=4)
    focus = normalised(results.locator('[data-lsk-dimension="focus"].lsk-dimension-result').inner_text())
    assert focus == (
        f"Focus Not enough answers yet: answer at least 1 of the 2 statements in this area with a number on the "
        f"scale; “{WORDS}” does not count."
    )
    page.locator(f'{form(page)} input[name="know-priorities"][value="3"]').check()
    wait_for_results(page, FORM, answered=5)

    # Kept as "na", and chosen again on a return visit.
    key = storage_keys.storage_key(SUB_PATH, "working-well-together", FORM)
    stored = json.loads(page.evaluate("key => localStorage.getItem(key)", key))
    assert stored["answers"] == ANSWERED
    page.reload()
    page.wait_for_selector(f"{form(page)}[data-lsk-mounted]", state="attached")
    checked = page.eval_on_selector_all(f"{form(page)} input[type=radio]:checked", "rs => rs.map(r => r.value)")
    assert checked == ["4", "na", "2", "3", "na"]

    # Mine resultater: the scale's words, never "na" or a number.
    page.goto(english_site + "my-results/")
    page.wait_for_selector("div.lsk-my-results[data-lsk-mounted]", state="attached")
    wait_scored(page)
    section = page.locator(f'section[data-lsk-questionnaire="{FORM}"]')
    shown = {
        row.get_attribute("data-lsk-item"): normalised(row.locator("td").inner_text())
        for row in section.locator("tr[data-lsk-item]").all()
    }
    assert shown == {
        "ask-for-help": "4 – Always",
        "admit-mistakes": WORDS,
        "ideas-heard": "2 – Sometimes",
        "know-priorities": "3 – Often",
        "unsure-after-meetings": WORDS,
    }
    assert "5 of 5 statements answered, 2 of them with" in normalised(section.inner_text())
    assert axe_violations(page) == []

    # The spreadsheet: the words; the export: "na", and back from it.
    _, csv_text = download_text(page, '[data-lsk-action="export-csv"]')
    row = "Team climate,How does your team feel?,Answer,admit-mistakes,I hesitate to admit a mistake to my team."
    assert f"{row},{WORDS}" in csv_text
    assert ",na\r\n" not in csv_text and ",na\n" not in csv_text
    exported = export_all(page)
    (entry,) = [q for q in exported["questionnaires"] if q["id"] == FORM]
    assert entry["answers"] == ANSWERED
    # Trust then has one of its three statements on the scale: too few for an average (the half rule).
    entry["answers"]["ideas-heard"] = "na"
    scored = scored_count(page)
    choose_file(page, json.dumps(exported))
    wait_import_state(page, "preview")
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    wait_scored(page, after=scored)
    assert normalised(section.locator('tr[data-lsk-item="ideas-heard"] td').inner_text()) == WORDS

    # The summary for a conversation: the averages, and in words how many count in none of them.
    page.locator(f'[data-lsk-summary-questionnaire="{FORM}"]').wait_for()
    page.evaluate("() => { window.print = () => {}; }")
    for box in page.locator("[data-lsk-summary-questionnaire]").all():
        if box.get_attribute("data-lsk-summary-questionnaire") != FORM:
            box.uncheck()
    page.click('[data-lsk-action="print-summary"]')
    summary = normalised(page.locator(".lsk-summary").text_content() or "")
    told = f"5 of 5 statements answered, 3 of them with “{WORDS}”, an answer that does not count in the averages."
    assert told in summary
    rows = page.eval_on_selector_all(
        ".lsk-summary tr[data-lsk-dimension]", "rs => rs.map(r => [...r.cells].map(c => c.textContent))"
    )
    assert rows == [["Trust", "Too few answers", ""], ["Focus", "3.0", "Clear"]]
