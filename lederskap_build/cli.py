"""The ``lederskap`` command: check, build and serve a course, and score answers.

lederskap check            validate every page and questionnaire, list every problem
lederskap build            validate, generate the pages and build the site
lederskap serve            build, serve with live reload, rebuild when a file changes
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .config import Project, load_project
from .course import Course, load_course
from .errors import BuildError, ContentError
from .generate import generate
from .site import build_site, mkdocs_command, mkdocs_environment, remove_site
from .wheel import scorer_source_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lederskap", description="Build a course site with private self-assessments.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("check", "validate the course and list every problem"),
        ("build", "validate the course and build the site"),
        ("serve", "build and serve the site, rebuilding when a file changes"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument(
            "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the course's mkdocs.yml"
        )
        if name == "serve":
            command.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            course = load_course(args.config_file)
            print(f"{len(course.questionnaires)} questionnaires and {len(course.pages)} pages: no problems.")
            return 0
        if args.command == "build":
            return _build(args.config_file)
        return _serve(args.config_file, args.dev_addr)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _build(config_file: Path) -> int:
    try:
        course = load_course(config_file)
    except ContentError:
        _remove_stale_site(config_file)
        raise
    generate(course)
    site = build_site(course.project)
    print(f"Built {len(course.pages)} pages with {len(course.questionnaires)} questionnaires into {site}")
    return 0


def _remove_stale_site(config_file: Path) -> None:
    try:
        project = load_project(config_file)
    except ContentError:
        return
    if project.site_dir.is_dir():
        remove_site(project)
        print(f"Removed the previous site in {project.site_dir}: it no longer matches the course.", file=sys.stderr)


def _watched_files(project: Project) -> Iterator[Path]:
    yield project.config_file
    for folder in (project.pages_dir, project.forms_dir, scorer_source_dir() / "src", Path(__file__).parent):
        yield from (p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _snapshot(project: Project) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in _watched_files(project)}


def _regenerate(config_file: Path) -> Course | None:
    try:
        course = load_course(config_file)
    except ContentError as error:
        print(f"{error}\nThe site keeps showing the last version without problems.", file=sys.stderr, flush=True)
        return None
    changed = generate(course)
    if changed:
        print(f"Updated {len(changed)} generated files.", flush=True)
    return course


def _serve(config_file: Path, dev_addr: str) -> int:
    course = load_course(config_file)
    project = course.project
    generate(course)
    server = subprocess.Popen(
        mkdocs_command("serve", "--config-file", str(project.config_file), "--dev-addr", dev_addr),
        cwd=project.root,
        env=mkdocs_environment(),
    )
    print(
        f"Serving on http://{dev_addr}/ ; edit {project.relative(project.pages_dir)}/ and "
        f"{project.relative(project.forms_dir)}/, the site follows. Ctrl+C stops.",
        flush=True,
    )
    seen = _snapshot(project)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = _snapshot(project)
            if now != seen:
                seen = now
                _regenerate(config_file)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return 0 if server.returncode in (0, -15, None) else server.returncode


if __name__ == "__main__":
    sys.exit(main())
