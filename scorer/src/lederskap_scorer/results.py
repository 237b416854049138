"""The results of scoring one set of answers: the top-level object and its plain JSON form.

``scorer/RESULTS.md`` documents every field; the browser code is written from
that document. Each question type's result is defined in its module
(``parts/<type>.py``); this module holds what is about the answers as a whole.
The field order of each class is the key order of its JSON object. Lists keep
the questionnaire's order; nothing is keyed by an author's id, because a
JavaScript object would reorder ids made of digits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import AnswerProblem
from .format import Language
from .parts import PartResult
from .parts.likert import SnapshotPart

RESULTS_FORMAT = 3
"""Raised when the meaning of the results JSON changes."""


@dataclass(frozen=True)
class QuestionnaireRef:
    """Which questionnaire (and which version of it) the answers were scored against."""

    id: str
    version: int
    title: str


@dataclass(frozen=True)
class AnswerStatus:
    """Which answers the scorer could use: the one definition of "answered" the page shows."""

    answered: tuple[str, ...]
    """Answer ids of the questionnaire with a usable answer (at least one usable value), in reading order."""
    unanswered: tuple[str, ...]
    """The questionnaire's other answer ids, in reading order."""
    not_in_questionnaire: tuple[str, ...]
    """Ids with a non-empty answer that the questionnaire does not have, sorted."""
    unusable: tuple[str, ...]
    """Answer ids of the questionnaire whose answer (or part of it) does not fit, in reading order."""


@dataclass(frozen=True, kw_only=True)
class Results:
    """Everything the scorer says about one set of answers to one questionnaire."""

    results_format: int = RESULTS_FORMAT
    questionnaire: QuestionnaireRef
    language: Language
    answers: AnswerStatus
    problems: tuple[AnswerProblem, ...]
    parts: tuple[PartResult, ...]
    snapshot_scores: tuple[SnapshotPart, ...]
    """What a snapshot keeps of these results (its ``scores``): one entry per likert part."""


def to_plain(value: object) -> Any:
    """Turn results into plain JSON data: dataclasses become dicts in field order, tuples lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(key): to_plain(v) for key, v in value.items()}
    return value
