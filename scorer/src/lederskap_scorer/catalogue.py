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

A message that depends on a number has its general form under its key (CLDR's plural
category "other") and, where the language words another category differently, that form
under ``<key>.<category>`` (``storage.removed.one``). The page chooses with
``Intl.PluralRules`` (``i18n.js``, ``counted``); :meth:`Messages.counted` chooses the same
way for the command line's report, with the rules of :data:`PLURAL_RULES`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources

from .format import LANGUAGES, Language

__all__ = ["LANGUAGES", "PLURAL_CATEGORIES", "PLURAL_RULES", "Messages", "load_messages"]

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many")
"""The CLDR plural categories a message can have a form of its own for, as the last part of its
key; the general form ("other") is the key itself."""

PLURAL_RULES: dict[Language, Callable[[int], str]] = {
    # CLDR's cardinal rules for whole numbers, as Intl.PluralRules(language).select gives them.
    "nb": lambda n: "one" if n == 1 else "other",
    "en": lambda n: "one" if n == 1 else "other",
}
"""The plural category of a whole number in each language."""


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

    def counted(self, count: int, key: str, **values: object) -> str:
        """The message ``key`` in the form the language gives the number ``count`` (its
        ``<key>.<category>`` when the catalogue has one, else ``key``), with ``{count}`` filled in."""
        variant = f"{key}.{PLURAL_RULES[self.language](count)}"
        return self(variant if variant in self._catalogue else key, count=count, **values)

    def __contains__(self, key: str) -> bool:
        return key in self._catalogue
