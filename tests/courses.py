"""The courses the tests build, each copied into a temporary folder first.

A test never builds into the repository: the build writes a site and a generated docs folder
next to its mkdocs.yml, and tests running in parallel (pytest-xdist) or a developer's
``make serve`` would otherwise build into the same folders at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
"""The repository; its mkdocs.yml is the embedded course."""

ENGLISH_COURSE = REPO / "tests" / "fixtures" / "courses" / "english"
"""A second, small course in English (its mkdocs.yml says what it exists to prove)."""

_OUTPUTS = shutil.ignore_patterns("generated", "site", "*-cache", "__pycache__")


def copy_embedded_course(destination: Path) -> Path:
    """Copy the embedded course (mkdocs.yml, its pages and questionnaires) to ``destination``;
    returns the copy's mkdocs.yml."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "forms"):
        shutil.copytree(REPO / name, destination / name, ignore=_OUTPUTS)
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    return destination / "mkdocs.yml"


def copy_english_course(destination: Path) -> Path:
    """Copy the English fixture course to ``destination``; returns the copy's mkdocs.yml."""
    shutil.copytree(ENGLISH_COURSE, destination, ignore=_OUTPUTS)
    return destination / "mkdocs.yml"
