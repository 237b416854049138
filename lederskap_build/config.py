"""The course project's settings, read from its ``mkdocs.yml``.

The course keeps one configuration file, the one MkDocs (or Zensical) reads.
Our settings live under ``extra.lederskap``; from the rest we only read where
MkDocs expects its pages (``docs_dir``), which is where the build writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from lederskap_scorer.schema import Id, SchemaError, parse

from .errors import ContentError, ContentProblem
from .yaml_source import YamlDocument, YamlSyntaxError, load_yaml

Language = Literal["nb", "en"]


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
    except YamlSyntaxError as error:
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
    problems += _check_assets_are_loaded(data, document)
    if problems:
        raise ContentError(problems)
    assert isinstance(docs_dir, str)
    generated_dir = (root / docs_dir).resolve()
    pages_dir = (root / settings.pages_dir).resolve()
    if generated_dir == pages_dir or pages_dir.is_relative_to(generated_dir) or generated_dir.is_relative_to(pages_dir):
        raise ContentError(
            [
                document.problem(
                    "docs_dir",
                    f"expected a folder of its own for the generated pages, apart from the pages "
                    f"in '{settings.pages_dir}', but '{docs_dir}' was given",
                )
            ]
        )
    site_dir = data.get("site_dir", "site")
    return Project(
        root=root,
        config_file=config_file,
        settings=settings,
        pages_dir=pages_dir,
        forms_dir=(root / settings.forms_dir).resolve(),
        generated_dir=generated_dir,
        site_dir=(root / str(site_dir)).resolve(),
        site_name=str(data.get("site_name", "")),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
    )
