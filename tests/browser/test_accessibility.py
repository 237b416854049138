"""axe-core finds no accessibility violation in the forms, their status and their results."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import REPO
from .helpers import JOBS_FORM, JOBS_PAGE, LEADER_FORM, LEADER_PAGE, answer, open_form, wait_for_results

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def violations(page: Page, axe: Path) -> list[str]:
    page.add_script_tag(path=str(axe))  # injected from disk: no request
    found: list[str] = page.evaluate(
        """async () => (await axe.run('form.lsk-questionnaire')).violations
            .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)"""
    )
    return found


@pytest.fixture
def axe() -> Path:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (run npm ci)")
    return AXE


def test_leader_form_with_results_has_no_violations(page: Page, site_url: str, axe: Path) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "praktiserer-selvledelse": 3, "handlingsrom": 5, "klargjor-oppdraget": 4})
    wait_for_results(page, LEADER_FORM, answered=4)
    assert violations(page, axe) == []


def test_allocation_with_totals_and_results_has_no_violations(page: Page, site_url: str, axe: Path) -> None:
    open_form(page, site_url + JOBS_PAGE, JOBS_FORM)
    page.locator('input[name="fa-jobben-gjort.naa"]').fill("50")
    page.locator('input[name="fa-jobben-gjort.onsket"]').fill("40")
    wait_for_results(page, JOBS_FORM)
    assert violations(page, axe) == []


def test_failed_scorer_status_has_no_violations(page: Page, site_url: str, axe: Path) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    page.wait_for_function("window.__lederskap.scorerState === 'failed'", timeout=60_000)
    assert violations(page, axe) == []
