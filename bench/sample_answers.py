"""A learner's complete answers to a questionnaire, and the localStorage record that holds them.

The record follows ``lederskap_build/assets/lederskap/record-store.js``::

    key:    lederskap_scorer.storage_keys.storage_key(<site path>, <course id>, <questionnaire id>)
    record: {schema: 1, course, questionnaire, version, updated, answers: {<answer id>: value}}
"""

from __future__ import annotations

import json
from typing import assert_never

from lederskap_scorer.model import Questionnaire
from lederskap_scorer.parts import AllocationPart, ChecklistPart, ChoicePart, LikertPart, TextPart

STORAGE_SCHEMA = 1


def sample_answers(q: Questionnaire) -> dict[str, object]:
    """An answer to every question: varied points on the scale, short texts, ticks, shares that add up, options."""
    answers: dict[str, object] = {}
    for part in q.parts:
        match part:
            case LikertPart():
                assert q.scale is not None
                points = q.scale.max - q.scale.min + 1
                for d, dimension in enumerate(part.dimensions):
                    for i, item in enumerate(dimension.items):
                        answers[item.id] = q.scale.min + (d * 2 + i) % points
            case TextPart():
                for field in part.fields:
                    answers[field.id] = "Et kort svar skrevet for ytelsesmålingen."
            case ChecklistPart():
                answers[part.id] = [option.id for option in part.options[::2]]
                if part.summary is not None:
                    answers[part.summary.id] = "Oppsummering."
            case AllocationPart():
                share = part.total / len(part.rows)
                for row in part.rows:
                    answers[row.id] = {column.id: share for column in part.columns}
            case ChoicePart():
                for q_index, question in enumerate(part.questions):
                    answers[question.id] = question.options[q_index % len(question.options)].id
            case _:
                assert_never(part)
    return answers


def storage_record(q: Questionnaire, course: str) -> str:
    """The stored record of :func:`sample_answers`, as the text localStorage holds."""
    record = {
        "schema": STORAGE_SCHEMA,
        "course": course,
        "questionnaire": q.id,
        "version": q.version,
        "updated": "2026-01-01T00:00:00.000Z",
        "answers": sample_answers(q),
    }
    return json.dumps(record, ensure_ascii=False)
