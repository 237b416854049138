"""Rendering the ``::my-results`` directive: the container of the learner's own results page.

The page shows, from the learner's own browser, every questionnaire of the
course: the answers, the scores and charts, the suggestions, the reflections
and the saved snapshots, laid out for printing, with the controls to export,
import and delete the answers. Everything in it is drawn by the browser code
(``assets/lederskap/my-results.js``) from localStorage and the scorer; the build
writes only the container (see ARCHITECTURE.md, "The learner's data"):

* ``div.lsk-my-results[data-lsk-my-results][data-lsk-course][data-lsk-language]``;
* when the course has questionnaires, ``section.lsk-conversation[data-lsk-conversation]``
  ("Til samtalen"): a heading, one line and a ``[data-lsk-conversation-body]`` where the
  browser draws the choices of a short printed summary for a conversation;
* per questionnaire, in the order of the course's menu,
  ``section.lsk-my-results-questionnaire[data-lsk-questionnaire][data-lsk-version]
  [data-lsk-page][data-lsk-definition]``, with the questionnaire's title as a
  heading and a ``[data-lsk-my-results-body]`` the browser fills in.
  ``data-lsk-page`` is the address of the page the questionnaire is on,
  relative to the site's root (empty when no page places it), and
  ``data-lsk-definition`` is the same definition JSON as a form's;
* when the course has a team page (``::team``), after the questionnaires,
  ``section.lsk-my-results-team[data-lsk-my-results-team][data-lsk-team-page][data-lsk-team-title]``
  ("Med teamet ditt"): a heading, the sentence saying where an invitation's key stays, a
  hidden ``ul`` of ``li[data-lsk-team-offer][data-lsk-questionnaire][data-lsk-title]`` (what
  an invitation can ask for, so the browser can name an invitation's questionnaire, a view
  included) and a ``[data-lsk-my-results-team-body]`` where the browser lists the invitations
  kept in this browser (``assets/lederskap/my-results-team.js``). ``data-lsk-team-page`` is
  the team page's address relative to the site's root, ``data-lsk-team-title`` its title.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .addresses import page_address
from .config import _TolerantLoader
from .course import Course
from .html import Markup, element
from .messages import Messages
from .render import definition_json
from .status_line import Waiting, status_line
from .team_page import offers as team_offers


def _menu_pages(nav: Any) -> list[str]:
    """The Markdown pages of MkDocs' ``nav``, in menu order (paths relative to the pages folder)."""
    found: list[str] = []
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.append(nav)
    elif isinstance(nav, list):
        for entry in nav:
            found += _menu_pages(entry)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += _menu_pages(value)
    return found


def _menu_titles(nav: Any) -> dict[str, str]:
    """The title each Markdown page has in MkDocs' ``nav`` (``Title: page.md``; the first, if several)."""
    found: dict[str, str] = {}
    if isinstance(nav, list):
        for entry in nav:
            for page, title in _menu_titles(entry).items():
                found.setdefault(page, title)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str) and value.endswith(".md"):
                found.setdefault(value, str(title))
            else:
                for page, inner in _menu_titles(value).items():
                    found.setdefault(page, inner)
    return found


def _site_settings(config_file: Path) -> tuple[list[str], dict[str, str], bool]:
    """(the pages of the menu in order, their titles in it, MkDocs' ``use_directory_urls``) from
    mkdocs.yml, read leniently.

    The file has been checked by :func:`~lederskap_build.config.load_project`; a
    menu this cannot read only changes the order of the questionnaires, and the
    name the forms give the results page.
    """
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError):
        return [], {}, True
    if not isinstance(data, dict):
        return [], {}, True
    nav = data.get("nav")
    return _menu_pages(nav), _menu_titles(nav), data.get("use_directory_urls", True) is not False


FIRST_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)


def results_page_link(course: Course) -> dict[str, str] | None:
    """Where the forms point the learner to their results page: ``{"page": its address relative
    to the site's root, "title": its title in the menu}`` (its first heading when the menu does
    not list it), or ``None`` when the course has no ``::my-results`` page. The build writes it
    into ``build-info.js`` as ``myResults``."""
    return _page_link(course, course.my_results_page)


def team_page_link(course: Course) -> dict[str, str] | None:
    """Where the results page points the leader to their invitations: the team page's
    ``{"page", "title"}`` as :func:`results_page_link` gives the results page's, or ``None``
    when the course has no ``::team`` page."""
    return _page_link(course, course.team_page)


