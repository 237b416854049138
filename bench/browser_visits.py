"""Driving headless Chromium (Playwright): a fresh browser profile, and one measured visit of a page.

A visit opens a new page in a browser context, lets the in-page probe
(``pages/probe.js``, injected into that page before its own scripts, with the
learner's stored answers for that visit) record when the first input and the
first result appear, and collects what the page fetched. A fresh profile is a
first visit (empty cache and storage); a later page in the same profile is a
return visit.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Playwright, Request
from playwright.sync_api import Error as PlaywrightError

from tests.browser.chromium import CHROMIUM_ARGS, chromium_path

PROBE = (Path(__file__).resolve().parent / "pages" / "probe.js").read_text(encoding="utf-8")

Awaited = Literal["input", "result", "ready", "installed", "kept", "bare"]
OUR_WORKER = "/assets/lederskap/"
"""In the path of our scorer worker's URL (Material's search worker is the page's other worker)."""
CONDITIONS: dict[Awaited, str] = {
    "input": "() => window.__bench && window.__bench.firstInput !== null",
    "result": "() => window.__bench && window.__bench.firstResult !== null",
    # The first result, and Python ready in our worker (on a return visit the results kept from
    # the last visit come first, and the scorer starts after them, for the next changed answer).
    "ready": "() => window.__bench && window.__bench.firstResult !== null && window.__bench.worker.some("
    f"(e) => e.event === 'ready' && String(e.worker).includes('{OUR_WORKER}'))",
    # Ready, and the site's service worker installed and in control of the page (or unable to be),
    # as after a learner's first visit of some minutes; the next visit is controlled by it.
    "installed": "() => window.__bench && window.__bench.firstResult !== null && window.__bench.worker.some("
    f"(e) => e.event === 'ready' && String(e.worker).includes('{OUR_WORKER}'))"
    " && window.__lederskap && window.__lederskap.offline"
    " && ['ready', 'failed', 'unsupported', 'off'].includes(window.__lederskap.offline.state)",
    # Ready, and the site's service worker set up with the Python runtime kept (or failed to be),
    # so that the next visit of the profile is a return visit served by it (offline.js's state).
    "kept": "() => window.__bench && window.__bench.firstResult !== null && window.__bench.worker.some("
    f"(e) => e.event === 'ready' && String(e.worker).includes('{OUR_WORKER}'))"
    " && window.__lederskap && window.__lederskap.offline"
    " && (['failed', 'unsupported', 'off'].includes(window.__lederskap.offline.state)"
    " || ['kept', 'failed'].includes(window.__lederskap.offline.runtime))",
    "bare": "() => window.__bare && (window.__bare.ready !== null || window.__bare.error !== null)",
}
POLL_MS = 50

SNAPSHOT_KEPT = """async (timeoutMs) => {
  // Once the runtime is kept, the scorer worker keeps its start snapshot in the same cache
  // (start-snapshot.js) within about a second; the next visit restores it. Whether it is there.
  const root = new URL(window.__lederskap.sitePath, location.href);
  const address = new URL("assets/lederskap/pyodide/scorer-start.snapshot", root).href;
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await caches.match(address)) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}"""

READ_STATE = """() => {
  const bench = window.__bench;
  if (bench && bench.flush) bench.flush();
  const status = document.querySelector("[data-lsk-status]");
  return JSON.parse(JSON.stringify({
    timeOrigin: performance.timeOrigin,
    firstInput: bench ? bench.firstInput : null,
    firstResult: bench ? bench.firstResult : null,
    longTasks: bench ? bench.longTasks : [],
    frames: bench ? bench.frames : [],
    worker: bench ? bench.worker : [],
    errors: bench ? bench.errors : [],
    bare: window.__bare || null,
    status: status ? status.textContent.trim() : null,
    scorerState: window.__lederskap ? window.__lederskap.scorerState || null : null,
    offline: window.__lederskap ? window.__lederskap.offline || null : null,
    userAgent: navigator.userAgent,
  }));
}"""


@contextmanager
def fresh_profile(playwright: Playwright, folder: Path) -> Iterator[BrowserContext]:
    """Headless Chromium with a new, empty profile in ``folder``: a learner's first visit.

    A persistent profile keeps its HTTP cache on disk, as a learner's browser
    does; the in-memory cache of an incognito-like context does not keep a file
    as large as Pyodide's WebAssembly, which would make every visit a first one.
    """
    context = playwright.chromium.launch_persistent_context(
        str(folder), executable_path=chromium_path(), headless=True, args=list(CHROMIUM_ARGS)
    )
    try:
        yield context
    finally:
        context.close()


Seed = tuple[str, str]
"""A localStorage (key, value) the probe writes before the page's scripts run: the learner's stored answers."""


