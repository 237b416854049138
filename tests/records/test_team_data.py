"""The opened team replies in an export file (format 2) and in the import plan: read, refused, merged, replaced.

What the page stores under ``<course scope>_team`` and what a file's ``team`` holds are documented in
``scorer/RECORDS.md``; the cases that also run in Pyodide are fixture files
(``fixtures/import/team-*.json``). A private key is never in a file: there is no field for one, and
any field that is not documented is refused.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from lederskap_scorer import api
from lederskap_scorer.limits import MAX_REPLIES
from lederskap_scorer.records.export_file import EXPORT_FORMAT, EXPORT_FORMAT_VERSION
from lederskap_scorer.records.team_data import (
    MAX_INVITATIONS,
    MAX_REPLY_TEXT,
    TEAM_SCHEMA,
    TeamDataError,
    read_stored_team,
    stored_team_text,
)

from .fixture_files import definition_json

CONTEXT = {
    "course": "records-course",
    "language": "en",
    "now": "2026-06-01T12:00:00.000Z",
    "definitions": [definition_json("forms/check.yml")],
    "records": {},
}
INVITATION = "0123456789abcdef0123456789abcdef"
OTHER_INVITATION = "fedcba9876543210fedcba9876543210"


def reply_id(number: int) -> str:
    return f"{number:032x}"


def reply(number: int, answers: str = '{"plans":4}', opened: str = "2026-05-03T19:00:00.000Z") -> dict[str, Any]:
    return {"id": reply_id(number), "answers": answers, "opened": opened}


def invitation(replies: object, invitation_id: str = INVITATION, kind: str = "group", **fields: Any) -> dict[str, Any]:
    return {
        "id": invitation_id,
        "kind": kind,
        "questionnaire": "check",
        "version": 2,
        "own": "check",
        "created": "2026-05-01T08:00:00.000Z",
        "replies": replies,
        **fields,
    }


def export_with(team: object, format_version: int = EXPORT_FORMAT_VERSION) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "format_version": format_version,
        "course": "records-course",
        "site": "http://localhost/",
        "exported": "2026-05-31T18:00:00.000Z",
        "questionnaires": [],
        "team": team,
    }


def stored(*invitations: dict[str, Any]) -> str:
    """The text the page stores for ``invitations`` (each with its ``id``)."""
    by_id = {entry["id"]: {key: value for key, value in entry.items() if key != "id"} for entry in invitations}
    return json.dumps({"schema": TEAM_SCHEMA, "invitations": by_id})


def plan(export: object, team: str | None = None) -> dict[str, Any]:
    text = export if isinstance(export, str) else json.dumps(export)
    result: dict[str, Any] = json.loads(api.check_import_json(text, json.dumps({**CONTEXT, "team": team})))
    return result


def stored_invitations(text: str) -> dict[str, Any]:
    data = json.loads(text)
    assert data["schema"] == TEAM_SCHEMA
    invitations: dict[str, Any] = data["invitations"]
    return invitations


# ---- read ----------------------------------------------------------------------------------------


def test_a_file_of_format_2_brings_its_invitations_with_the_text_to_store() -> None:
    file_invitation = invitation([reply(1), reply(2), reply(3)])
    result = plan(export_with([file_invitation]))
    assert result["ok"] is True, result["problems"]
    assert result["file"]["format_version"] == 2
    assert result["empty"] is False
    assert result["changes"] == {"merge": True, "replace": True}
    team = result["team"]
    assert team["current_unreadable"] is False
    assert team["invitations"] == [
        {
            "id": INVITATION,
            "kind": "group",
            "questionnaire": "check",
            "own": "check",
            "version": 2,
            "created": "2026-05-01T08:00:00.000Z",
            "here": False,
            "replies_in_file": 3,
            "replies_new": 3,
            "replies_known": 0,
            "replies_only_here": 0,
            "replies_not_added": 0,
        }
    ]
    expected = {INVITATION: {key: value for key, value in file_invitation.items() if key != "id"}}
    assert stored_invitations(team["merge"]) == stored_invitations(team["replace"]) == expected
    # What the page stores is exactly the scorer's text, readable by the page's own rule.
    assert team["merge"] == stored_team_text(expected)
    assert read_stored_team(team["merge"]) == expected


def test_a_file_of_format_1_is_still_read_and_says_nothing_about_team_replies() -> None:
    file = {key: value for key, value in export_with([]).items() if key != "team"}
    file["format_version"] = 1
    file["questionnaires"] = [{"id": "check", "version": 2, "updated": None, "answers": {"plans": 3}, "snapshots": []}]
    result = plan(file, team=stored(invitation([reply(1)])))
    assert result["ok"] is True
    assert result["team"] is None
    assert result["changes"] == {"merge": True, "replace": True}


def test_a_file_of_format_1_with_team_replies_is_refused() -> None:
    result = plan(export_with([invitation([reply(1)])], format_version=1))
    assert result["ok"] is False
    assert result["problems"] == [{"code": "unknown-field", "path": "team"}]


def test_a_file_of_format_2_without_team_is_read_and_leaves_them_alone() -> None:
    file = {key: value for key, value in export_with([]).items() if key != "team"}
    result = plan(file, team=stored(invitation([reply(1)])))
    assert (result["ok"], result["team"], result["empty"]) == (True, None, True)


def test_an_empty_team_changes_nothing_and_the_file_holds_nothing() -> None:
    result = plan(export_with([]), team=stored(invitation([reply(1)])))
    assert result["ok"] is True
    assert result["empty"] is True
    assert result["changes"] == {"merge": False, "replace": False}
    assert result["team"]["invitations"] == []
    assert result["team"]["changes"] == {"merge": False, "replace": False}


def test_an_invitation_without_replies_is_data_to_keep() -> None:
    result = plan(export_with([invitation([])]))
    assert (result["ok"], result["empty"]) == (True, False)
    assert result["changes"] == {"merge": True, "replace": True}


# ---- merge and replace -----------------------------------------------------------------------------


def test_merging_joins_the_replies_by_id_and_keeps_every_invitation_here() -> None:
    here = stored(
        invitation([reply(1), reply(2, '{"plans":1}')], created="2026-04-01T08:00:00.000Z"),
        invitation([reply(9)], OTHER_INVITATION),
    )
    file = [invitation([reply(2, '{"plans":5}'), reply(3), reply(4)])]
    team = plan(export_with(file), team=here)["team"]
    (entry,) = team["invitations"]
    assert entry["here"] is True
    counts = ("replies_in_file", "replies_new", "replies_known", "replies_only_here", "replies_not_added")
    assert [entry[name] for name in counts] == [3, 2, 1, 1, 0]
    merged = stored_invitations(team["merge"])
    assert list(merged) == [INVITATION, OTHER_INVITATION]
    # What it asks stays as stored here; the replies here first (a reply in both: the one here), then the new ones.
    assert merged[INVITATION]["created"] == "2026-04-01T08:00:00.000Z"
    assert merged[INVITATION]["replies"] == [reply(1), reply(2, '{"plans":1}'), reply(3), reply(4)]
    assert merged[OTHER_INVITATION]["replies"] == [reply(9)]
    # Replacing makes the file's invitation exactly the file's, and leaves the other one alone.
    replaced = stored_invitations(team["replace"])
    assert replaced[INVITATION]["replies"] == file[0]["replies"]
    assert replaced[INVITATION]["created"] == "2026-05-01T08:00:00.000Z"
    assert replaced[OTHER_INVITATION]["replies"] == [reply(9)]
    assert team["changes"] == {"merge": True, "replace": True}


def test_importing_the_same_replies_again_changes_nothing() -> None:
    file_invitation = invitation([reply(1), reply(2)])
    here = stored(file_invitation)
    result = plan(export_with([file_invitation]), team=here)
    assert result["changes"] == {"merge": False, "replace": False}
    (entry,) = result["team"]["invitations"]
    assert (entry["replies_new"], entry["replies_known"]) == (0, 2)


def test_replacing_deletes_the_replies_only_here_merging_keeps_them() -> None:
    here = stored(invitation([reply(1), reply(2)]))
    result = plan(export_with([invitation([reply(1)])]), team=here)
    assert result["changes"] == {"merge": False, "replace": True}
    team = result["team"]
    assert stored_invitations(team["merge"])[INVITATION]["replies"] == [reply(1), reply(2)]
    assert stored_invitations(team["replace"])[INVITATION]["replies"] == [reply(1)]
    assert team["invitations"][0]["replies_only_here"] == 1


def test_merging_adds_no_more_replies_than_an_invitation_can_take() -> None:
    here = stored(invitation([reply(n) for n in range(MAX_REPLIES - 2)]))
    file = [invitation([reply(n) for n in range(MAX_REPLIES - 4, MAX_REPLIES + 3)])]
    team = plan(export_with(file), team=here)["team"]
    (entry,) = team["invitations"]
    assert (entry["replies_new"], entry["replies_not_added"]) == (5, 3)
    merged = stored_invitations(team["merge"])[INVITATION]["replies"]
    assert [r["id"] for r in merged] == [reply_id(n) for n in range(MAX_REPLIES)]
    assert len(stored_invitations(team["replace"])[INVITATION]["replies"]) == 7


def test_fields_of_the_stored_invitations_are_kept_when_merging() -> None:
    """The page keeps what it stored as it is (team-replies.js writes back the whole invitation)."""
    here = stored(invitation([reply(1)], note="kept"))
    team = plan(export_with([invitation([reply(2)])]), team=here)["team"]
    assert stored_invitations(team["merge"])[INVITATION]["note"] == "kept"
    assert "note" not in stored_invitations(team["replace"])[INVITATION]


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "null",
        '{"schema": 2, "invitations": {}}',
        '{"schema": true, "invitations": {}}',
        '{"schema": 1, "invitations": []}',
        '{"schema": 1, "invitations": {"x": {"kind": "view"}}}',
        '{"schema": 1, "invitations": {"x": {"kind": "team", "questionnaire": "q", "version": 1, "own": "q",'
        ' "created": "t", "replies": []}}}',
        '{"schema": 1, "invitations": {"x": {"kind": "view", "questionnaire": "q", "version": 1, "own": "q",'
        ' "created": "t", "replies": [{"id": "r", "answers": {}, "opened": "t"}]}}}',
        "[" * 100_000 + "]" * 100_000,
        '{"schema": 1, "invitations": {"x": {"kind": "view", "questionnaire": "q", "version": 1e400, "own": "q",'
        ' "created": "t", "replies": []}}}',
        '{"schema": 1, "invitations": {"x": {"kind": "view", "questionnaire": "q", "version": 9007199254740993,'
        ' "own": "q", "created": "t", "replies": []}}}',
    ],
    ids=[
        "not-json",
        "null",
        "newer-schema",
        "schema-true",
        "invitations-a-list",
        "fields-missing",
        "another-kind",
        "answers-not-a-text",
        "too-deep",
        "infinite-version",
        "inexact-version",
    ],
)
def test_stored_team_replies_that_cannot_be_read_count_as_none_and_are_flagged(text: str) -> None:
    """By the page's own rule (team-replies.js, readTeam): the page copies such a text aside before it writes."""
    with pytest.raises(TeamDataError):
        read_stored_team(text)
    team = plan(export_with([invitation([reply(1)])]), team=text)["team"]
    assert team["current_unreadable"] is True
    assert team["invitations"][0]["here"] is False
    assert list(stored_invitations(team["merge"])) == [INVITATION]


