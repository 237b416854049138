"""The questionnaire content model: what a course author writes in ``forms/*.yml``.

These frozen dataclasses are the single definition of the format. The build
parses the author's YAML into them (:func:`lederskap_scorer.schema.parse`),
checks what a type cannot say (:func:`check_questionnaire`), renders the HTML
form from them and writes them as JSON for the browser, where the scorer
parses the same JSON back into the same classes.

Every answer hangs on an author-written id, never on a position:

* a ``likert`` item's answer is stored under the item id (a whole number on the scale),
* a ``text`` field's answer under the field id (a text),
* a ``checklist`` part's answer under the part id (a list of option ids),
  its optional summary under the summary field's id,
* an ``allocation`` row's answer under the row id (a mapping of column id to a number).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Literal

from .schema import Id, Problem, join_path


@dataclass(frozen=True)
class ScaleLabel:
    """The words shown for one point of the scale, for example ``1: I svært liten grad``."""

    value: int
    text: str


@dataclass(frozen=True)
class Scale:
    """The answer scale of all likert items in a questionnaire: whole numbers from ``min`` to ``max``."""

    min: int
    max: int
    labels: tuple[ScaleLabel, ...] = ()


@dataclass(frozen=True)
class Band:
    """A range of dimension means with a text, for example 3.5 to 4.5: "Dette er et styrkeområde".

    A mean ``m`` falls in the band with ``min <= m < max``; the top band also holds its ``max``.
    """

    min: float
    max: float
    label: str
    text: str = ""


@dataclass(frozen=True)
class Item:
    """One statement answered on the scale. ``reverse`` items score ``min + max - answer``."""

    id: Id
    text: str
    reverse: bool = False


@dataclass(frozen=True)
class Dimension:
    """A group of items scored together. Its own ``bands`` replace the questionnaire's."""

    id: Id
    title: str
    items: tuple[Item, ...]
    description: str = ""
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True)
class LikertPart:
    """Statements on the questionnaire's scale, grouped in dimensions.

    ``suggestions`` is how many of the lowest and highest scoring dimensions are
    offered as candidate development areas and strengths (0 turns that off).
    """

    type: Literal["likert"]
    id: Id
    title: str
    dimensions: tuple[Dimension, ...]
    intro: str = ""
    suggestions: int = 2


@dataclass(frozen=True)
class TextField:
    """A free-text answer with its question as label."""

    id: Id
    label: str
    hint: str = ""
    rows: int = 4


@dataclass(frozen=True)
class TextPart:
    """A group of free-text questions, for example the recommended reflection process."""

    type: Literal["text"]
    id: Id
    title: str
    fields: tuple[TextField, ...]
    intro: str = ""


@dataclass(frozen=True)
class Option:
    """A choice in a checklist, or a row or column of an allocation."""

    id: Id
    text: str


@dataclass(frozen=True)
class ChecklistPart:
    """A question answered by ticking any number of options, with an optional free-text summary."""

    type: Literal["checklist"]
    id: Id
    title: str
    options: tuple[Option, ...]
    intro: str = ""
    summary: TextField | None = None


@dataclass(frozen=True)
class AllocationPart:
    """Shares of a whole (for example % of working time) per row, in one or more columns.

    Each column is expected to add up to ``total`` (in ``unit``).
    """

    type: Literal["allocation"]
    id: Id
    title: str
    rows: tuple[Option, ...]
    columns: tuple[Option, ...]
    intro: str = ""
    total: int = 100
    unit: str = "%"


Part = LikertPart | TextPart | ChecklistPart | AllocationPart


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


MAX_TEXT_ROWS = 30

# Limits on the size of a questionnaire. Each is far beyond what a learner fills in,
# and is there so that a mistake (a text pasted a thousand times, a generated file
# gone wrong) is reported instead of making pages that no browser can use.

MAX_QUESTIONS = 5_000
"""Questions (likert items, text fields, checklists and their summaries, allocation rows) in one questionnaire.

Each is rendered into the page and has its place in the learner's record in
localStorage, which browsers cap at about 5 MB for a whole site (all courses of a
github.io user share it). A long survey has a few hundred questions.
"""

