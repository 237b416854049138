"""Exact rounding and number formatting for the languages of the results.

The scorer computes with exact fractions (:class:`fractions.Fraction`), so a
mean such as 3.25 is exactly 13/4 and ties are exact. Numbers leave the
scorer in two forms, each rounded once from the exact value with halves
rounded away from zero:

* a raw JSON number rounded to two decimals (:func:`raw`), for programs;
* a display text in the learner's language (:func:`mean_text`,
  :func:`amount_text`, :func:`change_text`, :func:`mean_change_text`, and
  :func:`limit_text` for a limit the author wrote): ``nb`` writes a decimal comma
  ("3,7"), ``en`` a decimal point ("3.7"); no thousands separators; a minus
  sign is the ASCII ``-``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal, TypeGuard

Language = Literal["nb", "en"]
"""A language the scorer writes its texts and numbers in."""

LANGUAGES: tuple[Language, ...] = ("nb", "en")

_DECIMAL_SEPARATOR: dict[Language, str] = {"nb": ",", "en": "."}


def is_language(value: object) -> TypeGuard[Language]:
    """Whether ``value`` names a supported language."""
    return value in LANGUAGES


def check_language(value: str) -> Language:
    """Return ``value`` as a :data:`Language` or raise :class:`ValueError` saying what is supported."""
    if not is_language(value):
        supported = ", ".join(repr(lang) for lang in LANGUAGES)
        raise ValueError(f"unsupported language {value!r}; expected one of {supported}")
    return value


def round_half_away(value: Fraction, decimals: int) -> Fraction:
    """Round exactly to ``decimals`` decimals; a half goes away from zero (2.25 -> 2.3, -2.25 -> -2.3)."""
    scale = 10**decimals
    scaled = abs(value) * scale
    whole = int(scaled + Fraction(1, 2))  # int() of a non-negative value floors it
    rounded = Fraction(whole, scale)
    return -rounded if value < 0 else rounded


def raw(value: Fraction) -> float:
    """The JSON number of a computed value: rounded to two decimals, as the nearest float."""
    return float(round_half_away(value, 2)) + 0.0  # + 0.0 turns -0.0 into 0.0


def _digits(value: Fraction, decimals: int, language: Language) -> str:
    rounded = round_half_away(value, decimals)
    sign = "-" if rounded < 0 else ""
    units = abs(rounded) * 10**decimals
    whole, fraction = divmod(int(units), 10**decimals)
    if decimals == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}{_DECIMAL_SEPARATOR[language]}{fraction:0{decimals}d}"


def limit_text(value: float, language: Language) -> str:
    """A limit an author wrote, such as where a band starts, as written: "3", "2,5" in ``nb``, "2.5" in ``en``."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", _DECIMAL_SEPARATOR[language])


def mean_text(value: Fraction, language: Language) -> str:
    """A mean (or any score) with exactly one decimal: "3,7" in ``nb``, "3.7" in ``en``."""
    return _digits(value, 1, language)


def amount_text(value: Fraction, language: Language) -> str:
    """An amount such as a percentage: whole numbers without decimals ("40"), others with one ("12,5")."""
    if value.denominator == 1:
        return _digits(value, 0, language)
    return _digits(value, 1, language)


def change_text(value: Fraction, language: Language) -> str:
    """A signed amount: "+10", "-5", "0" ("+2,5" in ``nb``); a value that rounds to zero shows no sign."""
    text = amount_text(value, language)
    if round_half_away(value, 0 if value.denominator == 1 else 1) == 0:
        return text
    return "+" + text if value > 0 else text


def mean_change_text(value: Fraction, language: Language) -> str:
    """A change of a mean, with one decimal and its sign: "+0,5", "-1,0"; one that rounds to zero is "0,0"."""
    text = mean_text(value, language)
    if round_half_away(value, 1) == 0:
        return mean_text(Fraction(0), language)
    return "+" + text if value > 0 else text
