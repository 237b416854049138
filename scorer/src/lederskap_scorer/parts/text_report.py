"""The lines of a text part in the command line's text report."""

from __future__ import annotations

from ..catalogue import Messages
from .shared_report import INDENT, indented_text
from .text import TextResult


def lines(part: TextResult, t: Messages) -> list[str]:
    if not part.fields:
        return [INDENT + t("report.no_answers")]
    out: list[str] = []
    for field in part.fields:
        out.append(INDENT + field.label)
        out += indented_text(field.text)
    return out
