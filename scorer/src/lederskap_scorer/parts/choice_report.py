"""The lines of a choice part in the command line's text report."""

from __future__ import annotations

from ..catalogue import Messages
from .choice import ChoiceResult
from .shared_report import INDENT


def lines(part: ChoiceResult, t: Messages) -> list[str]:
    out: list[str] = []
    for question in part.questions:
        if question.chosen is None:
            answer = t("choice.unanswered")
        else:
            answer = question.chosen.text + ("" if question.score is None else f" ({question.score})")
        out.append(f"{INDENT}{question.text}: {answer}")
    counts = {"answered": part.answered, "total": part.question_count}
    out.append(INDENT + t.counted(part.question_count, "choice.answered", **counts))
    if part.scored:
        if part.total_display is None:
            out.append(INDENT + t("choice.none_answered"))
        else:
            out.append(INDENT + t("choice.total", total=part.total_display, max=part.max_total_display))
            out.append(INDENT + t("choice.mean", mean=part.mean_display))
    return out
