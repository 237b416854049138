"""The course's start page on a learner's first visit: what it downloads, and when the Python runtime comes.

Each visit is a fresh browser profile (its empty page of the site opened first,
as in the other profiles), with Playwright's clock installed in the start page
before it loads: offline.js counts the learner's stay with timers, so the
clock can pass it at once.

1. The start page until it has loaded and the site's service worker is ready
   (offline.js's state ``ready``: installed, in control, the page's files kept).
2. Then the clock runs ``STAYED`` × ``RUNTIME_AFTER_MS`` (read from offline.js)
   and the visit waits until offline.js says the runtime is kept (or failed);
   under Save-Data it waits ``SETTLE_MS`` instead, as nothing should come.

Chromium has no switch for Save-Data: an init script defines
``navigator.connection`` with ``saveData: true`` (as tests/browser/test_offline.py does).

Bytes are counted by the local server (``server.Traffic``: status line, headers
and body), since the service worker's own downloads are no requests of the page.
The runtime is what the build lists as such for the service worker
(``lederskap_build.generate.is_runtime``: Pyodide, the scorer's standard library
archive with the scorer, and the wheel, which only a fallback fetches).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright

from lederskap_build.generate import is_runtime

from . import targets
from .browser_visits import fresh_profile
from .page_weight import KIB
from .rows import Row
from .server import Traffic

STAYED = 3
"""How many times RUNTIME_AFTER_MS the learner stays on the start page."""
SETTLE_MS = 3000
"""Under Save-Data, how long (real time) the visit waits after the stay for a runtime download that should not come."""

SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
    configurable: true, get: () => ({ saveData: true, effectiveType: "4g" }),
});"""
"""An init script: the browser says the learner has asked to save data."""

OFFLINE = "window.__lederskap && window.__lederskap.offline"
OFFLINE_READY = f"() => !!({OFFLINE}) && ['ready', 'failed', 'unsupported', 'off'].includes({OFFLINE}.state)"
RUNTIME_SETTLED = f"() => !!({OFFLINE}) && ['kept', 'failed'].includes({OFFLINE}.runtime)"
RUNTIME_AFTER_MS = """async () => (await import(new URL("assets/lederskap/offline.js", document.baseURI).href))
    .RUNTIME_AFTER_MS"""


def runtime_bytes(sent: Mapping[str, int]) -> int:
    """The bytes of ``sent`` (by URL path, the site at the server's root) that are the Python runtime's."""
    return sum(count for path, count in sent.items() if is_runtime(path.lstrip("/")))


@dataclass(frozen=True)
class StartPageVisit:
    """What the server sent during one first visit of the start page, by URL path."""

    save_data: bool
    to_ready: dict[str, int]
    """Until the page had loaded and the service worker was ready."""
    staying: dict[str, int]
    """From then until the runtime was kept (or, under Save-Data, the stay and ``SETTLE_MS`` were over)."""
    offline: dict[str, Any] | None
    """``window.__lederskap.offline`` at the end."""
    stayed_ms: float | None = None
    failure: str | None = None


def visit_start_page(
    playwright: Playwright,
    base: str,
    blank_page: str,
    traffic: Traffic,
    folder: Path,
    save_data: bool,
    timeout_ms: float,
) -> StartPageVisit:
    """One first visit of the start page (``base``) in a fresh profile in ``folder``; see the module."""
    to_ready: dict[str, int] | None = None
    staying: dict[str, int] = {}
    offline = None
    stayed_ms = None
    failure = None
    with fresh_profile(playwright, folder) as context:
        warm_up = context.pages[0] if context.pages else context.new_page()
        warm_up.goto(base + blank_page)
        if save_data:
            context.add_init_script(script=SAVE_DATA)
        page = context.new_page()
        mark = traffic.mark()
        try:
            page.clock.install()
            page.goto(base, wait_until="commit", timeout=timeout_ms)
            page.wait_for_function(OFFLINE_READY, timeout=timeout_ms)
            to_ready, mark = traffic.since(mark), traffic.mark()
            stayed_ms = STAYED * float(page.evaluate(RUNTIME_AFTER_MS))
            page.clock.run_for(int(stayed_ms))
            if save_data:
                page.wait_for_timeout(SETTLE_MS)
            else:
                page.wait_for_function(RUNTIME_SETTLED, timeout=timeout_ms)
        except PlaywrightError as error:
            failure = str(error).splitlines()[0]
        if to_ready is None:
            to_ready = traffic.since(mark)
        else:
            staying = traffic.since(mark)
        try:
            offline = page.evaluate(f"() => {OFFLINE} || null")
        except PlaywrightError:
            offline = None
    return StartPageVisit(save_data, to_ready, staying, offline, stayed_ms, failure)


