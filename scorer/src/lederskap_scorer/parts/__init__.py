"""The question types: one module each (``parts/<type>.py``), listed once, here.

Each type's module holds everything about it in the scorer: its model
(frozen dataclasses, parsed by :func:`lederskap_scorer.schema.parse` from their
type hints), the structural checks a type hint cannot express, which ids it
adds to the questionnaire's one namespace and which ids its answers are
stored under, the check of its answers, its scoring and its result
dataclasses. Its lines of the command line's text report are in
``parts/<type>_report.py`` (left out of the browser wheel).

Every function below dispatches with an exhaustive ``match`` that ends in
:func:`typing.assert_never`: a type added to :data:`Part` but forgotten in one
of them is an error of the type checker (mypy), never a silent fallback.
Adding a type: a module, a line in :data:`Part` and :data:`PartResult`, a case
in each function here and in ``text_report.py``, its HTML in
``lederskap_build/render.py``, and its browser module (ARCHITECTURE.md,
"Adding a question type").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from ..scale import Scale
from ..schema import Problem, join_path
from . import allocation, checklist, choice, likert, text
from .allocation import AllocationPart, AllocationResult
from .checklist import ChecklistPart, ChecklistResult
from .choice import ChoicePart, ChoiceResult
from .likert import LikertPart, LikertResult
from .shared import Answers, Option, PartScore, ScoringContext, TextField
from .text import TextPart, TextResult

Part = LikertPart | TextPart | ChecklistPart | AllocationPart | ChoicePart
"""Every question type; the order is the order the format's error messages list them in."""

PartResult = LikertResult | TextResult | ChecklistResult | AllocationResult | ChoiceResult


def check_part(part: Part, path: str, scale: Scale | None) -> list[Problem]:
    """The rules of ``part`` (at ``path``) that a type hint cannot express; ``scale`` is the
    questionnaire's, when it is usable."""
    match part:
        case LikertPart():
            return likert.check_part(part, path, scale)
        case TextPart():
            return text.check_part(part, path)
        case ChecklistPart():
            return checklist.check_part(part, path)
        case AllocationPart():
            return allocation.check_part(part, path)
        case ChoicePart():
            return choice.check_part(part, path)
        case _:
            assert_never(part)


def question_count(part: Part) -> int:
    """How many questions the learner answers in ``part``, each under an id of its own."""
    match part:
        case LikertPart():
            return likert.question_count(part)
        case TextPart():
            return text.question_count(part)
        case ChecklistPart():
            return checklist.question_count(part)
        case AllocationPart():
            return allocation.question_count(part)
        case ChoicePart():
            return choice.question_count(part)
        case _:
            assert_never(part)


def namespace_ids(part: Part, path: str) -> Iterator[tuple[str, str]]:
    """The ids ``part`` (at ``path``) adds to the questionnaire's one namespace, with their paths:
    its own id, then those of its type (see each module)."""
    yield part.id, join_path(path, "id")
    match part:
        case LikertPart():
            yield from likert.namespace_ids(part, path)
        case TextPart():
            yield from text.namespace_ids(part, path)
        case ChecklistPart():
            yield from checklist.namespace_ids(part, path)
        case AllocationPart():
            yield from allocation.namespace_ids(part, path)
        case ChoicePart():
            yield from choice.namespace_ids(part, path)
        case _:
            assert_never(part)


def answer_ids(part: Part) -> Iterator[str]:
    """The ids the answers to ``part`` are stored under, in reading order."""
    match part:
        case LikertPart():
            yield from likert.answer_ids(part)
        case TextPart():
            yield from text.answer_ids(part)
        case ChecklistPart():
            yield from checklist.answer_ids(part)
        case AllocationPart():
            yield from allocation.answer_ids(part)
        case ChoicePart():
            yield from choice.answer_ids(part)
        case _:
            assert_never(part)


def score_part(part: Part, answers: Answers, context: ScoringContext) -> PartScore[PartResult]:
    """Check the answers to ``part`` (``answers``: every non-empty answer, by id) and score it."""
    match part:
        case LikertPart():
            return likert.score(part, answers, context)
        case TextPart():
            return text.score(part, answers, context)
        case ChecklistPart():
            return checklist.score(part, answers, context)
        case AllocationPart():
            return allocation.score(part, answers, context)
        case ChoicePart():
            return choice.score(part, answers, context)
        case _:
            assert_never(part)


__all__ = [
    "AllocationPart",
    "AllocationResult",
    "ChecklistPart",
    "ChecklistResult",
    "ChoicePart",
    "ChoiceResult",
    "LikertPart",
    "LikertResult",
    "Option",
    "Part",
    "PartResult",
    "PartScore",
    "ScoringContext",
    "TextField",
    "TextPart",
    "TextResult",
    "answer_ids",
    "check_part",
    "namespace_ids",
    "question_count",
    "score_part",
]
