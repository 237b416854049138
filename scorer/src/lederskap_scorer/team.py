"""The team result: how others see one in each dimension, shown only for enough replies together.

A leader invites their team to answer a view of their self-assessment (``view_of``,
:func:`lederskap_scorer.model.check_view`); a facilitator invites a group to send in the
same questionnaire they answer about themselves. Each reply reaches the inviter sealed
(scorer/TEAM.md) and is opened on the inviter's device; the page gives the opened
answers to :func:`team_result` and shows what it returns, which is, per dimension of the
inviter's questionnaire:

* the others' mean and how many replies' means fall in each band, **only** when at
  least ``min_replies`` replies (the author's, never fewer than
  :data:`~lederskap_scorer.limits.MIN_REPLIES`) have a mean in that dimension;
  otherwise why not, with the count;
* the inviter's own mean, and the gap (others' mean minus one's own).

Nothing in it is about one reply: no reply's answers, means or position. Every reply is
scored by the same rules as any answers (:func:`lederskap_scorer.scoring.check_answers`:
the half rule, reverse keys, what fits), every mean judged by the bands of the inviter's
questionnaire, so that both sides of a gap mean the same. ``scorer/TEAM.md`` documents
the JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from .format import Language, check_language, limit_text, mean_change_text, mean_text, raw, round_half_away
from .limits import MAX_REPLIES
from .model import Questionnaire, check_view
from .parts.likert import BandResult, LikertResult, ScaleRange, find_band
from .results import QuestionnaireRef
from .scale import Band
from .schema import Problem
from .scoring import check_answers

TEAM_FORMAT = 1
"""Raised when the meaning of the team result's JSON changes."""

OwnStatus = Literal["scored", "not-enough-answers", "not-given"]
OthersStatus = Literal["shown", "too-few-replies"]
GapDirection = Literal["others-higher", "others-lower", "same"]


class TeamPairError(ValueError):
    """The two questionnaires do not belong together: the replies' is neither the inviter's own nor a view of it,
    or is a view that does not fit it (``problems``, with paths in the view)."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        self.problems = problems
        super().__init__("\n".join([message, *(f"  {p}" for p in problems)]))


@dataclass(frozen=True)
class TeamBand:
    """One band of a dimension and how many replies' means fall in it (the group's picture)."""

    label: str
    min: float
    min_display: str
    max: float
    max_display: str
    replies: int


@dataclass(frozen=True)
class TeamDimension:
    """One dimension of the inviter's questionnaire: one's own mean, the others' and the gap."""

    id: str
    title: str
    own_status: OwnStatus
    own_mean: float | None
    own_mean_display: str | None
    own_mean_exact: tuple[int, int] | None
    own_band: BandResult | None
    status: OthersStatus
    replies: int
    """How many replies have a mean in this dimension (the half rule, as for any answers)."""
    others_mean: float | None
    others_mean_display: str | None
    others_mean_exact: tuple[int, int] | None
    others_band: BandResult | None
    bands: tuple[TeamBand, ...]
    """With ``shown``: every band of the dimension with how many replies' means are in it; else ``()``."""
    gap: float | None
    """The others' mean minus one's own; only when both are there."""
    gap_display: str | None
    gap_direction: GapDirection | None
    """Which way the gap goes, for its words: ``same`` when it is ``0,0`` as shown (less than 0.05)."""


@dataclass(frozen=True, kw_only=True)
class TeamResult:
    """Everything a team result says: per dimension, never per reply."""

    team_format: int = TEAM_FORMAT
    questionnaire: QuestionnaireRef
    """The inviter's own questionnaire: its dimensions, titles and bands are the result's."""
    others: QuestionnaireRef
    """The questionnaire the replies answer: a view of the inviter's, or the same one."""
    language: Language
    min_replies: int
    replies: int
    """How many replies were given."""
    replies_with_means: int
    """How many of them have a mean in at least one dimension."""
    own_answers: bool
    """Whether the inviter's own answers were given (``null`` is none)."""
    scale: ScaleRange
    dimensions: tuple[TeamDimension, ...]


def check_pair(own: Questionnaire, others: Questionnaire) -> None:
    """Raise :class:`TeamPairError` unless ``others`` is ``own`` itself (a group pooling its
    self-assessments) or a view of it that fits it."""
    if others.id == own.id:
        if others.version != own.version:
            raise TeamPairError(f"the replies answer version {others.version} of '{own.id}', but it is {own.version}")
        if not any(True for _ in own.dimensions()):
            raise TeamPairError(f"the questionnaire '{own.id}' has no likert dimensions to show together")
        return
    if others.view_of != own.id:
        raise TeamPairError(f"the questionnaire '{others.id}' is neither '{own.id}' nor a view of it")
    problems = check_view(others, own)
    if problems:
        raise TeamPairError(f"the questionnaire '{others.id}' does not fit '{own.id}'", tuple(problems))


