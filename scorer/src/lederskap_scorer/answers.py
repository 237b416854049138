"""Checking a learner's answers against the questionnaire, never raising on them.

Answers arrive as plain data keyed by ids (see :mod:`lederskap_scorer.model`).
Every value is checked against what its id expects. A value that does not
fit (wrong type, out of range, unknown id, ...) is left out, so the question
counts as unanswered, and an :class:`~lederskap_scorer.results.AnswerProblem`
says what was wrong, in the results' language, so the page can tell the learner.

A missing key, ``null``, a blank text and an empty allocation row all mean
"unanswered" and are no problem.

Problems come in a fixed order whatever the order of the answers: first a
problem with the answers as a whole, then the problems of known ids in the
questionnaire's reading order (within an answer: checklist entries in the
order given, allocation columns in the part's order, then unknown columns
sorted), then unknown ids sorted by code point.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from .format import Language, amount_text
from .model import AllocationPart, ChecklistPart, Item, LikertPart, Questionnaire, Scale, TextField, TextPart
from .results import AnswerProblem, ProblemCode


@dataclass(frozen=True)
class CheckedAnswers:
    """The answers that fit the questionnaire, by id, and the problems with the rest."""

    likert: Mapping[str, int] = field(default_factory=dict)
    """Item id -> the answer as given (not yet reversed)."""
    texts: Mapping[str, str] = field(default_factory=dict)
    """Text field or checklist summary id -> the text as given (never blank)."""
    checklists: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Checklist part id -> the ids of the ticked options."""
    allocations: Mapping[str, Mapping[str, Fraction]] = field(default_factory=dict)
    """Allocation row id -> column id -> the value as given (only columns with a value)."""
    problems: tuple[AnswerProblem, ...] = ()


_WORDS: dict[str, dict[Language, str]] = {
    "mismatch": {
        "en": "expected {expected}, but got {given}; {consequence}",
        "nb": "forventet {expected}, men fikk {given}; {consequence}",
    },
    "mismatch-only": {
        "en": "expected {expected}, but got {given}",
        "nb": "forventet {expected}, men fikk {given}",
    },
    "whole-number": {"en": "a whole number from {min} to {max}", "nb": "et helt tall fra {min} til {max}"},
    "text": {"en": "a text", "nb": "en tekst"},
    "option-list": {"en": "a list of option ids", "nb": "en liste med id-ene til alternativene"},
    "option-id": {"en": "an option id (a text)", "nb": "en alternativ-id (en tekst)"},
    "row": {"en": "an object of column ids and numbers", "nb": "et objekt med kolonne-id-er og tall"},
    "amount": {"en": "a number from 0 to {total}", "nb": "et tall fra 0 til {total}"},
    "unanswered": {"en": "the question counts as unanswered", "nb": "spørsmålet regnes som ubesvart"},
    "entry-ignored": {"en": "that entry was ignored", "nb": "den verdien ble ikke brukt"},
    "cell-unanswered": {"en": "that value counts as unanswered", "nb": "den verdien regnes som ubesvart"},
    "unknown-id": {
        "en": "there is no question with the id '{id}' in this questionnaire; the answer was ignored",
        "nb": "det finnes ikke noe spørsmål med id-en «{id}» i dette spørreskjemaet; svaret ble ikke brukt",
    },
    "unknown-option": {
        "en": "'{option}' is not one of this question's options; it was ignored",
        "nb": "«{option}» er ikke et av alternativene i dette spørsmålet; det ble ikke brukt",
    },
    "duplicate-option": {
        "en": "the option '{option}' was chosen more than once; it counts once",
        "nb": "alternativet «{option}» er valgt mer enn én gang; det teller én gang",
    },
    "unknown-column": {
        "en": "'{column}' is not one of this allocation's columns; the value was ignored",
        "nb": "«{column}» er ikke en av kolonnene i denne fordelingen; verdien ble ikke brukt",
    },
    "invalid-answers": {
        "en": "the answers are not a JSON object keyed by question id; every question counts as unanswered",
        "nb": "svarene er ikke et JSON-objekt med spørsmålenes id-er som nøkler; alle spørsmål regnes som ubesvart",
    },
    "nothing": {"en": "nothing", "nb": "ingenting"},
    "yes-no": {"en": "a yes/no value", "nb": "en ja/nei-verdi"},
    "not-finite": {"en": "a number that is not finite", "nb": "et tall som ikke er endelig"},
    "number": {"en": "the number {number}", "nb": "tallet {number}"},
    "given-text": {"en": "the text '{text}'", "nb": "teksten «{text}»"},
    "list": {"en": "a list", "nb": "en liste"},
    "object": {"en": "an object", "nb": "et objekt"},
    "other": {"en": "a value of another kind", "nb": "en verdi av en annen type"},
}

