"""The status line of a form, the results page and the team page (``div.lsk-status``, a polite
live region), as the page first shows it.

The browser code (``assets/lederskap/status-view.js``) keeps the line up to date: what the
scorer is doing, and storage notices. Written empty, the line would appear when the script
starts and push the form down under a learner's eyes (84 px at 360 px wide). So the build
writes the line as the script will first draw it: the sentence for a scorer that is loading,
with room kept for the one that replaces it when it is ready (``data-lsk-reserve``, see
``lederskap.css``). A page whose script starts no scorer (a form without results) gets an
empty line, shown only if there is news about storage. Without scripts nothing will load, and
the line is hidden (``lederskap.css``, ``scripting: none``); the ``noscript`` text says why.
The sentence is left out of the search index, as all the tool's words around a form are.
"""

from __future__ import annotations

from enum import Enum

from .html import AttrValue, Markup, element
from .messages import Messages


class Waiting(Enum):
    """What the scorer's sentence on the page is about (``answering`` in status-view.js)."""

    ANSWERS = "answers"
    """A form: its results follow the learner's answers."""
    RESULTS = "results"
    """The results page or the team page: there is nothing to answer, results are shown."""


def status_line(messages: Messages, waiting: Waiting | None) -> Markup:
    """The status line; ``waiting`` is ``None`` on a page that starts no scorer."""
    attributes: dict[str, AttrValue] = {"class": "lsk-status", "data-lsk-status": True, "role": "status"}
    if waiting is None:
        return element("div", attributes)
    suffix = "" if waiting is Waiting.ANSWERS else "_results"
    return element(
        "div",
        {**attributes, "data-lsk-state": "starting"},
        element(
            "div",
            {"class": "lsk-status-row"},
            element(
                "p",
                {
                    "class": "lsk-status-scorer",
                    "data-lsk-reserve": messages(f"status.ready{suffix}"),
                    "data-search-exclude": True,
                },
                element("span", {"class": "lsk-status-text"}, messages(f"status.starting{suffix}")),
            ),
        ),
    )
