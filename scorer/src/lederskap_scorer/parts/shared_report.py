"""What the report lines of several question types share (command line only, like every ``*_report.py``)."""

from __future__ import annotations

from ..catalogue import Messages

INDENT = "  "


def join_names(names: list[str], t: Messages) -> str:
    """ "A", "A and B", "A, B and C" in the catalogue's language."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('results.list_and')} {names[-1]}"


def indented_text(text: str, depth: int = 2) -> list[str]:
    """A learner's text, one line each, indented (trailing spaces removed)."""
    return [f"{INDENT * depth}{line}".rstrip() for line in text.splitlines()]
