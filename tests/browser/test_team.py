"""The team page in Chromium: one inviter and four members, each in a browser context of their own.

The inviter answers their own self-assessment and makes an invitation; each member opens its
link, answers the others' view and makes a sealed reply; the inviter opens the replies. The team
result appears only at the third reply, with the means computed here by hand from the answers the
members gave; a reply shows no answer in clear; a changed, cut, foreign or repeated reply is
refused with its sentence and nothing is stored; deleting leaves no key and no reply. Every page
passes axe at 360 and 1280 px, and no request leaves the site.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from lederskap_scorer.format import mean_change_text, mean_text
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import Traffic, check_traffic, watch
from .data_helpers import confirm_dialog
from .helpers import LEADER_FORM, LEADER_PAGE, answer, open_form, visit, wait_for_results, wait_for_scorer
from .questionnaires import axe_violations, definition
from .served import SiteServer
from .test_offline import copy_of, wait_until_offline_ready

TEAM_PAGE = "med-teamet/"
VIEW = "slik-ser-medarbeiderne-lederen"
COURSE_SCOPE_JS = "Object.keys(localStorage).filter((k) => k.startsWith('lederskap/v2:'))"


class Person:
    """One person's browser: a context of its own, its page, and what it asked for."""

    def __init__(self, browser: Browser, site_url: str, width: int = 1280) -> None:
        self.context: BrowserContext = browser.new_context(
            viewport={"width": width, "height": 900}, locale="nb-NO", service_workers="block"
        )
        self.context.set_default_timeout(20_000)
        origin = site_url.split("/kurs/")[0]
        self.traffic = Traffic(origin=origin)
        self.page: Page = watch(self.context, self.traffic)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def people(browser: Browser, site_url: str) -> Iterator[list[Person]]:
    """The inviter and four members; afterwards, none of them made a request off the site."""
    found = [Person(browser, site_url) for _ in range(5)]
    try:
        yield found
        for person in found:
            check_traffic(person.traffic)
            assert not person.traffic.page_errors, person.traffic.page_errors
    finally:
        for person in found:
            person.close()


def open_team_page(page: Page, url: str) -> None:
    visit(page, url)
    page.wait_for_selector("[data-lsk-team-create], [data-lsk-team-member], [data-lsk-team-refused]")


def said(page: Page, line: str = "[data-lsk-team-said]") -> str:
    """What the page said last in a message line (waits for a message): by default the one of
    "Åpne svar" or of a member's reply; ``[data-lsk-team-created]``, by "Lag invitasjon"."""
    locator = page.locator(f"{line}:not(:empty)").first
    locator.wait_for()
    return locator.inner_text()


def member_answers(items: list[str], member: int) -> dict[str, int]:
    """A member's answer to each statement: different per member and per statement."""
    return {item: (member + index) % 5 + 1 for index, item in enumerate(items)}


def dimensions_of(definition_json: Any) -> dict[str, tuple[str, list[str]]]:
    """Each dimension of a likert questionnaire: its title and the ids of its statements."""
    found: dict[str, tuple[str, list[str]]] = {}
    for part in definition_json["parts"]:
        for dimension in part.get("dimensions", []):
            found[dimension["id"]] = (dimension["title"], [item["id"] for item in dimension["items"]])
    return found


def answer_in(page: Page, questionnaire: str, answers: dict[str, int]) -> None:
    """Choose likert answers in one form (the team page holds several with the same statements)."""
    form = f'form[data-lsk-questionnaire="{questionnaire}"]'
    for item, value in answers.items():
        page.locator(f'{form} input[type="radio"][name="{item}"][value="{value}"]').check()


def make_reply(person: Person, link: str, answers: dict[str, int]) -> str:
    page = person.page
    open_team_page(page, link)
    form = f'form[data-lsk-questionnaire="{VIEW}"]'
    page.wait_for_selector(f"{form}[data-lsk-mounted]")
    assert page.locator(form).is_visible()
    answer_in(page, VIEW, answers)
    wait_for_results(page, VIEW)
    page.locator("[data-lsk-team-make]").click()
    reply = page.locator('[data-lsk-copy="reply-text"]')
    reply.wait_for()
    text = reply.input_value()
    assert text.startswith("lsk-reply.1.lederskap-medarbeiderskap.")
    assert page.locator('[data-lsk-copy="reply-link"]').input_value().endswith(f"{TEAM_PAGE}#{text}")
    return text


def open_replies(page: Page, text: str) -> str:
    page.locator("[data-lsk-team-said]").evaluate("(element) => { element.textContent = ''; }")
    page.locator("[data-lsk-team-paste]").fill(text)
    page.locator("[data-lsk-team-open]").click()
    return said(page)


