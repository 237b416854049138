"""Markdown in questionnaire texts: read once at build time, shown as HTML or drawn by the page.

Titles and statements stay plain text. These texts allow Markdown (AUTHORING.md, "Markdown in
texts"), read with markdown-it-py with raw HTML off:

* **block** texts (a questionnaire's or a part's ``intro``, a dimension's ``description``, a
  band's ``text``): paragraphs, bulleted and numbered lists, emphasis, inline code and links;
* **inline** texts (a statement's, question's or text field's ``hint``, an option's ``text``):
  emphasis, inline code and links, in one line.

Whatever is written, the result is a small tree of those elements and plain text, never HTML
from the author: ``<script>`` stays text, and markdown-it-py leaves a ``javascript:`` link
unlinked. A link is either a full ``https:``, ``http:`` or ``mailto:`` address, or a course
page by its file (``fire-omrader.md``, ``verktoy/index.md#heading``), which the build checks
like MkDocs checks links between pages and turns into the page's address.

The tree (JSON) is what the page draws from (``assets/lederskap/rich-text.js``, from the
generated ``rich-texts.js`` for the texts the page draws itself: the band texts the scorer
hands back, and the options it shows among the learner's answers):

* a block text: a list of ``{"p": [inline]}`` (with ``"tight": true`` in a tight list's item: no
  paragraph around it), ``{"ul": [[block]]}``, ``{"ol": [[block]], "start": n}``;
* an inline text: a list of plain strings, ``{"em": [inline]}``, ``{"strong": [inline]}``,
  ``{"code": "text"}``, ``{"br": true}``, ``{"a": [inline], "href": "https://..."}`` and
  ``{"a": [inline], "page": "<address relative to the site root>"}``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote

from lederskap_scorer.model import Questionnaire
from lederskap_scorer.parts.checklist import ChecklistPart
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .html import AttrValue, Markup, element, fragment

if TYPE_CHECKING:
    from .course import Course

Kind = Literal["block", "inline"]
Tree = list[Any]
"""A text's tree (see the module's documentation): JSON values only."""

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable(
    ["code", "fence", "blockquote", "hr", "reference", "html_block", "heading", "lheading", "image", "html_inline"]
)
FULL_ADDRESS = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
PAGE_LINK = re.compile(r"^(?P<path>[^#?:]+\.md)(?P<anchor>#[^#]*)?$")


class LinkProblem(Exception):
    """A link the build cannot make: the message says which and what to write instead."""


@dataclass(frozen=True)
class Links:
    """How links to course pages are resolved: each page's address relative to the site root, by
    its file relative to the pages folder (``verktoy/index.md`` -> ``verktoy/``)."""

    pages: Mapping[str, str]

    def address(self, href: str) -> tuple[str, str]:
        """``("href", address)`` or ``("page", address)``; raises LinkProblem for a link that cannot work."""
        if FULL_ADDRESS.match(href):
            return ("href", href)
        match = PAGE_LINK.match(href)
        if match is None:
            raise LinkProblem(
                f"the link '{href}' goes nowhere a learner can follow; link to a course page by its file "
                "(for example 'fire-omrader.md') or to a full address (https://...)"
            )
        # markdown-it-py writes a link's address percent-encoded (verkt%C3%B8y.md): the file's own name.
        path = posixpath.normpath(unquote(match["path"]).removeprefix("./"))
        page = self.pages.get(path)
        if page is None:
            known = ", ".join(sorted(self.pages)[:12]) or "none"
            raise LinkProblem(f"the link '{href}' is to a page the course does not have (pages: {known})")
        return ("page", page + (match["anchor"] or ""))


NO_LINKS = Links({})


def _inline(tokens: list[Token], links: Links) -> Tree:
    """The inline tree of markdown-it-py's inline tokens."""
    out: Tree = []
    stack: list[Tree] = [out]
    for token in tokens:
        current = stack[-1]
        if token.type == "text":
            if not token.content:
                continue
            if current and isinstance(current[-1], str):
                current[-1] += token.content
            else:
                current.append(token.content)
        elif token.type == "softbreak":
            if current and isinstance(current[-1], str):
                current[-1] += " "
            else:
                current.append(" ")
        elif token.type == "hardbreak":
            current.append({"br": True})
        elif token.type == "code_inline":
            current.append({"code": token.content})
        elif token.type in ("em_open", "strong_open"):
            children: Tree = []
            current.append({token.type.removesuffix("_open"): children})
            stack.append(children)
        elif token.type == "link_open":
            kind, address = links.address(str(token.attrGet("href") or ""))
            children = []
            current.append({"a": children, kind: address})
            stack.append(children)
        elif token.type in ("em_close", "strong_close", "link_close") and len(stack) > 1:
            stack.pop()
        else:  # text_special and the like: their content, as text
            current.append(token.content)
    return out


