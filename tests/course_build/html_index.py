"""Reading built HTML pages in tests: their elements with attributes, and their visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class PageIndex:
    elements: list[Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Elements with this tag (any, if None) whose attributes have these values ('*' for any value)."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag)
            and all(name in e.attrs and (value == "*" or e.attrs[name] == value) for name, value in wanted.items())
        ]


class _Indexer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.index = PageIndex()
        self._chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.index.elements.append(Element(tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._chunks.append(data)


def index_html(html: str) -> PageIndex:
    parser = _Indexer()
    parser.feed(html)
    parser.close()
    parser.index.text = " ".join("".join(parser._chunks).split())
    return parser.index
