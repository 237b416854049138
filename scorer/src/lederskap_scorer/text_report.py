"""The results as readable plain text in the results' language, for the command line.

Every word comes from the message catalogue (:mod:`lederskap_scorer.catalogue`), the
same the page uses, so the command line words the results' codes exactly as the page
does. Each question type's lines are in ``parts/<type>_report.py``. Command line only:
the browser wheel leaves this module, the ``*_report.py`` modules and the catalogue out.
"""

from __future__ import annotations

from typing import assert_never

from .answers import AnswerProblem
from .catalogue import Messages
from .parts import (
    AllocationResult,
    ChecklistResult,
    ChoiceResult,
    LikertResult,
    PartResult,
    TextResult,
    allocation_report,
    checklist_report,
    choice_report,
    likert_report,
    text_report,
)
from .parts.shared_report import INDENT
from .results import Results


def part_lines(part: PartResult, t: Messages) -> list[str]:
    """The lines of one part's results, under its title."""
    match part:
        case LikertResult():
            lines = likert_report.lines(part, t)
        case TextResult():
            lines = text_report.lines(part, t)
        case ChecklistResult():
            lines = checklist_report.lines(part, t)
        case AllocationResult():
            lines = allocation_report.lines(part, t)
        case ChoiceResult():
            lines = choice_report.lines(part, t)
        case _:
            assert_never(part)
    return [f"== {part.title} ==", *lines]


def problem_line(problem: AnswerProblem, t: Messages) -> str:
    """One problem with the answers: where, then the catalogue's ``problem.<code>`` with its values."""
    where = "" if problem.id is None else problem.id + ("" if problem.sub_id is None else f" / {problem.sub_id}") + ": "
    return f"{INDENT}- {where}{t(f'problem.{problem.code}', **problem.values)}"


def render_text(results: Results) -> str:
    """The results as plain text, one block per part, then any problems with the answers."""
    t = Messages(results.language)
    q = results.questionnaire
    blocks = [[t("report.title", title=q.title, version=q.version)]]
    blocks += [part_lines(part, t) for part in results.parts]
    if results.problems:
        blocks.append([t("results.problems_heading"), *(problem_line(p, t) for p in results.problems)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