MAX_TEXT_LENGTH = 10_000
"""Characters in any one text of a questionnaire (a title, an intro, a statement, a label, ...).

About four pages of reading: texts are shown as plain text in the form and sent again
in its definition, so longer ones belong on the course page around the form.
"""

MAX_OPTIONS = 200
"""Options of one checklist: each is a checkbox the learner reads, and a list longer than this cannot be read."""

MAX_COLUMNS = 20
"""Columns of one allocation: every row has a number field per column, side by side on the screen."""

MAX_SCALE_POINTS = 11
"""Points of the likert scale (0 to 10 is the widest in common use): every statement has a radio button per point."""


def check_questionnaire(q: Questionnaire) -> list[Problem]:
    """Every rule of the format that a type hint cannot express, as problems with paths."""
    problems: list[Problem] = []
    if q.version < 1:
        problems.append(Problem("version", f"expected a version of 1 or more, but {q.version} was given"))
    if not q.parts:
        problems.append(Problem("parts", "expected at least one part, but the list is empty"))
    questions = _count_questions(q)
    if questions > MAX_QUESTIONS:
        problems.append(
            Problem(
                "parts",
                f"expected at most {MAX_QUESTIONS:,} questions (likert items, text fields, checklists and "
                f"allocation rows), but {questions:,} were given",
            )
        )
    problems += _check_text_lengths(q, "")
    problems += _check_scale_and_bands(q)
    problems += _check_unique_ids(q)
    for i, part in enumerate(q.parts):
        problems += _check_part(part, join_path("parts", i))
    return problems


def _check_scale_and_bands(q: Questionnaire) -> list[Problem]:
    problems: list[Problem] = []
    if q.scale is None:
        if q.likert_parts():
            problems.append(
                Problem("scale", "missing required field 'scale' (a questionnaire with a likert part needs one)")
            )
        return problems
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
        return problems
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
    for pi, part in enumerate(q.parts):
        if isinstance(part, LikertPart):
            for di, dimension in enumerate(part.dimensions):
                path = join_path(join_path(join_path(join_path("parts", pi), "dimensions"), di), "bands")
                problems += check_bands(dimension.bands, scale, path)
    return problems


def check_bands(bands: tuple[Band, ...], scale: Scale, path: str) -> list[Problem]:
    """Bands must cover the scale from ``min`` to ``max`` in order, without gaps or overlaps."""
    problems: list[Problem] = []
    if not bands:
        return problems
    expected_start = float(scale.min)
    for i, band in enumerate(bands):
        band_path = join_path(path, i)
        if band.min != expected_start:
            problems.append(
                Problem(
                    join_path(band_path, "min"),
                    f"expected {_number(expected_start)} (bands must cover the scale in order without gaps), "
                    f"but {_number(band.min)} was given",
                )
            )
        if band.max <= band.min:
            problems.append(
                Problem(
                    join_path(band_path, "max"),
                    f"expected a number above min {_number(band.min)}, but {_number(band.max)} was given",
                )
            )
        expected_start = band.max
    if bands[-1].max != scale.max:
        problems.append(
            Problem(
                join_path(join_path(path, len(bands) - 1), "max"),
                f"expected {scale.max} (the last band must end at the top of the scale), "
                f"but {_number(bands[-1].max)} was given",
            )
        )
    return problems


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _check_part(part: Part, path: str) -> list[Problem]:
    problems: list[Problem] = []

    def non_empty(values: tuple[object, ...], field: str, what: str) -> None:
        if not values:
            problems.append(Problem(join_path(path, field), f"expected at least one {what}, but the list is empty"))

    def at_most(values: tuple[object, ...], field: str, limit: int) -> None:
        if len(values) > limit:
            problems.append(
                Problem(join_path(path, field), f"expected at most {limit} {field}, but {len(values)} were given")
            )

    if isinstance(part, LikertPart):
        non_empty(part.dimensions, "dimensions", "dimension")
        for i, dimension in enumerate(part.dimensions):
            if not dimension.items:
                items_path = join_path(join_path(join_path(path, "dimensions"), i), "items")
                problems.append(Problem(items_path, "expected at least one item, but the list is empty"))
        if part.suggestions < 0:
            problems.append(
                Problem(join_path(path, "suggestions"), f"expected 0 or more, but {part.suggestions} was given")
            )
    elif isinstance(part, TextPart):
        non_empty(part.fields, "fields", "field")
        for i, field in enumerate(part.fields):
            problems += _check_rows(field, join_path(join_path(path, "fields"), i))
    elif isinstance(part, ChecklistPart):
        non_empty(part.options, "options", "option")
        at_most(part.options, "options", MAX_OPTIONS)
        problems += _check_unique_within(part.options, join_path(path, "options"))
        if part.summary is not None:
            problems += _check_rows(part.summary, join_path(path, "summary"))
    else:
        non_empty(part.rows, "rows", "row")
        non_empty(part.columns, "columns", "column")
        at_most(part.columns, "columns", MAX_COLUMNS)
        problems += _check_unique_within(part.columns, join_path(path, "columns"))
        if part.total <= 0:
            problems.append(Problem(join_path(path, "total"), f"expected a number above 0, but {part.total} was given"))
    return problems


