"""The team replies a leader opened, in "Mine resultater" and in the export, as a leader uses them.

A leader answers their self-assessment, makes an invitation and opens three replies (sealed in the
page by team-crypto.js, as a member's browser seals them). "Mine resultater" lists the invitation
with its count and its key; the export carries the replies and no key; after "Slett alt" and an
import of the file, the replies and the team result are back, the key is not, and both pages say
so. An import is written all or none: team replies changed meanwhile stop the records too.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from lederskap_scorer import storage_keys
from playwright.sync_api import Page

from .data_helpers import (
    choose_file,
    confirm_dialog,
    course_keys,
    download_text,
    feedback,
    open_my_results,
    record_of,
    wait_import_state,
)
from .helpers import COURSE, LEADER_FORM, LEADER_PAGE, SUB_PATH, answer, open_form, wait_for_results
from .questionnaires import axe_violations, definition
from .test_team import TEAM_PAGE, VIEW, dimensions_of, open_replies, open_team_page, result_rows, wait_for_replies

pytestmark = pytest.mark.browser

TEAM_KEY = storage_keys.course_scope(SUB_PATH, COURSE) + storage_keys.TEAM_REPLIES
SEAL = """async ([moduleUrl, link, answers]) => {
    const crypto = await import(moduleUrl);
    const read = await crypto.readInvitation(decodeURIComponent(new URL(link).hash.slice(1)));
    if (!read.ok) throw new Error(read.problem);
    const replies = [];
    for (const given of answers) replies.push(await crypto.sealReply(read.value, JSON.stringify(given)));
    return replies;
}"""
"""Seal a reply per answers object to the invitation of ``link``, with the site's own team-crypto.js."""


def key_databases(page: Page) -> int:
    return int(page.evaluate("async () => (await indexedDB.databases()).length"))


def team_section(page: Page, invitations: int) -> Any:
    """The section "Med teamet ditt", once it lists ``invitations`` invitations."""
    section = page.locator(f'[data-lsk-my-results-team][data-lsk-team-invitations="{invitations}"]')
    section.wait_for()
    return section


def check_axe_at_both_widths(page: Page) -> None:
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == [], width
    page.set_viewport_size({"width": 1280, "height": 900})


