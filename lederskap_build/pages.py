"""Course pages: finding the directive lines that place a questionnaire or the learner's results.

A page places a questionnaire with a line of its own::

    ::questionnaire{id="leder-egenvurdering"}

and the learner's own results of every questionnaire of the course (with the
controls to export, import and delete them) with::

    ::my-results

Any other line starting with ``::`` and a name is an unknown directive. Lines
inside fenced code blocks are left alone, so a page can show the syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from .errors import ContentProblem

DIRECTIVE = re.compile(r'^::questionnaire\{id="(?P<id>[^"]*)"\}[ \t]*$')
DIRECTIVE_START = re.compile(r"^::questionnaire\b")
FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
SYNTAX = '::questionnaire{id="<questionnaire id>"}'
MY_RESULTS = re.compile(r"^::my-results[ \t]*$")
MY_RESULTS_START = re.compile(r"^::my-results(?![A-Za-z0-9_])")
MY_RESULTS_SYNTAX = "::my-results"
ANY_DIRECTIVE = re.compile(r"^::(?P<name>[A-Za-z][A-Za-z0-9_-]*)")
KNOWN_DIRECTIVES = ("questionnaire", "my-results")

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


@dataclass(frozen=True)
class OtherDirective:
    """A directive line that is not a questionnaire placement: ``::my-results`` or an unknown one.

    ``name`` is the word after ``::``; ``well_formed`` says whether a ``::my-results``
    line is exactly that.
    """

    line: int
    name: str
    well_formed: bool


def find_other_directives(text: str) -> list[OtherDirective]:
    """Every ``::my-results`` line and every line starting like a directive of an unknown name, in order."""
    found = []
    for number, line in _lines_outside_code(text):
        if DIRECTIVE_START.match(line):
            continue
        if MY_RESULTS_START.match(line):
            found.append(OtherDirective(number, "my-results", MY_RESULTS.match(line) is not None))
            continue
        match = ANY_DIRECTIVE.match(line)
        if match:
            found.append(OtherDirective(number, match["name"], False))
    return found


def replace_placements(
    text: str, render: Callable[[str], str], render_my_results: Callable[[], str] | None = None
) -> str:
    """The page with each well-formed placement line replaced by ``render(id)``, as an HTML block,
    and each ``::my-results`` line by ``render_my_results()`` (when given)."""
    wanted = {p.line for p in find_placements(text) if p.id is not None}
    results = {d.line for d in find_other_directives(text) if d.name == "my-results" and d.well_formed}
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = DIRECTIVE.match(line) if number in wanted else None
        if match:
            out.append(f"\n{render(match['id'])}\n")
        elif number in results and render_my_results is not None:
            out.append(f"\n{render_my_results()}\n")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def page_size_problem(file: str, text: str, size: int, rendered: Mapping[str, str]) -> ContentProblem | None:
    """The problem of a page whose generated Markdown is ``size`` bytes, if that is over :data:`MAX_PAGE_BYTES`.

    ``text`` is the page as written and ``rendered`` the blocks put into it, by questionnaire id
    (the learner's results by ``::my-results``); the problem is on the line of the largest.
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
        (d.line, rendered[MY_RESULTS_SYNTAX], "every questionnaire's results, placed here; shorten their texts")
        for d in find_other_directives(text)
        if d.name == "my-results" and d.well_formed
    ]
    if not blocks:
        return ContentProblem(file, 0, "", f"{expected}; split the page")
    line, block, what = max(blocks, key=lambda b: len(b[1]))
    return ContentProblem(file, line, "", f"{expected}, {_megabytes(len(block.encode()))} of it {what}")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"
