"""``lederskap new DIR``: a starter course that builds, serves and passes ``lederskap check``.

The course is ``starter_course/`` in this package, written as it is except for a few
words: the course's id and title (from the folder's name) and, in the GitHub Pages
workflow, how to install this tool (:func:`tool_requirement`). It never writes into a
folder that holds anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from lederskap_scorer.schema import is_id

from .errors import BuildError

DISTRIBUTION = "lederskap-build"
DEFAULT_COURSE = "my-course"
WORKFLOW = ".github/workflows/publish.yml"

COURSE_MARKER = "@@COURSE@@"
SITE_NAME_MARKER = "@@SITE_NAME@@"
REQUIREMENT_MARKER = "@@REQUIREMENT@@"


@dataclass(frozen=True)
class StarterCourse:
    """What :func:`write_starter_course` wrote."""

    folder: Path
    course: str
    site_name: str
    requirement: str
    """How the Pages workflow installs lederskap."""
    requirement_known: bool
    """Whether the requirement names where this tool was installed from (a git repository, or PyPI) for sure."""
    files: tuple[str, ...]


def course_id_for(folder: Path) -> str:
    """A course id (see AUTHORING.md's id rules) from the folder's name: ``My Course 2026`` -> ``my-course-2026``."""
    words = re.findall(r"[a-z0-9]+", folder.name.lower())
    course = "-".join(words)[:64].strip("-")
    return course if is_id(course) else DEFAULT_COURSE


def site_name_for(course: str) -> str:
    """A title from a course id: ``my-course-2026`` -> ``My course 2026``."""
    return course.replace("-", " ").replace("_", " ").capitalize()


def tool_requirement() -> tuple[str, bool]:
    """How the Pages workflow installs lederskap, and whether that is where this copy came from.

    A copy installed from a git repository (pip records it, PEP 610) is installed from that
    repository at the same commit; any other, as this version from PyPI.
    """
    try:
        distribution = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return f"{DISTRIBUTION}", False
    direct_url = distribution.read_text("direct_url.json")
    if direct_url:
        origin = json.loads(direct_url)
        vcs = origin.get("vcs_info") if isinstance(origin, dict) else None
        url = origin.get("url", "") if isinstance(origin, dict) else ""
        if isinstance(vcs, dict) and vcs.get("vcs") == "git" and str(url).startswith("https://"):
            return f"{DISTRIBUTION} @ git+{url}@{vcs.get('commit_id')}", True
        return f"{DISTRIBUTION}=={distribution.version}", False
    return f"{DISTRIBUTION}=={distribution.version}", True


def _starter_files() -> Iterator[tuple[str, bytes]]:
    def walk(node: resources.abc.Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    yield from walk(child, f"{name}/")
            else:
                yield name, child.read_bytes()

    yield from walk(resources.files(__package__).joinpath("starter_course"), "")


def write_starter_course(folder: Path, course: str | None = None) -> StarterCourse:
    """Write the starter course into ``folder``, which must be absent or empty."""
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{folder} is a file: lederskap new writes a course into a new or empty folder.")
    if folder.is_dir() and any(folder.iterdir()):
        raise BuildError(
            f"{folder} is not empty: lederskap new writes a course into a new or empty folder, "
            "so that it never writes over files. Choose another folder."
        )
    if course is not None and not is_id(course):
        raise BuildError(
            f"'{course}' is not a course id: expected lowercase letters, digits, '-' and '_' (at most 64, "
            "starting and ending with a letter or digit), e.g. my-course"
        )
    course = course or course_id_for(folder.resolve())
    site_name = site_name_for(course)
    requirement, known = tool_requirement()
    words = {COURSE_MARKER: course, SITE_NAME_MARKER: site_name, REQUIREMENT_MARKER: requirement}
    written = []
    for name, content in _starter_files():
        text = content.decode("utf-8")
        for marker, word in words.items():
            text = text.replace(marker, word)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(name)
    return StarterCourse(folder, course, site_name, requirement, known, tuple(written))


def next_steps(starter: StarterCourse, shown_as: str) -> str:
    """What the author reads after ``lederskap new``."""
    lines = [
        f"Wrote the course '{starter.course}' ({len(starter.files)} files) into {shown_as}. Next:",
        f"  cd {shown_as}",
        "  npm install          # once: the Pyodide runtime the site serves itself (Node.js 20 or later)",
        "  lederskap serve      # preview on http://127.0.0.1:8000 while you edit docs/ and forms/",
        "The course id is part of where learners' answers are stored: change it in mkdocs.yml "
        "(extra.lederskap.course) before you publish, never after.",
    ]
    workflow = f"The Pages workflow ({WORKFLOW}) installs {starter.requirement}"
    if starter.requirement_known:
        lines.append(f"{workflow}.")
    else:
        lines.append(f"{workflow}; if you install lederskap from somewhere else, change that line.")
    return "\n".join(lines)