def add_probe(page: Page, seed: Seed | None, timeout_ms: float) -> None:
    """Inject the probe into ``page`` (before it navigates); ``seed`` is written to localStorage first."""
    settings = {"seed": {"key": seed[0], "value": seed[1]} if seed else None, "timeoutMs": timeout_ms}
    page.add_init_script(script=f"({PROBE.strip().rstrip(';')})({json.dumps(settings)});")


@dataclass(frozen=True)
class Fetch:
    """One response the page (or its workers) received."""

    url: str
    path: str
    resource_type: str
    status: int | None
    transferred: int
    """Response headers and body as sent over the wire (0 when served from the cache)."""
    body: int
    start_ms: float | None
    """When the request started, in milliseconds since the navigation started."""
    end_ms: float | None


@dataclass
class Visit:
    """What one visit recorded; ``failure`` says why the awaited moment did not come."""

    url: str
    first_input: float | None = None
    first_result: float | None = None
    long_tasks: list[dict[str, Any]] = field(default_factory=list)
    frames: list[dict[str, Any]] = field(default_factory=list)
    worker: list[dict[str, Any]] = field(default_factory=list)
    fetches: list[Fetch] = field(default_factory=list)
    bare: dict[str, Any] | None = None
    status: str | None = None
    scorer_state: str | None = None
    offline: dict[str, Any] | None = None
    """``window.__lederskap.offline`` at the end of the visit (the service worker's state, offline.js)."""
    console_errors: list[str] = field(default_factory=list)
    failure: str | None = None
    user_agent: str = ""

    @property
    def bare_ready(self) -> float | None:
        return None if self.bare is None else self.bare.get("ready")

    @property
    def python_ready(self) -> float | None:
        """When our worker said "ready" (Python started, the scorer imported), or None."""
        for event in self.worker:
            if event.get("event") == "ready" and OUR_WORKER in str(event.get("worker")):
                at = event.get("at")
                return float(at) if isinstance(at, int | float) else None
        return None


def _fetch(request: Request, time_origin: float) -> Fetch:
    try:
        sizes = request.sizes()
        transferred = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        body = sizes["responseBodySize"]
    except PlaywrightError:
        transferred = body = 0
    response = request.response()
    timing = request.timing
    start = timing["startTime"] - time_origin if timing["startTime"] > 0 else None
    end = start + timing["responseEnd"] if start is not None and timing["responseEnd"] >= 0 else None
    return Fetch(
        url=request.url,
        path=urlsplit(request.url).path,
        resource_type=request.resource_type,
        status=response.status if response else None,
        transferred=max(transferred, 0),
        body=max(body, 0),
        start_ms=start,
        end_ms=end,
    )


def visit(
    context: BrowserContext,
    url: str,
    awaited: Awaited,
    timeout_ms: float,
    settle_ms: float = 0,
    seed: Seed | None = None,
) -> Visit:
    """Open ``url`` in a new page of ``context``, the probe in it with ``seed``, and wait for the ``awaited``
    moment (at most ``timeout_ms``).

    With ``settle_ms``, wait that long more afterwards (or instead, when the moment never comes)
    so that what the page still loads is counted.
    """
    page = context.new_page()
    add_probe(page, seed, timeout_ms)
    result = Visit(url)
    requests: list[Request] = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.on("console", lambda message: result.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: result.console_errors.append(str(error)))
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.wait_for_function(CONDITIONS[awaited], timeout=timeout_ms, polling=POLL_MS)
        if awaited == "kept" and not page.evaluate(SNAPSHOT_KEPT, 10_000):
            result.failure = "the scorer's start snapshot was not kept within 10 s of the runtime"
    except PlaywrightError as error:
        result.failure = f"{awaited} not seen within {timeout_ms / 1000:g} s ({str(error).splitlines()[0]})"
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    try:
        state = page.evaluate(READ_STATE)
    except PlaywrightError as error:
        result.failure = result.failure or f"could not read the probe: {error}"
        page.close()
        return result
    result.first_input = state["firstInput"]
    result.first_result = state["firstResult"]
    result.long_tasks = state["longTasks"]
    result.frames = state["frames"]
    result.worker = state["worker"]
    result.bare = state["bare"]
    result.status = state["status"]
    result.scorer_state = state["scorerState"]
    result.offline = state["offline"]
    result.console_errors += state["errors"]
    result.user_agent = state["userAgent"]
    if awaited == "bare" and result.bare and result.bare.get("error"):
        result.failure = f"the bare page failed: {result.bare['error']}"
    result.fetches = [_fetch(request, state["timeOrigin"]) for request in requests]
    page.close()
    return result


def why_no_result(visit: Visit) -> str:
    """A one-line reason for a missing result, from what the page showed."""
    parts = [visit.failure or "no result"]
    if visit.scorer_state:
        parts.append(f"scorer state {visit.scorer_state!r}")
    if visit.status:
        parts.append(f"status {visit.status[:120]!r}")
    if visit.console_errors:
        parts.append(f"console: {visit.console_errors[0][:160]!r}")
    return "; ".join(parts)
