"""On a 360 px wide phone every statement, its scale and the results fit without horizontal scrolling.

Each questionnaire is completed at 360 x 740 and its page saved as a full-page screenshot in
``test-results/360px/`` (gitignored) for a person to look at. The test measures what the eye
would check: no horizontal scroll on the page, no element of ours beyond the screen's edges, no
box of ours that scrolls sideways inside (results tables reflow into one block per row), and each
item's scale on one line.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from ..courses import REPO
from .helpers import open_form
from .questionnaires import QUESTIONNAIRES, complete

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO / "test-results" / "360px"

MEASURE = """(questionnaire) => {
    const form = document.querySelector(`form[data-lsk-questionnaire="${questionnaire}"]`);
    const shown = (e) => e.getClientRects().length > 0 && !e.closest('.lsk-visually-hidden');
    const ours = [...form.querySelectorAll('*')].filter(shown);
    const name = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
    return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        beyondEdges: ours.filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5);
        }).map(name),
        scrollingInside: ours.filter(e =>
            ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1).map(name),
        scalesOnTwoLines: [...form.querySelectorAll('.lsk-scale')].filter(scale => new Set(
            [...scale.querySelectorAll('label')].map(l => Math.round(l.getBoundingClientRect().top))).size > 1).length,
        items: form.querySelectorAll('.lsk-item').length,
        tables: form.querySelectorAll('[data-lsk-results] table').length,
        charts: form.querySelectorAll('[data-lsk-results] svg.lsk-chart').length,
    };
}"""


@pytest.mark.parametrize("questionnaire", list(QUESTIONNAIRES))
def test_a_completed_questionnaire_fits_a_360_pixel_screen(page: Page, site_url: str, questionnaire: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_form(page, site_url + QUESTIONNAIRES[questionnaire], questionnaire)
    complete(page, questionnaire)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{questionnaire}.png"), full_page=True)
    page.locator(f'form[data-lsk-questionnaire="{questionnaire}"]').screenshot(
        path=str(SCREENSHOTS / f"{questionnaire}-form.png")
    )
    sizes = page.evaluate(MEASURE, questionnaire)
    assert sizes["scrollWidth"] <= sizes["clientWidth"], "the page scrolls sideways"
    assert sizes["beyondEdges"] == []
    assert sizes["scrollingInside"] == []
    assert sizes["scalesOnTwoLines"] == 0
    if questionnaire in ("leder-egenvurdering", "medarbeider-egenevaluering"):
        # The means once: a chart, and the list of areas as its text equivalent (no table repeating them).
        assert sizes["items"] > 0 and sizes["tables"] == 0 and sizes["charts"] == 1
    if questionnaire == "lederens-fire-jobber":
        assert sizes["tables"] == 1 and sizes["charts"] == 1