def test_stored_team_replies_the_page_reads_are_read_here_too() -> None:
    text = stored(invitation([reply(1)], kind="view", questionnaire="view-of-check", created="not checked here"))
    assert list(read_stored_team(text)) == [INVITATION]
    assert plan(export_with([]), team=text)["team"]["current_unreadable"] is False


def test_a_context_whose_team_is_not_a_text_is_the_pages_mistake() -> None:
    with pytest.raises(ValueError, match=r"^the import context's 'team' must be"):
        api.check_import_json(json.dumps(export_with([])), json.dumps({**CONTEXT, "team": {"schema": 1}}))
    # Left out: none stored (a context of plan format 2).
    context = {key: value for key, value in CONTEXT.items() if key != "team"}
    assert json.loads(api.check_import_json(json.dumps(export_with([])), json.dumps(context)))["ok"] is True


# ---- refused ---------------------------------------------------------------------------------------


def refused(team: object) -> list[dict[str, Any]]:
    result = plan(export_with(team))
    assert result["ok"] is False
    assert result["team"] is None
    assert result["questionnaires"] == []
    assert result["changes"] == {"merge": False, "replace": False}
    problems: list[dict[str, Any]] = result["problems"]
    return problems


def test_team_replies_not_of_the_documented_form_are_refused_with_every_problem() -> None:
    problems = refused(
        [
            invitation([reply(1)], invitation_id="ABC"),
            invitation([reply(1)], kind="team", version=0, created="2026-02-30T10:00:00.000Z"),
            invitation([reply(1)], OTHER_INVITATION, kind="view", questionnaire="Not An Id", own="other"),
            invitation([reply(1)], kind="group", own="other", invitation_id="11" * 16),
            invitation([reply(1)], invitation_id=INVITATION),
        ]
    )
    assert problems == [
        {"code": "invalid-id", "path": "team[0].id", "id": "ABC"},
        {"code": "invalid-structure", "path": "team[1].kind"},
        {"code": "invalid-structure", "path": "team[1].version"},
        {"code": "invalid-time", "path": "team[1].created"},
        {"code": "invalid-id", "path": "team[2].questionnaire", "id": "Not An Id"},
        {"code": "invalid-structure", "path": "team[3].own"},
        {"code": "duplicate-invitation", "path": "team[4].id", "invitation": INVITATION},
    ]


