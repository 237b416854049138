"""The scorer's standard library in the browser: the build's trimmed archive, and the fallback to Pyodide's own.

The worker starts Python with the archive the build byte-compiled and trimmed for the scorer
(lederskap_build/stdlib.py, ``buildInfo.stdlib``), which holds the scorer too, and fetches
neither Pyodide's full ``python_stdlib.zip`` nor the scorer's wheel. When the archive lacks a
module (here: the built site's archive with one module deleted, served in its place), the
worker says so in the console, starts Python again with the full standard library and the
wheel, and the learner gets the results as usual.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Route

from .conftest import Traffic
from .helpers import LEADER_FORM, LEADER_PAGE, answer, dimension_rows, open_form, wait_for_results

pytestmark = pytest.mark.browser

TRIMMED = "/assets/lederskap/pyodide/python_stdlib_scorer.zip"
FULL = "/assets/lederskap/pyodide/python_stdlib.zip"
WHEEL = ".whl"
FALLBACK_WARNING = "starting again with python_stdlib.zip"


def without(archive: Path, entry: str) -> bytes:
    """The zip ``archive`` with ``entry`` deleted."""
    out = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        names = source.namelist()
        assert entry in names, f"{entry} is not in {archive}"
        for name in names:
            if name != entry:
                copy.writestr(name, source.read(name))
    return out.getvalue()


def warnings_of(page: Page) -> list[str]:
    """The console warnings of ``page`` and of its workers, as they come."""
    found: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if message.type == "warning":
            found.append(message.text)

    page.on("console", note)
    return found


def score_some_answers(page: Page, site_url: str) -> dict[str, dict[str, str]]:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "praktiserer-selvledelse": 2})
    wait_for_results(page, LEADER_FORM, answered=2)
    return dimension_rows(page, "egenvurdering")


def test_the_scorer_starts_with_the_trimmed_standard_library(page: Page, site_url: str, traffic: Traffic) -> None:
    warnings = warnings_of(page)
    score_some_answers(page, site_url)
    assert traffic.count(TRIMMED) == 1
    assert traffic.count(FULL) == 0
    assert traffic.count(WHEEL) == 0
    assert not [w for w in warnings if FALLBACK_WARNING in w]


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        # imported by the scorer: its import fails ("import" stage)
        ("fractions.pyc", "(No module named 'fractions')"),
        # a module of the scorer itself
        (
            "lederskap_scorer/parts/likert.pyc",
            "(cannot import name 'likert' from partially initialized module 'lederskap_scorer.parts'",
        ),
        # needed by CPython to initialise at all: Python exits ("runtime" stage)
        ("encodings/__init__.pyc", "Error: "),
        # the archive itself is not found (a host that has not got it): Python exits likewise
        (None, "(Failed to load '{site_url}assets/lederskap/pyodide/python_stdlib_scorer.zip'"),
    ],
    ids=["scorer-import", "scorer-module", "python-start", "archive-not-found"],
)
def test_a_module_missing_from_the_trimmed_archive_falls_back_to_the_full_standard_library(
    page: Page, site_url: str, built_site: Path, traffic: Traffic, entry: str | None, named: str
) -> None:
    body = without(built_site / TRIMMED.removeprefix("/"), entry) if entry else b"Not found"

    def serve_without_the_module(route: Route) -> None:
        route.fulfill(status=200 if entry else 404, body=body, content_type="application/zip")

    page.route(f"**{TRIMMED}", serve_without_the_module)
    warnings = warnings_of(page)
    rows = score_some_answers(page, site_url)

    assert rows, "no results were shown"
    fallbacks = [w for w in warnings if FALLBACK_WARNING in w]
    assert len(fallbacks) == 1, warnings
    assert named.format(site_url=site_url) in fallbacks[0]
    assert traffic.count(TRIMMED) == 1
    assert traffic.count(FULL) == 1
    assert traffic.count(WHEEL) == 1
    assert page.evaluate("window.__lederskap.workerStarts") == 1
    assert traffic.page_errors == []
