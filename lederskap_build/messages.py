"""The interface text catalogue: every string of ours that a learner reads, in each language.

The catalogue lives in ``messages/<language>.json``; the build uses it for the
forms it renders and writes the chosen language's messages into the site for
the browser code, so both read the same words. Course content is not in here:
it stays in the language its author wrote it in.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .config import Language

LANGUAGES: tuple[Language, ...] = ("nb", "en")


@cache
def load_messages(language: Language) -> dict[str, str]:
    """The catalogue for ``language``."""
    text = resources.files(__package__).joinpath("messages", f"{language}.json").read_text(encoding="utf-8")
    messages: dict[str, str] = json.loads(text)
    return messages


class Messages:
    """Looks up and fills in messages of one language: ``messages("form.scale_range", min=1, max=5)``."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._catalogue = load_messages(language)

    def __call__(self, key: str, **values: Any) -> str:
        return self._catalogue[key].format(**values)