def test_replies_not_of_the_documented_form_are_refused_with_their_paths() -> None:
    problems = refused(
        [
            invitation(
                [
                    reply(1),
                    reply(1),
                    {"id": "x", "answers": 4, "opened": "yesterday"},
                    {"id": reply_id(3), "answers": "{}"},
                    {**reply(4), "key": "a private key"},
                    "lsk-reply.1....",
                    reply(5, answers="x" * (MAX_REPLY_TEXT + 1)),
                ]
            )
        ]
    )
    assert problems == [
        {"code": "duplicate-reply", "path": "team[0].replies[1].id", "reply": reply_id(1)},
        {"code": "invalid-id", "path": "team[0].replies[2].id", "id": "x"},
        {"code": "invalid-structure", "path": "team[0].replies[2].answers"},
        {"code": "invalid-time", "path": "team[0].replies[2].opened"},
        {"code": "invalid-structure", "path": "team[0].replies[3].opened"},
        {"code": "unknown-field", "path": "team[0].replies[4].key"},
        {"code": "invalid-structure", "path": "team[0].replies[5]"},
        {"code": "text-too-long", "path": "team[0].replies[6].answers", "limit": MAX_REPLY_TEXT},
    ]


def test_a_field_that_does_not_belong_is_refused_and_named() -> None:
    """A private key has no field of its own: one written in by hand is refused like any other."""
    assert refused([invitation([], privateKey={"kty": "EC", "d": "..."})]) == [
        {"code": "unknown-field", "path": "team[0].privateKey"}
    ]
    without_created = {key: value for key, value in invitation([]).items() if key != "created"}
    assert refused([without_created]) == [{"code": "invalid-structure", "path": "team[0].created"}]
    assert refused({"invitations": {}}) == [{"code": "invalid-structure", "path": "team"}]
    assert refused([None]) == [{"code": "invalid-structure", "path": "team[0]"}]
    assert refused([invitation({})]) == [{"code": "invalid-structure", "path": "team[0].replies"}]


