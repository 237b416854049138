"""The message catalogue: every sentence of ours that a learner reads, in each language.

The catalogue is ``messages/<language>.json`` in this package. The scorer itself
writes no sentences: its results carry codes and values (scorer/RESULTS.md), and
whoever shows them words them from this catalogue:

* the build (``lederskap_build/messages.py``) renders the forms with it and writes
  the course language's catalogue into the site as ``assets/lederskap/messages.js``
  for the browser code;
* the command line's text report (``text_report.py``) words the same codes with it.

The browser wheel leaves this module and the catalogue out: the page has them as
``messages.js``. Course content is not in here: it stays in the language its author
wrote it in.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .format import LANGUAGES, Language

__all__ = ["LANGUAGES", "Messages", "load_messages"]


@cache
def load_messages(language: Language) -> dict[str, str]:
    """The catalogue for ``language``: message key -> text with ``{placeholders}``."""
    text = resources.files(__package__).joinpath("messages", f"{language}.json").read_text(encoding="utf-8")
    messages: dict[str, str] = json.loads(text)
    return messages


class Messages:
    """Looks up and fills in messages of one language: ``messages("form.scale_range", min=1, max=5)``."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._catalogue = load_messages(language)

    def __call__(self, key: str, **values: object) -> str:
        return self._catalogue[key].format(**values)

    def __contains__(self, key: str) -> bool:
        return key in self._catalogue
