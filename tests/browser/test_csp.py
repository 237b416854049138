"""The pages' Content Security Policy is in force, and the tests would see it blocking something.

Every browser test fails when the policy blocks anything (conftest.watch); this test proves that
watch sees a violation when there is one: an inline script, a style attribute and a request to
another origin are each blocked and reported.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .conftest import CSP_MARKER, Traffic, watch
from .helpers import LEADER_FORM, LEADER_PAGE, open_form, search

pytestmark = pytest.mark.browser


def test_the_policy_blocks_inline_code_and_other_origins_and_the_tests_see_it(browser: Browser, site_url: str) -> None:
    context = browser.new_context(service_workers="block")
    try:
        traffic = Traffic(origin=site_url.removesuffix("/kurs/"))
        page = watch(context, traffic)
        open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content") or ""
        assert "script-src 'self' 'wasm-unsafe-eval'" in policy
        assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
        # Material's search (a worker, results drawn into the page) breaks no rule either.
        search(page, "medarbeiderskap")
        assert traffic.csp_violations == []  # the page itself, Material's scripts included, breaks no rule

        page.evaluate(
            """() => {
                const script = document.createElement('script');
                script.textContent = 'window.__inlineRan = true';
                document.head.append(script);
                document.body.setAttribute('style', 'outline: 1px solid red');
            }"""
        )
        outcome = page.evaluate("() => fetch('https://example.org/').then(() => 'fetched', () => 'blocked')")
        assert outcome == "blocked"
        assert page.evaluate("() => window.__inlineRan === true") is False
        # Each violation is reported on the console; wait for the three (events are only
        # delivered while Playwright is waiting, so none can slip between check and wait).
        for directive in ("script-src-elem", "style-src-attr", "connect-src"):
            while directive not in " ".join(traffic.csp_violations):
                page.wait_for_event("console", predicate=lambda message: message.text.startswith(CSP_MARKER))
        assert traffic.foreign() == []
    finally:
        context.close()