def result_rows(page: Page) -> dict[str, list[str]]:
    """The comparison table of the (only) invitation: each dimension's cells."""
    rows = page.locator('[data-lsk-team-table="comparison"] tbody tr')
    rows.first.wait_for()
    return {
        str(row.get_attribute("data-lsk-dimension")): [cell.inner_text() for cell in row.locator("td").all()]
        for row in rows.all()
    }


def wait_for_replies(page: Page, count: int) -> None:
    text = f"{count} svar er åpnet."
    page.locator(".lsk-team-invitation p", has_text=text).first.wait_for()


def test_one_inviter_and_four_members(people: list[Person], site_url: str) -> None:
    inviter, *members = people
    page = inviter.page

    # The inviter's own self-assessment: 4 on every statement.
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    own_definition = definition(page, LEADER_FORM)
    own_items = [item for _, items in dimensions_of(own_definition).values() for item in items]
    answer(page, dict.fromkeys(own_items, 4))
    wait_for_results(page, LEADER_FORM, answered=len(own_items))

    open_team_page(page, site_url + TEAM_PAGE)
    assert axe_violations(page) == []
    page.locator(f'[data-lsk-team-choice="view:{VIEW}"]').check()
    page.locator("[data-lsk-team-create]").click()
    assert "Invitasjonen er laget" in said(page, "[data-lsk-team-created]")
    link = page.locator('[data-lsk-copy="invitation"]').input_value()
    assert link.startswith(f"{site_url}{TEAM_PAGE}#lsk-invite.1.lederskap-medarbeiderskap.")
    assert page.locator(".lsk-team-qr svg path").count() == 1
    assert page.locator(".lsk-team-invitation", has_text="Ingen svar er åpnet ennå.").count() == 1

    view_definition = definition(page, VIEW)
    dimensions = dimensions_of(view_definition)
    items = [item for _, ids in dimensions.values() for item in ids]
    assert len(items) == 14
    given = [member_answers(items, member) for member in range(4)]
    replies = [make_reply(member, link, answers) for member, answers in zip(members, given, strict=True)]

    # No answer in clear: the body is not JSON in any encoding a reader would try.
    for reply in replies:
        assert not any(item in reply for item in items)
        body = reply.rsplit(".", 1)[1]
        decoded = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        assert not any(item.encode() in decoded for item in items)

    # A member's page made no reply readable by anyone else; each member's answers stay with them,
    # and the next invitation in the same browser says the form holds answers already.
    stored = members[0].page.evaluate(COURSE_SCOPE_JS)
    assert any(key.endswith(f"/{VIEW}") for key in stored)
    open_team_page(members[0].page, link)
    assert "Skjemaet har svar fra før" in members[0].page.locator("[data-lsk-team-prefilled]").inner_text()

    # One and two replies: nothing per dimension is shown.
    assert "1 svar er åpnet og lagret." in open_replies(page, replies[0])
    wait_for_replies(page, 1)
    rows = result_rows(page)
    assert all("Vises når minst 3 svar" in cells[1] for cells in rows.values())
    assert open_replies(page, replies[1]) == "1 svar er åpnet og lagret."
    wait_for_replies(page, 2)
    assert all("Nå: 2." in cells[1] for cells in result_rows(page).values())
    assert page.locator('[data-lsk-team-table="distribution"]').count() == 0

    # Refused, and nothing stored: changed, cut, repeated, for an invitation not on this device.
    header, body = replies[2].rsplit(".", 1)
    changed = f"{header}.{body[:40]}{'A' if body[40] != 'A' else 'B'}{body[41:]}"
    assert "det er endret underveis" in open_replies(page, changed)
    assert "ikke helt" in open_replies(page, replies[2][:-30])
    assert "var åpnet fra før" in open_replies(page, replies[0])
    fields = replies[2].split(".")
    fields[3] = "0" * 32
    assert "en invitasjon som ikke finnes i denne nettleseren" in open_replies(page, ".".join(fields))
    assert "ikke et svar" in open_replies(page, "Hei! Her er svaret mitt.")
    wait_for_replies(page, 2)

    # The third reply shows every dimension: the mean of each reply's mean, by hand.
    assert open_replies(page, f"Hei, her er svaret mitt:\n{replies[2]}\nHilsen") == "1 svar er åpnet og lagret."
    wait_for_replies(page, 3)
    rows = result_rows(page)
    for dimension_id, (_, ids) in dimensions.items():
        means = [Fraction(sum(answers[i] for i in ids), len(ids)) for answers in given[:3]]
        others = sum(means, Fraction(0)) / 3
        own = Fraction(4)
        cells = rows[dimension_id]
        assert cells[0].startswith(mean_text(own, "nb"))
        assert cells[1].startswith(mean_text(others, "nb")), (dimension_id, cells, others)
        assert cells[2] == mean_change_text(others - own, "nb")
    assert page.locator('[data-lsk-team-table="distribution"]').count() == 1
    gaps = page.locator(".lsk-team-gaps li").all_inner_texts()
    assert len(gaps) == 4 and all("gir deg" in gap for gap in gaps)

    # The fourth reply, opened from its link.
    reply_link = f"{site_url}{TEAM_PAGE}#{replies[3]}"
    page.goto(reply_link)
    assert said(page) == "1 svar er åpnet og lagret."
    wait_for_replies(page, 4)
    page.reload()  # the link is still in the address: opened again, it is kept already
    assert said(page) == "1 svar var åpnet fra før og er ikke lagt til på nytt."
    wait_for_replies(page, 4)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == [], width

    # The member's page, at both widths.
    member_page = members[0].page
    for width in (360, 1280):
        member_page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(member_page) == [], width

    # Delete everything on the results page: no key, no reply, no invitation is left.
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 1
    page.goto(site_url + "mine-resultater/")
    wait_for_scorer(page)
    page.locator('[data-lsk-action="delete-course"]').click()
    confirm_dialog(page)
    page.locator("[data-lsk-course-tools] .lsk-toolbar-feedback", has_text="invitasjonene").wait_for()
    assert page.evaluate(COURSE_SCOPE_JS) == []
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0
    open_team_page(page, site_url + TEAM_PAGE)
    page.locator(".lsk-team-invitations", has_text="Du har ingen invitasjoner").wait_for()


