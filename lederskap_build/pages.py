"""Course pages: finding the directive lines that place a questionnaire or the learner's results.

A page places a questionnaire with a line of its own::

    ::questionnaire{id="leder-egenvurdering"}

and a block of the site's own with its name alone on a line (:data:`BLOCKS`): the
learner's own results of every questionnaire of the course (with the controls to
export, import and delete them) with::

    ::my-results

and the team tools (invitations, replies, the team's result) with::

    ::team

Any other line starting with ``::`` and a name is an unknown directive. Lines
inside fenced code blocks (at any indentation) and HTML comments are left alone,
so a page can show the syntax, or comment a placement out.

A directive works only at the start of a line: indented, or after a list or
quote marker, Markdown would show it as text (in a box, a list item, a quote or
an indented code block). :func:`find_swallowed` finds those lines, so that the
build reports them instead of publishing the raw line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from .errors import ContentProblem

DIRECTIVE = re.compile(r'^::questionnaire\{id="(?P<id>[^"]*)"\}[ \t]*$')
DIRECTIVE_START = re.compile(r"^::questionnaire\b")
FENCE = re.compile(r"^(?P<fence>`{3,}(?=[^`]*$)|~{3,})")
"""The start of a fenced code block, after the line's indentation and list or quote markers
(backticks with more backticks later on the line are inline code, not a fence)."""
COMMENT_START = re.compile(r"^ {0,3}<!--")
CONTAINER_MARK = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
"""A quote marker or a list marker, with the indentation before it."""
SYNTAX = '::questionnaire{id="<questionnaire id>"}'
BLOCKS = {"my-results": "the learner's results", "team": "the team tools"}
"""The directives that place a block of the site's own (a name alone on its line), and what each
places, in the words of the build's messages. Each is placed at most once per page."""
BLOCK_START = re.compile(r"^::(?P<name>" + "|".join(re.escape(name) for name in BLOCKS) + r")(?![A-Za-z0-9_])")
MY_RESULTS_SYNTAX = "::my-results"
TEAM_SYNTAX = "::team"
ANY_DIRECTIVE = re.compile(r"^::(?P<name>[A-Za-z][A-Za-z0-9_-]*)")
KNOWN_DIRECTIVES = ("questionnaire", *BLOCKS)


def block_syntax(name: str) -> str:
    """The line that places the block ``name`` (of :data:`BLOCKS`)."""
    return f"::{name}"

MAX_PAGE_BYTES = 20_000_000
"""The most a page may weigh with its questionnaires rendered into it (bytes of the generated Markdown).

Every learner downloads the whole page, the browser lays all of it out before the
form can be used, and the service worker keeps it for offline use; MkDocs holds
several copies of it in memory while it builds. A questionnaire at the content
limit of 5,000 questions of ordinary length renders to about 10 MB; twice that is
well past what a phone handles, and a mistake (a text pasted a thousand times)
is caught before it makes a page of a hundred megabytes.
"""

RENDERED_BEGIN = "<!-- lederskap:rendered -->"
RENDERED_END = "<!-- /lederskap:rendered -->"


def wrap_rendered(html: str) -> str:
    """Rendered HTML between marker comments, as a block of its own.

    Markdown reads the block as raw HTML; the optional extension
    :mod:`lederskap_build.markdown_forms` passes it through without reading it.
    """
    return f"\n{RENDERED_BEGIN}\n{html.strip()}\n{RENDERED_END}\n"


@dataclass(frozen=True)
class Placement:
    """A line on a page that places a questionnaire (``id`` is ``None`` when the line is malformed)."""

    line: int
    id: str | None


def _split_container(line: str) -> tuple[str, str]:
    """The line's indentation with any quote and list markers in it, and the rest of the line."""
    end = 0
    while marker := CONTAINER_MARK.match(line, end):
        end = marker.end()
    rest = line[end:].lstrip(" \t")
    return line[: len(line) - len(rest)], rest


def _closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence``: the same sign, at least as many, nothing after."""
    rest = _split_container(line)[1].rstrip()
    return len(rest) >= len(fence) and rest == fence[0] * len(rest)


def _left_alone(lines: list[str]) -> set[int]:
    """The 0-based numbers of the lines in fenced code blocks and HTML comments (their first and last too).

    A fence or a comment that is never closed is not one (Python-Markdown shows it as text),
    so the lines after it are read as usual.
    """
    skipped: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = FENCE.match(_split_container(line)[1])
        end: int | None = None
        if fence is not None:
            end = next((j for j in range(index + 1, len(lines)) if _closes(lines[j], fence["fence"])), None)
        elif COMMENT_START.match(line) and "-->" not in line[line.index("<!--") + 4 :]:
            end = next((j for j in range(index + 1, len(lines)) if "-->" in lines[j]), None)
        if end is None:
            index += 1
            continue
        skipped.update(range(index, end + 1))
        index = end + 1
    return skipped


def _lines_outside_code(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its 1-based number, except those :func:`_left_alone` skips."""
    lines = text.splitlines()
    skipped = _left_alone(lines)
    for index, line in enumerate(lines):
        if index not in skipped:
            yield index + 1, line


