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

from .limits import MAX_QUESTIONS, MAX_REPLIES, MAX_SCALE_POINTS, MAX_TEXT_LENGTH, MIN_REPLIES
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
    view_of: Id | None = None
    """The questionnaire this one is others' view of (a leader's self-assessment, seen by the team):
    the same dimensions by id and the same scale, statements about the one who invited. A view is
    answered through an invitation (scorer/TEAM.md), never placed on a page."""
    min_replies: int = MIN_REPLIES
    """The fewest replies to this questionnaire with a mean in a dimension for a team result to show
    that dimension (:mod:`lederskap_scorer.team`): :data:`~lederskap_scorer.limits.MIN_REPLIES` or more."""

    def likert_parts(self) -> tuple[LikertPart, ...]:
        return tuple(p for p in self.parts if isinstance(p, LikertPart))

    @property
    def is_view(self) -> bool:
        """Whether this is others' view of another questionnaire, reached through an invitation link
        rather than placed on a page."""
        return self.view_of is not None

    def dimensions(self) -> Iterator[Dimension]:
        """Every likert dimension, in reading order."""
        for part in self.likert_parts():
            yield from part.dimensions

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
    problems += _check_view_alone(q)
    usable_scale, scale_problems = _check_scale(q)
    problems += scale_problems
    problems += _check_unique_ids(q)
    for i, part in enumerate(q.parts):
        problems += check_part(part, join_path("parts", i), usable_scale)
    return problems


def _check_view_alone(q: Questionnaire) -> list[Problem]:
    """The rules of a view and of ``min_replies`` that need no other questionnaire (see :func:`check_view`)."""
    problems: list[Problem] = []
    if not MIN_REPLIES <= q.min_replies <= MAX_REPLIES:
        problems.append(
            Problem(
                "min_replies",
                f"expected a number of replies from {MIN_REPLIES} to {MAX_REPLIES} (fewer would show what one "
                f"or two people answered), but {q.min_replies} was given",
            )
        )
    if q.view_of is None:
        return problems
    if q.view_of == q.id:
        problems.append(
            Problem("view_of", f"expected the id of another questionnaire, but its own id '{q.id}' was given")
        )
    for i, part in enumerate(q.parts):
        if not isinstance(part, LikertPart):
            problems.append(
                Problem(
                    join_path(join_path("parts", i), "type"),
                    f"expected 'likert' in a view of another questionnaire (its replies are only ever shown "
                    f"together, as means per dimension), but '{part.type}' was given",
                )
            )
    return problems


def check_view(view: Questionnaire, original: Questionnaire) -> list[Problem]:
    """The rules between a view (``view.view_of == original.id``) and the questionnaire it views, as
    problems with paths in the view: the original is answered by oneself and has likert dimensions;
    the view has the original's scale and exactly its dimensions, by id. The build checks every view
    of a course with it; the team result (:mod:`lederskap_scorer.team`) checks the two it is given."""
    problems: list[Problem] = []
    if original.view_of is not None:
        return [
            Problem(
                "view_of",
                f"expected a questionnaire that learners answer about themselves, but '{original.id}' is "
                f"itself a view of '{original.view_of}'",
            )
        ]
    wanted = [dimension.id for dimension in original.dimensions()]
    if not wanted:
        return [Problem("view_of", f"expected a questionnaire with likert dimensions, but '{original.id}' has none")]
    if view.scale is not None and original.scale is not None and (view.scale.min, view.scale.max) != (
        original.scale.min,
        original.scale.max,
    ):
        problems.append(
            Problem(
                "scale",
                f"expected the scale of '{original.id}' ({original.scale.min} to {original.scale.max}), "
                f"but {view.scale.min} to {view.scale.max} was given",
            )
        )
    given: set[str] = set()
    for pi, part in enumerate(view.parts):
        if not isinstance(part, LikertPart):
            continue
        for di, dimension in enumerate(part.dimensions):
            given.add(dimension.id)
            if dimension.id not in wanted:
                path = join_path(join_path(join_path(join_path("parts", pi), "dimensions"), di), "id")
                problems.append(
                    Problem(
                        path,
                        f"expected the id of a dimension of '{original.id}' (one of: {', '.join(wanted)}), "
                        f"but '{dimension.id}' was given",
                    )
                )
    missing = [dimension for dimension in wanted if dimension not in given]
    if missing:
        problems.append(
            Problem(
                "view_of",
                f"expected every dimension of '{original.id}' in its view, but "
                f"{', '.join(repr(m) for m in missing)} {'is' if len(missing) == 1 else 'are'} missing",
            )
        )
    return problems


def _check_scale(q: Questionnaire) -> tuple[Scale | None, list[Problem]]:
    """The scale, its labels, its "not applicable" choice and the questionnaire's bands; and the scale,
    when it is usable (the parts' own bands are checked against it)."""
    problems: list[Problem] = []
    if q.scale is None:
        if q.likert_parts():
            problems.append(
                Problem("scale", "missing required field 'scale' (a questionnaire with a likert part needs one)")
            )
        return None, problems
    scale = q.scale
    if scale.not_applicable is not None and not scale.not_applicable.strip():
        problems.append(
            Problem(
                "scale.not_applicable",
                "expected the words of the extra choice for a statement that does not apply, but an empty text "
                "was given (leave the field out for a scale without that choice)",
            )
        )
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
            problems.append(Problem(path, f"duplicate id '{value}'", earlier=first[value]))
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
    "check_view",
    "namespace",
]
