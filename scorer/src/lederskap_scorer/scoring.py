"""Scoring a learner's answers to one questionnaire: the typed entry point.

:func:`score_answers` leaves out the empty answers (:func:`~lederskap_scorer.answers.is_empty`),
has every part check and score its own answers (:func:`lederskap_scorer.parts.score_part`),
in the questionnaire's order, and says which answers it could use. It only reads the
learner's answers: texts are echoed exactly as given.

Problems come in a fixed order whatever the order of the answers: first a
problem with the answers as a whole, then the problems of the questionnaire's
ids in its reading order (within an answer: checklist entries in the order
given, allocation columns in the part's order, then unknown columns sorted),
then unknown ids sorted by code point.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .answers import AnswerProblem, is_empty
from .format import check_language
from .model import Questionnaire
from .parts import PartResult, ScoringContext, score_part
from .parts.likert import LikertResult, snapshot_part
from .results import AnswerStatus, QuestionnaireRef, Results


@dataclass(frozen=True)
class CheckedAnswers:
    """What the scorer makes of a set of answers: which it could use, the problems, the parts' results."""

    status: AnswerStatus
    problems: tuple[AnswerProblem, ...]
    parts: tuple[PartResult, ...]


def check_answers(q: Questionnaire, answers: object, language: str) -> CheckedAnswers:
    """Sort ``answers`` (decoded JSON of any shape) into usable answers and problems, and score the
    parts; never raises on the answers. The one rule for "does this value fit this question"."""
    context = ScoringContext(check_language(language), q.scale, q.bands)
    problems: list[AnswerProblem] = []
    if not isinstance(answers, Mapping):
        problems.append(AnswerProblem(None, None, "invalid-answers", {}))
        answers = {}
    given = {str(key): value for key, value in answers.items() if not is_empty(value)}
    parts: list[PartResult] = []
    answered: set[str] = set()
    for part in q.parts:
        scored = score_part(part, given, context)
        parts.append(scored.result)
        problems += scored.problems
        answered |= scored.answered
    ids = tuple(q.answer_ids())
    unknown = tuple(sorted(set(given) - set(ids)))
    problems += [AnswerProblem(unknown_id, None, "unknown-id", {"id": unknown_id}) for unknown_id in unknown]
    unfit = {p.id for p in problems if p.code not in ("invalid-answers", "unknown-id")}
    status = AnswerStatus(
        answered=tuple(i for i in ids if i in answered),
        unanswered=tuple(i for i in ids if i not in answered),
        not_in_questionnaire=unknown,
        unusable=tuple(i for i in ids if i in unfit),
    )
    return CheckedAnswers(status, tuple(problems), tuple(parts))


def score_answers(q: Questionnaire, answers: Mapping[str, object], language: str) -> Results:
    """Score ``answers`` (keyed by ids, see :mod:`lederskap_scorer.parts`) against ``q``.

    Never raises on the answers: what does not fit is left out and listed in
    ``Results.problems``. Raises :class:`ValueError` for a ``language`` other
    than ``nb`` or ``en`` and for a questionnaire with a likert part but no
    scale (:func:`~lederskap_scorer.model.check_questionnaire` rejects those).
    """
    return score_decoded(q, answers, language)


def score_decoded(q: Questionnaire, answers: object, language: str) -> Results:
    """Like :func:`score_answers`, for answers decoded from JSON that may not even be a mapping."""
    checked = check_answers(q, answers, language)
    return Results(
        questionnaire=QuestionnaireRef(q.id, q.version, q.title),
        language=check_language(language),
        answers=checked.status,
        problems=checked.problems,
        parts=checked.parts,
        snapshot_scores=tuple(snapshot_part(p) for p in checked.parts if isinstance(p, LikertResult)),
    )
