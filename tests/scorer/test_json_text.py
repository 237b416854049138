"""JSON text from the page: the nesting limit checked before decoding, and numbers JavaScript cannot hold."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lederskap_scorer.json_text import (
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    TooDeepError,
    inexact_numbers,
    json_error_text,
    load_json,
    nesting_depth,
)

TOO_DEEP = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
DEEPEST = "[" * MAX_DEPTH + "]" * MAX_DEPTH


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ('"[[{"', 0),
        ("[]", 1),
        ('{"a": [{"b": "]]}\\"[[{"}, []]}', 3),
        ('["\\\\", [["\\\\\\"]"]]]', 3),
        ('"unterminated [[[', 0),
        ("[[[]][[]]]", 3),
    ],
)
def test_nesting_depth_counts_only_brackets_outside_strings(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=30,
)


def _depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@given(json_values)
def test_nesting_depth_is_the_depth_of_the_decoded_value(value: object) -> None:
    assert nesting_depth(json.dumps(value)) == _depth(value)
    assert nesting_depth(json.dumps(value, ensure_ascii=False, indent=1)) == _depth(value)


def test_the_limit_is_exact() -> None:
    assert load_json(DEEPEST) == json.loads(DEEPEST)
    with pytest.raises(TooDeepError) as caught:
        load_json(TOO_DEEP)
    assert json_error_text(caught.value) == f"nested too deeply (more than {MAX_DEPTH} levels)"
    assert json_error_text(caught.value) == "nested too deeply (more than 64 levels)"


def test_a_text_that_is_not_json_is_still_said_to_be_so() -> None:
    with pytest.raises(ValueError) as caught:
        load_json("{not json")
    assert not isinstance(caught.value, TooDeepError)
    assert json_error_text(caught.value) == (
        "not valid JSON (Expecting property name enclosed in double quotes at line 1, column 2)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1_000_000 + "]" * 1_000_000,  # the deepest a file under the import size limit can be
        '"' + '\\"' * 1_000_000,  # a string never closed, escaped quotes all the way: no backtracking
        '"a",' * 500_000,
        '"\\' * 700_000,
    ],
    ids=["brackets", "escaped-quotes", "many-strings", "lone-backslashes"],
)
def test_the_depth_of_two_megabytes_is_checked_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    nesting_depth(text)
    assert time.perf_counter() - started < 5


def test_inexact_numbers_are_found_with_their_paths() -> None:
    value = {
        "ok": [MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER, 1e308, 0.1, True],
        "big": MAX_SAFE_INTEGER + 1,
        "small": -MAX_SAFE_INTEGER - 1,
        "cells": {"now": float("inf"), "later": float("nan")},
        "list": [1, [10**400]],
    }
    assert list(inexact_numbers(value, "answers")) == [
        "answers.big",
        "answers.small",
        "answers.cells.now",
        "answers.cells.later",
        "answers.list[1][0]",
    ]
    assert list(inexact_numbers(value["big"], "")) == [""]
    assert list(inexact_numbers({"a": 10**400}, "")) == ["a"]
