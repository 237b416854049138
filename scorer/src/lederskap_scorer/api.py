"""The JSON boundary used by the browser (under Pyodide) and the command line.

The page calls :func:`score_json` with the questionnaire JSON the build wrote
(``dump(q)``), the learner's answers as JSON and the page's language, and
gets the results JSON documented in ``scorer/RESULTS.md``.
"""

from __future__ import annotations

import functools
import json

from .model import Questionnaire, check_questionnaire
from .results import Results, to_plain
from .schema import SchemaError, parse
from .scoring import score_decoded


class DefinitionError(ValueError):
    """The questionnaire definition cannot be used: it is not JSON, or not a valid questionnaire.

    ``problems`` holds one line per problem, each with the path of the value in the definition.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("not a valid questionnaire definition:\n" + "\n".join(f"  {p}" for p in problems))


def json_error_text(error: ValueError | RecursionError) -> str:
    """Say in one line why a text is not JSON."""
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
    if isinstance(error, RecursionError):
        return "not valid JSON (nested too deeply)"
    return f"not valid JSON ({error})"


def questionnaire_from_data(data: object) -> Questionnaire:
    """Build and check a questionnaire from plain data, or raise :class:`DefinitionError`."""
    try:
        q = parse(Questionnaire, data)
    except SchemaError as error:
        raise DefinitionError([str(p) for p in error.problems]) from error
    problems = check_questionnaire(q)
    if problems:
        raise DefinitionError([str(p) for p in problems])
    return q


@functools.lru_cache(maxsize=32)
def load_definition(definition_json: str) -> Questionnaire:
    """Parse and check a questionnaire definition JSON, cached by its text; raises :class:`DefinitionError`."""
    try:
        data = json.loads(definition_json)
    except (ValueError, RecursionError) as error:
        raise DefinitionError([json_error_text(error)]) from error
    return questionnaire_from_data(data)


def decode_answers(answers_json: str) -> object:
    """The decoded answers, or ``None`` when the text is not JSON (then scored as unusable answers)."""
    try:
        decoded: object = json.loads(answers_json)
    except (ValueError, RecursionError):
        return None
    return decoded


def results_json(results: Results, indent: int | None = None) -> str:
    """The results as JSON text: compact unless ``indent`` is given.

    The text is pure ASCII (other characters are written as ``\\uXXXX``
    escapes), so even a lone surrogate in a learner's text crosses into
    JavaScript safely.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(to_plain(results), ensure_ascii=True, allow_nan=False, indent=indent, separators=separators)


def score_json(definition_json: str, answers_json: str, language: str = "nb") -> str:
    """Score answers JSON against a questionnaire definition JSON; return the results JSON.

    Never raises on the answers (unusable answers are reported in the
    results' ``problems``). Raises :class:`DefinitionError` for an unusable
    definition and :class:`ValueError` for a language other than ``nb`` or ``en``.
    """
    q = load_definition(definition_json)
    return results_json(score_decoded(q, decode_answers(answers_json), language))