def test_an_invitation_that_cannot_be_used_says_why(page: Page, site_url: str) -> None:
    open_team_page(page, f"{site_url}{TEAM_PAGE}#lsk-invite.1.lederskap-medarbeiderskap.0123")
    assert "Lenken er ikke hel" in page.locator("[data-lsk-team-refused]").inner_text()
    other = "lsk-invite.1.et-annet-kurs." + "0" * 32 + f".{VIEW}.1." + "A" * 87
    open_team_page(page, f"{site_url}{TEAM_PAGE}#{other}")
    refused = page.locator("[data-lsk-team-refused]")
    refused.wait_for()
    assert refused.inner_text() in {
        "Invitasjonen hører til et annet kurs enn dette. Åpne lenken på nettstedet den ble laget på.",
        "Invitasjonen kan ikke brukes: lenken er endret. Be om å få den på nytt.",
    }
    assert page.locator(f'[data-lsk-team-form="{VIEW}"]').is_hidden()


def test_a_group_picture_counts_the_replies_in_each_band(people: list[Person], site_url: str) -> None:
    facilitator, *members = people
    page = facilitator.page
    group = "medarbeider-egenevaluering"
    open_team_page(page, site_url + TEAM_PAGE)
    page.locator(f'[data-lsk-team-choice="group:{group}"]').check()
    page.locator("[data-lsk-team-create]").click()
    link = page.locator('[data-lsk-copy="invitation"]').input_value()
    texts = []
    for number, member in enumerate(members[:3]):
        member_page = member.page
        open_team_page(member_page, link)
        form = f'form[data-lsk-questionnaire="{group}"]'
        member_page.wait_for_selector(f"{form}[data-lsk-mounted]")
        items = [item for _, ids in dimensions_of(definition(member_page, group)).values() for item in ids]
        answer_in(member_page, group, dict.fromkeys(items, [1, 3, 5][number]))
        wait_for_results(member_page, group)
        member_page.locator("[data-lsk-team-make]").click()
        reply = member_page.locator('[data-lsk-copy="reply-text"]')
        reply.wait_for()
        texts.append(reply.input_value())
    assert "3 svar er åpnet og lagret." in open_replies(page, "\n\n".join(texts))
    wait_for_replies(page, 3)
    table = page.locator('[data-lsk-team-table="distribution"]')
    table.wait_for()
    assert page.locator('[data-lsk-team-table="comparison"]').count() == 0
    first = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert first[0] == mean_text(Fraction(3), "nb")
    assert sorted(first[1:]) == ["1 svar"] * 3
    assert json.loads(page.evaluate("JSON.stringify(Object.keys(localStorage).filter(k => k.endsWith('_team')))"))


