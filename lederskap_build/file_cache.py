"""Files the build makes once and keeps between builds: one folder per key in a cache folder.

The scorer's standard library (:mod:`.stdlib`) and the compressed WebAssembly
(:mod:`.wasm_gzip`) take seconds to make and change only with Pyodide or the scorer,
so each is kept in ``<cache>/<prefix><key>/``. A folder is made aside and renamed into
place, so a build that stops half-way, or two builds at once, never leave a partial one;
the most recently used folders of a kind are kept, the others removed. Two builds at once
(the test processes, say) that both miss a file make it once: the second waits for the
first, for up to ten minutes (a lock file per kind, ``<cache>/.<prefix>lock``; not on
Windows, where each makes its own).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def cached_file(
    cache_dir: Path, prefix: str, key: str, name: str, make: Callable[[Path], object], *, keep: int
) -> Path:
    """The file ``name`` in ``cache_dir/<prefix><key>/``; if it is not there, ``make(folder)`` fills a new
    folder (which must then hold ``name``), which takes its place. Keeps the ``keep`` most recently used
    folders starting with ``prefix``."""
    target = cache_dir / f"{prefix}{key}"
    kept = target / name
    if kept.is_file():
        os.utime(target)  # most recently used: kept by _prune
        return kept
    cache_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(cache_dir / f".{prefix}lock"):
        if kept.is_file():  # made by another build while this one waited
            return kept
        with tempfile.TemporaryDirectory(prefix=f".{prefix}", dir=cache_dir) as tmp:
            made = Path(tmp) / "made"
            made.mkdir()
            make(made)
            try:
                made.rename(target)
            except OSError:
                if not kept.is_file():  # not another build's folder for the same key, made meanwhile
                    raise
        _prune(cache_dir, prefix, keep)
    return kept


LOCK_WAIT_SECONDS = 600.0
"""How long a build waits for another one making the same kind of file, before it makes its own."""


@contextmanager
def _exclusive(lock: Path, wait_seconds: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on the file ``lock`` (made if missing) while the block runs; after
    ``wait_seconds`` without it (another build hangs), run the block all the same."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    with lock.open("a") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    locked = False
                    break
                time.sleep(0.1)
        try:
            yield
        finally:
            if locked:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _prune(cache_dir: Path, prefix: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used folders of ``cache_dir`` starting with ``prefix``."""
    entries = sorted(
        (path for path in cache_dir.glob(f"{prefix}*") if path.is_dir()),
        key=lambda path: path.stat().st_mtime_ns,
        reverse=True,
    )
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)
