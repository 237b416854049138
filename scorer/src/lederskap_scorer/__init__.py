"""Questionnaire model and scoring for lederskap courses.

Pure Python, standard library only: the same code runs in the CPython tests,
in the ``lederskap-score`` command and, under Pyodide, in the learner's browser.

* :func:`score_json` -- JSON in, JSON out; what the browser calls (and :func:`compare_json`
  to compare two snapshots).
* :func:`score_answers` -- the typed function: a :class:`Questionnaire` and
  answers keyed by ids in, :class:`Results` out.
* ``scorer/RESULTS.md`` documents the results JSON.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .answers import AnswerProblem
    from .api import DefinitionError, compare_json, load_definition, results_json, score_json
    from .format import LANGUAGES, Language
    from .model import Questionnaire, check_questionnaire
    from .results import RESULTS_FORMAT, Results, to_plain
    from .schema import SchemaError, dump, parse
    from .scoring import score_answers

# The public names, imported when first used: the build imports only the content
# model (``lederskap_scorer.model``), and should not pay for loading the scorer.
_EXPORTS = {
    "DefinitionError": "api",
    "compare_json": "api",
    "load_definition": "api",
    "results_json": "api",
    "score_json": "api",
    "LANGUAGES": "format",
    "Language": "format",
    "Questionnaire": "model",
    "check_questionnaire": "model",
    "RESULTS_FORMAT": "results",
    "AnswerProblem": "answers",
    "Results": "results",
    "to_plain": "results",
    "SchemaError": "schema",
    "dump": "schema",
    "parse": "schema",
    "score_answers": "scoring",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


__version__ = "0.1.0"

__all__ = [
    "LANGUAGES",
    "RESULTS_FORMAT",
    "AnswerProblem",
    "DefinitionError",
    "Language",
    "Questionnaire",
    "Results",
    "SchemaError",
    "__version__",
    "check_questionnaire",
    "compare_json",
    "dump",
    "load_definition",
    "parse",
    "results_json",
    "score_answers",
    "score_json",
    "to_plain",
]
