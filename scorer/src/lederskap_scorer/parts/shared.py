"""What several question types are built of, and what every type's module is given and gives back.

* :class:`Option` (a checklist option, an allocation row or column) and
  :class:`TextField` (a text part's field, a checklist's summary), with their checks;
* :class:`ScoringContext`, what a part is scored with, and :class:`PartScore`,
  what scoring one part gives: its result, the problems of its answers and the
  ids of the answers it could use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ..answers import AnswerProblem
from ..format import Language
from ..limits import MAX_TEXT_ROWS
from ..scale import Band, Scale
from ..schema import Id, Problem, join_path

R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True)
class Option:
    """A choice in a checklist, or a row or column of an allocation."""

    id: Id
    text: str


@dataclass(frozen=True)
class TextField:
    """A free-text answer with its question as label."""

    id: Id
    label: str
    hint: str = ""
    rows: int = 4


@dataclass(frozen=True)
class TextAnswer:
    """A free-text answer, echoed unchanged for the printable summary."""

    id: str
    label: str
    text: str


@dataclass(frozen=True)
class ChosenOption:
    """An option the learner chose (a ticked checklist option, a choice question's answer)."""

    id: str
    text: str


@dataclass(frozen=True)
class ScoringContext:
    """What a part is scored with besides its answers."""

    language: Language
    scale: Scale | None
    """The questionnaire's scale (likert parts need one; ``check_questionnaire`` makes sure)."""
    bands: tuple[Band, ...]
    """The questionnaire's bands, for dimensions without bands of their own."""


@dataclass(frozen=True)
class PartScore(Generic[R_co]):
    """What scoring one part gives."""

    result: R_co
    problems: tuple[AnswerProblem, ...]
    """The problems of this part's answers, in its reading order."""
    answered: frozenset[str]
    """The answer ids of this part with a usable answer (at least one usable value)."""


Answers = Mapping[str, object]
"""The learner's answers by id, every empty one already left out (:func:`~lederskap_scorer.answers.is_empty`)."""


class HasId(Protocol):
    @property
    def id(self) -> str: ...


def expect_some(values: Sequence[object], path: str, what: str) -> list[Problem]:
    """A problem when ``values`` (the list at ``path``) is empty."""
    if values:
        return []
    return [Problem(path, f"expected at least one {what}, but the list is empty")]


def expect_at_most(values: Sequence[object], path: str, what: str, limit: int) -> list[Problem]:
    """A problem when ``values`` (the list at ``path``) holds more than ``limit``."""
    if len(values) <= limit:
        return []
    return [Problem(path, f"expected at most {limit} {what}, but {len(values)} were given")]


def check_rows(field: TextField, path: str) -> list[Problem]:
    """A text field's height must be from 1 to :data:`~lederskap_scorer.limits.MAX_TEXT_ROWS` lines."""
    if 1 <= field.rows <= MAX_TEXT_ROWS:
        return []
    return [Problem(join_path(path, "rows"), f"expected 1 to {MAX_TEXT_ROWS} rows, but {field.rows} was given")]


def check_unique_within(options: Sequence[HasId], path: str) -> list[Problem]:
    """Ids that need only be unique within one list (options, columns) must be."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, option in enumerate(options):
        if option.id in first:
            where = join_path(join_path(path, first[option.id]), "id")
            problems.append(Problem(join_path(join_path(path, i), "id"), f"duplicate id '{option.id}'", earlier=where))
        else:
            first[option.id] = i
    return problems


def read_text(field: TextField, answers: Answers, problems: list[AnswerProblem]) -> TextAnswer | None:
    """The text answered to ``field``, or ``None`` (unanswered, or a problem when it is not a text)."""
    if field.id not in answers:
        return None
    value = answers[field.id]
    if isinstance(value, str):
        return TextAnswer(field.id, field.label, value)
    problems.append(AnswerProblem(field.id, None, "not-a-text", {"question": field.label}))
    return None
