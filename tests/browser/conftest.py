"""The built course site, served locally and driven in a real Chromium through Playwright.

* ``site_url`` (session): copies the embedded course into a temporary folder, builds it there once
  with ``python -m lederskap_build build`` (never into the repository, so that test processes running
  in parallel and a developer's ``make serve`` each have their own) and serves it with a threaded
  ``http.server`` on a free 127.0.0.1 port, under a sub-path (``/kurs/``) as on
  ``https://user.github.io/repo/``. Under pytest-xdist each worker process has its own.
* ``browser`` (session): Debian's Chromium (``$LEDERSKAP_CHROMIUM``, else ``/usr/bin/chromium`` if
  present, else Playwright's own browser).
* ``page``: a fresh browser context (empty storage and cache) whose every request is recorded; the
  test fails if any request goes to another origin, or if the pages' Content Security Policy
  blocked anything (``securitypolicyviolation`` events and the browser's console messages).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    Request,
    sync_playwright,
)

from ..courses import copy_embedded_course, copy_english_course
from .chromium import TEST_ARGS, chromium_path
from .helpers import NESTED_SUB_PATH, SUB_PATH


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder under SUB_PATH, and again under NESTED_SUB_PATH (a second site of the
    same origin one level down, as a GitHub user's site and a project site can be)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        for prefix in (NESTED_SUB_PATH, SUB_PATH):
            if url_path.startswith(prefix):
                return super().translate_path("/" + url_path[len(prefix) :])
        return str(Path(self.directory) / "__outside_the_site__")


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser closed a connection it no longer needed
        super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_server() -> Iterator[_QuietServer]:
    """The local server, bound to a free port before the site is built (its address is the site's URL)."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=None))
    try:
        yield server
    finally:
        server.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_server: _QuietServer) -> Path:
    """The embedded course built once per test process for the server's address, in a folder of its own.

    The address matters: Material's instant navigation only swaps pages listed in the
    sitemap, which MkDocs writes from ``site_url``.
    """
    base_url = f"http://127.0.0.1:{site_server.server_address[1]}{SUB_PATH}"
    config = copy_embedded_course(tmp_path_factory.mktemp("browser") / "course")
    subprocess.run(
        [sys.executable, "-m", "lederskap_build", "build", "-f", str(config)],
        cwd=config.parent,
        check=True,
        capture_output=True,
        env={**os.environ, "LEDERSKAP_SITE_URL": base_url},
    )
    return config.parent / "site"


@pytest.fixture(scope="session")
def site_url(site_server: _QuietServer, built_site: Path) -> Iterator[str]:
    """The address of the served site, ending in ``/``, for example ``http://127.0.0.1:41234/kurs/``."""
    site_server.RequestHandlerClass = functools.partial(_SiteHandler, directory=str(built_site))
    thread = threading.Thread(target=site_server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site_server.server_address[1]}{SUB_PATH}"
    finally:
        site_server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The English fixture course (tests/fixtures/courses/english/), copied aside, built and served on
    a port of its own under the same sub-path; its URL."""
    from .served import built_and_served  # served.py builds on this module

    config = copy_english_course(tmp_path_factory.mktemp("english") / "course")
    with built_and_served(config) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=chromium_path(), args=TEST_ARGS)
    try:
        yield browser
    finally:
        browser.close()


@dataclass
class Traffic:
    """What one browser context asked for, and what went wrong in its pages."""

    origin: str
    requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        self.requests.append(request.url)

    def console(self, message: ConsoleMessage) -> None:
        text = message.text
        if text.startswith(CSP_MARKER) or "Content Security Policy" in text:
            self.csp_violations.append(text)

    def foreign(self) -> list[str]:
        """Every request that left the site's origin (data: and blob: URLs stay on the device)."""
        return [
            url
            for url in self.requests
            if not url.startswith(self.origin + "/") and urlsplit(url).scheme not in ("data", "blob")
        ]

    def count(self, suffix: str) -> int:
        return sum(1 for url in self.requests if urlsplit(url).path.endswith(suffix))


CSP_MARKER = "lederskap-test: CSP violation"
REPORT_CSP_VIOLATIONS = f"""document.addEventListener("securitypolicyviolation", (event) => {{
  console.error("{CSP_MARKER}: " + JSON.stringify({{
    directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile,
    line: event.lineNumber, sample: event.sample,
  }}));
}});"""
"""An init script: every violation of the page's Content Security Policy is written to the console."""


def watch(context: BrowserContext, traffic: Traffic) -> Page:
    """A new page of ``context`` whose requests, errors, dialogs and CSP violations ``traffic`` records."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.on("request", traffic.record)
    page = context.new_page()
    page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
    page.on("console", traffic.console)

    def dismiss(dialog: Dialog) -> None:
        traffic.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return page


def check_traffic(traffic: Traffic) -> None:
    """No request left the site's origin and the Content Security Policy blocked nothing."""
    foreign = traffic.foreign()
    assert not foreign, f"requests left the site's origin {traffic.origin}: {foreign}"
    assert not traffic.csp_violations, f"the Content Security Policy blocked: {traffic.csp_violations}"


@pytest.fixture
def context(browser: Browser, site_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO", service_workers="block")
    context.set_default_timeout(15_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def traffic(site_url: str) -> Traffic:
    parts = urlsplit(site_url)
    return Traffic(origin=f"{parts.scheme}://{parts.netloc}")


@pytest.fixture
def page(context: BrowserContext, traffic: Traffic) -> Iterator[Page]:
    """A page in a fresh context; after the test, no request may have left the site's origin and the
    Content Security Policy may have blocked nothing."""
    yield watch(context, traffic)
    check_traffic(traffic)