def _count_questions(q: Questionnaire) -> int:
    """What a learner answers in ``q``, each under an id of its own: likert items, text fields,
    checklists and their summaries, allocation rows."""
    count = 0
    for part in q.parts:
        if isinstance(part, LikertPart):
            count += sum(len(dimension.items) for dimension in part.dimensions)
        elif isinstance(part, TextPart):
            count += len(part.fields)
        elif isinstance(part, ChecklistPart):
            count += 1 if part.summary is None else 2
        else:
            count += len(part.rows)
    return count


def _check_text_lengths(value: object, path: str) -> Iterator[Problem]:
    """Every text in ``value`` (a questionnaire, or any value inside one) longer than :data:`MAX_TEXT_LENGTH`."""
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


def _check_rows(field: TextField, path: str) -> list[Problem]:
    if 1 <= field.rows <= MAX_TEXT_ROWS:
        return []
    return [Problem(join_path(path, "rows"), f"expected 1 to {MAX_TEXT_ROWS} rows, but {field.rows} was given")]


def _check_unique_within(options: tuple[Option, ...], path: str) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, option in enumerate(options):
        if option.id in first:
            where = join_path(join_path(path, first[option.id]), "id")
            problems.append(
                Problem(join_path(join_path(path, i), "id"), f"duplicate id '{option.id}' (already used at {where})")
            )
        else:
            first[option.id] = i
    return problems


def answer_ids(q: Questionnaire) -> Iterator[tuple[str, str]]:
    """Every id in the questionnaire's one namespace, with its path.

    That namespace holds the parts, dimensions, items, text fields and
    allocation rows; checklist options and allocation columns only need to be
    unique within their part.
    """
    for pi, part in enumerate(q.parts):
        part_path = join_path("parts", pi)
        yield part.id, join_path(part_path, "id")
        if isinstance(part, LikertPart):
            for di, dimension in enumerate(part.dimensions):
                dim_path = join_path(join_path(part_path, "dimensions"), di)
                yield dimension.id, join_path(dim_path, "id")
                for ii, item in enumerate(dimension.items):
                    yield item.id, join_path(join_path(join_path(dim_path, "items"), ii), "id")
        elif isinstance(part, TextPart):
            for fi, field in enumerate(part.fields):
                yield field.id, join_path(join_path(join_path(part_path, "fields"), fi), "id")
        elif isinstance(part, ChecklistPart):
            if part.summary is not None:
                yield part.summary.id, join_path(join_path(part_path, "summary"), "id")
        else:
            for ri, row in enumerate(part.rows):
                yield row.id, join_path(join_path(join_path(part_path, "rows"), ri), "id")


def _check_unique_ids(q: Questionnaire) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for value, path in answer_ids(q):
        if value == q.id:
            problems.append(Problem(path, f"duplicate id '{value}' (already used as the questionnaire's id)"))
        elif value in first:
            problems.append(Problem(path, f"duplicate id '{value}' (already used at {first[value]})"))
        else:
            first[value] = path
    return problems
