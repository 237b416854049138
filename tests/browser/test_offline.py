"""Fast on return and offline: the service worker (sw.js at the site root, from
lederskap_build/assets/service-worker.js) in a real Chromium with service workers allowed.

* After one visit the whole course works without a network: the server is stopped and the
  browser set offline, the page reloads, a questionnaire page never visited opens, is completed
  and scored, and instant navigation goes on working.
* A new build (a new build hash) replaces this site's old cache, keeps every other site's caches
  on the shared origin and every answer, reuses unchanged files instead of downloading them
  again, and tells the learner to reload.
* The time to the first result on a first and a second visit, printed (run with ``-s``).

Each test serves its own copy of the site with a server of its own (served.SiteServer), so that
it can count requests, stop serving, or put a new build in place.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from ..courses import copy_embedded_course
from .conftest import Traffic, check_traffic, watch
from .helpers import (
    LEADER_FORM,
    LEADER_PAGE,
    SCORER_TIMEOUT_MS,
    SUB_PATH,
    answer,
    checked_answers,
    form_is_mounted,
    normalised,
    open_form,
    search,
    stored_record,
    wait_for_results,
    wait_for_scorer,
)
from .questionnaires import QUESTIONNAIRES, axe_violations, complete
from .served import SiteServer

pytestmark = pytest.mark.browser

EMPLOYEE_FORM = "medarbeider-egenevaluering"
JOBS_FORM = "lederens-fire-jobber"
PYTHON_FILES = (
    "assets/lederskap/pyodide/pyodide.mjs",
    "assets/lederskap/pyodide/pyodide.asm.mjs",
    "assets/lederskap/pyodide/pyodide.asm.wasm.gz",
    "assets/lederskap/pyodide/python_stdlib_scorer.zip",
    "assets/lederskap/pyodide/pyodide-lock.json",
)
"""The runtime the service worker keeps: Pyodide's full python_stdlib.zip and the scorer's wheel are not
among them, only fetched if the standard library archive built for the scorer (which holds the scorer)
lacks a module (lederskap_build/generate.py)."""
CACHES = """async () => {
    const found = {};
    for (const name of await caches.keys()) {
        found[name] = (await (await caches.open(name)).keys()).map(request => new URL(request.url).pathname);
    }
    return found;
}"""


CACHE_GONE = """async ([name, timeoutMs]) => {
    // wait_for_function does not wait for a promise, so the page waits on CacheStorage itself.
    const end = Date.now() + timeoutMs;
    while ((await caches.keys()).includes(name)) {
        if (Date.now() > end) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
}"""
"""Resolves to true once the cache ``name`` is gone (false after ``timeoutMs``)."""


def copy_of(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the session's built course, for a test's own server (the session's server keeps the original)."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    return site


def build_info(site: Path) -> Any:
    text = (site / "assets" / "lederskap" / "build-info.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("Object.freeze(") + len("Object.freeze(") : text.rindex(");")])


def cache_name(build: str) -> str:
    return f"lederskap:{SUB_PATH}#{build}"


def wait_until_offline_ready(page: Page, *, runtime: bool = True) -> Any:
    """Wait until the service worker is active, its precache complete and this page's files kept, and
    (``runtime``) until it has kept the Python runtime or failed to; the page's offline state."""
    page.wait_for_function(
        "() => ['ready', 'failed'].includes(window.__lederskap && window.__lederskap.offline"
        " && window.__lederskap.offline.state)",
        timeout=SCORER_TIMEOUT_MS,
    )
    if runtime:
        page.wait_for_function(
            "() => window.__lederskap.offline.state === 'failed'"
            " || ['kept', 'failed'].includes(window.__lederskap.offline.runtime)",
            timeout=SCORER_TIMEOUT_MS,
        )
    return page.evaluate("() => window.__lederskap.offline")


def site_paths(site: Path) -> set[str]:
    """The path of every page of a built site, as the browser asks for it."""
    folders = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    return {SUB_PATH if folder == "." else f"{SUB_PATH}{folder}/" for folder in folders}


@dataclass
class Visitor:
    """A browser context that allows service workers, watched like the ``page`` fixture's."""

    context: BrowserContext
    traffic: Traffic
    page: Page


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Any]:
    made: list[Visitor] = []

    def make(server: SiteServer) -> Visitor:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO", service_workers="allow")
        context.set_default_timeout(15_000)
        traffic = Traffic(origin=server.origin)
        made.append(Visitor(context, traffic, watch(context, traffic)))
        return made[-1]

    try:
        yield make
        for visitor in made:
            check_traffic(visitor.traffic)
            assert visitor.traffic.page_errors == []
    finally:
        for visitor in made:
            visitor.context.close()


