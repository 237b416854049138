"""Building the scorer's wheel, offline, with standard PEP 517 tooling (flit_core).

The wheel is what the browser loads into Pyodide. It is built reproducibly (fixed
timestamps) and cached by the hash of the scorer's sources, so an unchanged
scorer is not rebuilt on every page edit.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import lederskap_scorer.model
from pyproject_hooks import BuildBackendHookCaller, quiet_subprocess_runner

from .errors import SetupError

# 2026-01-01T00:00:00Z: any fixed time makes the zip entries' timestamps reproducible.
SOURCE_DATE_EPOCH = "1767225600"


def scorer_source_dir() -> Path:
    """The scorer's project folder (with its pyproject.toml), found from the installed package."""
    package_dir = Path(lederskap_scorer.model.__file__).resolve().parent
    for candidate in package_dir.parents[:3]:
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and 'name = "lederskap-scorer"' in pyproject.read_text(encoding="utf-8"):
            return candidate
    raise SetupError(
        "The scorer's sources were not found next to the installed lederskap_scorer package "
        f"({package_dir}). Install it from the repository with `pip install -e ./scorer`."
    )


def _source_hash(source_dir: Path) -> str:
    digest = hashlib.sha256()
    files = [source_dir / "pyproject.toml", *sorted((source_dir / "src").rglob("*.py"))]
    for path in files:
        digest.update(path.relative_to(source_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_scorer_wheel(cache_dir: Path) -> Path:
    """The path of the scorer wheel for the current sources, building it if it is not cached."""
    source_dir = scorer_source_dir()
    target = cache_dir / f"scorer-{_source_hash(source_dir)}"
    existing = sorted(target.glob("*.whl")) if target.is_dir() else []
    if existing:
        return existing[0]
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        hooks = BuildBackendHookCaller(
            str(source_dir),
            build_backend="flit_core.buildapi",
            python_executable=sys.executable,
            runner=quiet_subprocess_runner,
        )
        env_backup = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
        try:
            name = hooks.build_wheel(tmp)
        except Exception as error:
            raise SetupError(f"Building the scorer wheel from {source_dir} failed: {error}") from error
        finally:
            if env_backup is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = env_backup
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.move(str(Path(tmp) / name), target / name)
    return target / name
