"""Python's start snapshot (assets/lederskap/start-snapshot.js, scorer-worker.js) in a real Chromium
with service workers allowed.

* A first visit (no service worker in control yet) neither looks for a snapshot nor makes one.
  Once the offline cache holds the runtime, the next visit's start is kept as a snapshot in that
  cache, and the visit after it restores it and scores exactly as a normal start does.
* A snapshot that cannot be restored (here: bytes that are no snapshot), or one marked for
  another Pyodide or build, is deleted, the start goes on as normal and the learner sees nothing
  of it; a good snapshot takes its place.
* A new build's cache starts without one (its service worker deletes the old cache, snapshot
  and all): test_offline.test_a_new_build_replaces_the_old_cache_and_keeps_answers_and_other_sites.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from .helpers import LEADER_FORM, LEADER_PAGE, SCORER_TIMEOUT_MS, answer, dimension_rows, open_form, wait_for_results
from .served import SiteServer
from .test_offline import Visitor, build_info, cache_name, copy_of, visitor, wait_until_offline_ready

pytestmark = pytest.mark.browser

__all__ = ["visitor"]  # the fixture, used by name

SNAPSHOT = "assets/lederskap/pyodide/scorer-start.snapshot"
STATEMENTS = (
    "selvinnsikt",
    "praktiserer-selvledelse",
    "opptatt-av-andre",
    "oppgaveansvar-og-myndighet",
    "handlingsrom",
    "klargjor-oppdraget",
    "oppmuntrer-til-initiativ",
    "motiverende-mal",
    "lytter-aktivt",
    "inspirerer-til-muligheter",
    "mestringsopplevelser",
    "hverdagslaering",
    "coachende-kommunikasjon",
    "rollemodell",
)
ANSWERS = {statement: 1 + index % 5 for index, statement in enumerate(STATEMENTS)}
"""An answer to every statement of the leader self-assessment, so that every area has a mean."""

SNAPSHOT_KEPT = """async ([name, url, longerThan, timeoutMs]) => {
    // wait_for_function does not wait for a promise, so the page waits on CacheStorage itself.
    const end = Date.now() + timeoutMs;
    for (;;) {
        const found = await (await caches.open(name)).match(url);
        const length = found && Number(found.headers.get("X-Lederskap-Snapshot-Length"));
        if (length > longerThan) return Object.fromEntries(found.headers);
        if (Date.now() > end) return null;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}"""
"""Resolves to the kept snapshot's headers once the cache ``name`` holds one of more than ``longerThan`` bytes (null
after ``timeoutMs``)."""

REPLACE_SNAPSHOT = """async ([name, url, mark, bytes]) => {
    const body = new Uint8Array(bytes).fill(7);
    const headers = {"X-Lederskap-Snapshot": mark, "X-Lederskap-Snapshot-Length": String(bytes)};
    await (await caches.open(name)).put(url, new Response(body, {headers}));
}"""
"""Put ``bytes`` bytes that are no snapshot in the snapshot's place, marked ``mark``."""


def start_report(page: Page) -> Any:
    return page.evaluate("() => window.__lederskap.start")


def means(page: Page) -> dict[str, dict[str, str]]:
    return dimension_rows(page, "egenvurdering")


def visit(you: Visitor, url: str) -> tuple[Page, list[str]]:
    """A new visit in the same browser: a new tab on the leader form, once its results are shown; the
    tab and what was written to its console."""
    page = you.context.new_page()
    said: list[str] = []
    page.on("console", lambda message: said.append(message.text))
    page.on("console", you.traffic.console)
    page.on("pageerror", lambda error: you.traffic.page_errors.append(str(error)))
    open_form(page, url, LEADER_FORM)
    wait_for_results(page, LEADER_FORM, answered=len(ANSWERS))
    return page, said


