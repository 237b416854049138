"""A very small HTML builder that escapes every text and attribute it is given.

Course text never reaches the page unescaped: a child is escaped unless it is
:class:`Markup` made by :func:`element` itself.
"""

from __future__ import annotations

from html import escape

VOID = frozenset({"input", "br", "img", "meta", "link"})
BLOCK = frozenset(
    {"div", "section", "form", "fieldset", "p", "h2", "h3", "h4", "ul", "ol", "li", "legend", "noscript", "script"}
)

AttrValue = str | int | bool | None


class Markup(str):
    """HTML that is already safe (built by :func:`element`)."""

    __slots__ = ()


def _attributes(attrs: dict[str, AttrValue]) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{escape(str(value), quote=True)}"')
    return "".join(parts)


def element(tag: str, attrs: dict[str, AttrValue] | None = None, *children: str | None) -> Markup:
    """``<tag attrs>children</tag>``; plain ``str`` children are escaped, ``None`` children are skipped."""
    opening = f"<{tag}{_attributes(attrs or {})}>"
    if tag in VOID:
        return Markup(opening)
    inner = "".join(c if isinstance(c, Markup) else escape(c, quote=False) for c in children if c is not None)
    end = "\n" if tag in BLOCK else ""
    return Markup(f"{opening}{inner}</{tag}>{end}")


def fragment(*children: str | None) -> Markup:
    """Several elements side by side."""
    return Markup("".join(c if isinstance(c, Markup) else escape(c, quote=False) for c in children if c is not None))


def paragraphs(text: str, css_class: str) -> Markup:
    """Plain text with blank lines between paragraphs, as ``<p>`` elements."""
    blocks = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return fragment(*(element("p", {"class": css_class}, block) for block in blocks if block))
