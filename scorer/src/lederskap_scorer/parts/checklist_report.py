"""The lines of a checklist part in the command line's text report."""

from __future__ import annotations

from ..catalogue import Messages
from .checklist import ChecklistResult
from .shared_report import INDENT, indented_text


def lines(part: ChecklistResult, t: Messages) -> list[str]:
    out = [f"{INDENT}[x] {option.text}" for option in part.chosen]
    if not out:
        out.append(INDENT + t("mine.nothing_chosen"))
    if part.summary is not None:
        out.append(INDENT + t("report.summary", label=part.summary.label))
        out += indented_text(part.summary.text)
    return out
