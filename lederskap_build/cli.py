"""The ``lederskap`` command: check, build and serve a course, and score answers.

lederskap check            validate every page and questionnaire, list every problem
lederskap build            validate, generate the pages and build the site
lederskap serve            build, serve with live reload, rebuild when a file changes
lederskap new FOLDER       write a starter course into a new or empty folder
lederskap score ID FILE    score a JSON file of answers to one questionnaire
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .config import Project, load_project
from .course import Course, load_course
from .engines import ENGINES, Engine
from .errors import BuildError, ContentError, warnings_text
from .generate import generate
from .site import Preview, build_site, mkdocs_environment, preview, previous_site_note
from .wheel import scorer_package_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lederskap", description="Build a course site with private self-assessments.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("check", "validate the course and list every problem (links between pages are checked by build)"),
        ("build", "validate the course and build the site"),
        ("serve", "build and serve the site, rebuilding when a file changes"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument(
            "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the course's mkdocs.yml"
        )
        if name == "serve":
            command.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on")
        if name != "check":
            command.add_argument(
                "--engine",
                choices=ENGINES,
                help="what builds the site: MkDocs or Zensical (default: extra.lederskap.engine in mkdocs.yml, "
                "else mkdocs)",
            )
    score = commands.add_parser(
        "score",
        help="score a file of answers with one of the course's questionnaires",
        description="Score a learner's answers to one questionnaire of the course and print the results, "
        "computed by the same scorer the browser runs. The answers are a JSON file holding one object keyed "
        "by question id (in a file the site exports, each questionnaire's 'answers').",
    )
    score.add_argument("questionnaire", help="the questionnaire's id")
    score.add_argument(
        "answers", type=Path, help="the path of a JSON file holding the answers, an object keyed by question id"
    )
    score.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the course's mkdocs.yml")
    score.add_argument("--json", action="store_true", help="print the results JSON instead of text")
    new = commands.add_parser(
        "new",
        help="write a starter course into a new or empty folder",
        description="Write a starter course into FOLDER (new or empty): mkdocs.yml, pages, a questionnaire of "
        "each type, the learner's results page, a GitHub Pages workflow, package.json (for Pyodide) and "
        ".gitignore. It builds and passes `lederskap check` as it is.",
    )
    new.add_argument("folder", type=Path, help="where to write the course; must not hold anything")
    new.add_argument("--course", help="the course's id (default: made from the folder's name)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            course = load_course(args.config_file)
            _report_warnings(course)
            forms, pages = len(course.questionnaires), len(course.pages)
            print(
                f"{forms} questionnaire{'s' if forms != 1 else ''} and {pages} page{'s' if pages != 1 else ''}:"
                " no problems (links between pages are checked by lederskap build)."
            )
            return 0
        if args.command == "build":
            return _build(args.config_file, args.engine)
        if args.command == "score":
            return _score(args.config_file, args.questionnaire, args.answers, as_json=args.json)
        if args.command == "new":
            # Imported here: `lederskap build` need not load what only `new` uses (package metadata).
            from .new_course import next_steps, write_starter_course

            starter = write_starter_course(args.folder, args.course)
            print(next_steps(starter, str(args.folder)))
            return 0
        return _serve(args.config_file, args.dev_addr, args.engine)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _load_course(config_file: Path, engine: Engine | None) -> Course:
    """The course, to be built by ``engine`` (the command line's choice), else by the one mkdocs.yml names."""
    course = load_course(config_file)
    return replace(course, project=course.project.with_engine(engine))


def _build(config_file: Path, engine: Engine | None = None) -> int:
    try:
        course = _load_course(config_file, engine)
        generate(course)
    except ContentError as error:
        print(error, file=sys.stderr)
        _say_the_previous_site_is_kept(config_file)
        return 1
    _report_warnings(course)
    site = build_site(course.project)
    print(f"Built {len(course.pages)} pages with {len(course.questionnaires)} questionnaires into {site}")
    return 0


def _score(config_file: Path, questionnaire_id: str, answers_file: Path, *, as_json: bool) -> int:
    # Imported here: only this command needs the scorer, and building should start fast.
    from lederskap_scorer.api import results_json
    from lederskap_scorer.scoring import score_answers
    from lederskap_scorer.text_report import render_text

    course = load_course(config_file)
    source = course.questionnaires.get(questionnaire_id)
    if source is None:
        known = ", ".join(sorted(course.questionnaires)) or "none"
        raise BuildError(f"unknown questionnaire '{questionnaire_id}' (known: {known})")
    try:
        answers = json.loads(answers_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BuildError(f"{answers_file}: expected a JSON object of answers keyed by question id ({error})") from None
    if not isinstance(answers, dict):
        raise BuildError(f"{answers_file}: expected a JSON object of answers keyed by question id")
    results = score_answers(source.questionnaire, answers, course.project.settings.language)
    print(results_json(results, indent=2) if as_json else render_text(results), end="\n" if as_json else "")
    return 0


def _report_warnings(course: Course) -> None:
    """What the author should know, though it does not stop the build (a questionnaire on no page, say)."""
    if course.warnings:
        print(warnings_text(course.warnings), file=sys.stderr, flush=True)


def _say_the_previous_site_is_kept(config_file: Path) -> None:
    """After content errors: the last good site stays as it was (learners may be using it), and the author is told."""
    try:
        project = load_project(config_file)
    except ContentError:
        return
    if project.site_dir.is_dir():
        print(previous_site_note(project), file=sys.stderr)


def _watched_files(project: Project) -> Iterator[Path]:
    yield project.config_file
    overrides = [project.overrides_dir] if project.overrides_dir is not None else []
    for folder in (project.pages_dir, project.forms_dir, *overrides, scorer_package_dir(), Path(__file__).parent):
        yield from (p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _snapshot(project: Project) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in _watched_files(project)}


def _regenerate(config_file: Path, engine: Engine | None) -> Course | None:
    try:
        course = _load_course(config_file, engine)
        changed = generate(course, offline=False)
    except ContentError as error:
        print(f"{error}\nThe site keeps showing the last version without problems.", file=sys.stderr, flush=True)
        return None
    if changed:
        _report_warnings(course)
        print(f"Updated {len(changed)} generated files.", flush=True)
    return course


def _serve(config_file: Path, dev_addr: str, engine: Engine | None = None) -> int:
    course = _load_course(config_file, engine)
    project = course.project
    # No offline copy while the author edits: the site's service worker removes itself.
    generate(course, offline=False)
    _report_warnings(course)
    with preview(project, dev_addr) as engine_server:
        return _run_server(engine_server, config_file, project, dev_addr, engine)


def _run_server(
    engine_server: Preview, config_file: Path, project: Project, dev_addr: str, engine: Engine | None
) -> int:
    server = subprocess.Popen(
        engine_server.command,
        cwd=project.root,
        # Served at the root of the dev address, whatever the published address is.
        env={**mkdocs_environment(), "LEDERSKAP_SITE_URL": f"http://{dev_addr}/"},
    )
    print(
        f"Serving on http://{dev_addr}/ ; edit {project.relative(project.pages_dir)}/ and "
        f"{project.relative(project.forms_dir)}/, the site follows. Ctrl+C stops.",
        flush=True,
    )
    seen = _snapshot(project)
    # Stopped by a signal (a terminal closing, a process manager): stop MkDocs too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = _snapshot(project)
            if now != seen:
                if now.get(project.config_file) != seen.get(project.config_file):
                    engine_server.config_changed()
                seen = now
                _regenerate(config_file, engine)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0 if server.returncode in (0, -15, None) else server.returncode


if __name__ == "__main__":
    sys.exit(main())
