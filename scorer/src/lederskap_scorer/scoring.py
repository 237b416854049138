"""Scoring a learner's answers to one questionnaire: the typed entry point.

:func:`score_answers` checks the answers (:mod:`lederskap_scorer.answers`),
then scores every part in the questionnaire's order. It only reads the
learner's answers: texts are echoed exactly as given.
"""

from __future__ import annotations

from collections.abc import Mapping

from .allocation import score_allocation
from .answers import CheckedAnswers, check_answers
from .format import check_language
from .likert import score_likert
from .model import ChecklistPart, LikertPart, Questionnaire, TextPart
from .results import (
    ChecklistResult,
    ChosenOption,
    PartResult,
    QuestionnaireRef,
    Results,
    TextAnswer,
    TextResult,
)


def score_answers(q: Questionnaire, answers: Mapping[str, object], language: str) -> Results:
    """Score ``answers`` (keyed by ids, see :mod:`lederskap_scorer.model`) against ``q``.

    Never raises on the answers: what does not fit is left out and listed in
    ``Results.problems``. Raises :class:`ValueError` for a ``language`` other
    than ``nb`` or ``en`` and for a questionnaire with a likert part but no
    scale (:func:`~lederskap_scorer.model.check_questionnaire` rejects those).
    """
    return score_decoded(q, answers, language)


def score_decoded(q: Questionnaire, answers: object, language: str) -> Results:
    """Like :func:`score_answers`, for answers decoded from JSON that may not even be a mapping."""
    checked_language = check_language(language)
    checked = check_answers(q, answers, checked_language)
    parts: list[PartResult] = []
    for part in q.parts:
        if isinstance(part, LikertPart):
            if q.scale is None:
                raise ValueError(f"questionnaire '{q.id}' has a likert part ('{part.id}') but no scale")
            parts.append(score_likert(part, checked.likert, q.scale, q.bands, checked_language))
        elif isinstance(part, TextPart):
            parts.append(_score_text(part, checked))
        elif isinstance(part, ChecklistPart):
            parts.append(_score_checklist(part, checked))
        else:
            parts.append(score_allocation(part, checked.allocations, checked_language))
    return Results(
        questionnaire=QuestionnaireRef(q.id, q.version, q.title),
        language=checked_language,
        problems=checked.problems,
        parts=tuple(parts),
    )


def _score_text(part: TextPart, checked: CheckedAnswers) -> TextResult:
    fields = tuple(
        TextAnswer(field.id, field.label, checked.texts[field.id]) for field in part.fields if field.id in checked.texts
    )
    return TextResult(id=part.id, title=part.title, fields=fields)


def _score_checklist(part: ChecklistPart, checked: CheckedAnswers) -> ChecklistResult:
    ticked = checked.checklists.get(part.id, frozenset())
    summary: TextAnswer | None = None
    if part.summary is not None and part.summary.id in checked.texts:
        summary = TextAnswer(part.summary.id, part.summary.label, checked.texts[part.summary.id])
    return ChecklistResult(
        id=part.id,
        title=part.title,
        chosen=tuple(ChosenOption(option.id, option.text) for option in part.options if option.id in ticked),
        summary=summary,
    )
