"""The scorer's standard library: byte-compiled at build time by the site's own Pyodide, and trimmed.

Pyodide's ``python_stdlib.zip`` holds the standard library as ``.py`` sources only, so
CPython inside the WebAssembly compiles every module it imports on every start: most of
what a learner waits for before the first result. The build therefore makes an archive
of its own, ``assets/lederskap/pyodide/python_stdlib_scorer.zip``, that the scorer worker
gives to ``loadPyodide`` as ``stdLibURL`` (Pyodide writes it to ``/lib/python314.zip``,
which is on ``sys.path``, and zipimport loads a ``.pyc`` there without any source):

* **Compiled by the Pyodide in use.** ``stdlib_node.mjs`` boots the npm package's Pyodide
  under Node (which the build has: ``node_modules`` comes from npm) and compiles with its
  CPython, so the bytecode's format and magic number are those of the CPython that loads
  it; the host's Python never compiles any of it (``stdlib_pyodide.write_archive``).
* **Trimmed to what is imported.** The same run traces which modules are loaded from the
  standard library (``stdlib_pyodide.ImportTrace``): all of Pyodide's own start,
  installing the scorer wheel with ``loadPackage``, importing every module of the wheel,
  importing them again from a zip (as from this archive), and the error paths: a Python
  exception and a missing module reaching JavaScript, a chained traceback formatted, and
  :data:`EXTRA_MODULES`. Only those modules are compiled (about 140 of 560).
  ``tests/pyodide/test_stdlib_in_pyodide.py`` runs every scoring, record and import
  fixture in Pyodide with the full standard library and with this archive: the fixtures
  must import nothing the archive lacks and answer exactly as CPython does. Should a
  module still be missing in a browser, the worker starts again with Pyodide's full
  ``python_stdlib.zip`` (see ``scorer-worker.js``).
* **With the scorer.** The scorer's modules, as the wheel installed them, are compiled
  into the archive too (``lederskap_scorer/*.pyc``, and any data file it has as it is):
  the worker imports the scorer from there, already compiled, and neither fetches nor
  installs the wheel, which only the fallback to the full standard library uses.
* **Cached and reproducible.** The archive is kept in ``<docs_dir>-cache/stdlib-<key>/``
  (next to the wheel's cache), the key being a hash of the Pyodide version and its
  standard library, the scorer wheel (itself reproducible and named by the scorer's
  sources) and this recipe; a build with an unchanged key does not start Node. Entries
  are sorted, with fixed times (``SOURCE_DATE_EPOCH`` of the wheel) and a fixed
  ``PYTHONHASHSEED``, so the same inputs give the same bytes.
  ``$LEDERSKAP_STDLIB_CACHE`` names a folder to keep archives in instead, shared by
  every project (the tests set it, so their many small courses compile it once).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from .errors import SetupError
from .file_cache import cached_file
from .wheel import SOURCE_DATE_EPOCH

ARCHIVE_NAME = "python_stdlib_scorer.zip"
"""The file name of the archive in the site, next to Pyodide's own ``python_stdlib.zip``."""

EXTRA_MODULES = ("traceback", "linecache", "tokenize", "json", "re", "datetime", "decimal", "fractions")
"""Modules error paths need, imported while tracing even when nothing else imported them yet: a
traceback read from its sources (``traceback``, ``linecache``, ``tokenize``), JSON errors, and the
modules behind the scorer's numbers and times."""

RECIPE_VERSION = "2"
"""Part of the cache key: raise it when the way the archive is made changes beyond the two files below."""

CACHE_VARIABLE = "LEDERSKAP_STDLIB_CACHE"
CACHE_PREFIX = "stdlib-"
CACHE_KEEP = 3
"""How many archives a cache folder keeps: the newest (most recently used) ones."""

NODE_TIMEOUT_SECONDS = 600

_HERE = Path(__file__).resolve().parent
_NODE_SCRIPT = _HERE / "stdlib_node.mjs"
_PYODIDE_SIDE = _HERE / "stdlib_pyodide.py"


def stdlib_cache_dir(project_cache_dir: Path) -> Path:
    """Where archives are kept: ``$LEDERSKAP_STDLIB_CACHE`` when set, else the project's cache folder."""
    shared = os.environ.get(CACHE_VARIABLE)
    return Path(shared) if shared else project_cache_dir


def scorer_modules(wheel: Path) -> list[str]:
    """Every module of the scorer package in ``wheel``, by its dotted name, sorted."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    modules = []
    for name in names:
        path = PurePosixPath(name)
        if path.suffix != ".py" or ".dist-info" in path.parts[0]:
            continue
        parts = path.with_suffix("").parts
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(modules)


def cache_key(pyodide_dir: Path, wheel: Path) -> str:
    """A hash of everything the archive is made from: Pyodide, its standard library, the wheel and this recipe."""
    digest = hashlib.sha256(RECIPE_VERSION.encode())
    package = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))
    digest.update(str(package.get("version")).encode())
    for path in (pyodide_dir / "python_stdlib.zip", wheel, _NODE_SCRIPT, _PYODIDE_SIDE):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(json.dumps([EXTRA_MODULES, SOURCE_DATE_EPOCH]).encode())
    return digest.hexdigest()[:16]


def build_scorer_stdlib(cache_dir: Path, pyodide_dir: Path, wheel: Path) -> Path:
    """The path of the scorer's standard library archive for this Pyodide and wheel, making it if it is not cached."""

    def make(folder: Path) -> None:
        report = _run_node(pyodide_dir, wheel, folder / ARCHIVE_NAME, folder.parent)
        (folder / "modules.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    return cached_file(cache_dir, CACHE_PREFIX, cache_key(pyodide_dir, wheel), ARCHIVE_NAME, make, keep=CACHE_KEEP)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise SetupError(
            "Node.js was not found on PATH. The build needs it (version 20 or later) to byte-compile "
            "Pyodide's standard library for the scorer, and Pyodide itself comes from npm: install Node.js "
            "(https://nodejs.org), then run `npm install` in the course's folder."
        )
    return node


def _run_node(pyodide_dir: Path, wheel: Path, out: Path, work: Path) -> dict[str, object]:
    """Run ``stdlib_node.mjs``; its report: the Pyodide and Python versions, the magic number, the modules."""
    when = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), tz=UTC)
    request = {
        "pyodide": str(pyodide_dir),
        "wheel": str(wheel),
        "scorer_modules": scorer_modules(wheel),
        "extra_modules": list(EXTRA_MODULES),
        "date_time": [when.year, when.month, when.day, when.hour, when.minute, when.second],
        "out": str(out),
    }
    request_file = work / "request.json"
    request_file.write_text(json.dumps(request), encoding="utf-8")
    try:
        done = subprocess.run(
            [_node(), str(_NODE_SCRIPT), str(request_file)],
            capture_output=True,
            encoding="utf-8",
            timeout=NODE_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise SetupError(
            f"Byte-compiling Pyodide's standard library did not finish within {NODE_TIMEOUT_SECONDS} s"
        ) from error
    if done.returncode != 0 or not out.is_file():
        detail = done.stderr.strip().splitlines()[-10:]
        raise SetupError(
            f"Byte-compiling Pyodide's standard library ({pyodide_dir}) for the scorer failed:\n" + "\n".join(detail)
        )
    report = json.loads(done.stdout)
    if not isinstance(report, dict):
        raise SetupError(f"{_NODE_SCRIPT.name} answered {done.stdout[:200]!r}, expected a JSON object")
    return report
