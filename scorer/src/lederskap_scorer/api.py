"""The JSON boundary used by the browser (under Pyodide) and the command line.

The page calls :func:`score_json` with the questionnaire JSON the build wrote
(``dump(q)``), the learner's answers as JSON and the page's language, and
gets the results JSON documented in ``scorer/RESULTS.md``; to compare two
snapshots it calls :func:`compare_json` (documented there too). For the learner's
stored data it calls :func:`migrate_record_json` (upgrade a stored record) and
:func:`check_import_json` (check an export file before importing it), both
documented in ``scorer/RECORDS.md``. For the team tool it calls :func:`team_json` (the
team result) and :func:`reply_answers_json` (what a reply carries), documented in
``scorer/TEAM.md``. Every text is decoded by
:func:`~lederskap_scorer.json_text.load_json`, which refuses one nested too
deeply before Python's decoder could overflow Pyodide's stack.
"""

from __future__ import annotations

import functools
import json

from .format import check_language
from .json_text import json_error_text, load_json
from .model import Questionnaire, check_questionnaire
from .records.import_plan import check_import, context_from_data
from .records.migration import RecordError, read_record
from .results import Results, to_plain
from .schema import SchemaError, parse
from .scoring import score_decoded
from .snapshots import compare_scores
from .team import reply_answers, team_result


class DefinitionError(ValueError):
    """The questionnaire definition cannot be used: it is not JSON, or not a valid questionnaire.

    ``problems`` holds one line per problem, each with the path of the value in the definition.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("not a valid questionnaire definition:\n" + "\n".join(f"  {p}" for p in problems))


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
        data = load_json(definition_json)
    except ValueError as error:
        raise DefinitionError([json_error_text(error)]) from error
    return questionnaire_from_data(data)


def decode_answers(answers_json: str) -> object:
    """The decoded answers, or ``None`` when the text is not JSON or is nested too deeply
    (:func:`~lederskap_scorer.json_text.load_json`); then they are scored as unusable answers."""
    try:
        return load_json(answers_json)
    except ValueError:
        return None


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


def _scores(scores_json: str) -> object:
    """A snapshot's scores decoded; a text that is not JSON (or is nested too deeply) is no scores at all."""
    try:
        return load_json(scores_json)
    except ValueError:
        return _NOT_SCORES


_NOT_SCORES = object()


def compare_json(from_scores_json: str, to_scores_json: str, language: str = "nb") -> str:
    """The change per dimension from one snapshot's scores to another's (``scorer/RESULTS.md``, "Comparing
    snapshots"); each scores JSON is a snapshot's ``scores`` or the results' ``snapshot_scores``.

    Never raises on the scores: scores that are not of the documented form are named in the
    answer's ``unusable``. Raises :class:`ValueError` for a language other than ``nb`` or ``en``.
    """
    checked_language = check_language(language)
    comparison = compare_scores(_scores(from_scores_json), _scores(to_scores_json), checked_language)
    return _plain_json(to_plain(comparison))


def _plain_json(value: object) -> str:
    """Compact, pure-ASCII JSON (see :func:`results_json`)."""
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


def migrate_record_json(record_json: str) -> str:
    """Upgrade a stored record (JSON text) to the current record schema; never raises on the record.

    Returns ``{"ok": true, "migrated": <bool>, "record": {...}}``, or
    ``{"ok": false, "code": "not-a-record" | "newer-schema", "detail": "..."}``
    for a record that must be left as it is (see ``scorer/RECORDS.md``): one that
    is not JSON, is nested too deeply, is not a record of a known schema, is of a
    newer schema, or holds a number that JavaScript cannot hold exactly (the page
    would store another value in its place).
    """
    try:
        record, migrated = read_record(record_json)
    except RecordError as error:
        return _plain_json({"ok": False, "code": error.code, "detail": error.detail})
    return _plain_json({"ok": True, "migrated": migrated, "record": record})


def check_import_json(export_json: str, context_json: str) -> str:
    """Check an export file's text against the course; return the import plan JSON (``scorer/RECORDS.md``).

    ``context_json`` is what the page knows::

        {"course": "<course id>", "language": "nb" | "en", "now": "<ISO time>",
         "definitions": ["<questionnaire definition JSON>", ...],   # the course's, in its order
         "records": {"<questionnaire id>": "<the stored record's text, as stored>" | null},
         "team": "<the stored team replies' text, as stored>" | null}   # may be left out: none

    Never raises on the file (a malformed file gives a plan with ``ok: false``) nor on a
    stored text: each is read on its own, like ``migrate_record_json`` reads it, and one
    that cannot be read counts as no record (the plan entry's ``current_unreadable``), and
    stored team replies that cannot be read count as none (the plan's ``team.current_unreadable``).
    Raises :class:`DefinitionError` for an unusable definition and :class:`ValueError`
    for a context that is not of that form (or is nested too deeply): both are mistakes
    of the page, not of the file.
    """
    try:
        context_data = load_json(context_json)
    except ValueError as error:
        raise ValueError(f"the import context is {json_error_text(error)}") from error
    texts = context_data.get("definitions") if isinstance(context_data, dict) else None
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise ValueError("the import context needs 'definitions': a list of definition JSON texts")
    definitions: dict[str, Questionnaire] = {q.id: q for q in (load_definition(text) for text in texts)}
    context = context_from_data(context_data, definitions)
    return _plain_json(check_import(export_json, context))


def team_json(
    own_definition_json: str,
    others_definition_json: str,
    own_answers_json: str,
    replies_json: str,
    language: str = "nb",
) -> str:
    """The team result (``scorer/TEAM.md``): per dimension of the inviter's questionnaire, the others'
    mean and bands when enough replies have one, the inviter's own mean and the gap; never anything
    about one reply.

    ``own_definition_json`` is the inviter's questionnaire, ``others_definition_json`` the one the
    replies answer (a view of it, or the same one); ``own_answers_json`` the inviter's answers, or
    ``null`` when they are not to be shown; ``replies_json`` a JSON list of texts, each the opened
    text of one reply (its answers as JSON), decoded one by one so that one reply that is not JSON,
    or is nested too deeply, is a reply without answers and spoils nothing else.

    Never raises on the answers. Raises :class:`DefinitionError` for an unusable definition, and
    :class:`ValueError` for two questionnaires that do not belong together
    (:class:`~lederskap_scorer.team.TeamPairError`), replies that are not a list of texts or are
    more than :data:`~lederskap_scorer.limits.MAX_REPLIES`, or a language other than ``nb``/``en``:
    all mistakes of the page.
    """
    own = load_definition(own_definition_json)
    others = load_definition(others_definition_json)
    try:
        own_answers = load_json(own_answers_json)
    except ValueError:
        own_answers = _NOT_ANSWERS
    try:
        texts = load_json(replies_json)
    except ValueError as error:
        raise ValueError(f"the replies are {json_error_text(error)}") from error
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise ValueError("expected the replies as a JSON list of texts (each reply's answers as JSON)")
    replies = [decode_answers(text) for text in texts]
    return _plain_json(to_plain(team_result(own, others, own_answers, replies, language)))


_NOT_ANSWERS = object()
"""Answers that were given but are not JSON: scored as answers that are not an object (no means)."""


def reply_answers_json(definition_json: str, answers_json: str) -> str:
    """What a reply to the questionnaire carries of the learner's answers (``scorer/TEAM.md``): a JSON
    object of the usable answer of each answered likert statement, and nothing else. Never raises on
    the answers; raises :class:`DefinitionError` for an unusable definition."""
    q = load_definition(definition_json)
    return _plain_json(reply_answers(q, decode_answers(answers_json), "nb"))
