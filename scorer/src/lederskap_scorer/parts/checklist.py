"""The ``checklist`` question type: any number of options ticked, with an optional free-text summary.

Its answers: the list of ticked option ids under the part's id, and the
summary's text under the summary field's id. The ticked options are reported
in the questionnaire's order, each once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..answers import AnswerProblem
from ..limits import MAX_OPTIONS
from ..schema import Id, Problem, join_path
from .shared import (
    Answers,
    ChosenOption,
    Option,
    PartScore,
    ScoringContext,
    TextAnswer,
    TextField,
    check_rows,
    check_unique_within,
    expect_at_most,
    expect_some,
    read_text,
)


@dataclass(frozen=True)
class ChecklistPart:
    """A question answered by ticking any number of options, with an optional free-text summary."""

    type: Literal["checklist"]
    id: Id
    title: str
    options: tuple[Option, ...]
    intro: str = ""
    summary: TextField | None = None


def check_part(part: ChecklistPart, path: str) -> list[Problem]:
    options_path = join_path(path, "options")
    problems = expect_some(part.options, options_path, "option")
    problems += expect_at_most(part.options, options_path, "options", MAX_OPTIONS)
    problems += check_unique_within(part.options, options_path)
    if part.summary is not None:
        problems += check_rows(part.summary, join_path(path, "summary"))
    return problems


def question_count(part: ChecklistPart) -> int:
    return 1 if part.summary is None else 2


def namespace_ids(part: ChecklistPart, path: str) -> Iterator[tuple[str, str]]:
    """The summary field's id (the part's own id is the caller's; options are unique within the part)."""
    if part.summary is not None:
        yield part.summary.id, join_path(join_path(path, "summary"), "id")


def answer_ids(part: ChecklistPart) -> Iterator[str]:
    yield part.id
    if part.summary is not None:
        yield part.summary.id


@dataclass(frozen=True, kw_only=True)
class ChecklistResult:
    """What was ticked in one checklist part, and its summary text."""

    type: Literal["checklist"] = "checklist"
    id: str
    title: str
    chosen: tuple[ChosenOption, ...]
    summary: TextAnswer | None


def _ticked(part: ChecklistPart, value: object, problems: list[AnswerProblem]) -> set[str]:
    """The known option ids in the part's answer, each once; a problem for anything else."""
    question = {"question": part.title}
    if not isinstance(value, list | tuple):
        problems.append(AnswerProblem(part.id, None, "not-a-list", question))
        return set()
    known = {option.id for option in part.options}
    chosen: set[str] = set()
    for entry in value:
        if not isinstance(entry, str):
            problems.append(AnswerProblem(part.id, None, "entry-not-a-text", question))
        elif entry not in known:
            problems.append(AnswerProblem(part.id, entry, "unknown-option", {**question, "option": entry}))
        elif entry in chosen:
            problems.append(AnswerProblem(part.id, entry, "duplicate-option", {**question, "option": entry}))
        else:
            chosen.add(entry)
    return chosen


def score(part: ChecklistPart, answers: Answers, context: ScoringContext) -> PartScore[ChecklistResult]:
    problems: list[AnswerProblem] = []
    ticked = _ticked(part, answers[part.id], problems) if part.id in answers else set()
    summary = None if part.summary is None else read_text(part.summary, answers, problems)
    result = ChecklistResult(
        id=part.id,
        title=part.title,
        chosen=tuple(ChosenOption(option.id, option.text) for option in part.options if option.id in ticked),
        summary=summary,
    )
    answered: set[str] = {part.id} if ticked else set()
    if summary is not None:
        answered.add(summary.id)
    return PartScore(result, tuple(problems), frozenset(answered))
