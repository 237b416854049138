"""Every fixture in ``tests/scorer/fixtures`` scored by ``score_json`` gives exactly its expected results."""

from __future__ import annotations

import json

import pytest
from lederskap_scorer import score_json

from .fixture_files import Fixture, all_fixtures, canonical

FIXTURES = all_fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_scores_as_expected(fixture: Fixture) -> None:
    result = json.loads(score_json(fixture.definition_json(), fixture.answers_json(), fixture.language))
    assert result == fixture.expected
    assert canonical(result) == canonical(fixture.expected), "types or key order differ"


def test_fixtures_cover_both_languages() -> None:
    assert {f.language for f in FIXTURES} == {"nb", "en"}
