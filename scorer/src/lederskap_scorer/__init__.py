"""Questionnaire model and scoring for lederskap courses.

Pure Python, standard library only: the same code runs in the CPython tests,
in the ``lederskap-score`` command and, under Pyodide, in the learner's browser.

* :func:`score_json` -- JSON in, JSON out; what the browser calls.
* :func:`score_answers` -- the typed function: a :class:`Questionnaire` and
  answers keyed by ids in, :class:`Results` out.
* ``scorer/RESULTS.md`` documents the results JSON.
"""

from __future__ import annotations

from .api import DefinitionError, load_definition, results_json, score_json
from .format import LANGUAGES, Language
from .model import Questionnaire, check_questionnaire
from .results import RESULTS_FORMAT, AnswerProblem, Results, to_plain
from .schema import SchemaError, dump, parse
from .scoring import score_answers

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
    "dump",
    "load_definition",
    "parse",
    "results_json",
    "score_answers",
    "score_json",
    "to_plain",
]
