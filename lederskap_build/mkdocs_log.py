"""What MkDocs says while it builds the site, as an author reads it.

The build runs ``mkdocs build --strict``, so that every warning fails it: a link
to a page or a file that does not exist, a menu entry for a page that does not
exist. (``--quiet`` would silence the warnings, and strict mode with them: MkDocs
counts only the warnings it logs.) MkDocs' output is read here instead: its INFO
and DEBUG messages are left out, as ``--quiet`` did, and every other line is kept
as MkDocs wrote it. A message about a link in a page, or about an entry of the
menu, gets the file and line it is about in front (``docs/index.md:12: WARNING
-  Doc file 'index.md' contains a link ...``), like every other problem the
build reports: MkDocs names the generated copy of the page, without a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .config import Project

MESSAGE_START = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) *-  (?P<text>.*)$")
"""The first line of one of MkDocs' log messages; its further lines start with spaces."""
QUIET_LEVELS = frozenset({"DEBUG", "INFO"})

PAGE_LINK = re.compile(
    r"^Doc file '(?P<page>.+?)' contains (?:a|an absolute|an unrecognized relative) link '(?P<link>.+?)'"
)
MENU_ENTRY = re.compile(r"^A (?:reference|relative path|absolute path) to '(?P<link>.+?)' is included in the 'nav'")


@dataclass
class _Message:
    """One message of MkDocs' output: its lines, and whether it is shown."""

    lines: list[str]
    shown: bool


def author_messages(output: str, project: Project) -> str:
    """MkDocs' ``output`` without its INFO and DEBUG messages, each page or menu message with its file and line."""
    messages: list[_Message] = []
    for line in output.splitlines():
        start = MESSAGE_START.match(line)
        if start is not None:
            messages.append(_Message([line], start["level"] not in QUIET_LEVELS))
        elif line[:1].isspace() and messages:
            messages[-1].lines.append(line)
        elif line.strip():
            messages.append(_Message([line], True))
    shown = []
    for message in messages:
        if message.shown:
            location = _location(" ".join(line.strip() for line in message.lines), project)
            shown.append(location + "\n".join(message.lines))
    return "\n".join(shown)


def _location(message: str, project: Project) -> str:
    """``file:line: `` of what ``message`` is about, when it names a page's link or a menu entry; else nothing."""
    start = MESSAGE_START.match(message)
    text = start["text"] if start else message
    if link := PAGE_LINK.match(text):
        file = project.pages_dir / link["page"]
        line = _line_of(file, _LINK_TARGET, link["link"])
    elif entry := MENU_ENTRY.match(text):
        file = project.config_file
        line = _line_of(file, _MENU_TARGET, entry["link"])
    else:
        return ""
    if not file.is_file():
        return ""
    name = project.relative(file)
    return f"{name}:{line}: " if line else f"{name}: "


_LINK_TARGET = r"(?:[(<\"']|\]:[ \t]*){target}(?:[)>\"'\s#?]|$)"
"""Where a link's target is written in Markdown: ``[text](target)``, ``[label]: target``, ``href="target"``."""
_MENU_TARGET = r"(?:^|[:\s\"']){target}(?:[\"'\s]|$)"
"""Where a menu entry's page is written in mkdocs.yml: ``- Title: page.md`` or ``- page.md``."""


def _line_of(file: Path, pattern: str, target: str) -> int:
    """The first line of ``file`` where ``target`` is written as ``pattern`` says; else the first it is on at all."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    written = re.compile(pattern.format(target=re.escape(target)))
    for candidate in (written.search, lambda line: target in line):
        for number, line in enumerate(lines, start=1):
            if candidate(line):
                return number
    return 0