def test_after_one_visit_the_whole_course_works_offline(visitor: Any, built_site: Path, tmp_path: Path) -> None:
    site = copy_of(built_site, tmp_path)
    build = build_info(site)["build"]
    server = SiteServer(site).start()
    try:
        you: Visitor = visitor(server)
        page = you.page
        open_form(page, server.url + LEADER_PAGE, LEADER_FORM)
        assert wait_until_offline_ready(page) == {
            "state": "ready",
            "build": build,
            "cache": cache_name(build),
            "runtime": "kept",
        }
        assert page.evaluate("() => navigator.serviceWorker.controller.scriptURL") == server.url + "sw.js"
        caches = page.evaluate(CACHES)
        assert list(caches) == [cache_name(build)]
        kept = set(caches[cache_name(build)])
        assert site_paths(site) <= kept, "every page is kept"
        for path in (*PYTHON_FILES, "search/search_index.json"):
            assert SUB_PATH + path in kept, path
        assert SUB_PATH + "assets/lederskap/pyodide/python_stdlib.zip" not in kept, "fetched only for a fallback"
        assert SUB_PATH + f"assets/lederskap/{build_info(site)['wheel']}" not in kept, "fetched only for a fallback"
        assert SUB_PATH + "assets/lederskap/pyodide/pyodide.asm.wasm" not in kept, "the .gz is fetched in its place"
        material = {path for path in kept if path.startswith(SUB_PATH + "assets/javascripts/bundle.")}
        assert material, "Material's bundle, loaded before the worker was in control, is kept too"
    finally:
        server.stop()

    you.context.set_offline(True)
    page.reload()
    form_is_mounted(page, LEADER_FORM)
    # A questionnaire page never visited: opened, completed and scored without any network.
    page.goto(server.url + QUESTIONNAIRES[EMPLOYEE_FORM])
    form_is_mounted(page, EMPLOYEE_FORM)
    complete(page, EMPLOYEE_FORM)
    assert normalised(page.locator(".lsk-results-summary").inner_text()) == "9 av 9 utsagn besvart."
    # Instant navigation (or a full page load, served by the worker) goes on working offline.
    page.locator('nav.md-nav--primary a.md-nav__link[href$="/fire-jobber/"]').first.click()
    form_is_mounted(page, JOBS_FORM)
    complete(page, JOBS_FORM)
    # Search too: the index and the search languages' files were kept.
    search(page, "medarbeiderskap")


RUNTIME_AFTER_MS = """async () => (await import(new URL("assets/lederskap/offline.js", document.baseURI).href))
    .RUNTIME_AFTER_MS"""
"""How long a learner stays before the runtime is kept without a questionnaire (offline.js)."""

SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
    configurable: true, get: () => ({ saveData: true, effectiveType: "4g" }),
});"""
"""An init script: the browser says the learner has asked to save data (Chromium has no switch for it)."""


def runtime_requests(server: SiteServer) -> int:
    """How many requests for the Python runtime (Pyodide, the scorer's standard library archive, its wheel) came."""
    return sum(n for path, n in server.hits.items() if path.startswith(RUNTIME_FOLDERS))


RUNTIME_FOLDERS = (SUB_PATH + "assets/lederskap/pyodide/", SUB_PATH + "assets/lederskap/wheels/")


def test_the_start_page_keeps_the_runtime_only_once_the_learner_stays(
    visitor: Any, built_site: Path, tmp_path: Path
) -> None:
    site = copy_of(built_site, tmp_path)
    with SiteServer(site) as server:
        you: Visitor = visitor(server)
        page = you.page
        page.clock.install()
        page.goto(server.url)
        assert wait_until_offline_ready(page, runtime=False)["runtime"] == "waiting"
        assert runtime_requests(server) == 0, "the start page's first visit downloads no runtime"

        page.clock.run_for(page.evaluate(RUNTIME_AFTER_MS))
        assert wait_until_offline_ready(page)["runtime"] == "kept"
        kept = set(page.evaluate(CACHES)[cache_name(build_info(site)["build"])])
        for path in PYTHON_FILES:
            assert SUB_PATH + path in kept, path


def test_under_save_data_only_a_questionnaire_brings_the_runtime(
    visitor: Any, built_site: Path, tmp_path: Path
) -> None:
    site = copy_of(built_site, tmp_path)
    with SiteServer(site) as server:
        you: Visitor = visitor(server)
        you.context.add_init_script(SAVE_DATA)
        page = you.page
        page.clock.install()
        page.goto(server.url)
        assert wait_until_offline_ready(page, runtime=False)["runtime"] == "save-data"
        page.clock.run_for(10 * page.evaluate(RUNTIME_AFTER_MS))
        assert page.evaluate("() => window.__lederskap.offline.runtime") == "save-data"
        assert runtime_requests(server) == 0, "nothing of the runtime under Save-Data, however long the learner stays"

        questionnaire = you.context.new_page()
        open_form(questionnaire, server.url + LEADER_PAGE, LEADER_FORM)
        wait_for_scorer(questionnaire)
        assert wait_until_offline_ready(questionnaire)["runtime"] == "kept"
        assert runtime_requests(server) > 0


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, Path, Path]]:
    """The course built twice for one address, a page changed in between: two deploys of one site."""
    root = copy_embedded_course(tmp_path_factory.mktemp("deploys") / "course").parent
    server = SiteServer()
    sites = []
    try:
        for deploy in ("first", "second"):
            if deploy == "second":
                with (root / "docs" / "index.md").open("a", encoding="utf-8") as page:
                    page.write("\nEn ny setning i en ny versjon av kurset.\n")
            subprocess.run(
                [sys.executable, "-m", "lederskap_build", "build", "-f", str(root / "mkdocs.yml")],
                cwd=root,
                check=True,
                capture_output=True,
                env={**os.environ, "LEDERSKAP_SITE_URL": server.url},
            )
            sites.append(root.parent / deploy)
            shutil.copytree(root / "site", sites[-1])
        yield server, sites[0], sites[1]
    finally:
        server.stop()


