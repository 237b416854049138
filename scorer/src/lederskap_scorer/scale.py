"""The questionnaire's answer scale and its bands: shared by the whole questionnaire.

Every likert part of a questionnaire answers on its one :class:`Scale`; its
:class:`Band` s (the questionnaire's, or a dimension's own) put a mean into words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import Problem, join_path


@dataclass(frozen=True)
class ScaleLabel:
    """The words shown for one point of the scale, for example ``1: I svært liten grad``."""

    value: int
    text: str


@dataclass(frozen=True)
class Scale:
    """The answer scale of all likert items in a questionnaire: whole numbers from ``min`` to ``max``."""

    min: int
    max: int
    labels: tuple[ScaleLabel, ...] = ()
    not_applicable: str | None = None
    """The words of an extra choice after the scale's points, for a statement that does not apply
    ("Vet ikke / ikke relevant"); ``None``: there is no such choice. It is no point of the scale:
    answered, it is stored as ``"na"`` (:data:`~lederskap_scorer.parts.likert.NOT_APPLICABLE`) and
    counts in no mean."""


@dataclass(frozen=True)
class Band:
    """A range of dimension means with a text, for example 3.5 to 4.5: "Dette er et styrkeområde".

    A mean ``m`` falls in the band with ``min <= m < max``; the top band also holds its ``max``.
    """

    min: float
    max: float
    label: str
    text: str = ""


def check_bands(bands: tuple[Band, ...], scale: Scale, path: str) -> list[Problem]:
    """Bands must cover the scale from ``min`` to ``max`` in order, without gaps or overlaps."""
    problems: list[Problem] = []
    if not bands:
        return problems
    expected_start = float(scale.min)
    for i, band in enumerate(bands):
        band_path = join_path(path, i)
        if band.min != expected_start:
            problems.append(
                Problem(
                    join_path(band_path, "min"),
                    f"expected {_number(expected_start)} (bands must cover the scale in order without gaps), "
                    f"but {_number(band.min)} was given",
                )
            )
        if band.max <= band.min:
            problems.append(
                Problem(
                    join_path(band_path, "max"),
                    f"expected a number above min {_number(band.min)}, but {_number(band.max)} was given",
                )
            )
        expected_start = band.max
    if bands[-1].max != scale.max:
        problems.append(
            Problem(
                join_path(join_path(path, len(bands) - 1), "max"),
                f"expected {scale.max} (the last band must end at the top of the scale), "
                f"but {_number(bands[-1].max)} was given",
            )
        )
    return problems


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