def dimension_means(q: Questionnaire, answers: object, language: Language) -> dict[str, Fraction]:
    """The exact mean of every dimension of ``q`` that ``answers`` (decoded JSON of any shape) give one,
    by the rules of any results (:func:`~lederskap_scorer.scoring.check_answers`)."""
    means: dict[str, Fraction] = {}
    for part in check_answers(q, answers, language).parts:
        if isinstance(part, LikertResult):
            for dimension in part.dimensions:
                if dimension.mean_exact is not None:
                    means[dimension.id] = Fraction(*dimension.mean_exact)
    return means


def reply_answers(q: Questionnaire, answers: object, language: Language) -> dict[str, int]:
    """What a reply carries of ``answers``: the usable answer of every answered likert statement, in
    reading order, and nothing else (no text a learner wrote leaves their device in a reply)."""
    carried: dict[str, int] = {}
    for part in check_answers(q, answers, language).parts:
        if isinstance(part, LikertResult):
            for dimension in part.dimensions:
                for item in dimension.items:
                    if item.answer is not None:
                        carried[item.id] = item.answer
    return carried


def _band(mean: Fraction | None, bands: tuple[Band, ...]) -> BandResult | None:
    found = None if mean is None else find_band(mean, bands)
    return None if found is None else BandResult(found.label, found.text)


def _exact(mean: Fraction | None) -> tuple[int, int] | None:
    return None if mean is None else (mean.numerator, mean.denominator)


def team_result(
    own: Questionnaire,
    others: Questionnaire,
    own_answers: object | None,
    replies: list[object],
    language: str,
) -> TeamResult:
    """The team result of ``replies`` (each the decoded answers of one reply to ``others``) next to the
    inviter's ``own_answers`` to ``own`` (``None``: not given). Raises :class:`TeamPairError` for
    questionnaires that do not belong together and :class:`ValueError` for more than
    :data:`~lederskap_scorer.limits.MAX_REPLIES` replies or an unsupported language."""
    checked_language = check_language(language)
    check_pair(own, others)
    if len(replies) > MAX_REPLIES:
        raise ValueError(f"expected at most {MAX_REPLIES} replies, but {len(replies)} were given")
    if own.scale is None:
        raise TeamPairError(f"the questionnaire '{own.id}' has no scale")
    threshold = others.min_replies
    own_means = None if own_answers is None else dimension_means(own, own_answers, checked_language)
    reply_means = [dimension_means(others, reply, checked_language) for reply in replies]
    dimensions = []
    for dimension in own.dimensions():
        bands = dimension.bands or own.bands
        own_mean = None if own_means is None else own_means.get(dimension.id)
        means = [m[dimension.id] for m in reply_means if dimension.id in m]
        shown = len(means) >= threshold
        others_mean = sum(means, Fraction(0)) / len(means) if shown else None
        gap = None if others_mean is None or own_mean is None else others_mean - own_mean
        own_status: OwnStatus = "not-given" if own_means is None else "scored" if own_mean is not None else (
            "not-enough-answers"
        )
        dimensions.append(
            TeamDimension(
                id=dimension.id,
                title=dimension.title,
                own_status=own_status,
                own_mean=None if own_mean is None else raw(own_mean),
                own_mean_display=None if own_mean is None else mean_text(own_mean, checked_language),
                own_mean_exact=_exact(own_mean),
                own_band=_band(own_mean, bands),
                status="shown" if shown else "too-few-replies",
                replies=len(means),
                others_mean=None if others_mean is None else raw(others_mean),
                others_mean_display=None if others_mean is None else mean_text(others_mean, checked_language),
                others_mean_exact=_exact(others_mean),
                others_band=_band(others_mean, bands),
                bands=_distribution(means, bands, checked_language) if shown else (),
                gap=None if gap is None else raw(gap),
                gap_display=None if gap is None else mean_change_text(gap, checked_language),
                gap_direction=_direction(gap),
            )
        )
    return TeamResult(
        questionnaire=QuestionnaireRef(own.id, own.version, own.title),
        others=QuestionnaireRef(others.id, others.version, others.title),
        language=checked_language,
        min_replies=threshold,
        replies=len(replies),
        replies_with_means=sum(1 for m in reply_means if m),
        own_answers=own_answers is not None,
        scale=ScaleRange(own.scale.min, own.scale.max),
        dimensions=tuple(dimensions),
    )


def _direction(gap: Fraction | None) -> GapDirection | None:
    if gap is None:
        return None
    if round_half_away(gap, 1) == 0:
        return "same"
    return "others-higher" if gap > 0 else "others-lower"


def _distribution(means: list[Fraction], bands: tuple[Band, ...], language: Language) -> tuple[TeamBand, ...]:
    """Every band with how many of ``means`` fall in it (by :func:`~lederskap_scorer.parts.likert.find_band`)."""
    counts = [0] * len(bands)
    for mean in means:
        found = find_band(mean, bands)
        if found is not None:
            counts[bands.index(found)] += 1
    return tuple(
        TeamBand(
            label=band.label,
            min=band.min,
            min_display=limit_text(band.min, language),
            max=band.max,
            max_display=limit_text(band.max, language),
            replies=count,
        )
        for band, count in zip(bands, counts, strict=True)
    )
