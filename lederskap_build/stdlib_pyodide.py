"""The part of :mod:`.stdlib` that runs inside Pyodide: tracing imports, and byte-compiling what was imported.

``stdlib_node.mjs`` (the build) and ``tests/pyodide/run_stdlib_calls.mjs`` (the tests)
run this file's text in a namespace of its own in Pyodide's CPython, under Node. It is
not imported by the build. At the top it imports nothing but ``sys`` and ``zipimport``,
which every interpreter has loaded before Pyodide's start ends, so that tracing never
counts a module of its own. What compiling needs (``zipfile``, ``pathlib``,
``importlib.util``) is imported when it is used; the build uses it once before the trace
is taken, for the zip the scorer is imported from again (:func:`import_from_archive`),
which adds nothing to the trace as long as installing the wheel has loaded those modules
already, as it does.
"""

from __future__ import annotations

import sys
import zipimport
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType


def stdlib_archive() -> str:
    """Where Pyodide puts its standard library (``stdLibURL``), on ``sys.path``: ``/lib/python314.zip``."""
    return f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"


class ImportTrace:
    """Every module this interpreter loaded from its standard library archive, and every import no finder found.

    :meth:`start` counts what is already loaded (Pyodide's own start) and from then on
    each module the archive's importer executes, also one that fails or is later
    removed from ``sys.modules``; ``missed`` lists each import that no finder found
    (``pwd``, say, which Pyodide does not have), in order.
    """

    def __init__(self) -> None:
        self.prefix = stdlib_archive() + "/"
        self.loaded: dict[str, str] = {}
        """Module name -> its file inside the archive (``json/__init__.py``)."""
        self.missed: list[str] = []

    def start(self) -> None:
        self._note_loaded()
        original = zipimport.zipimporter.exec_module
        trace = self

        def exec_module(importer: zipimport.zipimporter, module: ModuleType) -> None:
            trace._note(module.__spec__)
            original(importer, module)

        setattr(zipimport.zipimporter, "exec_module", exec_module)  # noqa: B010 (mypy refuses assigning a method)
        sys.meta_path.append(_MissedImports(self.missed))

    def modules(self) -> dict[str, str]:
        """Every module loaded from the archive so far, sorted by name: name -> file inside the archive."""
        self._note_loaded()
        return dict(sorted(self.loaded.items()))

    def _note_loaded(self) -> None:
        for module in list(sys.modules.values()):
            self._note(getattr(module, "__spec__", None))

    def _note(self, spec: ModuleSpec | None) -> None:
        origin = getattr(spec, "origin", None)
        if spec is not None and isinstance(origin, str) and origin.startswith(self.prefix):
            self.loaded[spec.name] = origin.removeprefix(self.prefix)


class _MissedImports:
    """The last finder on ``sys.meta_path``: notes every import that reaches it (no other finder found it)."""

    def __init__(self, missed: list[str]) -> None:
        self.missed = missed

    def find_spec(self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None) -> None:
        self.missed.append(name)


def exercise_error_paths(modules: Iterable[str]) -> None:
    """Import ``modules`` (what error paths need) and format a chained exception's traceback, as a failure does."""
    import importlib
    import traceback

    for name in modules:
        importlib.import_module(name)
    try:
        try:
            int("not a number")
        except ValueError as error:
            raise LookupError("a failure with a cause") from error
    except LookupError as error:
        traceback.format_exception(error)


def import_from_archive(archive: str, package: str, modules: Iterable[str]) -> None:
    """Import ``modules`` of ``package`` again, from the zip ``archive`` rather than from where the wheel put
    them, as the browser does from the scorer's archive."""
    import importlib

    for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
        del sys.modules[name]
    sys.path.insert(0, archive)
    importlib.invalidate_caches()
    try:
        for name in modules:
            origin = getattr(importlib.import_module(name).__spec__, "origin", None) or ""
            if not origin.startswith(archive + "/"):
                raise ImportError(f"{name} was imported from {origin}, not from {archive}")
    finally:
        sys.path.remove(archive)


def package_files(folder: str) -> dict[str, bytes]:
    """Every file of the installed package in ``folder`` (``.../site-packages/lederskap_scorer``), by its path
    inside an archive (``lederskap_scorer/api.py``): its modules and any data file it has."""
    from pathlib import Path

    package = Path(folder)
    return {
        path.relative_to(package.parent).as_posix(): path.read_bytes()
        for path in sorted(package.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def write_archive(
    files: Iterable[str], target: str, date_time: Sequence[int], package: Mapping[str, bytes] | None = None
) -> list[str]:
    """Byte-compile ``files`` (paths of ``.py`` files inside the standard library archive) and the
    ``package`` (:func:`package_files`: the scorer) into the zip ``target``.

    Each ``x.py`` becomes ``x.pyc`` next to where it was: an unchecked hash-based
    ``.pyc`` (PEP 552), which the import system loads without looking for a source,
    compiled by this very interpreter (its magic number, its optimisation level 0, so
    ``__debug__``, asserts and docstrings are as with the sources) with the file name the
    source would have given its code in the archive (tracebacks name the files of the
    standard library as Pyodide's own archive does). The package's other files are
    stored as they are, for ``importlib.resources``. The entries are sorted and carry
    ``date_time``, so the same files give the same bytes. Returns the entries written.
    """
    import importlib.util
    import zipfile
    from importlib import _bootstrap_external

    archive = stdlib_archive()
    with zipfile.ZipFile(archive) as source:
        contents = {}
        for path in set(files):
            if not path.endswith(".py"):
                raise ValueError(f"{path}: expected a Python source file of {archive}")
            contents[path] = source.read(path)
    for path, data in (package or {}).items():
        if path in contents:
            raise ValueError(f"{path}: the package would replace a file of {archive}")
        contents[path] = data
    written = []
    with zipfile.ZipFile(target, "w") as output:
        for path in sorted(contents):
            data = contents[path]
            name = path
            if path.endswith(".py"):
                code = compile(data, f"{archive}/{path}", "exec", dont_inherit=True, optimize=0)
                # What py_compile does for PycInvalidationMode.UNCHECKED_HASH.
                data = _bootstrap_external._code_to_hash_pyc(  # type: ignore[attr-defined]
                    code, importlib.util.source_hash(data), False
                )
                name = path + "c"
            entry = zipfile.ZipInfo(name, date_time=(*date_time,))  # type: ignore[arg-type]
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            output.writestr(entry, data, compresslevel=9)
            written.append(entry.filename)
    return written
