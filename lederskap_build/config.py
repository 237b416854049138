"""The course project's settings, read from its ``mkdocs.yml``.

The course keeps one configuration file, the one MkDocs (or Zensical) reads.
Our settings live under ``extra.lederskap``; from the rest we read where MkDocs
expects its pages (``docs_dir``), which is where the build writes them, where it
writes the site (``site_dir``), and the theme's ``custom_dir``, where it writes the
theme layer (:mod:`.theme_layer`). The settings that would break what every page
promises learners (no request to another origin, no inline script) are problems here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from lederskap_scorer.format import Language
from lederskap_scorer.schema import Id, SchemaError, describe, parse

from .engines import DEFAULT_ENGINE, Engine
from .errors import ContentError, ContentProblem
from .output_folders import GENERATED, SITE, THEME, placement_problem, writable_by_the_build
from .theme_layer import overrides_problems
from .yaml_source import YamlDocument, YamlLoadError, load_yaml


@dataclass(frozen=True)
class CourseSettings:
    """``extra.lederskap`` in mkdocs.yml.

    ``course`` is part of every learner's storage key: never change it once
    learners have answered. ``language`` is the language of the questionnaires'
    buttons and messages; it has no default, so that no course gets an interface in
    a language its author never chose.
    """

    course: Id
    language: Language
    pages_dir: str = "docs"
    forms_dir: str = "forms"
    overrides_dir: str | None = None
    """The course's own template overrides (what MkDocs calls ``custom_dir``), if any: the build
    layers them over lederskap's templates into ``theme.custom_dir`` (:mod:`.theme_layer`)."""
    engine: Engine = DEFAULT_ENGINE
    """What builds the site from the generated folder: MkDocs or Zensical (:mod:`.engines`);
    ``lederskap build --engine`` overrides it for one build."""


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
    theme_dir: Path
    """``theme.custom_dir``: the theme layer the build writes (lederskap's templates, the course's above)."""
    overrides_dir: Path | None
    """The course's own template overrides, if it has any."""
    site_name: str
    use_directory_urls: bool = True
    """MkDocs' ``use_directory_urls``: ``a.md`` is published as ``a/`` (else ``a.html``)."""
    warnings: tuple[ContentProblem, ...] = ()
    """What is odd in mkdocs.yml but does not stop the build (a theme in another language, say)."""

    def relative(self, path: Path) -> str:
        """``path`` as the author sees it, relative to the project."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def with_engine(self, engine: Engine | None) -> Project:
        """The project built by ``engine`` (``--engine`` on the command line); as mkdocs.yml says if None."""
        return self if engine is None else replace(self, settings=replace(self.settings, engine=engine))


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
            document.problem(
                "extra.lederskap",
                "missing required settings 'extra.lederskap' (at least 'course: <id>' and 'language: <nb or en>')",
            )
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
    custom_dir, theme_problems = _theme_settings(data, document)
    problems += theme_problems
    problems += _check_assets_are_loaded(data, document)
    problems += _check_other_origins(data, document)
    if problems:
        raise ContentError(problems)
    assert isinstance(docs_dir, str) and isinstance(site_dir, str) and custom_dir is not None
    pages_dir = (root / settings.pages_dir).resolve()
    forms_dir = (root / settings.forms_dir).resolve()
    generated_dir = (root / docs_dir).resolve()
    overrides_dir = (root / settings.overrides_dir).resolve() if settings.overrides_dir else None
    project = Project(
        root=root,
        config_file=config_file,
        settings=settings,
        pages_dir=pages_dir,
        forms_dir=forms_dir,
        generated_dir=generated_dir,
        cache_dir=generated_dir.with_name(generated_dir.name + "-cache"),
        site_dir=(root / site_dir).resolve(),
        theme_dir=(root / custom_dir).resolve(),
        overrides_dir=overrides_dir,
        site_name=str(data.get("site_name", "")),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        warnings=tuple(_language_warnings(data, settings.language, document)),
    )
    problems = _check_output_folders(project, docs_dir, site_dir, custom_dir, document)
    if settings.overrides_dir is not None and overrides_dir is not None:
        if overrides_dir.is_dir():
            problems += overrides_problems(overrides_dir, settings.overrides_dir)
        else:
            problems.append(
                document.problem(
                    "extra.lederskap.overrides_dir",
                    f"expected the folder of the course's own template overrides, but '{settings.overrides_dir}' "
                    "is not a folder",
                )
            )
    if problems:
        raise ContentError(problems)
    return project


def _theme_settings(data: dict[str, Any], document: YamlDocument) -> tuple[str | None, list[ContentProblem]]:
    """The theme's ``custom_dir`` (the theme layer the build writes), and what is wrong with the theme's settings."""
    theme = data.get("theme")
    if not isinstance(theme, dict):
        return None, [
            document.problem(
                "theme",
                f"expected the theme's settings (name: material, custom_dir: {THEME.example}, font: false), "
                f"but {describe(theme)} was given",
            )
        ]
    problems = []
    custom_dir = theme.get("custom_dir")
    if not isinstance(custom_dir, str) or not custom_dir:
        problems.append(
            document.problem(
                "theme.custom_dir",
                "missing 'custom_dir': set it to the folder the build writes the theme layer into (lederskap's "
                "templates, which give every page its Content Security Policy, with the course's own from "
                f"extra.lederskap.overrides_dir above them), e.g. {THEME.example}",
            )
        )
    why_no_fonts = (
        "Material would load its fonts from Google (fonts.googleapis.com) on every page, a request to another "
        "origin that tells Google who reads the course; with false the pages use the device's own fonts"
    )
    if "font" not in theme:
        problems.append(document.problem("theme.font", f"missing 'font: false': {why_no_fonts}"))
    elif theme["font"] is not False:
        problems.append(
            document.problem("theme.font", f"expected false, but {describe(theme['font'])} was given: {why_no_fonts}")
        )
    return (custom_dir if isinstance(custom_dir, str) and custom_dir else None), problems


_URL_WITH_ORIGIN = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
"""An absolute URL (``https://...``, ``//host/...``), which names an origin of its own."""


def _check_other_origins(data: dict[str, Any], document: YamlDocument) -> list[ContentProblem]:
    """Settings that make every page ask another origin for something (and the policy block it)."""
    problems = []
    for key in ("extra_css", "extra_javascript"):
        entries = data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            path = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(path, str) and _URL_WITH_ORIGIN.match(path):
                problems.append(
                    document.problem(
                        f"{key}[{index}]",
                        f"'{path}' is loaded from another origin: every learner's browser would ask that server "
                        "for it (and the Content Security Policy blocks it); put the file in the pages folder and "
                        "name it by its path there",
                    )
                )
    extra = data.get("extra")
    if isinstance(extra, dict) and extra.get("analytics"):
        problems.append(
            document.problem(
                "extra.analytics",
                "Material's analytics send every visit to Google Analytics, another origin, from an inline script; "
                "remove them: the course promises learners that nothing leaves their device",
            )
        )
    return problems


THEME_DEFAULT_LANGUAGE = "en"
"""The language of Material's own words (menu, search, footer) when ``theme.language`` is not set."""


def _language_warnings(data: dict[str, Any], language: Language, document: YamlDocument) -> list[ContentProblem]:
    """A warning when the theme's words (menu, search) would be in another language than the questionnaires'."""
    theme = data.get("theme")
    theme_language = theme.get("language") if isinstance(theme, dict) else None
    if theme_language is None:
        if language == THEME_DEFAULT_LANGUAGE:
            return []
        return [
            document.problem(
                "theme",
                f"the theme's language is not set, so the menu and search are in English ('{THEME_DEFAULT_LANGUAGE}') "
                f"and the questionnaires in '{language}' (extra.lederskap.language); add 'language: {language}' "
                "under theme",
            )
        ]
    if str(theme_language).split("-")[0].lower() == language:
        return []
    return [
        document.problem(
            "theme.language",
            f"the theme's language '{theme_language}' is not the course's language '{language}' "
            "(extra.lederskap.language), so the menu and search would be in one language and the questionnaires "
            "in another; set both to the same language",
        )
    ]


def _check_output_folders(
    project: Project, docs_dir: str, site_dir: str, custom_dir: str, document: YamlDocument
) -> list[ContentProblem]:
    """The generated pages, the theme layer and the site each need a folder of their own (:mod:`.output_folders`)."""
    authors = [(project.settings.pages_dir, project.pages_dir), (project.settings.forms_dir, project.forms_dir)]
    if project.settings.overrides_dir is not None and project.overrides_dir is not None:
        authors.append((project.settings.overrides_dir, project.overrides_dir))
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
    theme = placement_problem(
        THEME,
        custom_dir,
        project.theme_dir,
        config_file=project.config_file,
        apart_from=[*authors, *outputs],
        unnamed=[] if generated else [project.cache_dir],
    )
    if not theme and project.theme_dir.is_dir() and not writable_by_the_build(project.theme_dir, THEME):
        theme = (
            f"expected a folder the build writes the theme layer into, e.g. {THEME.example}, but '{custom_dir}' "
            "holds files lederskap build did not write. If they are your template overrides, name them in "
            f"extra.lederskap (overrides_dir: {custom_dir}) and set custom_dir to {THEME.example}: the build "
            "puts them above lederskap's templates"
        )
    if theme:
        problems.append(document.problem("theme.custom_dir", theme))
    else:
        outputs.append((custom_dir, project.theme_dir))
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


def menu_problems(project: Project) -> list[ContentProblem]:
    """Each menu entry (``nav``) that names a page the pages folder does not have.

    MkDocs reports such an entry and fails a strict build (:mod:`.mkdocs_log`); Zensical leaves it
    out of the menu without a word, so for Zensical the build checks the menu itself
    (:mod:`.zensical_engine`). Entries with an address of their own (``https://...``, ``/...``) are
    links, not pages.
    """
    name = project.config_file.name
    try:
        document, _ = load_yaml(project.config_file.read_text(encoding="utf-8"), name, _TolerantLoader)
    except (OSError, YamlLoadError):
        return []  # read and checked by load_project a moment ago; a file changed since is the next build's
    data = document.data
    nav = data.get("nav") if isinstance(data, dict) else None
    pages = project.relative(project.pages_dir)
    problems = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, list):
            for index, entry in enumerate(value):
                walk(entry, f"{path}[{index}]")
        elif isinstance(value, dict):
            for key, entry in value.items():
                walk(entry, f"{path}.{key}")
        elif isinstance(value, str) and not _is_address(value) and not (project.pages_dir / value).is_file():
            problems.append(
                ContentProblem(
                    name,
                    document.line_of(path),
                    "nav",
                    f"the menu names the page '{value}', but {pages}/{value} does not exist; add the page "
                    "or remove the entry (Zensical would leave the entry out of the menu without a word)",
                )
            )

    walk(nav, "nav")
    return problems


def _is_address(entry: str) -> bool:
    """Whether a menu entry is an address (``https://...``, ``/...``) rather than a page of the pages folder."""
    return bool(_URL_WITH_ORIGIN.match(entry)) or entry.startswith("/")