def _blocks(tokens: list[Token], links: Links) -> Tree:
    """The block tree of markdown-it-py's block tokens (paragraphs and lists)."""
    out: Tree = []
    stack: list[Tree] = [out]
    tight = False
    for token in tokens:
        current = stack[-1]
        if token.type == "paragraph_open":
            tight = token.hidden  # a paragraph of a tight list: its text without a paragraph around it
        elif token.type == "inline":
            current.append(
                {"p": _inline(token.children or [], links), "tight": True}
                if tight
                else {"p": _inline(token.children or [], links)}
            )
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items: Tree = []
            entry: dict[str, Any] = {token.tag: items}
            start = token.attrGet("start")
            if token.tag == "ol" and start is not None:
                entry["start"] = int(start)
            current.append(entry)
            stack.append(items)
        elif token.type == "list_item_open":
            item: Tree = []
            current.append(item)
            stack.append(item)
        elif token.type in ("bullet_list_close", "ordered_list_close", "list_item_close") and len(stack) > 1:
            stack.pop()
    return out


def parse(text: str, kind: Kind, links: Links = NO_LINKS) -> Tree:
    """The tree of a text; raises LinkProblem for a link that cannot work."""
    if kind == "inline":
        tokens = _MARKDOWN.parseInline(text)
        return _inline(tokens[0].children or [], links) if tokens else []
    return _blocks(_MARKDOWN.parse(text), links)


def _inline_html(tree: Tree, from_page: str) -> Markup:
    parts: list[str | None] = []
    for node in tree:
        if isinstance(node, str):
            parts.append(node)
        elif "br" in node:
            parts.append(element("br"))
        elif "code" in node:
            parts.append(element("code", {}, node["code"]))
        elif "a" in node:
            attrs: dict[str, AttrValue] = (
                {"href": str(node["href"]), "rel": "noopener noreferrer"}
                if "href" in node
                else {"href": relative_address(str(node["page"]), from_page)}
            )
            parts.append(element("a", attrs, _inline_html(node["a"], from_page)))
        else:
            tag = "em" if "em" in node else "strong"
            parts.append(element(tag, {}, _inline_html(node[tag], from_page)))
    return fragment(*parts)


def _blocks_html(tree: Tree, css_class: str | None, from_page: str) -> Markup:
    parts: list[str | None] = []
    for node in tree:
        if "p" in node and node.get("tight"):
            parts.append(_inline_html(node["p"], from_page))
        elif "p" in node:
            parts.append(element("p", {"class": css_class}, _inline_html(node["p"], from_page)))
        else:
            tag = "ul" if "ul" in node else "ol"
            items = [element("li", {}, _blocks_html(item, None, from_page)) for item in node[tag]]
            parts.append(element(tag, {"class": css_class, "start": node.get("start")}, *items))
    return fragment(*parts)


