"""Rendering the ``::team`` directive: the container of the team tools.

On the team page a leader invites the team to say how they see them, and a facilitator
collects a group's self-assessments; a member who opens an invitation link answers and
seals a reply there (scorer/TEAM.md). Everything on it is drawn by the browser code
(``assets/lederskap/team-page.js``) from the invitation keys, the stored replies and the
scorer; the build writes the container:

* ``div.lsk-team[data-lsk-team][data-lsk-course][data-lsk-language]`` with a status line
  and a ``[data-lsk-team-body]`` the browser fills in;
* per **offer** (what an invitation can ask for), a hidden
  ``li[data-lsk-team-offer]`` in ``ul[data-lsk-team-offers]``:

  - ``data-lsk-team-offer="view"``: the members answer a view (``view_of``) about the
    inviter, compared with the inviter's own answers to the questionnaire it views;
  - ``data-lsk-team-offer="group"``: the members answer a questionnaire with likert
    dimensions about themselves, shown together as the group's picture.

  ``data-lsk-questionnaire``/``data-lsk-version``/``data-lsk-definition`` are the
  questionnaire the members answer; ``data-lsk-own``/``data-lsk-own-definition`` the
  inviter's own (the same one for a group); ``data-lsk-page`` is the address of the page
  the inviter answers their own on (empty when no page places it);
* per questionnaire the members answer, a hidden ``article[data-lsk-team-form]`` holding
  its form, rendered as on any page (the browser shows the one an invitation asks for).
  Its headings are kept out of the page's table of contents and the site's search (the
  questionnaire's own page is where search leads; an ``article``, as Material's search stops
  leaving out at the end of an element of the excluded one's tag, and forms hold no article),
  and its sentence about privacy is left out: the page says what its own use keeps.
"""

from __future__ import annotations

import re

from .addresses import page_address
from .course import Course
from .html import Markup, element
from .messages import Messages
from .render import definition_json, render_questionnaire
from .rich_text import NO_LINKS, Links
from .status_line import Waiting, status_line

TOC_MARK = re.compile(r"(<h[1-6][^>]*?) data-lsk-toc(?=[\s>])")
"""The mark that puts a heading of a rendered form into the page's table of contents (markdown_forms.py)."""
PRIVACY_LINE = re.compile(r'<p class="lsk-privacy"[^>]*>.*?</p>\n?', re.DOTALL)
"""A form's sentence about where answers are kept: the team page says it once, for its own use."""


def offers(course: Course) -> list[tuple[str, str, str]]:
    """What an invitation can ask for, in the course's order: ``(kind, answered, own)`` with the ids
    of the questionnaire the members answer and of the inviter's own. Views first (each compared
    with the questionnaire it views), then each questionnaire with likert dimensions as a group's picture."""
    questionnaires = {qid: source.questionnaire for qid, source in sorted(course.questionnaires.items())}
    views = [("view", qid, q.view_of) for qid, q in questionnaires.items() if q.view_of is not None]
    groups = [("group", qid, qid) for qid, q in questionnaires.items() if not q.is_view and any(q.dimensions())]
    return views + groups


def render_team(course: Course, messages: Messages, page: str = "", links: Links = NO_LINKS) -> Markup:
    """The container of the team tools, as one HTML block (it contains no blank line), on the page at
    ``page`` (relative to the site root; the forms' links to course pages start from there)."""
    project = course.project
    directory_urls = project.use_directory_urls
    found = offers(course)
    items = []
    for kind, answered_id, own_id in found:
        answered = course.questionnaires[answered_id].questionnaire
        own = course.questionnaires[own_id].questionnaire
        own_page = course.placed_on.get(own_id)
        items.append(
            element(
                "li",
                {
                    "data-lsk-team-offer": kind,
                    "data-lsk-questionnaire": answered_id,
                    "data-lsk-version": answered.version,
                    "data-lsk-title": answered.title,
                    "data-lsk-definition": definition_json(answered),
                    "data-lsk-own": own_id,
                    "data-lsk-own-title": own.title,
                    "data-lsk-own-definition": definition_json(own),
                    "data-lsk-page": page_address(own_page, directory_urls) if own_page is not None else "",
                },
            )
        )
    forms = []
    for answered_id in dict.fromkeys(answered for _, answered, _ in found):
        questionnaire = course.questionnaires[answered_id].questionnaire
        form = render_questionnaire(questionnaire, project.settings.course, messages, page, links)
        forms.append(
            element(
                "article",
                {
                    "class": "lsk-team-form",
                    "data-lsk-team-form": answered_id,
                    "hidden": True,
                    "data-search-exclude": True,
                },
                Markup(PRIVACY_LINE.sub("", TOC_MARK.sub(r"\1", form), count=1)),
            )
        )
    return element(
        "div",
        {
            "class": "lsk-team",
            "id": "lsk-team",
            "data-lsk-team": True,
            "data-lsk-course": project.settings.course,
            "data-lsk-language": messages.language,
        },
        element(
            "noscript",
            {"data-search-exclude": True},
            element("p", {"class": "lsk-noscript"}, messages("team.noscript")),
        ),
        status_line(messages, Waiting.RESULTS),
        element(
            "div",
            {"class": "lsk-team-body", "data-lsk-team-body": True, "data-search-exclude": True},
            element("p", {"class": "lsk-results-placeholder"}, messages("team.placeholder")),
        ),
        element("ul", {"class": "lsk-team-offers", "data-lsk-team-offers": True, "hidden": True}, *items),
        *forms,
    )