def start_page_rows(visits: Sequence[StartPageVisit]) -> list[Row]:
    """The start page's rows: every byte and the runtime's to offline ready, and the runtime after staying."""
    plain = [v for v in visits if not v.save_data]
    saving = [v for v in visits if v.save_data]

    def kib(group: Sequence[StartPageVisit], size: Callable[[StartPageVisit], int]) -> tuple[float, ...]:
        return tuple(size(v) / KIB for v in group if v.failure is None)

    return [
        Row(
            "start page, first visit: all, to offline ready",
            "KiB",
            kib(plain, lambda v: sum(v.to_ready.values())),
            note=_failures(plain),
        ),
        Row(
            "start page, first visit: runtime, to offline ready",
            "KiB",
            kib(plain, lambda v: runtime_bytes(v.to_ready)),
            target=targets.NO_RUNTIME,
            note=_any_runtime(plain, lambda v: runtime_bytes(v.to_ready)),
        ),
        Row(
            "start page, staying: runtime kept",
            "KiB",
            kib(plain, lambda v: runtime_bytes(v.staying)),
            note=_stay_note(plain, "kept"),
        ),
        Row(
            "start page under Save-Data, staying: runtime",
            "KiB",
            kib(saving, lambda v: runtime_bytes(v.to_ready) + runtime_bytes(v.staying)),
            target=targets.NO_RUNTIME,
            note="; ".join(
                note
                for note in (
                    _stay_note(saving, "save-data"),
                    _any_runtime(saving, lambda v: runtime_bytes(v.to_ready) + runtime_bytes(v.staying)),
                    _failures(saving),
                )
                if note
            ),
        ),
    ]


def _any_runtime(visits: Sequence[StartPageVisit], size: Callable[[StartPageVisit], int]) -> str:
    """A visit that fetched runtime bytes, which the median of the others would hide."""
    fetched = [size(v) for v in visits if v.failure is None and size(v) > 0]
    if not fetched:
        return ""
    return f"runtime bytes in {len(fetched)} of {len(visits)} visits (at most {max(fetched) / KIB:.1f} KiB)"


def _failures(visits: Sequence[StartPageVisit]) -> str:
    failed = [v for v in visits if v.failure]
    if not failed:
        return ""
    return f"{len(failed)} of {len(visits)} visits left out: {failed[0].failure}"


def _stay_note(visits: Sequence[StartPageVisit], expected: str) -> str:
    """How long the learner stayed, and any visit whose runtime state at the end was not ``expected``."""
    stayed = next((v.stayed_ms for v in visits if v.stayed_ms is not None), None)
    note = f"after {stayed / 1000:g} s on the page (Playwright's clock)" if stayed is not None else ""
    odd = [v for v in visits if v.failure is None and (v.offline or {}).get("runtime") != expected]
    if odd:
        note += f"; runtime state {(odd[0].offline or {}).get('runtime')!r} in {len(odd)} of {len(visits)} visits"
    return note


def start_page_details(visits: Sequence[StartPageVisit]) -> list[dict[str, object]]:
    """Each visit: the bytes by kind, the offline state at the end, any failure."""
    return [
        {
            "save_data": v.save_data,
            "to_ready_bytes": sum(v.to_ready.values()),
            "to_ready_runtime_bytes": runtime_bytes(v.to_ready),
            "staying_bytes": sum(v.staying.values()),
            "staying_runtime_bytes": runtime_bytes(v.staying),
            "stayed_ms": v.stayed_ms,
            "offline": v.offline,
            "failure": v.failure,
        }
        for v in visits
    ]
