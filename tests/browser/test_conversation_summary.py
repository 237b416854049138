""""Til samtalen": a summary of one or two A4 pages to bring to a conversation, printed from "Mine resultater".

The learner chooses which questionnaires go in (every answered one at first) and which of their own texts
(none at first: reflections are private); their name goes on the print only and is never stored. The
summary leads with what they chose (the self-leadership checklist's options) and then the scores (each
area's average and band, and the statements that pull an area down or up); it holds no screen instruction
and no unanswered question. The browser's own print still gives the full record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..courses import REPO
from .conftest import Traffic
from .data_helpers import MY_RESULTS_PAGE, all_storage, open_my_results, seed
from .helpers import form_is_mounted
from .questionnaires import QUESTIONNAIRES, axe_violations, complete

RESULTS = REPO / "test-results" / "summary"
SCREENSHOTS = REPO / "test-results" / "360px"

pytestmark = pytest.mark.browser

SUMMARY_MAX_PAGES = 2
"""The embedded course with every questionnaire answered prints on this many A4 pages (2 when last looked at)."""


@pytest.fixture(scope="module")
def every_answer(browser: Browser, site_url: str) -> dict[str, str]:
    """The site's localStorage after every questionnaire of the course was answered completely (with clicks
    and typing; every text field holds "Notat <n>"), to seed each test's fresh context with."""
    context = browser.new_context(locale="nb-NO", service_workers="block")
    try:
        page = context.new_page()
        for questionnaire, path in QUESTIONNAIRES.items():
            page.goto(site_url + path)
            form_is_mounted(page, questionnaire)
            complete(page, questionnaire)
        return all_storage(page)
    finally:
        context.close()


@pytest.fixture
def answered(page: Page, site_url: str, every_answer: dict[str, str]) -> Iterator[Page]:
    """The results page of a learner who has answered everything, scored, with its summary's choices drawn;
    window.print is replaced by a counter (a headless browser prints nothing)."""
    seed(page, site_url, every_answer)
    open_my_results(page, site_url)
    page.wait_for_selector('[data-lsk-action="print-summary"]')
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    yield page


def printed(page: Page) -> int:
    return int(page.evaluate("window.__printed || 0"))


def summary_text(page: Page) -> str:
    """The summary as it prints (the page in print mode)."""
    page.emulate_media(media="print")
    try:
        text: str = page.locator(".lsk-summary").inner_text()
    finally:
        page.emulate_media(media="screen")
    return text


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF Chromium wrote: its page objects (/Type /Page, not /Pages)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_summary_leads_with_the_learners_choices_and_prints_on_at_most_two_pages(
    answered: Page, traffic: Traffic
) -> None:
    page = answered
    chosen = page.eval_on_selector_all(
        "[data-lsk-summary-questionnaire]", "inputs => inputs.map(i => [i.dataset.lskSummaryQuestionnaire, i.checked])"
    )
    assert chosen == [[q, True] for q in QUESTIONNAIRES]
    own_words = page.eval_on_selector_all("[data-lsk-summary-own-words]", "inputs => inputs.map(i => i.checked)")
    assert own_words and not any(own_words), "what the learner wrote is left out unless they tick it"

    page.fill("[data-lsk-summary-name]", "Kari Nordmann")
    page.click('[data-lsk-action="print-summary"]')
    assert printed(page) == 1
    assert page.evaluate("document.documentElement.classList.contains('lsk-print-summary')")

    text = summary_text(page)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[:2] == ["Til samtalen", "Kari Nordmann"]
    assert re.fullmatch(r"Skrevet ut \d{1,2}\. \w+ \d{4}", lines[2])
    # Led by what the learner chose, then the scores.
    titles = page.eval_on_selector_all(".lsk-summary h3", "hs => hs.map(h => h.textContent)")
    assert titles == [
        "Refleksjon over egen selvledelse",
        "Lederferdigheter som utvikler selvledede medarbeidere",
        "Egenevaluering av aktivt medarbeiderskap",
        "Tidsbruk i lederens fire jobber",
    ]
    assert "Planlegging av oppgaver" not in text and "Konkretisering av mål og oppgaver" in text
    areas = page.eval_on_selector_all(
        ".lsk-summary tr[data-lsk-dimension]", "rows => rows.map(r => r.dataset.lskDimension)"
    )
    assert areas[:4] == ["relasjonelle-ferdigheter", "maktdeling", "motivasjonsstotte", "utviklingsstotte"]
    assert page.locator(".lsk-summary [data-lsk-suggestions] li[data-lsk-item]").count() > 0
    # No private text, no screen instruction, no unanswered question, no button.
    for absent in ("Notat", "Ikke besvart", "Velg ", "Ingen lagrede målinger", "Gå til skjemaet", "Slett"):
        assert absent not in text, absent
    assert page.locator(".lsk-summary :is(button, input, a)").count() == 0

    page.emulate_media(media="print")
    visible = page.evaluate(
        """() => [...document.querySelectorAll('.md-content__inner *')]
            .filter(e => e.getClientRects().length && !e.closest('.lsk-summary') && e.children.length === 0
                && e.textContent.trim())
            .map(e => e.textContent.trim())"""
    )
    assert visible == [], "only the summary prints"
    pdf = page.pdf(format="A4")
    page.emulate_media(media="screen")
    assert 1 <= pdf_pages(pdf) <= SUMMARY_MAX_PAGES
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary.pdf").write_bytes(pdf)  # for a person to look at (pdftoppm -png)

    # After printing, the browser's own print gives the full record again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('lsk-print-summary')")
    page.emulate_media(media="print")
    assert page.locator(".lsk-summary").is_hidden()
    assert page.locator(".lsk-conversation").is_hidden()
    assert page.locator('section[data-lsk-questionnaire="leder-egenvurdering"]').is_visible()
    page.emulate_media(media="screen")

    # The name was for that print only.
    assert not [value for value in page.evaluate("Object.values(localStorage)") if "Kari Nordmann" in value]
    assert traffic.page_errors == []