def two_visits(you: Visitor, server: SiteServer, cache: str) -> dict[str, dict[str, str]]:
    """A first visit that answers every statement and waits until the runtime is kept, and a second
    that makes the start snapshot and keeps it; the results shown."""
    url = server.url + LEADER_PAGE
    first = you.page
    open_form(first, url, LEADER_FORM)
    answer(first, ANSWERS)
    wait_for_results(first, LEADER_FORM, answered=len(ANSWERS))
    assert wait_until_offline_ready(first)["runtime"] == "kept"
    expected = means(first)
    # No service worker controlled the first visit's page: no snapshot looked for or made.
    assert start_report(first) == {"stdlib": "trimmed", "snapshot": None}
    first.close()

    second, _ = visit(you, url)
    assert start_report(second) == {"stdlib": "trimmed", "snapshot": "made"}
    assert means(second) == expected
    headers = second.evaluate(SNAPSHOT_KEPT, [cache, server.url + SNAPSHOT, 0, SCORER_TIMEOUT_MS])
    assert headers is not None, "no snapshot was kept"
    assert int(headers["x-lederskap-snapshot-length"]) > 1_000_000
    second.close()
    return expected


def test_a_return_visit_restores_the_start_and_scores_the_same(visitor: Any, built_site: Path, tmp_path: Path) -> None:
    site = copy_of(built_site, tmp_path)
    cache = cache_name(build_info(site)["build"])
    with SiteServer(site) as server:
        you: Visitor = visitor(server)
        url = server.url + LEADER_PAGE
        expected = two_visits(you, server, cache)

        again, _ = visit(you, url)
        assert start_report(again) == {"stdlib": "trimmed", "snapshot": "restored"}
        assert means(again) == expected
        # A change is scored by the restored Python as by any other.
        answer(again, {"handlingsrom": 1 if ANSWERS["handlingsrom"] != 1 else 2})
        again.wait_for_function(
            """(before) => [...document.querySelectorAll('[data-lsk-results="egenvurdering"] [data-lsk-mean]')]
                .map((entry) => entry.dataset.lskMean).join() !== before""",
            arg=",".join(row["mean"] for row in expected.values()),
            timeout=SCORER_TIMEOUT_MS,
        )
        changed = {dimension for dimension, row in means(again).items() if row != expected[dimension]}
        assert len(changed) == 1, changed


@pytest.mark.parametrize("how", ["not-a-snapshot", "another-build"])
def test_a_snapshot_that_cannot_be_used_is_replaced_unseen(
    visitor: Any, built_site: Path, tmp_path: Path, how: str
) -> None:
    site = copy_of(built_site, tmp_path)
    info = build_info(site)
    cache = cache_name(info["build"])
    with SiteServer(site) as server:
        you: Visitor = visitor(server)
        url = server.url + LEADER_PAGE
        expected = two_visits(you, server, cache)
        mark = f"{info['pyodideVersion']} {info['build']}" if how == "not-a-snapshot" else "0.0.0 0123456789ab"
        blank = you.context.new_page()
        blank.goto(server.url)
        blank.evaluate(REPLACE_SNAPSHOT, [cache, server.url + SNAPSHOT, mark, 4096])
        blank.close()

        again, console = visit(you, url)
        # A normal start, which made a new snapshot; the learner's results as always.
        assert start_report(again) == {"stdlib": "trimmed", "snapshot": "made"}
        assert means(again) == expected
        assert again.locator(".lsk-status").first.get_attribute("data-lsk-state") != "failed"
        said = " ".join(console)
        assert "the start snapshot is not used and is deleted" in said
        assert ("restoring it failed" in said) == (how == "not-a-snapshot")
        headers = again.evaluate(SNAPSHOT_KEPT, [cache, server.url + SNAPSHOT, 4096, SCORER_TIMEOUT_MS])
        assert headers is not None, "no good snapshot took the bad one's place"
        assert headers["x-lederskap-snapshot"] == f"{info['pyodideVersion']} {info['build']}"
        again.close()

        third, _ = visit(you, url)
        assert start_report(third) == {"stdlib": "trimmed", "snapshot": "restored"}
        assert means(third) == expected
