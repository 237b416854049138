"""Loading a whole course: its settings, every questionnaire and every page, checked together."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lederskap_scorer.model import Questionnaire, check_questionnaire
from lederskap_scorer.schema import SchemaError, parse

from .config import Project, load_project
from .errors import ContentError, ContentProblem
from .pages import KNOWN_DIRECTIVES, MY_RESULTS_SYNTAX, SYNTAX, find_other_directives, find_placements
from .yaml_source import YamlLoadError, load_yaml

FORM_SUFFIXES = (".yml", ".yaml")
TOP_LEVEL_ID = re.compile(r"^id:[ \t]*[\"']?(?P<id>[a-z0-9_-]+)", re.MULTILINE)


@dataclass(frozen=True)
class QuestionnaireSource:
    """A valid questionnaire and the file it was read from (relative to the project)."""

    questionnaire: Questionnaire
    file: str


@dataclass(frozen=True)
class Course:
    """A course whose every file has been read and checked."""

    project: Project
    questionnaires: Mapping[str, QuestionnaireSource]
    pages: tuple[Path, ...]
    """Markdown pages, relative to ``project.pages_dir``."""
    placed_on: Mapping[str, Path] = field(default_factory=dict)
    """The page each placed questionnaire is on (the first, if several), relative to ``project.pages_dir``."""


@dataclass(frozen=True)
class LoadResult:
    """What reading one questionnaire file gave: the questionnaire if it is valid, and every problem.

    ``declared_id`` is the id the file gives itself, even when the file is invalid, so that
    a page placing a broken questionnaire is not also told that the id is unknown.
    """

    questionnaire: Questionnaire | None
    problems: list[ContentProblem]
    declared_id: str | None = None


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
    try:
        questionnaire = parse(Questionnaire, document.data)
    except SchemaError as error:
        problems += [document.problem(p.path, p.message) for p in error.problems]
        return LoadResult(None, problems, declared_id)
    problems += [document.problem(p.path, p.message) for p in check_questionnaire(questionnaire)]
    return LoadResult(None if problems else questionnaire, problems, declared_id)


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
            questionnaires[questionnaire.id] = QuestionnaireSource(questionnaire, file)
    if not project.pages_dir.is_dir():
        problems.append(ContentProblem(project.relative(project.pages_dir), 0, "", "the pages folder does not exist"))
        pages: list[Path] = []
    else:
        pages = sorted(p.relative_to(project.pages_dir) for p in project.pages_dir.rglob("*.md"))
    known_ids = _known_ids_for_message(questionnaires)
    placed_on: dict[str, Path] = {}
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
            placed.setdefault(placement.id or "", placement.line)
            if placement.id is not None:
                placed_on.setdefault(placement.id, page)
        problems += _check_other_directives(file, text)
    if problems:
        raise ContentError(problems)
    return Course(project, questionnaires, tuple(pages), placed_on)


def _check_other_directives(file: str, text: str) -> list[ContentProblem]:
    """``::my-results`` exactly, at most once per page; no directive of another name."""
    problems = []
    first_results: int | None = None
    known = ", ".join(f"::{name}" for name in KNOWN_DIRECTIVES)
    for directive in find_other_directives(text):
        if directive.name != "my-results":
            message = f"unknown directive '::{directive.name}' (known: {known})"
        elif not directive.well_formed:
            message = f"expected a line of the form {MY_RESULTS_SYNTAX}"
        elif first_results is not None:
            message = f"{MY_RESULTS_SYNTAX} is placed twice on this page (first on line {first_results})"
        else:
            first_results = directive.line
            continue
        problems.append(ContentProblem(file, directive.line, "", message))
    return problems


def _known_ids_for_message(questionnaires: Mapping[str, QuestionnaireSource]) -> str:
    return ", ".join(sorted(questionnaires)) or "none"