def test_the_learner_chooses_with_the_keyboard_what_goes_in(answered: Page) -> None:
    page = answered
    # The four jobs out, the self-leadership's plans for the future in (with its texts), by keyboard alone.
    jobs = page.locator('[data-lsk-summary-questionnaire="lederens-fire-jobber"]')
    jobs.focus()
    page.keyboard.press("Space")
    assert not jobs.is_checked()
    assert page.locator('[data-lsk-summary-own-words="lederens-fire-jobber/refleksjon"]').is_disabled()
    future = page.locator('[data-lsk-summary-own-words="selvledelse-refleksjon/selvledelse-fremover"]')
    future.focus()
    page.keyboard.press("Space")
    assert future.is_checked()
    page.locator('[data-lsk-action="print-summary"]').focus()
    page.keyboard.press("Enter")
    assert printed(page) == 1

    text = summary_text(page)
    assert "Tidsbruk i lederens fire jobber" not in text
    assert "Selvledelse fremover" in text
    assert "Hva trenger jeg eventuelt hjelp til?" in text
    # Only the texts of the part ticked: the checklists' own summaries and the others' texts stay out.
    written = page.eval_on_selector_all(".lsk-summary dd[data-lsk-field]", "dds => dds.map(d => d.dataset.lskField)")
    assert written == ["bli-enda-bedre", "trenger-hjelp"]

    # Nothing chosen: said, and nothing printed.
    for box in page.locator("[data-lsk-summary-questionnaire]").all():
        box.uncheck()
    page.click('[data-lsk-action="print-summary"]')
    assert printed(page) == 1
    assert page.locator(".lsk-conversation [role=status]").inner_text() == (
        "Velg minst ett verktøy som skal være med i sammendraget."
    )


def test_the_choices_fit_a_phone(answered: Page) -> None:
    page = answered
    page.set_viewport_size({"width": 360, "height": 740})
    section = page.locator(".lsk-conversation")
    section.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    section.screenshot(path=str(SCREENSHOTS / "summary-choices.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = section.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360


def test_the_choices_have_no_accessibility_violations(answered: Page) -> None:
    page = answered
    page.locator('[data-lsk-summary-own-words="leder-egenvurdering/utviklingsomrader"]').check()
    assert axe_violations(page) == []


def test_with_nothing_answered_the_section_says_what_it_is_for(page: Page, site_url: str) -> None:
    open_my_results(page, site_url, scored=False)
    page.wait_for_function(
        "() => document.querySelector('[data-lsk-conversation-body]').textContent.includes('Når du har svart')",
        timeout=90_000,
    )
    assert page.locator('[data-lsk-action="print-summary"]').count() == 0
    assert page.url.endswith(MY_RESULTS_PAGE)

