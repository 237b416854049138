"""The values of an export file, checked: times, whole numbers, sizes, numbers JavaScript
holds exactly, and an answers object checked by the scorer's own rule.

Each ``check_*`` adds what it finds to a :class:`~.problems.Problems` and says whether the
value passed; the ``is_*`` functions only answer yes or no. The limits are far beyond
what a learner writes and are there so that no file, however made, can hold the page
(and the learner's localStorage) hostage.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeGuard

from ..answers import WRONG_KIND
from ..format import Language
from ..json_text import inexact_numbers
from ..model import Questionnaire
from ..schema import is_id
from ..scoring import check_answers
from .problems import Problems

TIME_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?Z")
"""A time in a record or a file (``updated``, ``created``, ``exported``), in UTC, as the page
writes one (``Date.prototype.toISOString``), matched against a whole text and then read as a
date and time (:func:`is_time`). Its source means the same to JavaScript, which gets it as
``constants.timePattern`` (:mod:`lederskap_scorer.browser_constants`): the page exports a
record's ``updated`` only when it is such a time, so that its files pass :func:`is_time`."""

MAX_ANSWERS = 5000
"""The most answers of one questionnaire, and the most entries of a list or an object kept as it is."""
MAX_TEXT = 100_000
"""The longest text of an answer, and the longest text or key of a value kept as it is."""
MAX_NAME = 200
"""The longest name of a snapshot, and the longest text in an answer's list (a checklist's).
The page gets it as ``constants.maxSnapshotName`` (:mod:`lederskap_scorer.browser_constants`):
its name fields take at most this many characters."""
MAX_LIST = 1000
"""The most entries of an answer's list (a checklist's options)."""
MAX_COLUMNS = 200
"""The most entries of an answer's object (an allocation row's columns)."""


def is_time(value: object) -> TypeGuard[str]:
    """Whether ``value`` is a time of :data:`TIME_PATTERN` that is a real date and time: not
    February 30, nor 24:00, which Python 3.14 (the browser's) reads as the next day's midnight
    and Python 3.11 refuses. ``tests/records/fixtures/times.json`` lists the cases, which the
    page's check of an export's times (``data-file.js``) is tested against too."""
    if not isinstance(value, str) or not TIME_PATTERN.fullmatch(value):
        return False
    try:
        read = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return read.isoformat()[:19] == value[:19]


def is_number(value: object) -> bool:
    """A finite number (a yes/no value is never a number)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return not (isinstance(value, float) and not math.isfinite(value))


def is_whole_number(value: object) -> TypeGuard[int]:
    """A whole number of at least 0 (a version)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_list(value: object, path: str, problems: Problems, *, limit: int) -> list[Any] | None:
    """``value`` when it is a list of at most ``limit`` entries; else ``None``, with the problem added."""
    if not isinstance(value, list):
        problems.add("invalid-structure", path)
        return None
    if len(value) > limit:
        problems.add("too-many", path, limit=limit)
        return None
    return value


def check_size(value: object, path: str, problems: Problems) -> bool:
    """Whether a value is within the sizes any answer stays in (texts, lists, allocation rows)."""
    if isinstance(value, str) and len(value) > MAX_TEXT:
        problems.add("text-too-long", path, limit=MAX_TEXT)
        return False
    if isinstance(value, list | Mapping) and len(value) > (MAX_LIST if isinstance(value, list) else MAX_COLUMNS):
        problems.add("too-many", path, limit=MAX_LIST if isinstance(value, list) else MAX_COLUMNS)
        return False
    return True


def check_exact(value: object, path: str, problems: Problems) -> bool:
    """Whether every number in ``value`` is one JavaScript holds exactly: the page stores
    what it reads, so any other number would be stored as another value (or ``null``)."""
    fine = True
    for where in inexact_numbers(value, path):
        problems.add("inexact-number", where)
        fine = False
    return fine


def has_answer_shape(value: object) -> bool:
    """Whether ``value`` has the form of some answer: a number, a text, a list of texts,
    or an object of column ids and numbers (what the form writes, see ``model.py``)."""
    if value is None or is_number(value) or isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(isinstance(entry, str) and len(entry) <= MAX_NAME for entry in value)
    if isinstance(value, Mapping):
        return all(is_id(key) and (cell is None or is_number(cell)) for key, cell in value.items())
    return False


def check_answers_object(
    value: object,
    path: str,
    problems: Problems,
    definition: Questionnaire | None = None,
    language: Language = "en",
) -> dict[str, Any] | None:
    """An answers object: every key an id, every value within the sizes of an answer and
    holding only numbers JavaScript holds exactly, and

    * for an id of ``definition``: of a type its question can have (the scorer's rule;
      a value of the right type that does not fit, such as 7 on a 1-5 scale, is kept);
    * for any other id (a removed question, or no definition to check against): of
      the form of some answer.

    Returns the answers without those that are ``null``, or ``None`` when a problem was found.
    """
    if not isinstance(value, Mapping):
        problems.add("invalid-structure", path)
        return None
    if len(value) > MAX_ANSWERS:
        problems.add("too-many", path, limit=MAX_ANSWERS)
        return None
    fine = True
    sized: dict[str, Any] = {}
    for key, answer in value.items():
        if not is_id(key):
            problems.add("invalid-id", path, id=str(key)[:80])
            fine = False
        elif not check_size(answer, f"{path}.{key}", problems) or not check_exact(answer, f"{path}.{key}", problems):
            fine = False
        else:
            sized[key] = answer
    unknown = set(sized)
    if definition is not None:
        checked = check_answers(definition, sized, language)
        unknown -= {*checked.status.answered, *checked.status.unanswered}
        refused: set[str] = set()
        for problem in checked.problems:
            if problem.code not in WRONG_KIND or problem.id is None:
                continue
            # The path of the value refused: an allocation's cell has its own (``.meetings.now``).
            where = f"{path}.{problem.id}" + (f".{problem.sub_id}" if problem.sub_id is not None else "")
            if where not in refused:
                refused.add(where)
                problems.add(
                    "invalid-value",
                    where,
                    questionnaire=definition.id,
                    id=problem.id,
                    problem=problem.code,
                    values=problem.values,
                )
        fine = fine and not refused
    for key in sized:
        if key in unknown and not has_answer_shape(sized[key]):
            problems.add("invalid-value-shape", f"{path}.{key}")
            fine = False
    return {key: answer for key, answer in sized.items() if answer is not None} if fine else None
