"""The courses measured: a copy of this repository's course, and the plain twin of any course.

The plain twin is the baseline of the build: the same Markdown pages with the
``::questionnaire{...}`` lines removed, built by a plain ``mkdocs build`` with
the same theme and plugins but none of our scripts, styles or generated files.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lederskap_scorer.model import Questionnaire

from lederskap_build.config import MAIN_SCRIPT, STYLESHEET, load_project
from lederskap_build.course import Course, load_course
from lederskap_build.pages import find_placements

from . import REPO
from .mkdocs_yaml import dump_mkdocs_yml, load_mkdocs_yml

COURSE_FILES = ("mkdocs.yml", "docs", "forms")
PLAIN_PAGES = "plain-docs"
PLAIN_SITE = "plain-site"
PLAIN_CONFIG = "mkdocs-plain.yml"


@dataclass(frozen=True)
class CourseUnderTest:
    """A course to build: its own mkdocs.yml and the plain twin's."""

    name: str
    config: Path
    plain_config: Path

    @property
    def root(self) -> Path:
        return self.config.parent


def with_absolute_paths(settings: dict[str, Any], root: Path) -> dict[str, Any]:
    """``settings`` with the ``hooks`` made absolute (relative to ``root``). The theme's ``custom_dir`` is
    the build's own folder in each course (the theme layer), so it stays as it is."""
    hooks = settings.get("hooks")
    if isinstance(hooks, list):
        settings["hooks"] = [str((root / hook).resolve()) if isinstance(hook, str) else hook for hook in hooks]
    return settings


def copy_repo_course(target: Path) -> Path:
    """Copy this repository's course (mkdocs.yml, pages, questionnaires); return the copy's mkdocs.yml.

    MkDocs hooks, if the course has any, stay where they are: the copy names them by absolute path.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in COURSE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    config = target / "mkdocs.yml"
    settings = load_mkdocs_yml(config.read_text(encoding="utf-8"))
    if settings.get("hooks"):
        config.write_text(dump_mkdocs_yml(with_absolute_paths(settings, REPO)), encoding="utf-8")
    return config


def strip_placements(text: str) -> str:
    """The page without its questionnaire placement lines (lines in code blocks stay)."""
    drop = {placement.line for placement in find_placements(text)}
    lines = [line for number, line in enumerate(text.splitlines(), start=1) if number not in drop]
    return "\n".join(lines) + "\n"


def write_plain_twin(config: Path) -> Path:
    """Write the plain twin of the course at ``config`` next to it; return the twin's mkdocs.yml."""
    project = load_project(config)
    plain_pages = project.root / PLAIN_PAGES
    shutil.rmtree(plain_pages, ignore_errors=True)
    for path in sorted(p for p in project.pages_dir.rglob("*") if p.is_file()):
        target = plain_pages / path.relative_to(project.pages_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(strip_placements(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copy2(path, target)
    settings = with_absolute_paths(load_mkdocs_yml(config.read_text(encoding="utf-8")), project.root)
    settings["docs_dir"] = PLAIN_PAGES
    settings["site_dir"] = PLAIN_SITE
    # Material's own templates: lederskap's theme layer is written by lederskap build, which the twin has not.
    if isinstance(settings.get("theme"), dict):
        settings["theme"].pop("custom_dir", None)
    settings["extra_css"] = [css for css in settings.get("extra_css") or [] if css != STYLESHEET]
    settings["extra_javascript"] = [
        js
        for js in settings.get("extra_javascript") or []
        if not (isinstance(js, dict) and js.get("path") == MAIN_SCRIPT)
    ]
    settings["markdown_extensions"] = [
        ext for ext in settings.get("markdown_extensions") or [] if ext != "lederskap_build.markdown_forms"
    ]
    for key in ("extra_css", "extra_javascript"):
        if not settings[key]:
            del settings[key]
    extra = settings.get("extra")
    if isinstance(extra, dict):
        extra.pop("lederskap", None)
    plain_config = project.root / PLAIN_CONFIG
    plain_config.write_text(dump_mkdocs_yml(settings), encoding="utf-8")
    return plain_config


@dataclass(frozen=True)
class QuestionnairePage:
    """The page measured in the browser, and the questionnaire on it."""

    page: Path
    """The Markdown page, relative to the pages folder."""
    url_path: str
    """Its path on the built site, e.g. ``verktoy/lederferdigheter/``."""
    questionnaire: Questionnaire
    course_id: str


def url_path(page: Path, directory_urls: bool = True) -> str:
    """Where MkDocs puts a page (``use_directory_urls: true``)."""
    stem = page.with_suffix("")
    if stem.name == "index":
        parent = stem.parent.as_posix()
        return "" if parent == "." else f"{parent}/"
    return f"{stem.as_posix()}/" if directory_urls else f"{stem.as_posix()}.html"


def heaviest_questionnaire_page(course: Course) -> QuestionnairePage:
    """The page whose questionnaire has the most likert statements (the heaviest to load and score)."""
    best: tuple[int, str, QuestionnairePage] | None = None
    for page in course.pages:
        text = (course.project.pages_dir / page).read_text(encoding="utf-8")
        for placement in find_placements(text):
            if placement.id is None or placement.id not in course.questionnaires:
                continue
            q = course.questionnaires[placement.id].questionnaire
            items = sum(1 for _ in q.items())
            candidate = QuestionnairePage(page, url_path(page), q, course.project.settings.course)
            if items and (best is None or (items, page.as_posix()) > (best[0], best[1])):
                best = (items, page.as_posix(), candidate)
    if best is None:
        raise ValueError("no page of the course places a questionnaire with likert statements")
    return best[2]


def load_measured_page(config: Path) -> QuestionnairePage:
    """The questionnaire page to measure in the course at ``config``."""
    return heaviest_questionnaire_page(load_course(config))
