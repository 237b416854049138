"""Zensical as the engine that builds the site (``extra.lederskap.engine: zensical``, :mod:`.engines`).

Zensical reads the course's mkdocs.yml, the generated folder and the theme layer as MkDocs
does. What differs, and is handled here:

* **Where it builds.** ``zensical build`` has no ``--site-dir``: it builds into mkdocs.yml's
  ``site_dir``, which holds the last good site. So each run gets a configuration file of its
  own next to mkdocs.yml (relative paths mean the same there), ``.lederskap-zensical-*.yml``,
  that inherits everything from mkdocs.yml (``INHERIT``, which Zensical reads as MkDocs
  does) and only names another ``site_dir``: the build's staging folder (:mod:`.site`), or the
  preview's folder under ``lederskap serve``. The file is removed after the run. Zensical keeps
  a cache of its own in ``.cache/`` next to mkdocs.yml (with a ``.gitignore`` of its own).
* **Strictness.** ``--strict`` fails the build on every warning, whatever mkdocs.yml says:
  a link to a page or file that does not exist and (unlike MkDocs by default) to an anchor that
  does not exist, in Markdown links and in raw HTML alike. A menu entry (``nav``) for a missing
  page it leaves out of the menu without a word, so :func:`~.config.menu_problems` checks
  the menu before Zensical runs.
* **Its messages** are coloured boxes about the generated copy of a page, whose lines are
  not the author's once a questionnaire is rendered into it. :func:`author_messages` gives
  each one line, ``docs/page.md:12: Warning: page does not exist: 'other.md'``, with the file
  and line as the author wrote them, and leaves out Zensical's progress lines and the
  traceback of its strict-mode abort; of an error of Zensical's own (a template it cannot
  render) it keeps the message, not the traceback of its command line. Every other line is
  kept as Zensical wrote it.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .config import Project
from .engines import ZENSICAL_REQUIREMENT, ZENSICAL_VERSION
from .errors import SetupError

CONFIG_PREFIX = ".lederskap-zensical-"


def zensical_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "zensical", *args]


def require_zensical() -> None:
    """Zensical must be installed where the build runs; a version other than the tested one is named on stderr."""
    if importlib.util.find_spec("zensical") is None:
        raise SetupError(
            "This course is built with Zensical (extra.lederskap.engine: zensical, or --engine zensical), which "
            f"is not installed: install it next to lederskap with `pip install '{ZENSICAL_REQUIREMENT}'` (or "
            "install lederskap with its extra: `pip install 'lederskap-build[zensical]'`), or build with MkDocs "
            "(--engine mkdocs)."
        )
    from importlib import metadata  # here: only a Zensical build asks, and it costs a build with MkDocs 10 ms

    try:
        installed = metadata.version("zensical")
    except metadata.PackageNotFoundError:
        return
    if installed != ZENSICAL_VERSION:
        print(
            f"note: Zensical {installed} is installed; lederskap is tested with {ZENSICAL_VERSION} "
            f"(`pip install '{ZENSICAL_REQUIREMENT}'`).",
            file=sys.stderr,
            flush=True,
        )


@contextmanager
def config_building_into(project: Project, site_dir: Path) -> Iterator[Path]:
    """A configuration file next to mkdocs.yml that is mkdocs.yml building into ``site_dir``; removed afterwards."""
    handle, name = tempfile.mkstemp(prefix=CONFIG_PREFIX, suffix=".yml", dir=project.config_file.parent)
    os.close(handle)
    path = Path(name)
    try:
        write_config(path, project, site_dir)
        yield path
    finally:
        path.unlink(missing_ok=True)


def write_config(path: Path, project: Project, site_dir: Path) -> None:
    """Write the configuration of :func:`config_building_into`. Written again, with mkdocs.yml's time of change
    in it, it makes ``zensical serve`` read mkdocs.yml again: it watches the file it was given, not the one that
    file inherits."""
    changed = project.config_file.stat().st_mtime_ns if project.config_file.is_file() else 0
    path.write_text(
        "# Written by lederskap for one run of Zensical, and removed after it: the course's\n"
        f"# configuration ({project.config_file.name}, changed at {changed}), building into a folder of its own.\n"
        f"INHERIT: {json.dumps(project.config_file.name)}\n"
        f"site_dir: {json.dumps(str(site_dir))}\n",
        encoding="utf-8",
    )


# What Zensical writes: progress, diagnostics (a header line, then a box drawn with these characters,
# in colour), and on a strict abort a Python traceback ending in this RuntimeError.
_COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_PROGRESS = re.compile(r"^(?:Build started|Build finished in .*|No issues found)$")
_DIAGNOSTIC = re.compile(r"^(?P<level>Warning|Error|Advice|Info|Note): ?(?P<text>.*)$")
_BOX = re.compile(r"^(?:\s|[─│╭╰╯]|\d+\s*│)")
"""A line of a diagnostic's box: indented, a line of the box's frame, or a numbered line of the page."""
_SOURCE = re.compile(r"╭─\[\s*(?P<file>.+?):(?P<line>\d+):(?P<column>\d+)\s*\]")
_CODE = re.compile(r"^\s*\d+\s*│ (?P<code>.*)$")
_MARKS = re.compile(r"^\s*│ (?P<marks>.*[─┬].*)$")
_STRICT_ABORT = "RuntimeError: Aborted because --strict flag is set"
_NATIVE_ERROR = "RuntimeError: "


@dataclass
class _Diagnostic:
    level: str
    text: str
    box: list[str]


def author_messages(output: str, project: Project) -> str:
    """Zensical's ``output`` as an author reads it (see the module's description)."""
    lines = _COLOUR.sub("", output).splitlines()
    shown: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if (header := _DIAGNOSTIC.match(line)) is not None:
            diagnostic = _Diagnostic(header["level"], header["text"].strip(), [])
            while index < len(lines) and _BOX.match(lines[index]):
                diagnostic.box.append(lines[index])
                index += 1
            shown.append(_diagnostic_line(diagnostic, project))
        elif line.startswith("Traceback (most recent call last):"):
            end = index
            while end < len(lines) and (lines[end][:1].isspace() or not lines[end].strip()):
                end += 1
            traceback = lines[index - 1 : end + 1]
            index = end + 1
            if traceback[-1:] == [_STRICT_ABORT]:
                continue
            # Zensical's own errors (a template it cannot render, say) come from its native code as a
            # RuntimeError: the message says it all, the Python frames of its command line nothing.
            shown += traceback[-1:] if traceback[-1].startswith(_NATIVE_ERROR) else traceback
        elif line.strip() and not _PROGRESS.match(line):
            shown.append(line)
    return "\n".join(shown)


def _diagnostic_line(diagnostic: _Diagnostic, project: Project) -> str:
    """``file:line: Level: text: 'target'``, the file and line as the author wrote them."""
    words = f"{diagnostic.level}: {diagnostic.text}"
    source = next((m for line in diagnostic.box if (m := _SOURCE.search(line))), None)
    if source is None:
        return words
    code = next((m["code"] for line in diagnostic.box if (m := _CODE.match(line))), None)
    marks = next((m["marks"] for line in diagnostic.box if (m := _MARKS.match(line))), None)
    if code is not None and marks is not None and (span := re.search(r"[─┬]+", marks)):
        target = code[span.start() : span.end()].strip()
        if target:
            words += f": '{target}'"
    file, line = _author_place(source["file"], int(source["line"]), project)
    return f"{file}:{line}: {words}" if line else f"{file}: {words}"


def _author_place(generated_name: str, generated_line: int, project: Project) -> tuple[str, int]:
    """The author's page and line of ``generated_line`` in the generated copy of a page (``docs_dir``/name).

    The build copies every line of the page except the questionnaire placements, which become the
    rendered form: the two are matched line by line, and a line of a rendered form has no line of its own.
    """
    page = project.pages_dir / generated_name
    generated = project.generated_dir / generated_name
    if not page.is_file():
        return (project.relative(generated) if generated.is_file() else generated_name), generated_line
    try:
        written = page.read_text(encoding="utf-8").splitlines()
        copied = generated.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return project.relative(page), 0
    matcher = difflib.SequenceMatcher(None, written, copied, autojunk=False)
    wanted = generated_line - 1
    for block in matcher.get_matching_blocks():
        if block.b <= wanted < block.b + block.size:
            return project.relative(page), block.a + wanted - block.b + 1
    return project.relative(page), 0
