"""What a learner meets on a phone and a laptop, in a small course of its own (``phone_course.py``).

* A 7-point and an 11-point (0–10) scale fit a 360 px screen: nothing is wider than the
  screen, every point stays a 44 px target, and the points lie in rows of even length; so
  does a scale of any size from 2 to 11 points, at widths from 320 to 1280 px, in as few rows
  as the width holds.
* Answering a statement moves nothing: its "Fjern svar" button has its place before it shows;
  nor does the script taking over the page, nor Python becoming ready: the status line above
  the form is written by the build as the script first draws it, with room for its next sentence.
* The allocation table says at the field when a cell does not count, reads a decimal comma
  in nb, and never adds such a cell to the sum.
* The comparison of two snapshots on "Mine resultater" keeps its column labels at 360 px.

Screenshots go to ``test-results/phone/`` (gitignored) for a person to look at.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, ViewportSize

from ..courses import REPO
from .data_helpers import open_my_results
from .helpers import SCORER_TIMEOUT_MS, form_is_mounted, normalised, open_form, wait_for_results, wait_for_scorer
from .phone_course import COURSE, PAGES, write_phone_course
from .questionnaires import axe_violations
from .served import built_and_served, watched_page

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-results" / "phone"
PHONE: ViewportSize = {"width": 360, "height": 740}
LAPTOP: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    config = write_phone_course(tmp_path_factory.mktemp("phone") / "course")
    with built_and_served(config) as url:
        yield url


@pytest.fixture
def page(browser: Browser, phone_site: str) -> Iterator[Page]:
    with watched_page(browser, phone_site, "nb-NO") as page:
        yield page


def screenshot(page: Page, name: str, selector: str | None = None) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if selector:
        page.locator(selector).first.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
    return path


WIDTHS = """() => {
    const shown = (e) => e.getClientRects().length > 0 && !e.closest('.lsk-visually-hidden');
    const name = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
    return {
        scrollWidth: document.scrollingElement.scrollWidth,
        beyondEdges: [...document.querySelectorAll('form.lsk-questionnaire *, .lsk-my-results *')].filter(shown)
            .filter(e => { const r = e.getBoundingClientRect();
                           return r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5); })
            .map(name),
    };
}"""

SCALES = """() => [...document.querySelectorAll('.lsk-scale')].map(scale => {
    const points = [...scale.querySelectorAll('.lsk-choice')];
    const rows = new Map();
    for (const point of points) {
        const top = Math.round(point.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) || 0) + 1);
    }
    const sizes = (selector) => points.map(p => p.querySelector(selector).getBoundingClientRect())
        .map(r => [Math.floor(r.width), Math.floor(r.height)]);
    return {points: points.length, rows: [...rows.values()], labels: sizes('label'), radios: sizes('input')};
})"""


def check_fits(page: Page, width: int) -> None:
    sizes = page.evaluate(WIDTHS)
    assert sizes["scrollWidth"] <= width, "the page scrolls sideways"
    assert sizes["beyondEdges"] == []


@pytest.mark.parametrize(("questionnaire", "points", "phone_rows"), [("sju", 7, [4, 3]), ("elleve", 11, [6, 5])])
def test_a_scale_of_7_or_11_points_fits_a_phone_in_even_rows_of_44_pixel_targets(
    page: Page, phone_site: str, questionnaire: str, points: int, phone_rows: list[int]
) -> None:
    for viewport, rows in ((PHONE, phone_rows), (LAPTOP, [points])):
        page.set_viewport_size(viewport)
        open_form(page, phone_site + PAGES[questionnaire], questionnaire)
        page.locator(f'input[type="radio"][value="{points // 2}"]').first.check()
        check_fits(page, viewport["width"])
        scales = page.evaluate(SCALES)
        assert len(scales) == 4
        for scale in scales:
            assert scale["points"] == points
            assert scale["rows"] == rows, f"at {viewport['width']} px"
            # Each point is a target of at least 44 x 44 px, the invisible radio as large as its label.
            assert all(w >= 44 and h >= 44 for w, h in scale["labels"]), scale["labels"]
            assert scale["radios"] == scale["labels"]
        screenshot(page, f"{questionnaire}-{viewport['width']}px", "form.lsk-questionnaire")
    page.set_viewport_size(PHONE)
    assert axe_violations(page) == []


SCALES_OF_EVERY_SIZE = """() => {
    // The 7-point statement as the build writes one of n points: n choices, data-lsk-points="n".
    const item = document.querySelector('.lsk-item');
    const scales = [];
    for (let n = 2; n <= 11; n++) {
        const copy = item.cloneNode(true);
        const scale = copy.querySelector('.lsk-scale');
        const choices = [...scale.querySelectorAll('.lsk-choice')];
        choices.slice(n).forEach(choice => choice.remove());
        for (let extra = choices.length; extra < n; extra++) {
            scale.insertBefore(choices[0].cloneNode(true), scale.querySelector('.lsk-scale-ends'));
        }
        scale.dataset.lskPoints = String(n);
        item.parentElement.append(copy);
        scales.push(copy);
    }
    return scales.map(copy => {
        const labels = [...copy.querySelectorAll('.lsk-choice label')].map(label => label.getBoundingClientRect());
        const rows = new Map();
        for (const box of labels) rows.set(Math.round(box.top), (rows.get(Math.round(box.top)) || 0) + 1);
        const edge = copy.getBoundingClientRect().right;
        const style = getComputedStyle(copy);
        return {
            room: copy.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
            points: labels.length,
            rows: [...rows.values()],
            smallest: Math.floor(Math.min(...labels.map(box => Math.min(box.width, box.height)))),
            inside: labels.every(box => box.right <= edge),
        };
    });
}"""


@pytest.mark.parametrize("width", [320, 360, 412, 768, 1280])
def test_a_scale_of_any_size_fits_in_as_few_even_rows_as_the_width_holds(
    page: Page, phone_site: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_form(page, phone_site + PAGES["sju"], "sju")
    for scale in page.evaluate(SCALES_OF_EVERY_SIZE):
        assert scale["smallest"] >= 44 and scale["inside"], scale
        rows = scale["rows"]
        assert sum(rows) == scale["points"] and max(rows) - min(rows) <= 1 and rows == sorted(rows, reverse=True), scale
        # As few rows as fit: with one row fewer, its longest row would not (44 + 6 px a point, and
        # the 12 px beside the scale, less one gap).
        if len(rows) > 1:
            longest = math.ceil(scale["points"] / (len(rows) - 1))
            assert 50 * longest + 6 > scale["room"], scale
    check_fits(page, width)


TOPS = """() => [...document.querySelectorAll('.lsk-item')].map(item => item.getBoundingClientRect().top + scrollY)"""


@pytest.mark.parametrize("questionnaire", ["sju", "elleve"])
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360px", "1280px"])
def test_answering_or_clearing_a_statement_moves_nothing(
    page: Page, phone_site: str, questionnaire: str, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    open_form(page, phone_site + PAGES[questionnaire], questionnaire)
    item = page.locator(".lsk-item").first
    clear = item.locator("button[data-lsk-clear]")
    before = page.evaluate(TOPS)
    assert clear.is_hidden()
    item.locator('input[type="radio"]').nth(2).click()
    assert clear.is_visible()
    assert page.evaluate(TOPS) == before, "answering moved the statements below"
    clear.click()
    assert clear.is_hidden()
    assert item.locator('input[type="radio"]:checked').count() == 0
    assert page.evaluate(TOPS) == before, "clearing moved the statements below"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360px", "1280px"])
def test_python_becoming_ready_moves_nothing(page: Page, phone_site: str, viewport: ViewportSize) -> None:
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm*", lambda route: held.append(route))  # Python is not ready yet
    page.set_viewport_size(viewport)
    open_form(page, phone_site + PAGES["elleve"], "elleve")
    status = page.locator(".lsk-status")
    assert page.evaluate("window.__lederskap.scorerState") == "starting"
    loading = normalised(status.inner_text())
    before = page.evaluate(TOPS)
    deadline = time.monotonic() + SCORER_TIMEOUT_MS / 1000
    while not held and time.monotonic() < deadline:  # a busy machine's worker may ask a moment later
        page.wait_for_timeout(50)
    held[0].continue_()
    assert wait_for_scorer(page) == "ready"
    ready = normalised(status.inner_text())
    assert loading.startswith("Laster beregning") and ready.startswith("Beregningen er klar"), (loading, ready)
    assert page.evaluate(TOPS) == before, "Python becoming ready moved the form"


STYLED = "() => [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet !== null)"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360px", "1280px"])
def test_the_script_taking_over_the_form_moves_nothing(page: Page, phone_site: str, viewport: ViewportSize) -> None:
    held: list[Route] = []
    page.route("**/assets/lederskap/main.js*", lambda route: held.append(route))
    page.set_viewport_size(viewport)
    page.goto(phone_site + PAGES["elleve"], wait_until="commit")
    page.wait_for_selector(".lsk-item")
    page.wait_for_function(STYLED)
    deadline = time.monotonic() + 15
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert len(held) == 1
    # Before the script runs, the status line has its place but claims nothing: if the script
    # never ran, "Laster beregning …" would not be true.
    status = page.locator(".lsk-status")
    assert status.is_visible() and normalised(status.inner_text()) == ""
    before = page.evaluate(TOPS)
    held[0].continue_()
    form_is_mounted(page, "elleve")
    assert normalised(status.inner_text()).startswith(("Laster beregning", "Beregningen er klar"))
    assert page.evaluate(TOPS) == before, "the script taking over moved the form"


def cell(page: Page, name: str) -> Any:
    return page.locator(f'form[data-lsk-questionnaire="fordeling"] input[name="{name}"]')


def cell_state(page: Page, name: str) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """name => {
            const input = document.querySelector(`input[name="${name}"]`);
            const described = input.getAttribute('aria-describedby');
            const message = described ? document.getElementById(described) : null;
            return {
                invalid: input.getAttribute('aria-invalid'),
                message: message && !message.hidden ? message.textContent : null,
                box: input.getBoundingClientRect().toJSON(),
            };
        }""",
        name,
    )
    return state


def total_line(page: Page, column: str) -> str:
    return normalised(page.locator(f'.lsk-total[data-lsk-column="{column}"] .lsk-total-text').inner_text())


def stored_answers(page: Page) -> Any:
    return page.evaluate(
        """course => Object.entries(localStorage)
            .filter(([key]) => key.includes(course) && key.endsWith('fordeling'))
            .map(([, text]) => JSON.parse(text).answers)[0] ?? null""",
        COURSE,
    )


NOT_A_NUMBER = "Skriv et tall fra 0 til 40 t. Dette er ikke et tall, så det blir ikke lagret."
OUT_OF_RANGE = "Skriv et tall fra 0 til 40 t. Tallet er lagret, men telles ikke med i summen."


def test_an_allocation_cell_says_at_the_field_what_does_not_count(page: Page, phone_site: str) -> None:
    page.set_viewport_size(PHONE)
    open_form(page, phone_site + PAGES["fordeling"], "fordeling")
    live = page.locator("[data-lsk-totals] [aria-live]")

    # A decimal comma is a decimal comma: 12,5 is 12.5, not 125.
    cell(page, "moter.naa").press_sequentially("12,5")
    assert cell_state(page, "moter.naa")["invalid"] is None
    assert total_line(page, "naa").startswith("Sum «Nå»: 12,5 t av 40 t. Mangler 27,5 t.")
    assert stored_answers(page) == {"moter": {"naa": 12.5}}

    # A number outside 0..40: kept as typed, said at the field and in the live region, not added up.
    beside = cell_state(page, "eget-arbeid.onsket")["box"]
    cell(page, "eget-arbeid.naa").press_sequentially("150")
    state = cell_state(page, "eget-arbeid.naa")
    assert (state["invalid"], state["message"]) == ("true", OUT_OF_RANGE)
    assert normalised(live.inner_text()) == f"«Eget arbeid», «Nå»: {OUT_OF_RANGE}"
    assert total_line(page, "naa").startswith("Sum «Nå»: 12,5 t av 40 t.")
    assert stored_answers(page) == {"moter": {"naa": 12.5}, "eget-arbeid": {"naa": 150}}
    after = cell_state(page, "eget-arbeid.onsket")["box"]
    assert (after["x"], after["width"]) == (beside["x"], beside["width"]), "the message moved the next cell aside"

    # Text that is not a number: said, not stored, not added up.
    cell(page, "oppfolging.naa").press_sequentially("tolv")
    assert cell_state(page, "oppfolging.naa")["message"] == NOT_A_NUMBER
    assert normalised(live.inner_text()) == f"«Oppfølging av medarbeidere», «Nå»: {NOT_A_NUMBER}"
    assert stored_answers(page) == {"moter": {"naa": 12.5}, "eget-arbeid": {"naa": 150}}
    check_fits(page, PHONE["width"])
    screenshot(page, "allocation-invalid-360px", 'section[data-lsk-part="uka"]')

    # The scorer's sum leaves the number out too, and its results name the row and the column.
    wait_for_results(page, "fordeling")
    assert total_line(page, "naa") == "Sum «Nå»: 12,5 t av 40 t. Mangler 27,5 t."
    problems = normalised(page.locator('[data-lsk-results="uka"] .lsk-problems').inner_text())
    assert "Verdien for «Eget arbeid» i «Nå» skal være et tall fra 0 til 40, men den er 150." in problems
    # "Skaler" writes the scorer's proposal into the cells that count, never over what the learner typed.
    page.get_by_role("button", name="Skaler «Nå» til 40 t").click()
    assert [cell(page, f"{row}.naa").input_value() for row in ("moter", "eget-arbeid", "oppfolging")] == [
        "40",
        "150",
        "tolv",
    ]
    assert axe_violations(page) == []

    # Put right, the message goes; on a new visit the numbers come back as typed, in nb.
    cell(page, "eget-arbeid.naa").fill("15")
    put_right = cell_state(page, "eget-arbeid.naa")
    assert (put_right["invalid"], put_right["message"]) == (None, None)
    cell(page, "moter.naa").fill("12,5")
    cell(page, "eget-arbeid.onsket").fill("-10")
    page.reload()
    form_is_mounted(page, "fordeling")
    assert cell(page, "moter.naa").input_value() == "12,5"
    assert cell(page, "oppfolging.naa").input_value() == ""
    assert cell_state(page, "eget-arbeid.onsket")["message"] == OUT_OF_RANGE
    assert stored_answers(page) == {"moter": {"naa": 12.5}, "eget-arbeid": {"naa": 15, "onsket": -10}}


def save_snapshot(page: Page, name: str) -> None:
    form = 'form[data-lsk-questionnaire="sju"]'
    page.locator(f"{form} [data-lsk-snapshot-name]").fill(name)
    page.locator(f'{form} [data-lsk-action="snapshot"]').click()
    page.wait_for_function(
        """form => document.querySelector(form + ' [data-lsk-feedback]').textContent.includes('lagret')""",
        arg=form,
    )


LABELS = """() => [...document.querySelectorAll('.lsk-my-results table.lsk-table')].map(table => {
    const heads = [...table.tHead.rows[0].cells].map(cell => cell.textContent);
    return {
        kind: table.className,
        cells: [...table.tBodies[0].rows].flatMap(row => [...row.cells])
            .filter(cell => cell.tagName === 'TD' && cell.getClientRects().length && cell.textContent.trim())
            .map(cell => ({
                heading: heads[cell.cellIndex],
                shown: getComputedStyle(cell, '::before').content.replace(/^"(.*): " \\/ ""$/, '$1'),
            })),
    };
})"""


def test_every_results_table_keeps_its_labels_on_a_phone(page: Page, phone_site: str) -> None:
    open_form(page, phone_site + PAGES["sju"], "sju")
    snapshots = {
        "Start": {"sju-lytter": 2, "sju-tilbakemelding": 1, "sju-maal": 3},
        "Etter kurset": {"sju-lytter": 6, "sju-maal": 7},
    }
    for name, values in snapshots.items():
        for item, value in values.items():
            page.locator(f'input[name="{item}"][value="{value}"]').check()
        wait_for_results(page, "sju")
        save_snapshot(page, name)

    page.set_viewport_size(PHONE)
    open_my_results(page, phone_site)
    page.wait_for_selector("table.lsk-compare-table tbody tr")
    # Each value after its column's heading: "Start: 1,5  Etter kurset: 4,0  Endring: +2,5", not "1,5 4,0 +2,5".
    tables = page.evaluate(LABELS)
    assert {table["kind"] for table in tables} >= {"lsk-table lsk-compare-table", "lsk-table lsk-answers-table"}
    for table in tables:
        assert table["cells"], table["kind"]
        assert all(cell["shown"] == cell["heading"] for cell in table["cells"]), table
    compare = tables[[t["kind"] for t in tables].index("lsk-table lsk-compare-table")]
    assert [cell["shown"] for cell in compare["cells"][:3]] == ["Start", "Etter kurset", "Endring"]
    check_fits(page, PHONE["width"])
    screenshot(page, "my-results-comparison-360px", ".lsk-compare")
    screenshot(page, "my-results-360px")
    assert axe_violations(page) == []
