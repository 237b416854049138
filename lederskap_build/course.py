"""Loading a whole course: its settings, every questionnaire and every page, checked together."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lederskap_scorer.model import Questionnaire, check_questionnaire, check_view
from lederskap_scorer.schema import Problem, SchemaError, parse

from .addresses import page_addresses
from .config import Project, load_project
from .errors import ContentError, ContentProblem
from .pages import (
    BLOCK_START,
    BLOCKS,
    KNOWN_DIRECTIVES,
    SYNTAX,
    Swallowed,
    block_syntax,
    find_other_directives,
    find_placements,
    find_swallowed,
)
from .rich_text import Links, link_problems
from .yaml_source import YamlLoadError, load_yaml

FORM_SUFFIXES = (".yml", ".yaml")
TOP_LEVEL_ID = re.compile(r"^id:[ \t]*[\"']?(?P<id>[a-z0-9_-]+)", re.MULTILINE)


@dataclass(frozen=True)
class QuestionnaireSource:
    """A valid questionnaire and the file it was read from (relative to the project)."""

    questionnaire: Questionnaire
    file: str
    line: int = 1
    """The line of the questionnaire's id in the file."""


@dataclass(frozen=True)
class Course:
    """A course whose every file has been read and checked."""

    project: Project
    questionnaires: Mapping[str, QuestionnaireSource]
    pages: tuple[Path, ...]
    """Markdown pages, relative to ``project.pages_dir``."""
    placed_on: Mapping[str, Path] = field(default_factory=dict)
    """The page each placed questionnaire is on (the first, if several), relative to ``project.pages_dir``."""
    my_results_page: Path | None = None
    """The learner's results page (the first page with ``::my-results``), relative to ``project.pages_dir``;
    ``None`` when the course has none."""
    warnings: tuple[ContentProblem, ...] = ()
    """What the author should know but that does not stop the build (a questionnaire on no page, say),
    mkdocs.yml's included."""
    team_page: Path | None = None
    """The team page (the first page with ``::team``), relative to ``project.pages_dir``; ``None`` when
    the course has none. The results page links to it (``my_results.team_page_link``)."""


@dataclass(frozen=True)
class LoadResult:
    """What reading one questionnaire file gave: the questionnaire if it is valid, and every problem.

    ``declared_id`` is the id the file gives itself, even when the file is invalid, so that
    a page placing a broken questionnaire is not also told that the id is unknown; ``id_line``
    is the line it is on.
    """

    questionnaire: Questionnaire | None
    problems: list[ContentProblem]
    declared_id: str | None = None
    id_line: int = 1


