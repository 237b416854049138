"""The built site checked against what every page promises learners, whatever made it.

The theme layer (:mod:`.theme_layer`) and the checks of mkdocs.yml (:mod:`.config`) keep
these promises for every setting they know of; a course's own templates, raw HTML in its
pages or a setting nobody foresaw could still break them. So after MkDocs has built the
site (into a staging folder, :mod:`.site`), every HTML file in it is read, and every
stylesheet, and the build fails, leaving the previous site in place, if any:

* lacks the Content Security Policy (exactly lederskap's, in a ``<meta>`` before any script)
  or the referrer rule;
* runs inline code: a ``<script>`` without ``src`` (JSON data excepted), an event handler
  attribute (``onclick``, ...) or a ``javascript:`` address;
* has a ``<style>`` element or a ``style`` attribute (the policy allows styles from files only);
* loads anything from another origin: a script, stylesheet, icon, image, frame, media or
  object, or a form that sends to another address, by an absolute URL; in stylesheets an
  ``@import`` or ``url()`` of another origin. Links (``<a href>``) only go elsewhere when
  the learner follows them, and are not requests of the page.

Each breach is one problem with the page, its line and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

from .errors import ContentProblem
from .theme_layer import CONTENT_SECURITY_POLICY, REFERRER_POLICY

_ABSOLUTE_URL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_LOCAL_SCHEMES = ("data:", "blob:", "about:")
"""Absolute URLs that name no other origin."""

_FETCHING_LINK_TYPES = frozenset(
    {
        "stylesheet",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "apple-touch-icon-precomposed",
        "mask-icon",
        "manifest",
        "preload",
        "prefetch",
        "modulepreload",
        "preconnect",
        "dns-prefetch",
        "prerender",
    }
)
"""``<link rel>`` types the browser fetches or connects for (not ``canonical``, ``alternate``, ``prev``, ...)."""

_RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "form": ("action",),
    "button": ("formaction",),
}
"""The attributes by which an element makes the page load something (or send a form) at once."""

_JSON_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})

_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})

FIX_SCRIPT = "put the code in a file of the pages folder and load it with extra_javascript"
FIX_STYLE = "give the element a class and style it in a stylesheet (extra_css)"
FIX_OTHER_ORIGIN = "put the file in the pages folder and name it by its path there"
FIX_FORM = "a course's forms send nothing anywhere; remove the address"


def is_other_origin(url: str) -> bool:
    """Whether ``url`` names an origin of its own (``https://...``, ``//host/...``), other than data and blobs."""
    return bool(_ABSOLUTE_URL.match(url)) and not url.strip().lower().startswith(_LOCAL_SCHEMES)


class _PageReader:
    """Reads one page's tags (from :func:`_read`): its breaches as (line, message), its policies
    and whether it has the referrer rule."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self.policies: list[str] = []
        self.policy_line = 0
        self.first_script_line = 0
        self.policy_at: tuple[int, int] | None = None
        """Where the policy's <meta> starts (line, column): a minified page is one line."""
        self.first_script_at: tuple[int, int] | None = None
        self.referrer = False
        self._inline_script = 0
        """The line of the inline ``<script>`` being read, 0 outside one."""
        self._script_text: list[str] = []
        self.position = (1, 0)
        """Where the tag being read starts (line, column), set by :func:`_read`."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.position[0]
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(values, line)
        elif tag == "script":
            self.first_script_line = self.first_script_line or line
            self.first_script_at = self.first_script_at or self.position
            if "src" not in values and values.get("type", "").lower() not in _JSON_SCRIPT_TYPES:
                self._inline_script = line
                self._script_text = []
        elif tag == "style":
            self.problems.append((line, f"a <style> element, which the Content Security Policy blocks: {FIX_STYLE}"))
        elif tag == "link":
            href = values.get("href", "")
            if set(values.get("rel", "").lower().split()) & _FETCHING_LINK_TYPES and is_other_origin(href):
                rel = values.get("rel", "")
                self.problems.append((line, f'<link rel="{rel}"> loads {href} from another origin: {FIX_OTHER_ORIGIN}'))
        for name in _RESOURCE_ATTRIBUTES.get(tag, ()):
            for url in _urls(name, values.get(name, "")):
                if not is_other_origin(url):
                    continue
                if tag in ("form", "button"):
                    message = f"<{tag} {name}> sends the form to {url}, another origin: {FIX_FORM}"
                else:
                    message = f"<{tag} {name}> loads {url} from another origin: {FIX_OTHER_ORIGIN}"
                self.problems.append((line, message))
        self._attributes(tag, values, line)

    def _meta(self, values: dict[str, str], line: int) -> None:
        if values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(values.get("content", ""))
            self.policy_line = self.policy_line or line
            self.policy_at = self.policy_at or self.position
        elif values.get("name", "").lower() == "referrer" and values.get("content") == REFERRER_POLICY:
            self.referrer = True

    def _attributes(self, tag: str, values: dict[str, str], line: int) -> None:
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append((line, f"a '{name}' attribute on <{tag}>, which is inline code: {FIX_SCRIPT}"))
            elif name == "style":
                self.problems.append(
                    (line, f"a style attribute on <{tag}>, which the Content Security Policy blocks: {FIX_STYLE}")
                )
            elif name in _ADDRESS_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.problems.append(
                    (line, f"a javascript: address in <{tag} {name}>, which is inline code: {FIX_SCRIPT}")
                )

    def handle_data(self, data: str) -> None:
        if self._inline_script:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inline_script:
            if "".join(self._script_text).strip():
                message = f"an inline <script>, which the Content Security Policy blocks: {FIX_SCRIPT}"
                self.problems.append((self._inline_script, message))
            self._inline_script = 0


def _urls(attribute: str, value: str) -> list[str]:
    """The addresses in an attribute's value: one, or each candidate's of a ``srcset``."""
    if attribute != "srcset":
        return [value]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


# The page is read as html.parser reads it (its expressions and rules, Python 3.11), but
# only the tags that can break a promise reach the reader: a page holds Material's whole
# navigation, and for the 300 pages of the benchmark's large course html.parser's reader
# took 4.3 s (a plain MkDocs build of them takes about 6 s); this takes 1.5 s. End tags
# other than a script's matter to no promise and are not read. On every built page of the
# benchmark's courses, and on pages with each breach of the tests put in, the findings are
# html.parser's; the one difference known is an SVG <script href="..."/>, which html.parser
# read as an inline script running to the next </script>, and which is none.
_MARKUP = re.compile(r"<(?:!--|!\[CDATA\[|[!?]|[a-zA-Z])")
"""A comment, a CDATA section, a declaration, a processing instruction or a start tag."""
_COMMENT_END = re.compile(r"--\s*>")
_CLOSERS = {"<!": ">", "<?": ">", "<![CDATA[": "]]>"}
"""What ends a declaration, a processing instruction and a CDATA section."""
_START_TAG = re.compile(
    r"""
  <([a-zA-Z][^\t\n\r\f />\x00]*)       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""",
    re.VERBOSE,
)
"""html.parser's locatestarttagend_tolerant, with the tag's name as a group."""
_AFTER_NAME = re.compile(r"(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
"""html.parser's attrfind_tolerant."""
_TAGS_READ = frozenset({"meta", "script", "style", "link", *_RESOURCE_ATTRIBUTES})
"""Tags the reader looks at whatever their attributes."""
_MAY_BREAK = re.compile(r"""[\s"'/](?:on|style)|javascript|&""", re.IGNORECASE)
"""In any other tag, what may be an event handler, a style attribute or a javascript: address."""
_RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}


