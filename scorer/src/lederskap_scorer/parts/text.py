"""The ``text`` question type: a group of free-text questions, for example a reflection.

Its answer: a text, stored under the field's id. A blank text is no answer. The
texts are echoed exactly as given, never trimmed or altered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..answers import AnswerProblem
from ..schema import Id, Problem, join_path
from .shared import Answers, PartScore, ScoringContext, TextAnswer, TextField, check_rows, expect_some, read_text


@dataclass(frozen=True)
class TextPart:
    """A group of free-text questions, for example the recommended reflection process."""

    type: Literal["text"]
    id: Id
    title: str
    fields: tuple[TextField, ...]
    intro: str = ""


def check_part(part: TextPart, path: str) -> list[Problem]:
    problems = expect_some(part.fields, join_path(path, "fields"), "field")
    for i, field in enumerate(part.fields):
        problems += check_rows(field, join_path(join_path(path, "fields"), i))
    return problems


def question_count(part: TextPart) -> int:
    return len(part.fields)


def namespace_ids(part: TextPart, path: str) -> Iterator[tuple[str, str]]:
    for fi, field in enumerate(part.fields):
        yield field.id, join_path(join_path(join_path(path, "fields"), fi), "id")


def answer_ids(part: TextPart) -> Iterator[str]:
    for field in part.fields:
        yield field.id


@dataclass(frozen=True, kw_only=True)
class TextResult:
    """The answered fields of one text part."""

    type: Literal["text"] = "text"
    id: str
    title: str
    fields: tuple[TextAnswer, ...]


def score(part: TextPart, answers: Answers, context: ScoringContext) -> PartScore[TextResult]:
    problems: list[AnswerProblem] = []
    texts = [read_text(field, answers, problems) for field in part.fields]
    fields = tuple(text for text in texts if text is not None)
    result = TextResult(id=part.id, title=part.title, fields=fields)
    return PartScore(result, tuple(problems), frozenset(field.id for field in fields))
