"""Reading a learner's answer values: what is empty, what is a number, and the problems found.

Answers arrive as plain data keyed by ids (what each question type stores is
said in its module, ``parts/<type>.py``). These are the rules every type shares:

* :func:`is_empty` is the one definition of "no answer": a missing key, ``null``,
  a blank text, an empty list and an object without a value (``{}``, or only
  ``null`` values) all mean "unanswered" and are no problem.
* :func:`finite_number` and :func:`exact_number`: a number is read as the decimal
  the learner typed (``19.2`` is exactly 192/10), never as the binary float's value.
* An answer that does not fit is left out and an :class:`AnswerProblem` says why,
  with a code and the values its message needs, already formatted as display
  strings in the results' language. The words are the message catalogue's
  (``problem.<code>``, ``lederskap_scorer/messages/``), never the scorer's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from .format import Language

ProblemCode = Literal[
    # the answers as a whole
    "invalid-answers",
    "unknown-id",
    # likert
    "not-a-number",
    "not-whole-number",
    "out-of-range",
    "not-applicable-not-offered",
    # text fields (also checklist summaries)
    "not-a-text",
    # checklist
    "not-a-list",
    "entry-not-a-text",
    "unknown-option",
    "duplicate-option",
    # allocation
    "not-an-object",
    "cell-not-a-number",
    "unknown-column",
    "negative",
    "over-total",
    # choice (also "unknown-option")
    "not-an-option-id",
]
"""Every problem code. Each has the message ``problem.<code>`` in the catalogue (scorer/RESULTS.md)."""

WRONG_KIND: frozenset[ProblemCode] = frozenset(
    {
        "invalid-answers",
        "not-a-number",
        "not-a-text",
        "not-a-list",
        "entry-not-a-text",
        "not-an-object",
        "cell-not-a-number",
        "not-an-option-id",
    }
)
"""The codes of a value of a kind that no version of its question could have written (a text
for a likert item, ...), as opposed to a value of the right kind that does not fit (7 on a 1-5
scale). An import refuses a file with the first kind (``records/file_values.py``)."""


@dataclass(frozen=True)
class AnswerProblem:
    """Something wrong with one answer; what did not fit was left out (counted as unanswered)."""

    id: str | None
    """The answers key, or ``None`` when the answers as a whole could not be used."""
    sub_id: str | None
    """The checklist or choice option, or the allocation column, inside the answer, when the problem is about one."""
    code: ProblemCode
    values: dict[str, str]
    """What the message ``problem.<code>`` needs, as display strings in the results' language."""


def is_empty(value: object) -> bool:
    """Whether ``value`` is no answer: ``None``, a blank text, an empty list, or an object without a value."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return not value
    if isinstance(value, Mapping):
        return all(cell is None for cell in value.values())
    return False


def finite_number(value: object) -> int | float | None:
    """The value if it is a finite JSON number (not a yes/no value), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def exact_number(value: int | float) -> Fraction:
    """A finite number exactly as the learner typed it: a float is read as its shortest decimal
    (``repr``, the text JavaScript's ``JSON.stringify`` writes for it), so ``19.2`` is 192/10
    and not the binary value 19.199999999999999289..."""
    return Fraction(value) if isinstance(value, int) else Fraction(repr(value))


def number_as_given(value: int | float, language: Language) -> str:
    """A number the learner gave, for a message: as typed, with the language's decimal separator."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value).replace(".", "," if language == "nb" else ".")