def relative_address(page: str, from_page: str) -> str:
    """The address of ``page`` (relative to the site root, perhaps with ``#anchor``) from the page
    at ``from_page`` (also relative to the site root, a folder's address ending in ``/`` or a file)."""
    depth = from_page.count("/")
    return "../" * depth + page if (depth or page) else "./"


def block_html(text: str, css_class: str, from_page: str, links: Links = NO_LINKS) -> Markup:
    """A block text as HTML, on the page at ``from_page`` (for its links to course pages)."""
    return _blocks_html(parse(text, "block", links), css_class, from_page)


def inline_html(text: str, from_page: str, links: Links = NO_LINKS) -> Markup:
    """An inline text as HTML, on the page at ``from_page``."""
    return _inline_html(parse(text, "inline", links), from_page)


def texts_of(q: Questionnaire) -> Iterator[tuple[str, str, Kind]]:
    """Every text of a questionnaire that allows Markdown: ``(path, text, kind)``, the path as the
    schema writes it (``parts[0].dimensions[1].items[2].hint``), in reading order."""
    if q.intro:
        yield "intro", q.intro, "block"
    for index, band in enumerate(q.bands):
        if band.text:
            yield f"bands[{index}].text", band.text, "block"
    for pi, part in enumerate(q.parts):
        at = f"parts[{pi}]"
        intro = getattr(part, "intro", "")
        if intro:
            yield f"{at}.intro", intro, "block"
        for di, dimension in enumerate(getattr(part, "dimensions", ())):
            if dimension.description:
                yield f"{at}.dimensions[{di}].description", dimension.description, "block"
            for bi, band in enumerate(dimension.bands):
                if band.text:
                    yield f"{at}.dimensions[{di}].bands[{bi}].text", band.text, "block"
            for ii, item in enumerate(dimension.items):
                if item.hint:
                    yield f"{at}.dimensions[{di}].items[{ii}].hint", item.hint, "inline"
        for fi, text_field in enumerate(getattr(part, "fields", ())):
            if text_field.hint:
                yield f"{at}.fields[{fi}].hint", text_field.hint, "inline"
        if isinstance(part, ChecklistPart):
            for oi, option in enumerate(part.options):
                yield f"{at}.options[{oi}].text", option.text, "inline"
        for qi, question in enumerate(getattr(part, "questions", ())):
            if question.hint:
                yield f"{at}.questions[{qi}].hint", question.hint, "inline"
            for oi, option in enumerate(question.options):
                yield f"{at}.questions[{qi}].options[{oi}].text", option.text, "inline"


def link_problems(q: Questionnaire, links: Links) -> list[tuple[str, str]]:
    """``(path, message)`` for each text with a link that cannot work."""
    found = []
    for path, text, kind in texts_of(q):
        try:
            parse(text, kind, links)
        except LinkProblem as problem:
            found.append((path, str(problem)))
    return found


SHOWN_BY_THE_PAGE = re.compile(r"(?:bands|options)\[\d+\]\.text$")
"""The texts the page draws itself, from the scorer's results or the definition: band texts and
options (a checklist's, a choice question's). The others are written into the form by the build."""


def page_texts(q: Questionnaire, links: Links) -> dict[str, Tree]:
    """The tree of every text of a questionnaire that the page draws itself, as blocks (an inline
    text is one paragraph), by the text as written."""
    found: dict[str, Tree] = {}
    for path, text, kind in texts_of(q):
        if SHOWN_BY_THE_PAGE.search(path):
            tree = parse(text, kind, links)
            found[text] = tree if kind == "block" else [{"p": tree}]
    return found


def course_page_texts(course: Course, links: Links) -> dict[str, Tree]:
    """The tree of every text of the course the page draws itself, by the text as written
    (``rich-texts.js``): a text the same in two places is the same tree, as links start from
    the site root."""
    found: dict[str, Tree] = {}
    for source in course.questionnaires.values():
        found.update(page_texts(source.questionnaire, links))
    return found
