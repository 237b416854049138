"""WCAG 2.2 AA: axe-core finds no violation on any page of the built site, with or without results,
and the questionnaires meet what axe cannot check alone: 44 px targets, live regions, and meaning
that never rests on colour alone.

axe is run on the whole page (Material's parts included) with the tags wcag2a, wcag2aa, wcag21a,
wcag21aa and wcag22aa. It is evaluated through the DevTools protocol, so the pages' Content
Security Policy stays on (see questionnaires.axe_violations).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .helpers import LEADER_FORM, LEADER_PAGE, normalised, open_form, wait_for_results
from .questionnaires import AXE, QUESTIONNAIRES, axe_violations, complete

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def axe_is_installed() -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (run npm ci)")


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path relative to the site root."""
    pages = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return [*sorted(p.removeprefix("./") for p in pages), "404.html"]


WIDTHS = (360, 1280)
"""A phone and a laptop. Each page is loaded at 360 px and checked, then widened to 1280 px and
checked again, as a window is resized: one load serves both widths."""


def set_width(page: Page, width: int, height: int = 900) -> None:
    """Resize the page, and take the pointer off it: where the last click was at one width, a link may
    lie at the other, and a hovered link's colour is not what axe should judge."""
    page.set_viewport_size({"width": width, "height": height})
    page.mouse.move(0, 0)


def test_every_page_of_the_site_has_no_violations(page: Page, site_url: str, built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) >= 15
    found = {}
    for path in pages:
        set_width(page, WIDTHS[0])
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        for width in WIDTHS:
            set_width(page, width)
            if violations := axe_violations(page):
                found[f"{path or '/'} at {width} px"] = violations
    assert found == {}


@pytest.mark.parametrize("questionnaire", list(QUESTIONNAIRES))
def test_a_completed_questionnaire_with_its_results_has_no_violations(
    page: Page, site_url: str, questionnaire: str
) -> None:
    set_width(page, WIDTHS[0], 800)
    open_form(page, site_url + QUESTIONNAIRES[questionnaire], questionnaire)
    complete(page, questionnaire)
    for width in WIDTHS:
        set_width(page, width, 800)
        assert axe_violations(page) == [], f"at {width} px"


def test_a_failed_scorer_status_has_no_violations(page: Page, site_url: str) -> None:
    page.route("**/pyodide.asm.wasm*", lambda route: route.abort())
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    page.wait_for_function("() => window.__lederskap.scorerState === 'failed'", timeout=60_000)
    assert axe_violations(page) == []


TARGETS = """() => {
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const box = (...elements) => {
        const rects = elements.filter(Boolean).map(e => e.getBoundingClientRect());
        const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
        const top = Math.min(...rects.map(r => r.top)), bottom = Math.max(...rects.map(r => r.bottom));
        return {width: right - left, height: bottom - top};
    };
    const targets = [];
    const form = (e) => e.closest('form.lsk-questionnaire');
    for (const input of document.querySelectorAll('form.lsk-questionnaire :is(input, textarea)')) {
        // A radio is the size of its label (it lies over it); a checkbox is taken with its label.
        const label = input.labels[0];
        const parts = input.type === 'radio' ? [label] : input.type === 'checkbox' ? [input, label] : [input];
        const what = `${form(input).dataset.lskQuestionnaire} ${input.name} ${input.type}`;
        if (parts.every(visible)) targets.push({what, ...box(...parts)});
    }
    for (const button of document.querySelectorAll('.lsk-button')) {
        if (visible(button)) targets.push({what: `button ${button.textContent.trim()}`, ...box(button)});
    }
    return targets;
}"""