def find_placements(text: str) -> list[Placement]:
    """Every questionnaire placement on a page, in order."""
    placements = []
    for number, line in _lines_outside_code(text):
        if not DIRECTIVE_START.match(line):
            continue
        match = DIRECTIVE.match(line)
        placements.append(Placement(number, match["id"] if match else None))
    return placements


@dataclass(frozen=True)
class OtherDirective:
    """A directive line that is not a questionnaire placement: a block (:data:`BLOCKS`) or an unknown one.

    ``name`` is the word after ``::``; ``well_formed`` says whether a block's line is
    exactly its name (spaces after it allowed).
    """

    line: int
    name: str
    well_formed: bool


def find_other_directives(text: str) -> list[OtherDirective]:
    """Every block line (:data:`BLOCKS`) and every line starting like a directive of an unknown name, in order."""
    found = []
    for number, line in _lines_outside_code(text):
        if DIRECTIVE_START.match(line):
            continue
        block = BLOCK_START.match(line)
        if block:
            name = block["name"]
            found.append(OtherDirective(number, name, line.rstrip(" \t") == block_syntax(name)))
            continue
        match = ANY_DIRECTIVE.match(line)
        if match:
            found.append(OtherDirective(number, match["name"], False))
    return found


SwallowedBy = Literal["indentation", "list", "quote"]


@dataclass(frozen=True)
class Swallowed:
    """A ``::questionnaire`` or block line that Markdown would show as text.

    ``text`` is the directive as written (without what comes before it) and ``by`` what
    comes before it: indentation (a box, an indented code block), a list marker or a quote marker.
    """

    line: int
    text: str
    by: SwallowedBy


def find_swallowed(text: str) -> list[Swallowed]:
    """Every ``::questionnaire`` or block line that does not start at the line's first column."""
    found = []
    for number, line in _lines_outside_code(text):
        prefix, rest = _split_container(line)
        if not prefix or not (DIRECTIVE_START.match(rest) or BLOCK_START.match(rest)):
            continue
        markers = prefix.replace(" ", "").replace("\t", "")
        by: SwallowedBy = "quote" if ">" in markers else "list" if markers else "indentation"
        found.append(Swallowed(number, rest.rstrip(), by))
    return found


def replace_placements(
    text: str, render: Callable[[str], str], render_blocks: Mapping[str, Callable[[], str]] | None = None
) -> str:
    """The page with each well-formed placement line replaced by ``render(id)``, as an HTML block,
    and each well-formed block line by its renderer in ``render_blocks`` (by name, when given)."""
    wanted = {p.line for p in find_placements(text) if p.id is not None}
    blocks = {d.line: d.name for d in find_other_directives(text) if d.name in BLOCKS and d.well_formed}
    renderers = render_blocks or {}
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = DIRECTIVE.match(line) if number in wanted else None
        if match:
            out.append(f"\n{render(match['id'])}\n")
        elif number in blocks and blocks[number] in renderers:
            out.append(f"\n{renderers[blocks[number]]()}\n")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def page_size_problem(file: str, text: str, size: int, rendered: Mapping[str, str]) -> ContentProblem | None:
    """The problem of a page whose generated Markdown is ``size`` bytes, if that is over :data:`MAX_PAGE_BYTES`.

    ``text`` is the page as written and ``rendered`` the blocks put into it, by questionnaire id
    (the site's own blocks by their lines, ``::my-results``); the problem is on the line of the largest.
    """
    if size <= MAX_PAGE_BYTES:
        return None
    expected = (
        f"expected a page of at most {_megabytes(MAX_PAGE_BYTES)} with its questionnaires in it, "
        f"but it comes to {_megabytes(size)}"
    )
    blocks = [
        (p.line, rendered[p.id], f"the questionnaire '{p.id}' placed here; shorten its texts or split it")
        for p in find_placements(text)
        if p.id is not None
    ]
    blocks += [
        (d.line, rendered[block_syntax(d.name)], f"{BLOCKS[d.name]}, placed here; shorten the questionnaires' texts")
        for d in find_other_directives(text)
        if d.name in BLOCKS and d.well_formed and block_syntax(d.name) in rendered
    ]
    if not blocks:
        return ContentProblem(file, 0, "", f"{expected}; split the page")
    line, block, what = max(blocks, key=lambda b: len(b[1]))
    return ContentProblem(file, line, "", f"{expected}, {_megabytes(len(block.encode()))} of it {what}")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"
