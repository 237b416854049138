"""``python -m bench``: build what is needed, measure, print one table and write it as JSON.

Exit status: 0 when the benchmark ran (whether or not the targets are met),
2 when it could not run at all (this course does not build).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from lederskap_build.errors import BuildError, ContentError
from lederskap_build.generate import find_pyodide

from . import REPO
from .build_times import build_once, build_rows, measure_builds, profile_build
from .courses import CourseUnderTest, copy_repo_course, load_measured_page, write_plain_twin
from .large_course import PAGES, QUESTIONNAIRES, write_large_course
from .process_run import CommandFailed
from .rows import Row, unavailable
from .table import render_details, render_table, write_json

SECTIONS = ("build", "browser", "forms", "scoring")
DEFAULT_JSON = REPO / "bench" / "results" / "latest.json"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Measure build, load and scoring times against their targets."
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--quick", action="store_true", help="2 runs per figure")
    parser.add_argument(
        "--json", type=Path, help=f"also write the results here (always: {DEFAULT_JSON.relative_to(REPO)})"
    )
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="measure only this section (repeatable; default: all)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a page's result (default 30)")
    parser.add_argument("--verbose", action="store_true", help="also print the build phases and a visit's timeline")
    return parser


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _command_output(command: Sequence[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO).stdout.strip()
    except OSError:
        return ""


def _build_section(course: CourseUnderTest, workdir: Path, runs: int, details: dict[str, object]) -> list[Row]:
    rows: list[Row] = []
    _progress(f"building this course {runs + 1} times, and its plain twin")
    rows += build_rows("this course", measure_builds(course, runs), profile_build(course))
    label = f"large course ({PAGES} pages, {QUESTIONNAIRES} q.)"
    try:
        large_config = write_large_course(workdir / "large")
        large = CourseUnderTest(label, large_config, write_plain_twin(large_config))
        _progress(f"building the {label} {runs + 1} times, and its plain twin")
        rows += build_rows(label, measure_builds(large, runs), profile_build(large))
    except (CommandFailed, ContentError, BuildError) as error:
        reason = f"the generated course did not build: {str(error).splitlines()[0]}"
        rows += [
            unavailable(f"build time: {label}", "s", reason),
            unavailable(f"build peak memory: {label}", "MiB", reason),
        ]
    details["build_phases_s"] = {row.measure: row.details.get("phases") for row in rows if row.details}
    return rows


def _browser_section(
    course: CourseUnderTest, workdir: Path, runs: int, timeout: float
) -> tuple[list[Row], dict[str, object]]:
    try:
        from .browser_times import measure_browser, unavailable_rows
    except ImportError as error:
        from .targets import BROWSER_MEASURES

        return [unavailable(n, u, f"Playwright is not installed ({error})", t) for n, u, t in BROWSER_MEASURES], {}
    from .served_site import prepare_served_site

    page = load_measured_page(course.config)
    try:
        served = prepare_served_site(course.root / "site", workdir / "served", page)
    except (OSError, ValueError) as error:
        return unavailable_rows(f"the built page could not be prepared: {error}"), {}
    _progress(f"visiting /{page.url_path} in Chromium, {runs} runs after one warm-up")
    return measure_browser(served, page, runs, timeout, workdir)


def _scoring_section(course: CourseUnderTest, workdir: Path, runs: int) -> list[Row]:
    from .scoring_time import FIRST_MEASURE, MEASURE, measure_scoring
    from .targets import SCORING

    wheels = sorted((course.root / "site" / "assets" / "lederskap" / "wheels").glob("*.whl"))
    if not wheels:
        reason = "the built site has no scorer wheel"
        return [unavailable(MEASURE, "ms", reason, SCORING), unavailable(FIRST_MEASURE, "ms", reason)]
    _progress(f"timing the scorer in Pyodide under Node, {runs} runs")
    return measure_scoring(find_pyodide(REPO), wheels[0], runs, workdir)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    runs = 2 if args.quick else args.runs
    if runs < 1:
        print("--runs must be 1 or more", file=sys.stderr)
        return 2
    sections = args.only or list(SECTIONS)
    details: dict[str, object] = {}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="lederskap-bench-") as tmp:
        workdir = Path(tmp)
        try:
            config = copy_repo_course(workdir / "course")
            course = CourseUnderTest("this course", config, write_plain_twin(config))
            _progress("building this course")
            build_once(course)
        except (CommandFailed, ContentError, BuildError, OSError) as error:
            print(f"bench: this course cannot be built, nothing to measure:\n{error}", file=sys.stderr)
            return 2
        if "build" in sections:
            rows += _build_section(course, workdir, runs, details)
            build_once(course)
        if "browser" in sections:
            browser_rows, details["browser"] = _browser_section(course, workdir, runs, args.timeout)
            rows += browser_rows
        if "forms" in sections:
            from .long_form import STATEMENTS, measure_long_form

            _progress(f"a {STATEMENTS:,}-statement form: mounting and saving, {runs} runs")
            rows += measure_long_form(workdir, runs, args.timeout)
        if "scoring" in sections:
            rows += _scoring_section(course, workdir, runs)

    print(render_table(rows))
    if args.verbose:
        print()
        print(render_details(details))
    context: dict[str, object] = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "runs": runs,
        "commit": _command_output(["git", "rev-parse", "HEAD"]),
        "uncommitted_changes": bool(_command_output(["git", "status", "--porcelain"])),
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "node": _command_output(["node", "--version"]),
        },
        "details": details,
    }
    for path in (DEFAULT_JSON, args.json):
        if path is not None:
            write_json(path, rows, context)
    _progress(f"wrote {DEFAULT_JSON.relative_to(REPO)}" + (f" and {args.json}" if args.json else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