def test_every_control_is_a_target_of_at_least_44_pixels(page: Page, site_url: str) -> None:
    small = []
    counted = dict.fromkeys(WIDTHS, 0)
    for questionnaire, path in QUESTIONNAIRES.items():
        set_width(page, WIDTHS[0], 800)
        open_form(page, site_url + path, questionnaire)
        complete(page, questionnaire)
        if questionnaire == "lederens-fire-jobber":
            page.locator('input[name="fa-jobben-gjort.naa"]').fill("1")  # the column is off: its scale button shows
        for width in WIDTHS:
            set_width(page, width, 800)
            targets = page.evaluate(TARGETS)
            counted[width] += len(targets)
            small += [{**t, "at": width} for t in targets if t["width"] < 44 - 0.5 or t["height"] < 44 - 0.5]
    assert all(count > 100 for count in counted.values()), counted
    assert small == []


def test_results_and_status_are_announced_through_live_regions(page: Page, site_url: str) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    form = page.locator(f'form[data-lsk-questionnaire="{LEADER_FORM}"]')
    status = form.locator(".lsk-status")
    assert status.get_attribute("role") == "status"  # a polite live region: the scorer's and storage's news
    page.locator('input[name="selvinnsikt"][value="4"]').check()
    wait_for_results(page, LEADER_FORM, answered=1)
    assert "Beregningen er klar" in normalised(status.inner_text())
    live = form.locator('[data-lsk-results="egenvurdering"] [aria-live="polite"]')
    assert normalised(live.text_content() or "") == "Resultat oppdatert: 0 av 4 områder har gjennomsnitt."
    page.locator('input[name="praktiserer-selvledelse"][value="3"]').check()
    page.locator('input[name="opptatt-av-andre"][value="4"]').check()
    wait_for_results(page, LEADER_FORM, answered=3)
    assert normalised(live.text_content() or "") == "Resultat oppdatert: 1 av 4 områder har gjennomsnitt."
    # A failed save is news in the same live region.
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('', 'QuotaExceededError') } }")
    page.locator('input[name="handlingsrom"][value="2"]').check()
    assert "Svarene kunne ikke lagres i nettleseren" in normalised(status.inner_text())


def test_no_meaning_rests_on_colour_alone(page: Page, site_url: str) -> None:
    open_form(page, site_url + QUESTIONNAIRES["lederens-fire-jobber"], "lederens-fire-jobber")
    complete(page, "lederens-fire-jobber")
    cues = page.evaluate(
        """() => {
            const chart = document.querySelector('[data-lsk-results] svg.lsk-chart');
            const bars = [...chart.querySelectorAll('rect.lsk-chart-bar')];
            return {
                // the two series of a comparison: solid and hatched (a pattern), each bar with its number as text
                fills: [...new Set(bars.map(b => getComputedStyle(b).fill.startsWith('url(') ? 'pattern' : 'solid'))]
                    .sort(),
                values: chart.querySelectorAll('text.lsk-chart-value').length,
                bars: bars.length,
            };
        }"""
    )
    assert cues["fills"] == ["pattern", "solid"]
    assert cues["values"] == cues["bars"] - 2  # every bar but the two legend swatches carries its number
    # A column that does not add up is marked by its text and a dashed line, not by a colour.
    page.locator('input[name="fa-jobben-gjort.naa"]').fill("1")
    line = page.locator('[data-lsk-totals] .lsk-total[data-lsk-column="naa"]')
    assert "Mangler" in line.inner_text()
    assert line.evaluate("e => getComputedStyle(e).borderLeftStyle") == "dashed"
    # A chosen answer is underlined and framed, not only filled with colour.
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    page.locator('input[name="selvinnsikt"][value="4"]').check()
    chosen = page.locator('input[name="selvinnsikt"][value="4"] + label')
    assert "underline" in chosen.evaluate("e => getComputedStyle(e).textDecorationLine")
    # Links in the course's text are underlined.
    page.goto(site_url)
    links = page.eval_on_selector_all(
        ".md-content .md-typeset p a:not(.headerlink)",
        "links => links.map(a => getComputedStyle(a).textDecorationLine)",
    )
    assert links and all("underline" in decoration for decoration in links)