_SHOWN_TEXT_LENGTH = 40


def _say(key: str, language: Language, **values: object) -> str:
    return _WORDS[key][language].format(**values)


def describe_value(value: object, language: Language) -> str:
    """Name a value the learner gave, in words: "the number 7", "the text 'x'", "a list", ..."""
    if value is None:
        return _say("nothing", language)
    if isinstance(value, bool):
        return _say("yes-no", language)
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return _say("not-finite", language)
        return _say("number", language, number=_number_as_given(value, language))
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN_TEXT_LENGTH else value[: _SHOWN_TEXT_LENGTH - 3] + "..."
        return _say("given-text", language, text=shown)
    if isinstance(value, list | tuple):
        return _say("list", language)
    if isinstance(value, Mapping):
        return _say("object", language)
    return _say("other", language)


def _number_as_given(value: int | float, language: Language) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value).replace(".", "," if language == "nb" else ".")


def _finite_number(value: object) -> int | float | None:
    """The value if it is a finite JSON number (not a yes/no value), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass(frozen=True)
class _LikertSpec:
    item: Item
    scale: Scale


@dataclass(frozen=True)
class _TextSpec:
    text_field: TextField


@dataclass(frozen=True)
class _ChecklistSpec:
    part: ChecklistPart


@dataclass(frozen=True)
class _AllocationSpec:
    part: AllocationPart


_Spec = _LikertSpec | _TextSpec | _ChecklistSpec | _AllocationSpec


def _answer_specs(q: Questionnaire) -> dict[str, _Spec]:
    """Every answer id of the questionnaire, in reading order, with what it expects."""
    specs: dict[str, _Spec] = {}
    for part in q.parts:
        if isinstance(part, LikertPart):
            if q.scale is None:
                continue
            for dimension in part.dimensions:
                for item in dimension.items:
                    specs[item.id] = _LikertSpec(item, q.scale)
        elif isinstance(part, TextPart):
            for text_field in part.fields:
                specs[text_field.id] = _TextSpec(text_field)
        elif isinstance(part, ChecklistPart):
            specs[part.id] = _ChecklistSpec(part)
            if part.summary is not None:
                specs[part.summary.id] = _TextSpec(part.summary)
        else:
            for row in part.rows:
                specs[row.id] = _AllocationSpec(part)
    return specs


class _Checker:
    """Collects the fitting answers and the problems while walking the answers once."""

    def __init__(self, language: Language, consequences: bool = True) -> None:
        self.language = language
        self.consequences = consequences
        self.likert: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.checklists: dict[str, frozenset[str]] = {}
        self.allocations: dict[str, dict[str, Fraction]] = {}
        self.problems: list[AnswerProblem] = []

    def problem(self, answer_id: str | None, sub_id: str | None, code: ProblemCode, message: str) -> None:
        self.problems.append(AnswerProblem(answer_id, sub_id, code, message))

    def mismatch(self, expected: str, value: object, consequence: str) -> str:
        given = describe_value(value, self.language)
        if not self.consequences:
            return _say("mismatch-only", self.language, expected=expected, given=given)
        return _say(
            "mismatch", self.language, expected=expected, given=given, consequence=_say(consequence, self.language)
        )

    def check(self, answer_id: str, spec: _Spec, value: object) -> None:
        if value is None:
            return
        if isinstance(spec, _LikertSpec):
            self.check_likert(answer_id, spec.scale, value)
        elif isinstance(spec, _TextSpec):
            self.check_text(answer_id, value)
        elif isinstance(spec, _ChecklistSpec):
            self.check_checklist(answer_id, spec.part, value)
        else:
            self.check_allocation(answer_id, spec.part, value)

    def check_likert(self, answer_id: str, scale: Scale, value: object) -> None:
        expected = _say("whole-number", self.language, min=scale.min, max=scale.max)
        number = _finite_number(value)
        code: ProblemCode
        if number is None:
            code = "wrong-type"
        elif isinstance(number, float) and not number.is_integer():
            code = "not-whole-number"
        elif not scale.min <= number <= scale.max:
            code = "out-of-range"
        else:
            self.likert[answer_id] = int(number)
            return
        self.problem(answer_id, None, code, self.mismatch(expected, value, "unanswered"))

    def check_text(self, answer_id: str, value: object) -> None:
        if not isinstance(value, str):
            message = self.mismatch(_say("text", self.language), value, "unanswered")
            self.problem(answer_id, None, "wrong-type", message)
        elif value.strip():
            self.texts[answer_id] = value

    def check_checklist(self, answer_id: str, part: ChecklistPart, value: object) -> None:
        if not isinstance(value, list | tuple):
            message = self.mismatch(_say("option-list", self.language), value, "unanswered")
            self.problem(answer_id, None, "wrong-type", message)
            return
        known = {option.id for option in part.options}
        chosen: set[str] = set()
        for entry in value:
            if not isinstance(entry, str):
                message = self.mismatch(_say("option-id", self.language), entry, "entry-ignored")
                self.problem(answer_id, None, "wrong-type", message)
            elif entry not in known:
                message = _say("unknown-option", self.language, option=entry)
                self.problem(answer_id, entry, "unknown-option", message)
            elif entry in chosen:
                message = _say("duplicate-option", self.language, option=entry)
                self.problem(answer_id, entry, "duplicate-option", message)
            else:
                chosen.add(entry)
        self.checklists[answer_id] = frozenset(chosen)

    def check_allocation(self, answer_id: str, part: AllocationPart, value: object) -> None:
        if not isinstance(value, Mapping):
            message = self.mismatch(_say("row", self.language), value, "unanswered")
            self.problem(answer_id, None, "wrong-type", message)
            return
        given = {str(key): cell for key, cell in value.items()}
        expected = _say("amount", self.language, total=amount_text(Fraction(part.total), self.language))
        cells: dict[str, Fraction] = {}
        for column in part.columns:
            cell = given.pop(column.id, None)
            if cell is None:
                continue
            number = _finite_number(cell)
            code: ProblemCode
            if number is None:
                code = "wrong-type"
            elif number < 0:
                code = "negative"
            elif number > part.total:
                code = "over-total"
            else:
                cells[column.id] = Fraction(number)
                continue
            self.problem(answer_id, column.id, code, self.mismatch(expected, cell, "cell-unanswered"))
        for unknown in sorted(given):
            self.problem(answer_id, unknown, "unknown-column", _say("unknown-column", self.language, column=unknown))
        if cells:
            self.allocations[answer_id] = cells


def check_answers(q: Questionnaire, answers: object, language: Language, consequences: bool = True) -> CheckedAnswers:
    """Sort ``answers`` (decoded JSON of any shape) into fitting answers and problems; never raises.

    ``consequences=False`` leaves out what a problem means for the scoring ("the question
    counts as unanswered"), for messages about answers that are checked but not scored.
    """
    checker = _Checker(language, consequences)
    if not isinstance(answers, Mapping):
        checker.problem(None, None, "invalid-answers", _say("invalid-answers", language))
        return CheckedAnswers(problems=tuple(checker.problems))
    given = {str(key): value for key, value in answers.items()}
    specs = _answer_specs(q)
    for answer_id, spec in specs.items():
        if answer_id in given:
            checker.check(answer_id, spec, given[answer_id])
    for unknown in sorted(set(given) - set(specs)):
        checker.problem(unknown, None, "unknown-id", _say("unknown-id", language, id=unknown))
    return CheckedAnswers(
        likert=checker.likert,
        texts=checker.texts,
        checklists=checker.checklists,
        allocations=checker.allocations,
        problems=tuple(checker.problems),
    )
