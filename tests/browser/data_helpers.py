"""Steps for the tests of the learner's data: seeding records, listing keys, exporting, importing, deleting."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lederskap_scorer import storage_keys
from playwright.sync_api import FilePayload, Page

from .helpers import COURSE, SUB_PATH, storage_key, visit

MY_RESULTS_PAGE = "mine-resultater/"
SELF_LEADERSHIP_PAGE = "verktoy/selvledelse/"
SELF_LEADERSHIP_FORM = "selvledelse-refleksjon"
COURSE_PREFIX = storage_keys.course_scope(SUB_PATH, COURSE)
V1_FIXTURES = Path(__file__).resolve().parents[1] / "records" / "fixtures" / "v1"


def seed(page: Page, site_url: str, items: dict[str, str]) -> None:
    """Put raw texts into the site's localStorage (key -> text) before a page of the site is opened.

    They are written from the site's sitemap, a file of the origin that runs no script of the site's,
    so that the page opened next is loaded afresh and finds them there, as on a new visit."""
    page.goto(site_url + "sitemap.xml")
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", items)


def course_keys(page: Page) -> list[str]:
    """Every localStorage key of the course on the test site, sorted."""
    keys: list[str] = page.evaluate(
        "prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix)).sort()", COURSE_PREFIX
    )
    return keys


def all_storage(page: Page) -> dict[str, str]:
    """Everything in the site's localStorage."""
    items: dict[str, str] = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    return items


def record_of(page: Page, questionnaire: str) -> Any:
    raw = page.evaluate("key => localStorage.getItem(key)", storage_key(questionnaire))
    return None if raw is None else json.loads(raw)


def open_my_results(page: Page, site_url: str, scored: bool = True, fresh: bool = False) -> None:
    """Open the learner's results page (see ``helpers.visit``) and wait until it is drawn (and, by default, scored)."""
    visit(page, site_url + MY_RESULTS_PAGE, fresh)
    page.wait_for_selector("div.lsk-my-results[data-lsk-mounted]", state="attached")
    if scored:
        wait_scored(page)


def wait_scored(page: Page, after: int = 0) -> None:
    """Wait until the results page has scored its questionnaires more than ``after`` times."""
    page.wait_for_function(
        """after => Number(document.querySelector('.lsk-my-results').dataset.lskScored || 0) > after""",
        arg=after,
        timeout=60_000,
    )


def scored_count(page: Page) -> int:
    return int(page.evaluate("() => Number(document.querySelector('.lsk-my-results').dataset.lskScored || 0)"))


def download_text(page: Page, selector: str) -> tuple[str, str]:
    """Click a button that downloads a file; return (file name, its text)."""
    with page.expect_download() as info:
        page.locator(selector).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes().decode("utf-8")  # line ends as written


def export_all(page: Page) -> dict[str, Any]:
    """Export every answer of the course from the results page; the parsed file."""
    _, text = download_text(page, '[data-lsk-action="export-all"]')
    data: dict[str, Any] = json.loads(text)
    return data


def choose_file(page: Page, content: bytes | str, name: str = "svar.json") -> None:
    """Choose a file in the results page's import field."""
    buffer = content.encode("utf-8") if isinstance(content, str) else content
    file: FilePayload = {"name": name, "mimeType": "application/json", "buffer": buffer}
    page.set_input_files("[data-lsk-import-file]", files=[file])


def wait_import_state(page: Page, state: str) -> None:
    selector = f'[data-lsk-import-preview][data-lsk-import-state="{state}"]'
    page.wait_for_selector(selector, state="attached", timeout=60_000)


def confirm_dialog(page: Page, confirm: bool = True) -> None:
    """Answer the open confirmation dialog."""
    dialog = page.locator("dialog.lsk-dialog[open]")
    dialog.wait_for()
    dialog.locator(f'[data-lsk-dialog="{"confirm" if confirm else "cancel"}"]').click()
    dialog.wait_for(state="detached")


def feedback(page: Page, scope: str = "", containing: str = "") -> str:
    """The text of the (first) feedback line under ``scope``, once it has one (holding ``containing``:
    after an action that finishes later, such as a delete that also removes the team keys)."""
    locator = page.locator(f"{scope} [data-lsk-feedback]".strip()).first
    page.wait_for_function(
        "([element, text]) => element.textContent.length > 0 && element.textContent.includes(text)",
        arg=[locator.element_handle(), containing],
    )
    return " ".join(locator.inner_text().split())


def status_text(page: Page, questionnaire: str) -> str:
    text = page.locator(f'form[data-lsk-questionnaire="{questionnaire}"] .lsk-status').inner_text()
    return " ".join(text.replace("\u00a0", " ").split())
