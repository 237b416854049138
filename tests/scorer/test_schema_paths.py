"""Paths as authors read them, a duplicate's first use, and the choices of a missing field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pytest
from lederskap_scorer.schema import Problem, SchemaError, parse, readable_path

DATA = {
    "parts": [
        {
            "id": "ratings",
            "dimensions": [
                {"id": "trust", "items": [{"id": "same"}, {"id": "same"}, {"id": "Not An Id"}, {"text": "no id"}]},
                {"id": "focus", "items": [{"id": "priorities"}]},
            ],
        }
    ],
    "bands": [{"min": 1}],
}


@pytest.mark.parametrize(
    ("path", "readable"),
    [
        ("parts[0].dimensions[1].items[0].text", "parts[ratings].dimensions[focus].items[priorities].text"),
        # Two entries with one id, an id of the wrong form, no id: the position, counted from 0.
        ("parts[0].dimensions[0].items[1].id", "parts[ratings].dimensions[trust].items[1].id"),
        ("parts[0].dimensions[0].items[2].id", "parts[ratings].dimensions[trust].items[2].id"),
        ("parts[0].dimensions[0].items[3].text", "parts[ratings].dimensions[trust].items[3].text"),
        ("bands[0].min", "bands[0].min"),
        # Beyond the data: kept as it is.
        ("parts[4].title", "parts[4].title"),
        ("parts[0].colour.x[2]", "parts[ratings].colour.x[2]"),
        ("", ""),
    ],
)
def test_a_path_names_list_entries_by_their_ids(path: str, readable: str) -> None:
    assert readable_path(DATA, path) == readable


def test_a_duplicate_names_its_first_use() -> None:
    problem = Problem("items[1].id", "duplicate id 'same'", earlier="items[0].id")
    assert str(problem) == "items[1].id: duplicate id 'same' (already used at items[0].id)"


@dataclass(frozen=True)
class _Settings:
    language: Literal["nb", "en"]


def test_a_missing_field_of_a_few_values_lists_them() -> None:
    with pytest.raises(SchemaError) as caught:
        parse(_Settings, {}, "extra.lederskap")
    assert [str(p) for p in caught.value.problems] == [
        "extra.lederskap.language: missing required field 'language' (one of 'nb', 'en')"
    ]
