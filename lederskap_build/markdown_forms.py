"""An optional Python-Markdown extension that passes rendered questionnaires through untouched.

The build writes each rendered questionnaire into the generated Markdown between
two marker comments (see :func:`lederskap_build.pages.wrap_rendered`). Without this extension,
Markdown reads that block as ordinary raw HTML, which is correct but slow for
large forms: the HTML is tokenised tag by tag. With it, listed in mkdocs.yml as

    markdown_extensions:
      - lederskap_build.markdown_forms

the block goes straight into Markdown's store of raw HTML and comes out
unchanged. It is a plain Markdown extension, not a MkDocs plugin: the
generated pages remain what any MkDocs-compatible builder reads.

Raw HTML is not part of the document Markdown's ``toc`` extension reads, so the
headings of a rendered block would be missing from the page's table of contents
(which MkDocs and Material build from ``md.toc_tokens``). The headings the
renderer marks with ``data-lsk-toc`` (a form's title, its parts and its results;
the sections of the learner's results page) are therefore added to those tokens,
at their place among the page's own headings, after ``toc`` has run. The HTML
itself is left exactly as rendered (no permalink is added to it).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any, cast

from markdown import Extension, Markdown
from markdown.extensions.toc import TocTreeprocessor, nest_toc_tokens
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .pages import RENDERED_BEGIN as BEGIN
from .pages import RENDERED_END as END

TocToken = dict[str, Any]
"""An entry of ``md.toc_tokens``: ``level``, ``id``, ``name`` and ``html`` (both HTML), ``data-toc-label``."""

TOC_HEADING = re.compile(r"<h(?P<level>[1-6])(?P<attrs>\s[^>]*)>(?P<inner>.*?)</h(?P=level)>", re.DOTALL)
ID_ATTRIBUTE = re.compile(r'\sid="(?P<id>[^"]*)"')
MARKED = re.compile(r"\sdata-lsk-toc(?=[\s=>]|$)")
TAG = re.compile(r"<[^>]*>")


def marked_headings(block: str) -> list[TocToken]:
    """The headings of a rendered block marked ``data-lsk-toc`` (with an id), as table of contents tokens."""
    found = []
    for match in TOC_HEADING.finditer(block):
        attrs = match["attrs"]
        heading_id = ID_ATTRIBUTE.search(attrs)
        if heading_id is None or not MARKED.search(attrs):
            continue
        text = TAG.sub("", match["inner"]).strip()
        found.append(
            {
                "level": int(match["level"]),
                "id": html.unescape(heading_id["id"]),
                "name": text,
                "html": text,
                "data-toc-label": "",
            }
        )
    return found


class _StashRendered(Preprocessor):
    def __init__(self, md: Markdown, headings: dict[str, list[TocToken]]) -> None:
        super().__init__(md)
        self.headings = headings
        """The marked headings of each stashed block, by its placeholder (shared with :class:`_ListHeadings`)."""

    def run(self, lines: list[str]) -> list[str]:
        self.headings.clear()
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == BEGIN:
                    block = []
                else:
                    out.append(line)
            elif line == END:
                text = "\n".join(block)
                placeholder = self.md.htmlStash.store(text)
                self.headings[placeholder] = marked_headings(text)
                out += ["", placeholder, ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # no end marker: leave the text as it was
            out += [BEGIN, *block]
        return out


class _ListHeadings(Treeprocessor):
    """Adds the marked headings of the rendered blocks to ``md.toc_tokens``, in the page's order.

    It runs after ``toc`` (priority 5), walks the document in order, and takes each heading
    ``toc`` listed from its tokens and each rendered block's headings where its placeholder
    paragraph is. Anything unexpected (no ``toc``, a token that is not where it should be)
    leaves the table of contents as ``toc`` made it.
    """

    def __init__(self, md: Markdown, headings: dict[str, list[TocToken]]) -> None:
        super().__init__(md)
        self.headings = headings

    def run(self, root: etree.Element) -> None:
        if not any(self.headings.values()) or "toc" not in self.md.treeprocessors:
            return
        toc = self.md.treeprocessors["toc"]
        if not isinstance(toc, TocTreeprocessor):
            return
        listed = _flat(getattr(self.md, "toc_tokens", []))
        merged: list[TocToken] = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if toc.header_rgx.fullmatch(el.tag) and toc.toc_top <= int(el.tag[-1]) <= toc.toc_bottom:
                if not listed or listed[0]["id"] != el.get("id"):
                    return
                merged.append(listed.pop(0))
            elif el.tag == "p" and (el.text or "").strip() in self.headings:
                tokens = self.headings[(el.text or "").strip()]
                merged += [dict(t) for t in tokens if toc.toc_top <= t["level"] <= toc.toc_bottom]
        if listed:
            return
        # md.toc_tokens is what MkDocs reads (the typing stubs do not declare it).
        self.md.toc_tokens = nest_toc_tokens(cast(Any, merged))  # type: ignore[attr-defined]


def _flat(tokens: list[TocToken]) -> list[TocToken]:
    """Nested tokens in document order (each before its children), without their children."""
    flat: list[TocToken] = []
    for token in tokens:
        flat.append({key: value for key, value in token.items() if key != "children"})
        flat += _flat(token.get("children", []))
    return flat


class RenderedFormsExtension(Extension):
    """Registers the preprocessor before Markdown's own raw-HTML handling, and the table of
    contents' addition after ``toc``."""

    def extendMarkdown(self, md: Markdown) -> None:
        headings: dict[str, list[TocToken]] = {}
        md.preprocessors.register(_StashRendered(md, headings), "lederskap_rendered", 25)
        md.treeprocessors.register(_ListHeadings(md, headings), "lederskap_toc", 4)


def makeExtension(**kwargs: Any) -> RenderedFormsExtension:
    return RenderedFormsExtension(**kwargs)
