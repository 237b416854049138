"""The JSON boundary used by the browser (under Pyodide) and the command line.

The page calls :func:`score_json` with the questionnaire JSON the build wrote
(``dump(q)``), the learner's answers as JSON and the page's language, and
gets the results JSON documented in ``scorer/RESULTS.md``. For the learner's
stored data it calls :func:`migrate_record_json` (upgrade a stored record) and
:func:`check_import_json` (check an export file before importing it), both
documented in ``scorer/RECORDS.md``.
"""

from __future__ import annotations

import functools
import json

from .model import Questionnaire, check_questionnaire
from .records import RECORD_SCHEMA, RecordError, check_import, context_from_data, migrate_record, record_schema
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


def _plain_json(value: object) -> str:
    """Compact, pure-ASCII JSON (see :func:`results_json`)."""
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def migrate_record_json(record_json: str) -> str:
    """Upgrade a stored record (JSON text) to the current record schema; never raises on the record.

    Returns ``{"ok": true, "migrated": <bool>, "record": {...}}``, or
    ``{"ok": false, "code": "not-a-record" | "newer-schema", "detail": "..."}``
    for a record that must be left as it is (see ``scorer/RECORDS.md``).
    """
    try:
        decoded: object = json.loads(record_json)
    except (ValueError, RecursionError) as error:
        return _plain_json({"ok": False, "code": "not-a-record", "detail": json_error_text(error)})
    try:
        record = migrate_record(decoded)
    except RecordError as error:
        return _plain_json({"ok": False, "code": error.code, "detail": error.detail})
    return _plain_json({"ok": True, "migrated": record_schema(decoded) != RECORD_SCHEMA, "record": record})


def check_import_json(export_json: str, context_json: str) -> str:
    """Check an export file's text against the course; return the import plan JSON (``scorer/RECORDS.md``).

    ``context_json`` is what the page knows::

        {"course": "<course id>", "language": "nb" | "en", "now": "<ISO time>",
         "definitions": ["<questionnaire definition JSON>", ...],   # the course's, in its order
         "records": {"<questionnaire id>": <stored record> | null}}

    Never raises on the file (a malformed file gives a plan with ``ok: false``).
    Raises :class:`DefinitionError` for an unusable definition and :class:`ValueError`
    for a context that is not of that form: both are mistakes of the page, not of the file.
    """
    try:
        context_data: object = json.loads(context_json)
    except (ValueError, RecursionError) as error:
        raise ValueError(f"the import context is {json_error_text(error)}") from error
    texts = context_data.get("definitions") if isinstance(context_data, dict) else None
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise ValueError("the import context needs 'definitions': a list of definition JSON texts")
    definitions: dict[str, Questionnaire] = {q.id: q for q in (load_definition(text) for text in texts)}
    context = context_from_data(context_data, definitions)
    return _plain_json(check_import(export_json, context))