def load_questionnaire(path: Path, file: str) -> LoadResult:
    """Read and check one questionnaire file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return LoadResult(None, [ContentProblem(file, 0, "", f"cannot read the file: {error}")])
    try:
        document, problems = load_yaml(text, file)
    except YamlLoadError as error:
        declared = TOP_LEVEL_ID.search(text)
        return LoadResult(None, [error.problem], declared["id"] if declared else None)
    declared = document.data.get("id") if isinstance(document.data, dict) else None
    declared_id = declared if isinstance(declared, str) else None
    id_line = document.line_of("id")
    try:
        questionnaire = parse(Questionnaire, document.data)
    except SchemaError as error:
        problems += [document.schema_problem(p) for p in error.problems]
        return LoadResult(None, problems, declared_id, id_line)
    problems += [document.schema_problem(p) for p in check_questionnaire(questionnaire)]
    return LoadResult(None if problems else questionnaire, problems, declared_id, id_line)


def load_course(config_file: Path) -> Course:
    """Read the project at ``config_file`` (its mkdocs.yml); raise :class:`ContentError` with every problem."""
    project = load_project(config_file)
    problems: list[ContentProblem] = []
    questionnaires: dict[str, QuestionnaireSource] = {}
    failed_ids: set[str] = set()
    if not project.forms_dir.is_dir():
        problems.append(
            ContentProblem(project.relative(project.forms_dir), 0, "", "the questionnaire folder does not exist")
        )
    else:
        for path in sorted(p for p in project.forms_dir.rglob("*") if p.suffix in FORM_SUFFIXES):
            file = project.relative(path)
            result = load_questionnaire(path, file)
            problems += result.problems
            questionnaire = result.questionnaire
            if questionnaire is None:
                if result.declared_id:
                    failed_ids.add(result.declared_id)
                continue
            earlier = questionnaires.get(questionnaire.id)
            if earlier is not None:
                problems.append(
                    ContentProblem(
                        file,
                        1,
                        "id",
                        f"duplicate questionnaire id '{questionnaire.id}' (already used in {earlier.file})",
                    )
                )
                continue
            questionnaires[questionnaire.id] = QuestionnaireSource(questionnaire, file, result.id_line)
        problems += _check_views(project, questionnaires, failed_ids)
    if not project.pages_dir.is_dir():
        problems.append(ContentProblem(project.relative(project.pages_dir), 0, "", "the pages folder does not exist"))
        pages: list[Path] = []
    else:
        pages = sorted(p.relative_to(project.pages_dir) for p in project.pages_dir.rglob("*.md"))
    known_ids = _known_ids_for_message(questionnaires)
    placed_on: dict[str, Path] = {}
    first_placed: dict[str, str] = {}
    """Where each questionnaire is first placed, as ``file:line``."""
    my_results_page: Path | None = None
    team_page: Path | None = None
    for page in pages:
        file = project.relative(project.pages_dir / page)
        try:
            text = (project.pages_dir / page).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(ContentProblem(file, 0, "", f"cannot read the file: {error}"))
            continue
        placed: dict[str, int] = {}
        for placement in find_placements(text):
            if placement.id is None:
                problems.append(ContentProblem(file, placement.line, "", f"expected a line of the form {SYNTAX}"))
            elif placement.id in placed:
                problems.append(
                    ContentProblem(
                        file,
                        placement.line,
                        "",
                        f"the questionnaire '{placement.id}' is placed twice on this page "
                        f"(first on line {placed[placement.id]})",
                    )
                )
            elif placement.id not in questionnaires and placement.id not in failed_ids:
                problems.append(
                    ContentProblem(
                        file, placement.line, "", f"unknown questionnaire '{placement.id}' (known: {known_ids})"
                    )
                )
            elif placement.id in placed_on:
                problems.append(
                    ContentProblem(
                        file,
                        placement.line,
                        "",
                        f"the questionnaire '{placement.id}' is already placed on {first_placed[placement.id]}; "
                        "place it on one page and link to that page from the others",
                    )
                )
            placed.setdefault(placement.id or "", placement.line)
            if placement.id is not None and placement.id not in placed_on:
                placed_on[placement.id] = page
                first_placed[placement.id] = f"{file}:{placement.line}"
        problems += _check_other_directives(file, text)
        problems += [_swallowed_problem(file, swallowed) for swallowed in find_swallowed(text)]
        blocks = {d.name for d in find_other_directives(text) if d.well_formed}
        if my_results_page is None and "my-results" in blocks:
            my_results_page = page
        if team_page is None and "team" in blocks:
            team_page = page
    problems += _check_links(project, questionnaires, pages)
    if problems:
        raise ContentError(problems)
    warnings = [*project.warnings, *_unplaced(questionnaires, placed_on)]
    return Course(
        project, questionnaires, tuple(pages), placed_on, my_results_page, tuple(sorted(warnings)), team_page
    )


def _check_links(
    project: Project, questionnaires: Mapping[str, QuestionnaireSource], pages: list[Path]
) -> list[ContentProblem]:
    """Every link in the questionnaires' texts that cannot work (rich_text.py), on its line: a course
    page that does not exist, or an address a learner cannot follow. Like MkDocs' strict check of
    the links between pages, for the texts MkDocs never sees."""
    links = Links(page_addresses(pages, project.use_directory_urls))
    problems: list[ContentProblem] = []
    for source in questionnaires.values():
        found = link_problems(source.questionnaire, links)
        if found:
            document, _ = load_yaml((project.root / source.file).read_text(encoding="utf-8"), source.file)
            problems += [document.problem(path, message) for path, message in found]
    return problems


def _unplaced(questionnaires: Mapping[str, QuestionnaireSource], placed_on: Mapping[str, Path]) -> list[ContentProblem]:
    """A warning for each questionnaire no page places: learners cannot answer it, but the rest of the course works.

    Not an error: a questionnaire is often written before the page that will hold it.
    """
    return [
        ContentProblem(
            source.file,
            source.line,
            "",
            f"the questionnaire '{questionnaire_id}' is placed on no page, so learners cannot answer it; "
            f'place it with a line ::questionnaire{{id="{questionnaire_id}"}} on a page',
        )
        for questionnaire_id, source in questionnaires.items()
        if questionnaire_id not in placed_on and not source.questionnaire.is_view
    ]


def _check_views(
    project: Project, questionnaires: Mapping[str, QuestionnaireSource], failed_ids: set[str]
) -> list[ContentProblem]:
    """Each view (``view_of``) against the questionnaire it views, on the lines of the view's file.

    A view is not placed on a page (learners reach it through an invitation link), so it is
    no questionnaire "on no page". A view of a questionnaire that failed to load is not
    checked until that one loads.
    """
    problems: list[ContentProblem] = []
    for source in questionnaires.values():
        view = source.questionnaire
        if view.view_of is None or view.view_of in failed_ids:
            continue
        original = questionnaires.get(view.view_of)
        if original is not None:
            found = check_view(view, original.questionnaire)
        else:
            known = _known_ids_for_message(questionnaires)
            found = [Problem("view_of", f"unknown questionnaire '{view.view_of}' (known: {known})")]
        if found:
            document, _ = load_yaml((project.root / source.file).read_text(encoding="utf-8"), source.file)
            problems += [document.schema_problem(p) for p in found]
    return problems


_SWALLOWED_BY = {"indentation": "is indented", "list": "is in a list", "quote": "is in a quote"}


def _swallowed_problem(file: str, swallowed: Swallowed) -> ContentProblem:
    """A directive line Markdown would show as text: where it is and how to make it work."""
    shown = swallowed.text if len(swallowed.text) <= 60 else swallowed.text[:57] + "..."
    block = BLOCK_START.match(swallowed.text)
    what = BLOCKS[block["name"]] if block else "the questionnaire"
    return ContentProblem(
        file,
        swallowed.line,
        "",
        f"'{shown}' {_SWALLOWED_BY[swallowed.by]}, so Markdown would show it as text, not as {what}; "
        "write it at the start of a line of its own, outside boxes, lists and quotes",
    )


def _check_other_directives(file: str, text: str) -> list[ContentProblem]:
    """Each block (``::my-results``, ``::team``) exactly, at most once per page; no directive of another name."""
    problems = []
    first: dict[str, int] = {}
    known = ", ".join(f"::{name}" for name in KNOWN_DIRECTIVES)
    for directive in find_other_directives(text):
        syntax = block_syntax(directive.name)
        if directive.name not in BLOCKS:
            message = f"unknown directive '::{directive.name}' (known: {known})"
        elif not directive.well_formed:
            message = f"expected a line of the form {syntax}"
        elif directive.name in first:
            message = f"{syntax} is placed twice on this page (first on line {first[directive.name]})"
        else:
            first[directive.name] = directive.line
            continue
        problems.append(ContentProblem(file, directive.line, "", message))
    return problems


def _known_ids_for_message(questionnaires: Mapping[str, QuestionnaireSource]) -> str:
    return ", ".join(sorted(questionnaires)) or "none"
