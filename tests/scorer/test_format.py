"""Exact rounding and the number formats of ``nb`` and ``en``."""

from __future__ import annotations

from fractions import Fraction

import pytest
from lederskap_scorer.format import amount_text, change_text, check_language, mean_text, raw, round_half_away


@pytest.mark.parametrize(
    ("value", "nb", "en"),
    [
        (Fraction(11, 3), "3,7", "3.7"),
        (Fraction(13, 4), "3,3", "3.3"),  # 3.25: the half goes up
        (Fraction(-13, 4), "-3,3", "-3.3"),  # and away from zero below it
        (Fraction(4), "4,0", "4.0"),
        (Fraction(1, 100), "0,0", "0.0"),
        (Fraction(-1, 100), "0,0", "0.0"),  # never "-0,0"
    ],
)
def test_mean_text_has_one_decimal(value: Fraction, nb: str, en: str) -> None:
    assert mean_text(value, "nb") == nb
    assert mean_text(value, "en") == en


@pytest.mark.parametrize(
    ("value", "nb", "en"),
    [
        (Fraction(40), "40", "40"),
        (Fraction(25, 2), "12,5", "12.5"),
        (Fraction(100 / 3), "33,3", "33.3"),
        (Fraction(1204, 100), "12,0", "12.0"),  # not whole: one decimal, even when it is 0
        (Fraction(1234567), "1234567", "1234567"),  # no thousands separators
    ],
)
def test_amount_text_shows_whole_numbers_without_decimals(value: Fraction, nb: str, en: str) -> None:
    assert amount_text(value, "nb") == nb
    assert amount_text(value, "en") == en


@pytest.mark.parametrize(
    ("value", "nb"),
    [
        (Fraction(10), "+10"),
        (Fraction(-9, 2), "-4,5"),
        (Fraction(0), "0"),
        (Fraction(1, 100), "0,0"),
        (Fraction(-1, 100), "0,0"),
    ],
)
def test_change_text_is_signed_unless_it_rounds_to_zero(value: Fraction, nb: str) -> None:
    assert change_text(value, "nb") == nb


def test_raw_rounds_to_two_decimals_half_away_from_zero() -> None:
    assert raw(Fraction(1, 3)) == 0.33
    assert raw(Fraction(2, 3)) == 0.67
    assert raw(Fraction(1, 200)) == 0.01
    assert raw(Fraction(-1, 200)) == -0.01
    assert str(raw(Fraction(-1, 1000))) == "0.0"
    assert round_half_away(Fraction(-5, 2), 0) == -3


def test_check_language() -> None:
    assert check_language("en") == "en"
    with pytest.raises(ValueError, match="unsupported language 'EN'"):
        check_language("EN")
