"""The questionnaire content model: what a course author writes in ``forms/*.yml``.

These frozen dataclasses are the single definition of the format. The build
parses the author's YAML into them (:func:`lederskap_scorer.schema.parse`),
checks what a type cannot say (:func:`check_questionnaire`), renders the HTML
form from them and writes them as JSON for the browser, where the scorer
parses the same JSON back into the same classes.

A questionnaire is a list of parts, each of one question type; every type is
defined in its own module of :mod:`lederskap_scorer.parts` (which also says
what its answers are). The scale and bands, shared by the whole
questionnaire, are in :mod:`lederskap_scorer.scale`; the content limits in
:mod:`lederskap_scorer.limits`.

Every answer hangs on an author-written id, never on a position.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from .limits import MAX_QUESTIONS, MAX_SCALE_POINTS, MAX_TEXT_LENGTH
from .parts import LikertPart, Part, answer_ids, check_part, namespace_ids, question_count
from .parts.likert import Dimension, Item
from .scale import Band, Scale, ScaleLabel, check_bands
from .schema import Id, Problem, join_path


@dataclass(frozen=True)
class Questionnaire:
    """One questionnaire, defined in one file. Raise ``version`` when its meaning changes."""

    id: Id
    version: int
    title: str
    parts: tuple[Part, ...]
    intro: str = ""
    source: str = ""
    scale: Scale | None = None
    bands: tuple[Band, ...] = ()

    def likert_parts(self) -> tuple[LikertPart, ...]:
        return tuple(p for p in self.parts if isinstance(p, LikertPart))

    def items(self) -> Iterator[tuple[Dimension, Item]]:
        """Every likert item with its dimension, in reading order."""
        for part in self.likert_parts():
            for dimension in part.dimensions:
                for item in dimension.items:
                    yield dimension, item

    def answer_ids(self) -> Iterator[str]:
        """Every id an answer is stored under, in reading order."""
        for part in self.parts:
            yield from answer_ids(part)


def check_questionnaire(q: Questionnaire) -> list[Problem]:
    """Every rule of the format that a type hint cannot express, as problems with paths."""
    problems: list[Problem] = []
    if q.version < 1:
        problems.append(Problem("version", f"expected a version of 1 or more, but {q.version} was given"))
    if not q.parts:
        problems.append(Problem("parts", "expected at least one part, but the list is empty"))
    questions = sum(question_count(part) for part in q.parts)
    if questions > MAX_QUESTIONS:
        problems.append(
            Problem(
                "parts",
                f"expected at most {MAX_QUESTIONS:,} questions (likert items, text fields, checklists, "
                f"allocation rows and choice questions), but {questions:,} were given",
            )
        )
    problems += _check_text_lengths(q, "")
    usable_scale, scale_problems = _check_scale(q)
    problems += scale_problems
    problems += _check_unique_ids(q)
    for i, part in enumerate(q.parts):
        problems += check_part(part, join_path("parts", i), usable_scale)
    return problems


def _check_scale(q: Questionnaire) -> tuple[Scale | None, list[Problem]]:
    """The scale, its labels and the questionnaire's bands; and the scale, when it is usable
    (the parts' own bands are checked against it)."""
    problems: list[Problem] = []
    if q.scale is None:
        if q.likert_parts():
            problems.append(
                Problem("scale", "missing required field 'scale' (a questionnaire with a likert part needs one)")
            )
        return None, problems
    scale = q.scale
    points = scale.max - scale.min + 1
    if not 2 <= points <= MAX_SCALE_POINTS:
        bound = "at least two" if points < 2 else f"at most {MAX_SCALE_POINTS}"
        problems.append(
            Problem(
                "scale",
                f"expected a scale of {bound} points, but min {scale.min} and max {scale.max} give {max(points, 0)}",
            )
        )
        return None, problems
    seen: set[int] = set()
    for i, label in enumerate(scale.labels):
        path = join_path(join_path("scale.labels", i), "value")
        if not scale.min <= label.value <= scale.max:
            problems.append(
                Problem(path, f"expected a value from {scale.min} to {scale.max}, but {label.value} was given")
            )
        elif label.value in seen:
            problems.append(Problem(path, f"duplicate label for the value {label.value}"))
        seen.add(label.value)
    problems += check_bands(q.bands, scale, "bands")
    return scale, problems


def _check_text_lengths(value: object, path: str) -> Iterator[Problem]:
    """Every text in ``value`` (a questionnaire, or any value inside one) longer than
    :data:`~lederskap_scorer.limits.MAX_TEXT_LENGTH`."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT_LENGTH:
            yield Problem(
                path,
                f"expected a text of at most {MAX_TEXT_LENGTH:,} characters, but one of {len(value):,} was given",
            )
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _check_text_lengths(item, join_path(path, i))
    elif is_dataclass(value):
        for f in fields(value):
            yield from _check_text_lengths(getattr(value, f.name), join_path(path, f.name))


def namespace(q: Questionnaire) -> Iterator[tuple[str, str]]:
    """Every id in the questionnaire's one namespace, with its path.

    That namespace holds the parts and what each type adds (dimensions, items, text
    fields, checklist summaries, allocation rows, choice questions); checklist and
    choice options and allocation columns only need to be unique within their part
    or question.
    """
    for pi, part in enumerate(q.parts):
        yield from namespace_ids(part, join_path("parts", pi))


def _check_unique_ids(q: Questionnaire) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for value, path in namespace(q):
        if value == q.id:
            problems.append(Problem(path, f"duplicate id '{value}' (already used as the questionnaire's id)"))
        elif value in first:
            problems.append(Problem(path, f"duplicate id '{value}' (already used at {first[value]})"))
        else:
            first[value] = path
    return problems


__all__ = [
    "Band",
    "Questionnaire",
    "Scale",
    "ScaleLabel",
    "check_bands",
    "check_questionnaire",
    "namespace",
]
