"""The embedded course built by Zensical (``lederskap build --engine zensical``), in a real Chromium.

The site is built once for this module, for the address of a server of its own, and every page
is watched as the other browser tests' are: no request leaves the site's origin, the Content
Security Policy blocks nothing (Zensical's search dialog puts a ``<style>`` in a shadow root,
which the theme layer's ``shadow-styles.js`` applies through the CSSOM), no script error.

* A questionnaire scores (the leader self-assessment answered on its page, the results drawn by
  the scorer), "Mine resultater", reached by the menu without reloading the page, shows those
  answers, and axe-core finds nothing on the questionnaire page at 1280 and 360 px.
* After one visit the course works offline: pages, Zensical's own files and search index, and
  the Python runtime are kept by the service worker, and a questionnaire never visited is
  scored without any network; Zensical's search finds the course's words.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from lederskap_build.theme_layer import CONTENT_SECURITY_POLICY

from ..courses import copy_embedded_course
from .conftest import Traffic, check_traffic, watch
from .data_helpers import MY_RESULTS_PAGE, wait_scored
from .helpers import LEADER_FORM, LEADER_PAGE, SUB_PATH, dimension_rows, form_is_mounted, normalised, open_form
from .questionnaires import AXE, QUESTIONNAIRES, axe_violations, complete, definition, likert_values
from .served import SiteServer, watched_page
from .test_offline import CACHES, build_info, cache_name, site_paths, wait_until_offline_ready

pytestmark = pytest.mark.browser

EMPLOYEE_FORM = "medarbeider-egenevaluering"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The embedded course built by Zensical, once for this module, and served under the sub-path."""
    config = copy_embedded_course(tmp_path_factory.mktemp("zensical") / "course")
    server = SiteServer()
    try:
        subprocess.run(
            [sys.executable, "-m", "lederskap_build", "build", "--engine", "zensical", "-f", str(config)],
            cwd=config.parent,
            check=True,
            capture_output=True,
            env={**os.environ, "LEDERSKAP_SITE_URL": server.url},
        )
        server.folder = config.parent / "site"
        with server:
            yield server
    finally:
        server.stop()


def zensical_search(page: Page, words: str) -> int:
    """Search with Zensical's search dialog (its own, in a shadow root, which Playwright's selectors
    enter); the number of results it lists once it lists any."""
    page.locator(".md-search__button").click()
    page.keyboard.type(words)
    results = page.locator('ol[role="listbox"] a[role="option"]')
    results.first.wait_for()
    return results.count()


def test_a_questionnaire_scores_and_mine_resultater_shows_its_answers(
    browser: Browser, zensical_site: SiteServer
) -> None:
    url = zensical_site.url
    with watched_page(browser, url, "nb-NO") as page:
        open_form(page, url + LEADER_PAGE, LEADER_FORM)
        assert page.locator('meta[name="generator"]').get_attribute("content") == "zensical-0.0.73"
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") == (
            CONTENT_SECURITY_POLICY
        )
        found = definition(page, LEADER_FORM)
        complete(page, LEADER_FORM)  # every statement, on its page, and the results of the scorer
        assert dimension_rows(page, "egenvurdering") == {
            "relasjonelle-ferdigheter": {"mean": "2,0", "answered": "3/3", "band": "Et utviklingsområde"},
            "maktdeling": {"mean": "3,3", "answered": "3/3", "band": "Godt på vei"},
            "motivasjonsstotte": {"mean": "3,5", "answered": "4/4", "band": "En styrke"},
            "utviklingsstotte": {"mean": "2,5", "answered": "4/4", "band": "Godt på vei"},
        }
        if AXE.is_file():
            for width in (1280, 360):
                page.set_viewport_size({"width": width, "height": 800})
                assert axe_violations(page) == [], f"{width} px"
            page.set_viewport_size({"width": 1280, "height": 900})

        # To "Mine resultater" by the menu: Material's instant navigation, in Zensical's bundle.
        page.evaluate("() => { window.__sameDocument = true; }")
        page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{MY_RESULTS_PAGE}"]').first.click()
        page.wait_for_selector("div.lsk-my-results[data-lsk-mounted]", state="attached")
        wait_scored(page)
        assert page.evaluate("() => window.__sameDocument === true"), "the page was swapped, not loaded"
        labels = {label["value"]: label["text"] for label in found["scale"]["labels"]}
        leader = page.locator(f'section[data-lsk-questionnaire="{LEADER_FORM}"]')
        assert leader.get_attribute("data-lsk-answered") == "true"
        shown = dict(
            leader.locator("table.lsk-answers-table tr[data-lsk-item]").evaluate_all(
                "rows => rows.map(row => [row.dataset.lskItem, row.querySelector('td').innerText])"
            )
        )
        assert shown == {item: f"{value} – {labels[value]}" for item, value in likert_values(found).items()}
        assert dimension_rows(page, "egenvurdering")["motivasjonsstotte"]["mean"] == "3,5"


def test_after_one_visit_the_course_works_offline(browser: Browser, zensical_site: SiteServer, tmp_path: Path) -> None:
    assert zensical_site.folder is not None
    site = tmp_path / "site"
    shutil.copytree(zensical_site.folder, site)
    build = build_info(site)["build"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO", service_workers="allow")
    context.set_default_timeout(15_000)
    server = SiteServer(site).start()
    traffic = Traffic(origin=server.origin)
    try:
        page = watch(context, traffic)
        open_form(page, server.url + LEADER_PAGE, LEADER_FORM)
        assert wait_until_offline_ready(page) == {
            "state": "ready",
            "build": build,
            "cache": cache_name(build),
            "runtime": "kept",
        }
        kept = set(page.evaluate(CACHES)[cache_name(build)])
        assert site_paths(site) <= kept, "every page is kept"
        assert SUB_PATH + "search.json" in kept, "Zensical's search index"
        assert {path for path in kept if path.startswith(SUB_PATH + "assets/javascripts/bundle.")}, "its bundle"
        server.stop()

        context.set_offline(True)
        page.reload()
        form_is_mounted(page, LEADER_FORM)
        page.goto(server.url + QUESTIONNAIRES[EMPLOYEE_FORM])  # never visited
        form_is_mounted(page, EMPLOYEE_FORM)
        complete(page, EMPLOYEE_FORM)
        assert normalised(page.locator(".lsk-results-summary").inner_text()) == "9 av 9 utsagn besvart."
        assert zensical_search(page, "medarbeiderskap") > 0
        check_traffic(traffic)
        assert traffic.page_errors == []
    finally:
        server.stop()
        context.close()
