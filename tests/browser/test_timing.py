"""How long the learner waits: printed for the engineer's report, not asserted.

Run with ``-s`` to see the numbers: ``python -m pytest tests/browser -q -s -k timing``.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page

from .helpers import LEADER_FORM, LEADER_PAGE, answer, open_form, wait_for_results

pytestmark = pytest.mark.browser


def test_print_time_to_usable_form_and_first_result(page: Page, site_url: str) -> None:
    rows = []
    for visit in ("first visit (empty cache)", "reload (HTTP cache)"):
        started = time.monotonic()
        if visit.startswith("first"):
            open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
        else:
            page.reload()
            page.wait_for_selector(f'form[data-lsk-questionnaire="{LEADER_FORM}"][data-lsk-mounted]', state="attached")
        usable = time.monotonic() - started
        if visit.startswith("first"):
            answer(page, {"selvinnsikt": 4})
        wait_for_results(page, LEADER_FORM, answered=1)
        result = time.monotonic() - started
        timing = page.evaluate(
            """() => {
                const t = window.__lederskap.timings.at(-1);
                const nav = performance.getEntriesByType('navigation')[0];
                return {mounted: t.mounted, firstResult: t.firstResult, domContentLoaded: nav.domContentLoadedEventEnd};
            }"""
        )
        rows.append((visit, usable, result, timing))
    print()
    for visit, usable, result, timing in rows:
        print(
            f"[timing] {visit}: form usable (mounted, answers restored) {timing['mounted']:.0f} ms after navigation"
            f" (DOMContentLoaded {timing['domContentLoaded']:.0f} ms; {usable * 1000:.0f} ms seen by the test);"
            f" first result shown {timing['firstResult']:.0f} ms after navigation"
            f" ({result * 1000:.0f} ms seen by the test)"
        )
