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


def changed_answers(q: Questionnaire) -> dict[str, object]:
    """:func:`sample_answers` with one answer changed, as a learner changes one on a return visit: the first
    statement one point along the scale, or else the first text field's text."""
    answers = sample_answers(q)
    for part in q.parts:
        if isinstance(part, LikertPart) and q.scale is not None:
            item = next(item for dimension in part.dimensions for item in dimension.items)
            value = answers[item.id]
            assert isinstance(value, int)
            answers[item.id] = value + 1 if value < q.scale.max else value - 1
            return answers
        if isinstance(part, TextPart) and part.fields:
            answers[part.fields[0].id] = "Et annet kort svar."
            return answers
    raise ValueError(f"questionnaire {q.id!r} has no statement or text field to change")


def storage_record(q: Questionnaire, course: str, answers: dict[str, object] | None = None) -> str:
    """The stored record of ``answers`` (default: :func:`sample_answers`), as the text localStorage holds."""
    record = {
        "schema": STORAGE_SCHEMA,
        "course": course,
        "questionnaire": q.id,
        "version": q.version,
        "updated": "2026-01-01T00:00:00.000Z",
        "answers": sample_answers(q) if answers is None else answers,
    }
    return json.dumps(record, ensure_ascii=False)
