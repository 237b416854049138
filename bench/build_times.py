"""Build time and peak memory: ``lederskap build`` of a course against a plain ``mkdocs build`` of its pages.

Every timed run is a clean build: the generated pages and the site are removed
first (the cached scorer wheel and standard library are kept, as they are
between two builds of an unchanged scorer and Pyodide). Our own packages are
byte-compiled first, as pip compiles MkDocs' and as Python itself keeps them
between two builds (:func:`compile_our_packages`): with ``PYTHONDONTWRITEBYTECODE``
set, as on some machines, every timed ``lederskap build`` would otherwise compile
them again, about 0.07 s, and no plain build would. One untimed run of
each warms the caches first; then the runs of ``lederskap build`` and of the
plain build take turns, so that a machine getting slower or faster affects
both alike.
"""

from __future__ import annotations

import compileall
import importlib.util
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lederskap_build.config import Project, load_project
from lederskap_build.course import load_course
from lederskap_build.generate import plan_outputs, write_outputs
from lederskap_build.site import build_site, mkdocs_environment

from . import targets
from .courses import PLAIN_SITE, CourseUnderTest
from .process_run import RunResult, run_measured
from .rows import Baseline, Row

MIB = 1024 * 1024


def lederskap_command(config: Path) -> list[str]:
    """``lederskap build`` for the course at ``config`` (the same entry point as the installed command)."""
    return [sys.executable, "-m", "lederskap_build", "build", "--config-file", str(config)]


def plain_command(plain_config: Path) -> list[str]:
    """A plain ``mkdocs build`` of the plain twin."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(plain_config)]


def clean_lederskap_output(project: Project) -> None:
    """Remove the generated pages and the site, keeping the cache next to them (wheel, standard library)."""
    shutil.rmtree(project.generated_dir, ignore_errors=True)
    shutil.rmtree(project.site_dir, ignore_errors=True)


def compile_our_packages() -> None:
    """Write the bytecode of ``lederskap_build`` and ``lederskap_scorer`` next to their sources, if missing."""
    for package in ("lederskap_build", "lederskap_scorer"):
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)


def build_once(course: CourseUnderTest) -> RunResult:
    """One clean ``lederskap build`` of the course (raises :class:`~bench.process_run.CommandFailed`)."""
    clean_lederskap_output(load_project(course.config))
    return run_measured(lederskap_command(course.config), course.root, mkdocs_environment())


@dataclass(frozen=True)
class BuildSamples:
    """The runs of one course: ``lederskap build`` and the plain build, in the order they ran."""

    ours: list[RunResult]
    plain: list[RunResult]


def measure_builds(course: CourseUnderTest, runs: int) -> BuildSamples:
    """Time ``runs`` clean builds of the course and of its plain twin, after one untimed warm-up of each."""
    project = load_project(course.config)
    env = mkdocs_environment()
    compile_our_packages()

    def ours() -> RunResult:
        clean_lederskap_output(project)
        return run_measured(lederskap_command(course.config), course.root, env)

    def plain() -> RunResult:
        shutil.rmtree(course.root / PLAIN_SITE, ignore_errors=True)
        return run_measured(plain_command(course.plain_config), course.root, env)

    ours()
    plain()
    samples = BuildSamples([], [])
    for _ in range(runs):
        samples.ours.append(ours())
        samples.plain.append(plain())
    return samples


def build_rows(label: str, samples: BuildSamples, profile: dict[str, object]) -> list[Row]:
    """The time and the memory rows of one course."""
    plain_label = "plain mkdocs build of the same pages"
    return [
        Row(
            f"build time: {label}",
            "s",
            tuple(r.seconds for r in samples.ours),
            Baseline(plain_label, tuple(r.seconds for r in samples.plain)),
            targets.BUILD,
            details={"phases": profile},
        ),
        Row(
            f"build peak memory: {label}",
            "MiB",
            tuple(r.peak_rss / MIB for r in samples.ours),
            Baseline(plain_label, tuple(r.peak_rss / MIB for r in samples.plain)),
        ),
    ]


class _Stopwatch:
    """Seconds since the last lap."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self) -> float:
        now = time.perf_counter()
        seconds, self.last = now - self.last, now
        return round(seconds, 4)


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def profile_build(course: CourseUnderTest) -> dict[str, object]:
    """Where one clean ``lederskap build`` spends its time, phase by phase (in this process, seconds)."""
    project = load_project(course.config)
    clean_lederskap_output(project)
    phases: dict[str, object] = {}
    watch = _Stopwatch()
    loaded = load_course(course.config)
    phases["load and validate"] = watch.lap()
    outputs = plan_outputs(loaded)
    phases["render pages and plan outputs"] = watch.lap()
    write_outputs(outputs, project.generated_dir)
    phases["write generated files"] = watch.lap()
    build_site(project)
    phases["mkdocs build (subprocess)"] = watch.lap()
    phases["generated bytes"] = _folder_bytes(project.generated_dir)
    phases["site bytes"] = _folder_bytes(project.site_dir)
    plain_site = course.root / PLAIN_SITE
    if plain_site.is_dir():
        phases["plain site bytes"] = _folder_bytes(plain_site)
    return phases