def _page_link(course: Course, page: Path | None) -> dict[str, str] | None:
    """``{"page": the address of ``page`` relative to the site's root, "title": its title in the
    menu, else its first heading}``, or ``None`` for no page."""
    if page is None:
        return None
    _, titles, directory_urls = _site_settings(course.project.config_file)
    title = titles.get(page.as_posix())
    if title is None:
        try:
            heading = FIRST_HEADING.search((course.project.pages_dir / page).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            heading = None
        title = heading.group("title") if heading else page.stem
    return {"page": page_address(page, directory_urls), "title": title}


def questionnaire_order(course: Course, menu: list[str]) -> list[str]:
    """The course's questionnaires in the order of the pages that place them in the menu,
    then those on pages outside the menu (by page), then those on no page (by id).

    Views of another questionnaire (``view_of``: answered through a team invitation, never
    placed) are left out until the team page shows them (scorer/TEAM.md).
    """
    position = {page: index for index, page in enumerate(menu)}

    def key(questionnaire_id: str) -> tuple[int, str, str]:
        page = course.placed_on.get(questionnaire_id)
        if page is None:
            return (len(menu) + 1, "", questionnaire_id)
        return (position.get(page.as_posix(), len(menu)), page.as_posix(), questionnaire_id)

    return sorted((qid for qid, source in course.questionnaires.items() if not source.questionnaire.is_view), key=key)


def render_my_results(course: Course, messages: Messages) -> Markup:
    """The container of the learner's results page, as one HTML block (it contains no blank line)."""
    project = course.project
    menu, _, directory_urls = _site_settings(project.config_file)
    sections = []
    for questionnaire_id in questionnaire_order(course, menu):
        questionnaire = course.questionnaires[questionnaire_id].questionnaire
        page = course.placed_on.get(questionnaire_id)
        title_id = f"lsk-my-results-{questionnaire_id}-title"
        sections.append(
            element(
                "section",
                {
                    "class": "lsk-my-results-questionnaire",
                    "data-lsk-questionnaire": questionnaire_id,
                    "data-lsk-version": questionnaire.version,
                    "data-lsk-page": page_address(page, directory_urls) if page is not None else "",
                    "data-lsk-definition": definition_json(questionnaire),
                    "aria-labelledby": title_id,
                },
                element(
                    "h2",
                    {"class": "lsk-my-results-title", "id": title_id, "data-lsk-toc": True},
                    questionnaire.title,
                ),
                element(
                    "div",
                    {"class": "lsk-my-results-body", "data-lsk-my-results-body": True},
                    element(
                        "p",
                        {"class": "lsk-results-placeholder", "data-search-exclude": True},
                        messages("mine.placeholder"),
                    ),
                ),
            )
        )
    return element(
        "div",
        {
            "class": "lsk-my-results",
            "id": "lsk-my-results",
            "data-lsk-my-results": True,
            "data-lsk-course": project.settings.course,
            "data-lsk-language": messages.language,
        },
        element("p", {"class": "lsk-privacy", "data-search-exclude": True}, messages("form.privacy")),
        element(
            "noscript",
            {"data-search-exclude": True},
            element("p", {"class": "lsk-noscript"}, messages("mine.noscript")),
        ),
        status_line(messages, Waiting.RESULTS if sections else None),
        _conversation_section(messages) if sections else None,
        *sections,
        _team_section(course, messages),
    )


def _team_section(course: Course, messages: Messages) -> Markup | None:
    """The section "Med teamet ditt": the invitations kept in this browser (drawn by
    ``assets/lederskap/my-results-team.js`` into its body), when the course has a team page."""
    link = team_page_link(course)
    if link is None:
        return None
    offered = [
        element(
            "li",
            {
                "data-lsk-team-offer": kind,
                "data-lsk-questionnaire": answered,
                "data-lsk-title": course.questionnaires[answered].questionnaire.title,
            },
        )
        for kind, answered, _ in team_offers(course)
    ]
    return element(
        "section",
        {
            "class": "lsk-my-results-team",
            "data-lsk-my-results-team": True,
            "data-lsk-team-page": link["page"],
            "data-lsk-team-title": link["title"],
            "aria-labelledby": "lsk-my-results-team-title",
        },
        element(
            "h2",
            {"class": "lsk-my-results-title", "id": "lsk-my-results-team-title", "data-lsk-toc": True},
            messages("mine.team_heading"),
        ),
        element("p", {"class": "lsk-my-results-team-key"}, messages("mine.team_key")),
        element("ul", {"hidden": True, "data-lsk-team-offers": True}, *offered),
        element(
            "div",
            {"class": "lsk-my-results-team-body", "data-lsk-my-results-team-body": True, "data-search-exclude": True},
            element("p", {"class": "lsk-results-placeholder"}, messages("team.placeholder")),
        ),
    )


def _conversation_section(messages: Messages) -> Markup:
    """ "Til samtalen": where the learner chooses what goes into a short printed summary for a
    conversation (drawn by ``assets/lederskap/conversation-summary.js`` into its body)."""
    return element(
        "section",
        {"class": "lsk-conversation", "data-lsk-conversation": True, "aria-labelledby": "lsk-conversation-title"},
        element(
            "h2",
            {"class": "lsk-conversation-title", "id": "lsk-conversation-title", "data-lsk-toc": True},
            messages("summary.heading"),
        ),
        element("p", {"class": "lsk-conversation-intro"}, messages("summary.intro")),
        element("div", {"class": "lsk-conversation-body", "data-lsk-conversation-body": True}),
    )
