"""Every scoring fixture's expected results, drawn by the page's own display code.

The fixtures (tests/scorer/fixtures/*.json: answers in, the complete results out) are checked
against the scorer in CPython (tests/scorer/test_fixtures.py) and in Pyodide
(tests/pyodide/test_wheel_in_pyodide.py). Here the same expected results go through
results-view.js and each question type's ``drawResults`` in a built site of the fixture's
language, so a field the scorer writes and the page misreads or leaves out is found too:
every part with results is drawn, every number is the scorer's display string, every
dimension, row and question is named, and every problem of a part's answers is told in the
catalogue's words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any, get_args, get_type_hints

import pytest
from lederskap_scorer import Questionnaire, parse
from lederskap_scorer.catalogue import Messages
from lederskap_scorer.parts import Part, answer_ids
from playwright.sync_api import Browser, Page

from ..scorer.fixture_files import Fixture, all_fixtures
from .helpers import normalised
from .served import watched_page

pytestmark = pytest.mark.browser

FIXTURES = all_fixtures()

DRAW = """async ([results]) => {
  const { ResultsView } = await import(new URL("assets/lederskap/results-view.js", document.baseURI).href);
  const box = document.createElement("div");
  for (const part of results.parts) {
    const section = document.createElement("section");
    section.className = "lsk-results";
    section.dataset.lskResults = part.id;
    const body = document.createElement("div");
    body.dataset.lskResultsBody = "";
    section.append(body);
    box.append(section);
  }
  document.querySelector("main, body").append(box);
  new ResultsView(box).render(results);
  const drawn = {};
  for (const section of box.querySelectorAll("[data-lsk-results]")) {
    drawn[section.dataset.lskResults] = { state: section.dataset.lskState || null, text: section.innerText };
  }
  box.remove();
  return drawn;
}"""
"""Draws ``results`` with the page's ResultsView into a results container per part; each part's state and text."""

def has_results(part: dict[str, Any]) -> bool:
    """Whether a part's results are drawn: text and checklist answers are shown as given, not scored,
    and a choice part is scored only when its options have scores."""
    match part["type"]:
        case "text" | "checklist":
            return False
        case "choice":
            return bool(part["scored"])
        case _:
            return True


def displays(value: object) -> Iterator[str]:
    """Every display string of a part's results (the fields ``*_display``), wherever they are."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("_display") and isinstance(item, str):
                yield item
            else:
                yield from displays(item)
    elif isinstance(value, list):
        for item in value:
            yield from displays(item)


def names(part: dict[str, Any]) -> Iterator[str]:
    """The titles of what a part's results are about: its dimensions, rows, columns and scored questions."""
    for key in ("dimensions", "rows", "columns", "questions"):
        for entry in part.get(key) or []:
            name = entry.get("title") or entry.get("text")
            if isinstance(name, str) and name and entry.get("scored", True):
                yield name


@pytest.fixture
def page_of(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Callable[[str], Page]]:
    """``page_of(language)``: the start page of the built site of that language (the session's course
    or the English one), watched like every test's page."""
    with ExitStack() as pages:

        def open_page(language: str) -> Page:
            url = request.getfixturevalue("site_url" if language == "nb" else "english_site")
            page = pages.enter_context(watched_page(browser, url, "nb-NO" if language == "nb" else "en-GB"))
            page.goto(url)
            return page

        yield open_page


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_the_page_draws_every_part_of_the_expected_results(page_of: Callable[[str], Page], fixture: Fixture) -> None:
    expected = fixture.expected
    assert isinstance(expected, dict)
    page = page_of(fixture.language)
    drawn = page.evaluate(DRAW, [expected])

    definition = parse(Questionnaire, fixture.definition)
    messages = Messages(fixture.language)  # type: ignore[arg-type]
    for part in expected["parts"]:
        shown = drawn[part["id"]]
        if not has_results(part):
            assert shown["state"] is None, f"{part['id']}: a part without scores has no results to draw"
            continue
        assert shown["state"] == "shown", f"{part['id']}: not drawn"
        text = normalised(shown["text"])
        if part["type"] == "allocation" and not any(c["value"] is not None for r in part["rows"] for c in r["values"]):
            # Nothing typed in: no sums to show, the learner is told so.
            assert normalised(messages("allocation.empty_results")) in text
            continue
        missing = [d for d in displays(part) if d not in text]
        assert missing == [], f"{part['id']}: the scorer's numbers {missing} are not shown"
        unnamed = [n for n in names(part) if normalised(n) not in text]
        assert unnamed == [], f"{part['id']}: {unnamed} are not named"

        ids = {answer_id for p in definition.parts if p.id == part["id"] for answer_id in answer_ids(p)}
        told = [
            normalised(messages(f"problem.{problem['code']}", **problem["values"]))
            for problem in expected["problems"]
            if problem["id"] in ids
        ]
        untold = [sentence for sentence in told if sentence not in text]
        assert untold == [], f"{part['id']}: problems not told: {untold}"


def test_the_fixtures_cover_every_question_type() -> None:
    """The display check above means something only if every type's results are among the fixtures."""
    types = {get_args(get_type_hints(part)["type"])[0] for part in get_args(Part)}
    covered = {part["type"] for f in FIXTURES if isinstance(f.expected, dict) for part in f.expected["parts"]}
    assert types <= covered, f"no fixture has results of {sorted(types - covered)}"
