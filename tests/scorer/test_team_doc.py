"""``scorer/TEAM.md`` says exactly what the team tool does: its example, key tables, codes and words are checked."""

from __future__ import annotations

import dataclasses
import json
import re
import string
from pathlib import Path
from typing import get_args

import pytest
from lederskap_scorer import team
from lederskap_scorer.api import team_json
from lederskap_scorer.catalogue import LANGUAGES, load_messages

from .fixture_files import canonical

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "scorer" / "TEAM.md").read_text(encoding="utf-8")
CRYPTO = (REPO / "lederskap_build" / "assets" / "lederskap" / "team-crypto.js").read_text(encoding="utf-8")


def _example(name: str) -> object:
    found = re.search(rf"<!-- example-{name} -->\n```json\n(.*?)\n```", DOC, re.DOTALL)
    assert found is not None, f"no example-{name} block in TEAM.md"
    return json.loads(found.group(1))


def test_the_example_is_what_team_json_returns() -> None:
    own, others, own_answers, replies = (
        json.dumps(_example(name)) for name in ("team-own", "team-others", "team-own-answers", "team-replies")
    )
    returned = json.loads(team_json(own, others, own_answers, replies, "nb"))
    assert returned == _example("team")
    assert canonical(returned) == canonical(_example("team"))


def _table_keys(heading: str) -> list[str]:
    section = DOC.split(heading + "\n", 1)[1]
    table = re.search(r"\| Key \| Type \| Meaning \|\n\|---\|---\|---\|\n((?:\|.*\n)+)", section)
    assert table is not None, f"no key table under {heading!r}"
    return re.findall(r"^\| `([a-z_]+)` \|", table.group(1), re.MULTILINE)


@pytest.mark.parametrize(
    ("heading", "cls"),
    [
        ("## The team result: `team_json`", team.TeamResult),
        ("### TeamDimension", team.TeamDimension),
        ("### TeamBand", team.TeamBand),
    ],
)
def test_every_field_is_documented_in_order(heading: str, cls: type) -> None:
    assert _table_keys(heading) == [f.name for f in dataclasses.fields(cls)]


def _js_codes(typedef: str) -> list[str]:
    found = re.search(r"@typedef \{([^}]*)\} " + typedef + r"\n", CRYPTO)
    assert found is not None, typedef
    return re.findall(r'"([a-z-]+)"', found.group(1))


def test_every_reply_problem_is_documented() -> None:
    table = DOC.split("<!-- reply-problems -->\n", 1)[1].split("\n\n", 1)[0]
    assert sorted(re.findall(r"^\| `([a-z-]+)` \|", table, re.MULTILINE)) == sorted(_js_codes("ReplyProblem"))


def test_the_format_constants_are_the_modules() -> None:
    for constant in ('"lsk-invite"', '"lsk-reply"', '"lederskap/team-reply/1"', 'TEXT_FORMAT = 1;'):
        assert constant in CRYPTO
    for written in ("lsk-invite", "lsk-reply", "`lederskap/team-reply/1`", "P-256", "HKDF-SHA-256", "AES-256-GCM"):
        assert written in DOC


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_of_the_team_tool_has_its_words(language: str) -> None:
    catalogue = load_messages(language)
    wanted = {
        **{f"team.reply.{code}": set() for code in _js_codes("ReplyProblem")},
        **{f"team.invitation.{code}": set() for code in _js_codes("InvitationProblem")},
        **{f"team.gap.{direction}": {"gap"} for direction in get_args(team.GapDirection) if direction != "same"},
        "team.gap.same": set(),
        "team.too_few_replies": {"min", "count"},
        "team.own_not_enough": set(),
        "team.own_not_given": set(),
    }
    assert {key: _placeholders(catalogue[key]) for key in wanted if key in catalogue} == wanted