def test_too_many_invitations_or_replies_are_refused() -> None:
    many = [invitation([], invitation_id=f"{n:032x}") for n in range(MAX_INVITATIONS + 1)]
    assert refused(many) == [{"code": "too-many", "path": "team", "limit": MAX_INVITATIONS}]
    too_many_replies = [invitation([reply(n) for n in range(MAX_REPLIES + 1)])]
    assert refused(too_many_replies) == [{"code": "too-many", "path": "team[0].replies", "limit": MAX_REPLIES}]
    assert plan(export_with([invitation([reply(n) for n in range(MAX_REPLIES)])]))["ok"] is True


def test_a_version_javascript_cannot_hold_is_named_as_such() -> None:
    assert refused([invitation([], version=2**53)]) == [{"code": "inexact-number", "path": "team[0].version"}]
    assert refused([invitation([], version=10**9)]) == [{"code": "invalid-structure", "path": "team[0].version"}]
    assert refused([invitation([], version=True)]) == [{"code": "invalid-structure", "path": "team[0].version"}]


def test_the_questionnaires_problems_come_before_the_teams() -> None:
    file = export_with([invitation([], invitation_id="x")])
    file["questionnaires"] = [{"id": "Q", "version": 2, "updated": None, "answers": {}, "snapshots": []}]
    assert [problem["path"] for problem in plan(file)["problems"]] == ["questionnaires[0].id", "team[0].id"]
