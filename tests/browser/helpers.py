"""Small steps shared by the browser tests: open a questionnaire, answer it, read what it shows."""

from __future__ import annotations

import json
import time
from typing import Any

from lederskap_scorer import storage_keys
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

SUB_PATH = "/kurs/"
"""The test site is served under a sub-path, like https://user.github.io/repo/."""
SCORER_TIMEOUT_MS = 90_000
"""Starting Pyodide takes a few seconds; allow for a slow machine, and for the scorer's own
start time limit (60 s, scorer-client.js) to be reached first when a start hangs."""
COURSE = "lederskap-medarbeiderskap"
NESTED_SUB_PATH = f"{SUB_PATH}{COURSE}/"
"""The test server serves the same site again here: a second site on the same origin whose path
continues the first site's path with its course id, where the first key format made the two collide."""
LEADER_PAGE = "verktoy/lederferdigheter/"
LEADER_FORM = "leder-egenvurdering"
JOBS_PAGE = "verktoy/fire-jobber/"
JOBS_FORM = "lederens-fire-jobber"


def storage_key(questionnaire: str) -> str:
    """The localStorage key of a questionnaire's answers on the test site (served under SUB_PATH)."""
    return storage_keys.storage_key(SUB_PATH, COURSE, questionnaire)


FOLLOW_LINK = """url => new Promise((arrived, failed) => {
    const target = new URL(url, location.href);
    const place = (where) => where.pathname + where.search;
    const link = [...document.querySelectorAll("nav.md-nav--primary a.md-nav__link[href]")]
        .find((a) => a.href === target.href);
    if (!window.document$ || !link || place(target) === place(location)) {
        arrived(false);
        return;
    }
    let replayed = false;  // document$ gives the current page at once, then each page put in place
    let subscription = null;
    const timer = setTimeout(() => {
        subscription?.unsubscribe();
        failed(new Error(`instant navigation to ${url} did not arrive`));
    }, 30_000);
    subscription = window.document$.subscribe(() => {
        if (!replayed) {
            replayed = true;
        } else if (place(location) === place(target)) {
            clearTimeout(timer);
            subscription?.unsubscribe();
            arrived(true);
        }
    });
    link.click();
})"""
"""Click the site menu's link to ``url`` (Material's instant navigation swaps the page in place): true
once the new page is in place; false, and nothing done, when the page has no such link (a page of
another site, a page the menu does not list) or already shows that page. The link is clicked by
script, also where the menu is folded away (on a phone, behind its button)."""


def visit(page: Page, url: str, fresh: bool = False) -> None:
    """Go to a page of the site as a learner does: by its link in the menu (instant navigation: the
    page's scripts and its scorer stay) when a page of the site is showing, else by loading it.
    ``fresh`` always loads it: for what only a new page sees (a route or an init script set since,
    a value written to storage behind the page's back)."""
    if not fresh and page.url.startswith(("http://", "https://")):
        try:
            if page.evaluate(FOLLOW_LINK, url):
                return
        except PlaywrightError as error:
            if "Execution context was destroyed" not in error.message:
                raise
            # The site's instant navigation is off: the link loaded the page.
            page.wait_for_url(url)
            return
    page.goto(url)


def open_form(page: Page, url: str, questionnaire: str, fresh: bool = False) -> None:
    """Go to a page (see ``visit``) and wait until its questionnaire is mounted (answers restored, listeners on)."""
    visit(page, url, fresh)
    form_is_mounted(page, questionnaire)


def form_is_mounted(page: Page, questionnaire: str) -> None:
    page.wait_for_selector(f'form[data-lsk-questionnaire="{questionnaire}"][data-lsk-mounted]', state="attached")


def answer(page: Page, answers: dict[str, int]) -> None:
    """Choose likert answers by item id and value."""
    for item, value in answers.items():
        page.locator(f'input[type="radio"][name="{item}"][value="{value}"]').check()


def wait_for_scorer(page: Page) -> str:
    """Wait until the scorer has started or failed; return its state."""
    page.wait_for_function(
        "() => ['ready', 'failed'].includes(window.__lederskap && window.__lederskap.scorerState)",
        timeout=SCORER_TIMEOUT_MS,
    )
    return str(page.evaluate("window.__lederskap.scorerState"))


def wait_for_results(page: Page, questionnaire: str, answered: int | None = None) -> None:
    """Wait for the results of the current answers to be shown (after the scorer is ready)."""
    assert wait_for_scorer(page) == "ready"
    form = f'form[data-lsk-questionnaire="{questionnaire}"]'
    page.wait_for_function(
        """([form, answers]) => {
            const element = document.querySelector(form);
            return element && element.dataset.lskScored && !element.dataset.lskPending
                && (answers === null || element.querySelector(`[data-lsk-answered="${answers}"]`) !== null);
        }""",
        arg=[form, answered],
        timeout=SCORER_TIMEOUT_MS,
    )


def dimension_rows(page: Page, part: str) -> dict[str, dict[str, str]]:
    """The list of areas of a likert part's results: dimension id -> mean, answered ("3/4") and band
    as shown (a mean the entry does not show reads as "not shown")."""
    rows: dict[str, dict[str, str]] = page.eval_on_selector_all(
        f'[data-lsk-results="{part}"] li.lsk-dimension-result[data-lsk-dimension]',
        """entries => Object.fromEntries(entries.map(entry => {
            const mean = entry.dataset.lskMean || "";
            const band = entry.querySelector(".lsk-band-label");
            return [entry.dataset.lskDimension, {
                mean: entry.innerText.includes(mean) ? mean : "not shown",
                answered: entry.dataset.lskCount,
                band: band ? band.textContent : "",
            }];
        }))""",
    )
    return rows


def stored_record(page: Page, questionnaire: str) -> Any:
    raw = page.evaluate("key => localStorage.getItem(key)", storage_key(questionnaire))
    return None if raw is None else json.loads(raw)


def checked_answers(page: Page, items: list[str]) -> dict[str, int | None]:
    """The checked value of each likert item in the form (None when unanswered)."""
    values: dict[str, int | None] = page.evaluate(
        """items => Object.fromEntries(items.map(item => {
            const checked = document.querySelector(`input[type="radio"][name="${item}"]:checked`);
            return [item, checked ? Number(checked.value) : null];
        }))""",
        items,
    )
    return values


def normalised(text: str) -> str:
    """Text with non-breaking spaces and runs of white space as single spaces."""
    return " ".join(text.replace("\u00a0", " ").split())


def search(page: Page, words: str, timeout_ms: int = 30_000) -> None:
    """Search the site with Material's search box and wait for results. Material reads what is typed
    (key events, not a filled-in value) and only once its index is ready, so the words are typed
    again until results show."""
    box = page.locator("input.md-search__input")
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        box.fill("")
        box.focus()
        page.keyboard.type(words)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=2_000)
            return
        except PlaywrightTimeoutError:
            if time.monotonic() > deadline:
                raise
