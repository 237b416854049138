"""Building the scorer's browser wheel, offline, with standard PEP 517 tooling (flit_core).

The wheel is what the browser loads into Pyodide, so it carries only what the
browser runs: the scorer's modules and subpackages (``parts/``) without the
command-line ones and without the message catalogue (the page has it as
``messages.js``), with their docstrings and comments left out (they are for the people reading the sources,
and every byte is downloaded by every learner). The modules are otherwise the
very code the CPython tests run; the Pyodide tests run this wheel.

It is built from the ``lederskap_scorer`` package the build itself imports, wherever it
is installed: the tool's distribution carries that package (an editable install of this
repository reads it from ``scorer/src``), so nothing outside the installed packages is
needed. Its metadata (the distribution ``lederskap-scorer``, the scorer's
``__version__``) is written here. It is built reproducibly (fixed timestamps) from a
copy of the modules prepared that way, and cached by the hash of those modules and of
this recipe, so an unchanged scorer is not rebuilt on every page edit.
"""

from __future__ import annotations

import ast
import hashlib
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

import lederskap_scorer
from pyproject_hooks import BuildBackendHookCaller, quiet_subprocess_runner

from .errors import SetupError

# 2026-01-01T00:00:00Z: any fixed time makes the zip entries' timestamps reproducible.
SOURCE_DATE_EPOCH = "1767225600"

PACKAGE = "lederskap_scorer"
NOT_IN_THE_BROWSER = (
    "cli.py",
    "__main__.py",
    "text_report.py",
    "parts/*_report.py",
    "catalogue.py",
    "browser_constants.py",
)
"""The scorer's modules the browser never imports, as patterns of their paths in the package:
the ``lederskap-score`` command with its text report (each question type's report lines are
``parts/<type>_report.py``), the message catalogue's loader, which the build and the
command line use (the page gets the catalogue as ``messages.js``), and the constants the
build writes into ``constants.js`` for the page's modules."""

RECIPE_VERSION = "5"
"""Part of the cache key: raise it when the way the browser wheel is prepared changes."""

DISTRIBUTION = "lederskap-scorer"

BROWSER_PYPROJECT = """\
[build-system]
requires = ["flit_core>=3.11,<5"]
build-backend = "flit_core.buildapi"

[project]
name = "{name}"
version = "{version}"
description = "Questionnaire scoring for lederskap courses, as the browser runs it under Pyodide."
requires-python = ">=3.11"
license = "MIT"
dependencies = []

[tool.flit.module]
name = "{package}"
"""
"""The browser distribution's pyproject.toml: no command-line entry points, no readme."""


def scorer_package_dir() -> Path:
    """The folder of the installed ``lederskap_scorer`` package, which the browser wheel is made of."""
    return Path(lederskap_scorer.__file__).resolve().parent


def _package_files(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _source_hash(package: Path) -> str:
    digest = hashlib.sha256(RECIPE_VERSION.encode())
    digest.update(_browser_pyproject().encode())
    for path in _package_files(package):
        relative = PurePosixPath(path.relative_to(package).as_posix())
        if in_browser_wheel(relative):
            digest.update(str(relative).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def without_docstrings(source: str) -> str:
    """The module's code without docstrings and comments (the same statements otherwise)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        kept = [
            statement
            for statement in body
            if not (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            )
        ]
        node.body = kept or [ast.Pass()]  # type: ignore[attr-defined]
    return ast.unparse(tree) + "\n"


def _browser_pyproject() -> str:
    return BROWSER_PYPROJECT.format(name=DISTRIBUTION, version=lederskap_scorer.__version__, package=PACKAGE)


def in_browser_wheel(relative: PurePosixPath) -> bool:
    """Whether the file at ``relative`` (its path in the package) goes into the browser wheel:
    every module (``*.py``, in subpackages too) except :data:`NOT_IN_THE_BROWSER`, and ``py.typed``;
    no data file (the catalogue's ``messages/*.json``)."""
    if relative.name == "py.typed":
        return True
    return relative.suffix == ".py" and not any(fnmatchcase(str(relative), p) for p in NOT_IN_THE_BROWSER)


def prepare_browser_sources(package: Path, target: Path) -> None:
    """Write the browser distribution's sources (see the module docstring) into ``target``,
    from the package folder ``package``."""
    (target / "src" / PACKAGE).mkdir(parents=True)
    (target / "pyproject.toml").write_text(_browser_pyproject(), encoding="utf-8")
    for path in _package_files(package):
        relative = PurePosixPath(path.relative_to(package).as_posix())
        if not in_browser_wheel(relative):
            continue
        destination = target / "src" / PACKAGE / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".py":
            destination.write_text(without_docstrings(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copy(path, destination)


def _reproducible_runner(
    cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None
) -> None:
    """Runs the build backend quietly, with fixed timestamps for the zip entries."""
    quiet_subprocess_runner(cmd, cwd, {**(extra_environ or {}), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def build_scorer_wheel(cache_dir: Path) -> Path:
    """The path of the browser wheel for the current sources, building it if it is not cached."""
    package = scorer_package_dir()
    target = cache_dir / f"scorer-{_source_hash(package)}"
    existing = sorted(target.glob("*.whl")) if target.is_dir() else []
    if existing:
        return existing[0]
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        sources = Path(tmp) / "sources"
        prepare_browser_sources(package, sources)
        hooks = BuildBackendHookCaller(
            str(sources),
            build_backend="flit_core.buildapi",
            python_executable=sys.executable,
            runner=_reproducible_runner,
        )
        out = Path(tmp) / "out"
        out.mkdir()
        try:
            name = hooks.build_wheel(str(out))
        except Exception as error:
            raise SetupError(f"Building the scorer wheel from {package} failed: {error}") from error
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.move(str(out / name), target / name)
    return target / name