def test_opened_replies_leave_with_the_export_and_come_back_without_the_key(page: Page, site_url: str) -> None:
    # The leader's own self-assessment: 4 on every statement.
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    own_items = [item for _, items in dimensions_of(definition(page, LEADER_FORM)).values() for item in items]
    answer(page, dict.fromkeys(own_items, 4))
    wait_for_results(page, LEADER_FORM, answered=len(own_items))

    # An invitation, and three replies sealed to it as members' browsers seal them.
    open_team_page(page, site_url + TEAM_PAGE)
    page.locator(f'[data-lsk-team-choice="view:{VIEW}"]').check()
    page.locator("[data-lsk-team-create]").click()
    link = page.locator('[data-lsk-copy="invitation"]').input_value()
    items = [item for _, ids in dimensions_of(definition(page, VIEW)).values() for item in ids]
    given = [{item: (member + index) % 5 + 1 for index, item in enumerate(items)} for member in range(3)]
    module = f"{site_url}assets/lederskap/team-crypto.js"
    replies: list[str] = page.evaluate(SEAL, [module, link, given])
    assert open_replies(page, "\n\n".join(replies)) == "3 svar er åpnet og lagret."
    wait_for_replies(page, 3)
    result_before = result_rows(page)
    assert all(cells[1] and "Vises når" not in cells[1] for cells in result_before.values())
    invitation_id = str(page.locator(".lsk-team-invitation").get_attribute("data-lsk-invitation"))

    # "Mine resultater" lists it: what it asks, when, how many replies, and that its key is here.
    open_my_results(page, site_url)
    section = team_section(page, 1)
    entry = section.locator(f'[data-lsk-team-invitation="{invitation_id}"]')
    assert entry.get_attribute("data-lsk-team-key") == "here"
    text = " ".join(entry.inner_text().split())
    assert text.startswith("«Slik ser medarbeiderne lederen»: medarbeiderne vurderer deg Laget ")
    assert "3 svar er åpnet." in text
    assert "Nøkkelen er i denne nettleseren, så nye svar kan åpnes her." in text
    assert section.locator("a").get_attribute("href") == f"{SUB_PATH}{TEAM_PAGE}"
    assert section.locator("a").inner_text() == "Gå til «Med teamet ditt»"
    assert "nye svar krever en ny invitasjon" in section.inner_text()
    check_axe_at_both_widths(page)

    # The export carries the three replies as opened, and nothing that could be a key.
    _, text_of_file = download_text(page, '[data-lsk-action="export-all"]')
    exported = json.loads(text_of_file)
    assert exported["format_version"] == 2
    (invitation,) = exported["team"]
    assert list(invitation) == ["id", "kind", "questionnaire", "version", "own", "created", "replies"]
    assert (invitation["id"], invitation["kind"], invitation["questionnaire"]) == (invitation_id, "view", VIEW)
    assert [json.loads(reply["answers"]) for reply in invitation["replies"]] == given
    assert all(list(reply) == ["id", "answers", "opened"] for reply in invitation["replies"])
    assert "key" not in text_of_file.lower()

    # Delete everything: no reply, no invitation, no key database is left, and looking leaves none.
    page.locator('[data-lsk-action="delete-course"]').click()
    confirm_dialog(page)
    feedback(page, "[data-lsk-course-tools]", "invitasjonene")
    assert course_keys(page) == []
    section = team_section(page, 0)
    assert "Du har ingen invitasjoner i denne nettleseren ennå." in section.inner_text()
    assert key_databases(page) == 0

    # The import's preview says what comes back, and that no key does.
    choose_file(page, text_of_file)
    wait_import_state(page, "preview")
    team = page.locator(".lsk-import-team")
    assert team.locator("h4").inner_text() == "Svar fra teamet ditt"
    line = " ".join(team.locator(f'[data-lsk-import-invitation="{invitation_id}"]').inner_text().split())
    assert line.startswith("«Slik ser medarbeiderne lederen»: medarbeiderne vurderer deg Laget ")
    assert line.endswith("Ny i denne nettleseren: 3 åpnede svar legges til.")
    assert (
        team.locator("[data-lsk-import-team-keys]")
        .inner_text()
        .startswith("Nøklene til invitasjonene er aldri med i en fil.")
    )
    check_axe_at_both_widths(page)

    # All or none: team replies stored meanwhile (another tab) stop the whole import.
    page.evaluate("([key]) => localStorage.setItem(key, JSON.stringify({schema: 1, invitations: {}}))", [TEAM_KEY])
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "changed_meanwhile")
    assert record_of(page, LEADER_FORM) is None
    page.evaluate("([key]) => localStorage.removeItem(key)", [TEAM_KEY])

    choose_file(page, text_of_file)
    wait_import_state(page, "preview")
    page.locator('[data-lsk-action="import"]').click()
    wait_import_state(page, "done")
    assert record_of(page, LEADER_FORM)["answers"] == dict.fromkeys(own_items, 4)
    stored = json.loads(page.evaluate("([key]) => localStorage.getItem(key)", [TEAM_KEY]))
    assert [reply["id"] for reply in stored["invitations"][invitation_id]["replies"]] == [
        reply["id"] for reply in invitation["replies"]
    ]

    # "Mine resultater": the invitation with its three replies, its key not in this browser.
    section = team_section(page, 1)
    entry = section.locator(f'[data-lsk-team-invitation="{invitation_id}"]')
    assert entry.get_attribute("data-lsk-team-key") == "absent"
    text = " ".join(entry.inner_text().split())
    assert "3 svar er åpnet." in text
    assert "Nøkkelen er ikke i denne nettleseren, så nye svar kan ikke åpnes her." in text
    assert key_databases(page) == 0
    check_axe_at_both_widths(page)

    # The team page: the same replies and team result, and the key is not here, which it says.
    open_team_page(page, site_url + TEAM_PAGE)
    wait_for_replies(page, 3)
    article = page.locator(f'[data-lsk-invitation="{invitation_id}"]')
    assert "Nøkkelen til denne invitasjonen finnes ikke i denne nettleseren" in article.inner_text()
    assert article.locator('[data-lsk-copy="invitation"]').count() == 0
    assert result_rows(page) == result_before