def test_the_team_page_speaks_english_in_an_english_course(browser: Browser, english_site: str) -> None:
    """A group picture of the English fixture course's likert form, from three members, in English."""
    people = [Person(browser, english_site) for _ in range(4)]
    for person in people:
        person.context.set_extra_http_headers({"Accept-Language": "en-GB"})
    facilitator, *members = people
    page = facilitator.page
    try:
        open_team_page(page, english_site + "with-your-team/")
        assert page.locator("h2", has_text="Make an invitation").count() == 1
        assert page.locator(".lsk-team-choice label").all_inner_texts() == ["Group picture: “Team climate”"]
        page.locator("[data-lsk-team-create]").click()
        assert said(page, "[data-lsk-team-created]") == (
            "The invitation is made. Copy its link below and send it, or show the QR code."
        )
        link = page.locator('[data-lsk-copy="invitation"]').input_value()
        texts = []
        for number, member in enumerate(members):
            member_page = member.page
            open_team_page(member_page, link)
            assert member_page.locator("[data-lsk-team-member] h2").inner_text() == "You are invited"
            member_page.wait_for_selector('form[data-lsk-questionnaire="team-climate"][data-lsk-mounted]')
            items = [i for _, ids in dimensions_of(definition(member_page, "team-climate")).values() for i in ids]
            answer_in(member_page, "team-climate", dict.fromkeys(items, number + 2))
            wait_for_results(member_page, "team-climate")
            member_page.locator("[data-lsk-team-make]").click()
            reply = member_page.locator('[data-lsk-copy="reply-text"]')
            reply.wait_for()
            assert said(member_page).startswith("Your reply is ready, with ")
            texts.append(reply.input_value())
        assert open_replies(page, texts[0]) == "1 reply was opened and stored."
        page.locator(".lsk-team-invitation p", has_text="1 reply opened.").first.wait_for()
        assert "Shown once at least 3 replies have a mean for this area. So far: 1." in page.locator(
            '[data-lsk-team-table="distribution"]'
        ).inner_text()
        assert open_replies(page, "\n".join(texts)) == "\n".join(
            ["2 replies were opened and stored.", "1 reply had been opened before and was not added again."]
        )
        table = page.locator('[data-lsk-team-table="distribution"]')
        page.locator(".lsk-team-invitation p", has_text="3 replies opened.").first.wait_for()
        # By hand: the first dimension's mean of the three members' means, reverse statements turned.
        climate = definition(page, "team-climate")
        scale = climate["scale"]
        first_dimension = climate["parts"][0]["dimensions"][0]
        means = []
        for number in range(3):
            values = [
                scale["min"] + scale["max"] - (number + 2) if item.get("reverse") else number + 2
                for item in first_dimension["items"]
            ]
            means.append(Fraction(sum(values), len(values)))
        first = table.locator("tbody tr").first.locator("td").all_inner_texts()
        assert first[0] == mean_text(sum(means, Fraction(0)) / 3, "en")
        assert axe_violations(page) == []
        for person in people:
            check_traffic(person.traffic)
    finally:
        for person in people:
            person.close()


def test_after_one_visit_the_whole_team_flow_works_offline(browser: Browser, built_site: Path, tmp_path: Path) -> None:
    """Everyone visits the team page once; then, with the server gone and every browser offline, the
    inviter makes an invitation, three members answer and reply, and the inviter sees the result."""
    site = copy_of(built_site, tmp_path)
    server = SiteServer(site).start()
    people = []
    try:
        for _ in range(4):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
            context.set_default_timeout(20_000)
            traffic = Traffic(origin=server.origin)
            people.append((context, traffic, watch(context, traffic)))
        for _, _, page in people:
            open_team_page(page, server.url + TEAM_PAGE)
            assert wait_until_offline_ready(page)["runtime"] == "kept"
    finally:
        server.stop()
    try:
        for context, _, _ in people:
            context.set_offline(True)
        (_, _, inviter), *members = people
        inviter.reload()
        inviter.locator(f'[data-lsk-team-choice="view:{VIEW}"]').check()
        inviter.locator("[data-lsk-team-create]").click()
        link = inviter.locator('[data-lsk-copy="invitation"]').input_value()
        replies = []
        for number, (_, _, page) in enumerate(members):
            open_team_page(page, link)
            page.wait_for_selector(f'form[data-lsk-questionnaire="{VIEW}"][data-lsk-mounted]')
            items = [i for _, ids in dimensions_of(definition(page, VIEW)).values() for i in ids]
            answer_in(page, VIEW, dict.fromkeys(items, number + 3))
            wait_for_results(page, VIEW)
            page.locator("[data-lsk-team-make]").click()
            reply = page.locator('[data-lsk-copy="reply-text"]')
            reply.wait_for()
            replies.append(reply.input_value())
        assert open_replies(inviter, "\n".join(replies)) == "3 svar er åpnet og lagret."
        rows = result_rows(inviter)
        assert [cells[1] for cells in rows.values()] == [mean_text(Fraction(4), "nb") + " (En styrke)"] * 4
        for _, traffic, _ in people:
            check_traffic(traffic)
            assert traffic.page_errors == []
    finally:
        for context, _, _ in people:
            context.close()
