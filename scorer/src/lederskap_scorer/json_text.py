"""JSON text as it crosses between the page's JavaScript and Python.

* :func:`load_json` decodes every text the page sends (a stored record, an
  export file, answers, the import context, a definition), after checking
  that it is not nested deeper than :data:`MAX_DEPTH`.
* :func:`inexact_numbers` finds the numbers in decoded data that JavaScript
  cannot hold exactly, so that nothing Python writes back for the page to
  store can change when the page reads it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from itertools import accumulate

MAX_DEPTH = 64
"""The deepest nesting of arrays and objects accepted in a text from the page.

Far above any depth our formats use (an export file's snapshot scores are 9
levels deep, a definition 7) and far below what overflows Pyodide: its JSON
decoder recurses once per level on the C stack inside WebAssembly, which in a
browser's Web Worker overflows at a few thousand levels ("Pyodide has suffered
a fatal error ... Maximum call stack size exceeded") before Python's own
``RecursionError`` can catch it, and the runtime is lost.
"""

MAX_SAFE_INTEGER = 2**53 - 1
"""The largest whole number JavaScript holds exactly (``Number.MAX_SAFE_INTEGER``)."""

# One JSON string, or a run of characters that are neither brackets nor quotes. The
# string's closing quote is optional (an unterminated one runs to the end of the text),
# so a match that starts never fails and is never retried from a later quote: removing
# every match takes time linear in the text. What is left is the brackets outside strings.
_NOT_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[^"\[\]{}]+', re.DOTALL)
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class TooDeepError(ValueError):
    """A text nested deeper than :data:`MAX_DEPTH`."""

    def __init__(self) -> None:
        super().__init__(f"nested too deeply (more than {MAX_DEPTH} levels)")


def nesting_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a number, text, ...).

    Linear time, no recursion. Exact for a JSON text; a text that is not JSON may
    be given a depth it does not have (so one with more than :data:`MAX_DEPTH`
    unclosed brackets is refused as too deep rather than as not JSON).
    """
    brackets = _NOT_BRACKETS.sub("", text)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def load_json(text: str) -> object:
    """``json.loads(text)``, refusing a text nested deeper than :data:`MAX_DEPTH` before decoding it.

    Raises :class:`TooDeepError` for a text too deep and :class:`ValueError`
    (:class:`json.JSONDecodeError`, or a number with too many digits) for a text
    that is not JSON; :func:`json_error_text` says either in one line.
    """
    if nesting_depth(text) > MAX_DEPTH:
        raise TooDeepError()
    decoded: object = json.loads(text)
    return decoded


def json_error_text(error: ValueError) -> str:
    """Say in one line why a text could not be decoded by :func:`load_json`."""
    if isinstance(error, TooDeepError):
        return str(error)
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
    return f"not valid JSON ({error})"


def is_exact_in_javascript(value: int | float) -> bool:
    """Whether JavaScript reads this number back as the same value: a finite number, and a
    whole number from -:data:`MAX_SAFE_INTEGER` to :data:`MAX_SAFE_INTEGER` (``JSON.parse``
    turns a larger one into another number, or ``Infinity``, which ``JSON.stringify`` writes as ``null``)."""
    if isinstance(value, float):
        return math.isfinite(value)
    return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER


def inexact_numbers(value: object, path: str) -> Iterator[str]:
    """The paths (``path``, then ``.key`` and ``[index]`` steps) of every number in decoded
    JSON ``value`` that JavaScript cannot hold exactly (see :func:`is_exact_in_javascript`),
    in document order."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        if not is_exact_in_javascript(value):
            yield path
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            yield from inexact_numbers(entry, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, entry in value.items():
            yield from inexact_numbers(entry, f"{path}.{key}" if path else str(key))
