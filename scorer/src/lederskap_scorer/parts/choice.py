"""The ``choice`` question type: questions each answered by choosing one of several labelled options.

Its answer: the chosen option's id (a text), stored under the question's id.

An option may carry a ``score`` (a whole number): a question is *scored* when its
options have scores, and then either all of its options have one or none has.
Scoring: each answered question gives its chosen option and, when scored, that
option's score; the part gives the total and the mean of the scores of its
answered scored questions, and the highest total its scored questions allow.
Unanswered questions have no score; they never count as 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..answers import AnswerProblem
from ..format import amount_text, mean_text, raw
from ..limits import MAX_OPTIONS
from ..schema import Id, Problem, join_path
from .shared import (
    Answers,
    ChosenOption,
    PartScore,
    ScoringContext,
    check_unique_within,
    expect_at_most,
    expect_some,
)

MIN_OPTIONS = 2
"""A choice needs at least two options."""


# ---- the model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceOption:
    """One of a question's options, with its score when the question is scored."""

    id: Id
    text: str
    score: int | None = None


@dataclass(frozen=True)
class ChoiceQuestion:
    """A question answered by choosing exactly one of its options."""

    id: Id
    text: str
    options: tuple[ChoiceOption, ...]
    hint: str = ""


@dataclass(frozen=True)
class ChoicePart:
    """Questions each answered by choosing one of several labelled options, optionally scored."""

    type: Literal["choice"]
    id: Id
    title: str
    questions: tuple[ChoiceQuestion, ...]
    intro: str = ""


def is_scored_question(question: ChoiceQuestion) -> bool:
    """Whether the question's options carry scores (``check_part``: then all of them do)."""
    return any(option.score is not None for option in question.options)


def is_scored(part: ChoicePart) -> bool:
    """Whether any question of the part is scored: then the part has results to show."""
    return any(is_scored_question(question) for question in part.questions)


# ---- the checks of the model --------------------------------------------------------------------


def _check_question(question: ChoiceQuestion, path: str) -> list[Problem]:
    options_path = join_path(path, "options")
    problems: list[Problem] = []
    if len(question.options) < MIN_OPTIONS:
        given = "the list is empty" if not question.options else f"{len(question.options)} was given"
        problems.append(Problem(options_path, f"expected at least {MIN_OPTIONS} options, but {given}"))
    problems += expect_at_most(question.options, options_path, "options", MAX_OPTIONS)
    problems += check_unique_within(question.options, options_path)
    if is_scored_question(question):
        for i, option in enumerate(question.options):
            if option.score is None:
                problems.append(
                    Problem(
                        join_path(join_path(options_path, i), "score"),
                        "expected a score (other options of this question have one: "
                        "give every option a score, or none), but none was given",
                    )
                )
    return problems


def check_part(part: ChoicePart, path: str) -> list[Problem]:
    problems = expect_some(part.questions, join_path(path, "questions"), "question")
    for i, question in enumerate(part.questions):
        problems += _check_question(question, join_path(join_path(path, "questions"), i))
    return problems


def question_count(part: ChoicePart) -> int:
    return len(part.questions)


def namespace_ids(part: ChoicePart, path: str) -> Iterator[tuple[str, str]]:
    """The question ids (options need only be unique within their question)."""
    for qi, question in enumerate(part.questions):
        yield question.id, join_path(join_path(join_path(path, "questions"), qi), "id")


def answer_ids(part: ChoicePart) -> Iterator[str]:
    for question in part.questions:
        yield question.id


# ---- the results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    """One choice question: the option chosen and, when the question is scored, its score."""

    id: str
    text: str
    scored: bool
    chosen: ChosenOption | None
    score: int | None


@dataclass(frozen=True, kw_only=True)
class ChoiceResult:
    """The answers of one choice part and, over its scored questions, their total and mean score."""

    type: Literal["choice"] = "choice"
    id: str
    title: str
    questions: tuple[QuestionResult, ...]
    answered: int
    question_count: int
    scored: bool
    scored_answered: int
    scored_count: int
    total: int | None
    total_display: str | None
    max_total: int | None
    max_total_display: str | None
    mean: float | None
    mean_display: str | None


# ---- checking and scoring the answers -----------------------------------------------------------


def _chosen(question: ChoiceQuestion, value: object) -> ChoiceOption | AnswerProblem:
    """The option chosen for ``question``, or the problem with the answer."""
    if not isinstance(value, str):
        return AnswerProblem(question.id, None, "not-an-option-id", {"question": question.text})
    for option in question.options:
        if option.id == value:
            return option
    return AnswerProblem(question.id, value, "unknown-option", {"question": question.text, "option": value})


def _question(question: ChoiceQuestion, chosen: ChoiceOption | None) -> QuestionResult:
    return QuestionResult(
        id=question.id,
        text=question.text,
        scored=is_scored_question(question),
        chosen=None if chosen is None else ChosenOption(chosen.id, chosen.text),
        score=None if chosen is None else chosen.score,
    )


def score(part: ChoicePart, answers: Answers, context: ScoringContext) -> PartScore[ChoiceResult]:
    language = context.language
    problems: list[AnswerProblem] = []
    questions: list[QuestionResult] = []
    for question in part.questions:
        chosen: ChoiceOption | None = None
        if question.id in answers:
            read = _chosen(question, answers[question.id])
            if isinstance(read, AnswerProblem):
                problems.append(read)
            else:
                chosen = read
        questions.append(_question(question, chosen))
    scored = [question for question in part.questions if is_scored_question(question)]
    scores = [q.score for q in questions if q.scored and q.score is not None]
    total = sum(scores) if scores else None
    max_total = sum(max(o.score for o in q.options if o.score is not None) for q in scored) if scored else None
    mean = Fraction(sum(scores), len(scores)) if scores else None
    result = ChoiceResult(
        id=part.id,
        title=part.title,
        questions=tuple(questions),
        answered=sum(1 for q in questions if q.chosen is not None),
        question_count=len(questions),
        scored=bool(scored),
        scored_answered=len(scores),
        scored_count=len(scored),
        total=total,
        total_display=None if total is None else amount_text(Fraction(total), language),
        max_total=max_total,
        max_total_display=None if max_total is None else amount_text(Fraction(max_total), language),
        mean=None if mean is None else raw(mean),
        mean_display=None if mean is None else mean_text(mean, language),
    )
    return PartScore(result, tuple(problems), frozenset(q.id for q in questions if q.chosen is not None))