OTHER_CACHES = [
    "lederskap:/et-annet-kurs/#0123456789ab",  # another course of the same GitHub user
    "lederskap:/kurs/underkurs/#0123456789ab",  # a course published inside this one's path
    "some-other-app-v1",
]


def test_a_new_build_replaces_the_old_cache_and_keeps_answers_and_other_sites(
    visitor: Any, two_builds: tuple[SiteServer, Path, Path]
) -> None:
    server, first, second = two_builds
    old, new = build_info(first)["build"], build_info(second)["build"]
    assert old != new
    server.folder = first
    with server:
        you: Visitor = visitor(server)
        page = you.page
        open_form(page, server.url + LEADER_PAGE, LEADER_FORM)
        answer(page, {"selvinnsikt": 4, "handlingsrom": 2})
        assert wait_until_offline_ready(page)["cache"] == cache_name(old)
        page.evaluate("async (names) => { for (const name of names) await caches.open(name); }", OTHER_CACHES)
        downloads = {path: server.count(path) for path in PYTHON_FILES}

        server.folder = second  # the new deploy
        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        notice = page.locator("[data-lsk-update]")
        page.wait_for_selector("[data-lsk-update][data-lsk-shown]", state="attached", timeout=SCORER_TIMEOUT_MS)
        assert notice.get_attribute("role") == "status"
        assert normalised(notice.inner_text()).startswith("Kurset er oppdatert. Last inn siden på nytt")
        assert axe_violations(page) == []

        # The page hears of the new version as soon as it takes over (before its activate
        # event has cleared the old cache), so wait for the old cache to go.
        assert page.evaluate(CACHE_GONE, [cache_name(old), SCORER_TIMEOUT_MS]), "the old cache was not deleted"
        caches = page.evaluate(CACHES)
        assert sorted(caches) == sorted([cache_name(new), *OTHER_CACHES])
        assert {path: server.count(path) for path in PYTHON_FILES} == downloads, "unchanged files were downloaded"
        assert stored_record(page, LEADER_FORM)["answers"] == {"selvinnsikt": 4, "handlingsrom": 2}

        reload = notice.get_by_role("button", name="Last inn på nytt")
        reload.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        form_is_mounted(page, LEADER_FORM)
        assert checked_answers(page, ["selvinnsikt", "handlingsrom"]) == {"selvinnsikt": 4, "handlingsrom": 2}
        wait_for_results(page, LEADER_FORM, answered=2)
        assert page.evaluate("() => window.__lederskap.offline.build") == new
        # The old build's start snapshot went with its cache: Python started afresh for the new one.
        assert page.evaluate("() => window.__lederskap.start.snapshot") != "restored"
        assert page.locator("[data-lsk-update][data-lsk-shown]").count() == 0
        page.goto(server.url)
        assert "En ny setning i en ny versjon av kurset." in page.locator("article").inner_text()


def first_result_ms(page: Page) -> float:
    """When the first result was shown, in ms after the navigation started."""
    value: float = page.evaluate("() => window.__lederskap.timings.at(-1).firstResult")
    return value


def test_print_time_to_first_result_on_a_first_and_a_second_visit(
    visitor: Any, built_site: Path, tmp_path: Path
) -> None:
    site = copy_of(built_site, tmp_path)
    with SiteServer(site) as server:
        you: Visitor = visitor(server)
        page = you.page
        started = time.monotonic()
        open_form(page, server.url + LEADER_PAGE, LEADER_FORM)
        answer(page, {"selvinnsikt": 4})
        wait_for_results(page, LEADER_FORM, answered=1)
        first = (first_result_ms(page), (time.monotonic() - started) * 1000)
        wait_until_offline_ready(page)
        before = dict(server.hits)

        second_page = you.context.new_page()  # a new visit: the answer is restored and scored at once
        page.close()
        started = time.monotonic()
        open_form(second_page, server.url + LEADER_PAGE, LEADER_FORM)
        wait_for_results(second_page, LEADER_FORM, answered=1)
        second = (first_result_ms(second_page), (time.monotonic() - started) * 1000)
        fetched = sorted(path for path, n in server.hits.items() if n > before.get(path, 0))
        assert not [path for path in fetched if "/assets/lederskap/" in path], "the second visit loads from the cache"
    print()
    for visit, (in_page, seen) in (("first visit (empty cache)", first), ("second visit (service worker)", second)):
        print(
            f"[timing] {visit}: first result shown {in_page:.0f} ms after navigation;"
            f" results scored by Python seen by the test after {seen:.0f} ms"
        )
    print(f"[timing] second visit fetched from the server: {', '.join(fetched) or 'nothing'}")
