"""The course project's settings, read from its ``mkdocs.yml``.

The course keeps one configuration file, the one MkDocs (or Zensical) reads.
Our settings live under ``extra.lederskap``; from the rest we read where MkDocs
expects its pages (``docs_dir``), which is where the build writes them, where it
writes the site (``site_dir``), and the theme's ``custom_dir``, which neither may touch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from lederskap_scorer.format import Language
from lederskap_scorer.schema import Id, SchemaError, describe, parse

from .errors import ContentError, ContentProblem
from .output_folders import GENERATED, SITE, placement_problem
from .yaml_source import YamlDocument, YamlLoadError, load_yaml


@dataclass(frozen=True)
class CourseSettings:
    """``extra.lederskap`` in mkdocs.yml.

    ``course`` is part of every learner's storage key: never change it once
    learners have answered.
    """

    course: Id
    language: Language = "nb"
    pages_dir: str = "docs"
    forms_dir: str = "forms"


@dataclass(frozen=True)
class Project:
    """Where a course project's files are, resolved to absolute paths."""

    root: Path
    config_file: Path
    settings: CourseSettings
    pages_dir: Path
    forms_dir: Path
    generated_dir: Path
    """``docs_dir``: the generated pages MkDocs reads."""
    cache_dir: Path
    """Next to ``generated_dir``: the scorer wheel, built once per version of the scorer's sources."""
    site_dir: Path
    site_name: str
    use_directory_urls: bool = True
    """MkDocs' ``use_directory_urls``: ``a.md`` is published as ``a/`` (else ``a.html``)."""

    def relative(self, path: Path) -> str:
        """``path`` as the author sees it, relative to the project."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use MkDocs' own tags (``!ENV``, ``!!python/name:``) without running them."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


MAIN_SCRIPT = "assets/lederskap/main.js"
STYLESHEET = "assets/lederskap/lederskap.css"


def _check_assets_are_loaded(data: dict[str, Any], document: YamlDocument) -> list[ContentProblem]:
    """The pages need our script (as a module) and our styles; MkDocs loads them from these settings."""
    problems = []
    scripts = data.get("extra_javascript") or []
    if not any(isinstance(s, dict) and s.get("path") == MAIN_SCRIPT and s.get("type") == "module" for s in scripts):
        problems.append(
            document.problem(
                "extra_javascript",
                f"expected an entry {{path: {MAIN_SCRIPT}, type: module}}, which makes the questionnaires work",
            )
        )
    if STYLESHEET not in (data.get("extra_css") or []):
        problems.append(document.problem("extra_css", f"expected an entry {STYLESHEET}, the questionnaires' styles"))
    return problems


def load_project(config_file: Path) -> Project:
    """Read and check ``mkdocs.yml``; raise :class:`ContentError` listing every problem."""
    config_file = config_file.resolve()
    root = config_file.parent
    name = config_file.name
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError([ContentProblem(name, 0, "", f"cannot read the file: {error.strerror}")]) from error
    try:
        document, problems = load_yaml(text, name, _TolerantLoader)
    except YamlLoadError as error:
        raise ContentError([error.problem]) from error
    data = document.data
    if not isinstance(data, dict):
        raise ContentError([ContentProblem(name, 1, "", "expected a mapping of MkDocs settings")])
    extra = data.get("extra")
    raw_settings = extra.get("lederskap") if isinstance(extra, dict) else None
    if raw_settings is None:
        problems.append(
            document.problem("extra.lederskap", "missing required settings 'extra.lederskap' (at least 'course: <id>')")
        )
    else:
        try:
            settings = parse(CourseSettings, raw_settings, "extra.lederskap")
        except SchemaError as error:
            problems += [document.problem(p.path, p.message) for p in error.problems]
    docs_dir = data.get("docs_dir")
    if not isinstance(docs_dir, str) or not docs_dir:
        problems.append(
            document.problem(
                "docs_dir", "missing 'docs_dir': set it to the folder the build writes, e.g. generated/docs"
            )
        )
    site_dir = data.get("site_dir", "site")
    if not isinstance(site_dir, str) or not site_dir:
        problems.append(
            document.problem(
                "site_dir", f"expected the folder for the built site, e.g. site, but {describe(site_dir)} was given"
            )
        )
    problems += _check_assets_are_loaded(data, document)
    if problems:
        raise ContentError(problems)
    assert isinstance(docs_dir, str) and isinstance(site_dir, str)
    pages_dir = (root / settings.pages_dir).resolve()
    forms_dir = (root / settings.forms_dir).resolve()
    generated_dir = (root / docs_dir).resolve()
    project = Project(
        root=root,
        config_file=config_file,
        settings=settings,
        pages_dir=pages_dir,
        forms_dir=forms_dir,
        generated_dir=generated_dir,
        cache_dir=generated_dir.with_name(generated_dir.name + "-cache"),
        site_dir=(root / site_dir).resolve(),
        site_name=str(data.get("site_name", "")),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
    )
    problems = _check_output_folders(project, docs_dir, site_dir, _overrides(data), document)
    if problems:
        raise ContentError(problems)
    return project


def _overrides(data: dict[str, Any]) -> str | None:
    """The theme's ``custom_dir`` (our template overrides), if set."""
    theme = data.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    return custom_dir if isinstance(custom_dir, str) and custom_dir else None


def _check_output_folders(
    project: Project, docs_dir: str, site_dir: str, overrides: str | None, document: YamlDocument
) -> list[ContentProblem]:
    """The generated pages and the site each need a folder of their own (see :mod:`.output_folders`)."""
    root = project.root
    authors = [(project.settings.pages_dir, project.pages_dir), (project.settings.forms_dir, project.forms_dir)]
    if overrides is not None:
        authors.append((overrides, (root / overrides).resolve()))
    problems = []
    generated = placement_problem(
        GENERATED,
        docs_dir,
        project.generated_dir,
        config_file=project.config_file,
        apart_from=authors,
        cache=project.cache_dir,
    )
    if generated:
        problems.append(document.problem("docs_dir", generated))
    outputs = [] if generated else [(docs_dir, project.generated_dir)]
    site = placement_problem(
        SITE,
        site_dir,
        project.site_dir,
        config_file=project.config_file,
        apart_from=[*authors, *outputs],
        unnamed=[] if generated else [project.cache_dir],
    )
    if site:
        problems.append(document.problem("site_dir", site))
    return problems