def _attributes_of(tag_text: str, start: int) -> tuple[list[tuple[str, str | None]], int]:
    """The attributes of a start tag as html.parser gives them (names lowercased, values unquoted
    and unescaped), and where they end in ``tag_text``."""
    attributes: list[tuple[str, str | None]] = []
    skipped = _AFTER_NAME.match(tag_text, start)
    position = skipped.end() if skipped else start
    while (match := _ATTRIBUTE.match(tag_text, position)) and match.end() > position:
        name, rest, value = match.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        attributes.append((name.lower(), unescape(value) if value else value))
        position = match.end()
    return attributes, position


def _tag_end(html: str, start: int, end: int) -> int:
    """Where the start tag at ``start`` ends, its attributes ending at ``end`` (html.parser's
    check_for_whole_start_tag, a cut-off tag read as far as it goes)."""
    if html.startswith(">", end):
        return end + 1
    if html.startswith("/>", end):
        return end + 2
    return end if end > start else start + 1


def _read(html: str, reader: _PageReader) -> None:
    """Give ``reader`` the tags of ``html`` that can break a promise, with the text of each ``<script>``."""
    line, line_start, counted = 1, 0, 0

    def position(offset: int) -> tuple[int, int]:
        nonlocal line, line_start, counted
        line += html.count("\n", counted, offset)
        newline = html.rfind("\n", counted, offset)
        if newline >= 0:
            line_start = newline + 1
        counted = offset
        return line, offset - line_start

    index = 0
    while match := _MARKUP.search(html, index):
        start, opening = match.start(), match.group()
        if opening == "<!--":
            closing = _COMMENT_END.search(html, start + 4)
            index = len(html) if closing is None else closing.end()
            continue
        if ending := _CLOSERS.get(opening):
            end = html.find(ending, start + 2)
            index = len(html) if end < 0 else end + len(ending)
            continue
        tag_match = _START_TAG.match(html, start)
        assert tag_match is not None  # the expression matches every "<" and a letter
        index = _tag_end(html, start, tag_match.end())
        name = tag_match.group(1)
        tag = name.lower()
        if not (tag in _TAGS_READ or _MAY_BREAK.search(html, start, index)):
            continue
        tag_text = html[start:index]
        attributes, attributes_end = _attributes_of(tag_text, len(name) + 1)
        rest = tag_text[attributes_end:].strip()
        if rest not in (">", "/>"):
            continue  # html.parser reads what is no whole tag as text
        reader.position = position(start)
        reader.handle_starttag(tag, attributes)
        if rest.endswith("/>"):
            if tag == "script":  # <script/> in SVG: a script with no text, ended here
                reader.handle_endtag("script")
        elif tag in _RAW_TEXT_END:
            closer = _RAW_TEXT_END[tag].search(html, index)
            text_end = len(html) if closer is None else closer.start()
            if tag == "script":
                reader.handle_data(html[index:text_end])
                reader.position = position(text_end)
                reader.handle_endtag("script")
            index = len(html) if closer is None else closer.end()


