"""The status line as the build writes it: the scorer's first sentence, with room kept for the next,
on every page whose script starts the scorer; an empty line elsewhere."""

from __future__ import annotations

import pytest
from lederskap_scorer.format import Language

from lederskap_build.messages import Messages
from lederskap_build.status_line import Waiting, status_line

from .html_index import index_html


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(("waiting", "suffix"), [(Waiting.ANSWERS, ""), (Waiting.RESULTS, "_results")])
def test_the_line_starts_as_the_script_draws_it_while_python_loads(
    language: Language, waiting: Waiting, suffix: str
) -> None:
    t = Messages(language)
    html = index_html(status_line(t, waiting))
    (line,) = html.find("div", **{"class": "lsk-status"})
    assert (line.attrs["role"], line.attrs["data-lsk-state"]) == ("status", "starting")
    (scorer,) = html.find("p", **{"class": "lsk-status-scorer"})
    # The words are the catalogue's, as status-view.js's scorerMessage and reservedMessage give them.
    assert scorer.attrs["data-lsk-reserve"] == t(f"status.ready{suffix}")
    assert html.text == " ".join(t(f"status.starting{suffix}").split())
    assert "data-search-exclude" in scorer.attrs


def test_a_page_that_starts_no_scorer_gets_an_empty_line() -> None:
    html = index_html(status_line(Messages("nb"), None))
    (line,) = html.find("div", **{"class": "lsk-status"})
    assert html.text == "" and "data-lsk-state" not in line.attrs
