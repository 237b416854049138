"""Course pages: finding the lines that place a questionnaire, and replacing them.

A page places a questionnaire with a line of its own::

    ::questionnaire{id="leder-egenvurdering"}

Lines inside fenced code blocks are left alone, so a page can show the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

DIRECTIVE = re.compile(r'^::questionnaire\{id="(?P<id>[^"]*)"\}[ \t]*$')
DIRECTIVE_START = re.compile(r"^::questionnaire\b")
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
SYNTAX = '::questionnaire{id="<questionnaire id>"}'


@dataclass(frozen=True)
class Placement:
    """A line on a page that places a questionnaire (``id`` is ``None`` when the line is malformed)."""

    line: int
    id: str | None


def _lines_outside_code(text: str) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if fence is None:
            if match:
                fence = match["fence"]
                continue
            yield number, line
        elif match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
            fence = None


def find_placements(text: str) -> list[Placement]:
    """Every questionnaire placement on a page, in order."""
    placements = []
    for number, line in _lines_outside_code(text):
        if not DIRECTIVE_START.match(line):
            continue
        match = DIRECTIVE.match(line)
        placements.append(Placement(number, match["id"] if match else None))
    return placements


def replace_placements(text: str, render: Callable[[str], str]) -> str:
    """The page with each well-formed placement line replaced by ``render(id)``, as an HTML block."""
    wanted = {p.line for p in find_placements(text) if p.id is not None}
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = DIRECTIVE.match(line) if number in wanted else None
        out.append(f"\n{render(match['id'])}\n" if match else line)
    return "\n".join(out) + "\n"