def page_problems(html: str) -> list[tuple[int, str]]:
    """The breaches of one HTML page, as (line, message), in the order of the page."""
    reader = _PageReader()
    _read(html, reader)
    problems = list(reader.problems)
    if not reader.policies:
        problems.append(
            (
                0,
                "no Content Security Policy: the page does not come from lederskap's main.html (a "
                "template of the course's that extends base.html, or an HTML file in the pages "
                "folder?); extend main.html instead",
            )
        )
    elif reader.policies != [CONTENT_SECURITY_POLICY]:
        problems.append(
            (
                reader.policy_line,
                "a Content Security Policy other than lederskap's: leave the policy to lederskap's main.html",
            )
        )
    elif reader.first_script_at and reader.policy_at and reader.first_script_at < reader.policy_at:
        problems.append(
            (
                reader.first_script_line,
                "a script before the Content Security Policy, which the policy then does not govern: "
                "load scripts with extra_javascript, or in the blocks extrahead or scripts of main.html",
            )
        )
    if not reader.referrer:
        problems.append(
            (
                0,
                f'no referrer rule (<meta name="referrer" content="{REFERRER_POLICY}">): the page '
                "does not come from lederskap's main.html; extend main.html instead",
            )
        )
    return sorted(problems, key=lambda problem: problem[0])


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URLS = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)""")


def stylesheet_problems(css: str) -> list[tuple[int, str]]:
    """The ``@import`` and ``url()`` of other origins in a stylesheet, as (line, message)."""
    text = _CSS_COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), css)
    problems = []
    for match in _CSS_URLS.finditer(text):
        url = match.group(1) or match.group(2)
        if is_other_origin(url):
            line = text.count("\n", 0, match.start()) + 1
            problems.append((line, f"loads {url} from another origin: {FIX_OTHER_ORIGIN}"))
    return problems


def _files(site: Path, suffix: str) -> Iterator[Path]:
    yield from sorted(p for p in site.rglob(f"*{suffix}") if p.is_file())


def check_site(site: Path, shown_as: str) -> list[ContentProblem]:
    """Every breach in the built site in ``site`` (``shown_as``: the site folder as the author names it).

    A breach that many pages share (one of the course's templates, most likely) is one problem:
    the first page's, saying how many others have it too.
    """
    found: dict[str, list[ContentProblem]] = {}
    for suffix, check in ((".html", page_problems), (".css", stylesheet_problems)):
        for path in _files(site, suffix):
            name = f"{shown_as}/{path.relative_to(site).as_posix()}"
            text = path.read_text(encoding="utf-8", errors="replace")
            for line, message in check(text):
                found.setdefault(message, []).append(ContentProblem(name, line, "", message))
    problems = []
    for message, places in found.items():
        first, others = places[0], len({place.file for place in places[1:]} - {places[0].file})
        if others:
            also = f"{others} other file{'s' if others != 1 else ''}"
            first = ContentProblem(first.file, first.line, "", f"{message} (the same in {also})")
        problems.append(first)
    return problems
