"""What a first visit to a questionnaire page transfers, by whose files they are.

* ``pyodide``: the self-hosted runtime under ``assets/lederskap/pyodide/``;
* ``ours``: our JavaScript, styles and messages (the rest of ``assets/lederskap/``,
  with the scorer wheel only after a fallback), also as the gzip size of those files at level 9, the
  comparable measure since the local server does not compress. The scorer itself
  comes inside the scorer's standard library archive (under ``pyodide/``; the wheel
  is only fetched if that archive fails): its share of the archive, its entries as
  deflated there at level 9 with their zip headers, counts as ours in that measure;
* ``rest``: the page itself, Material's scripts and styles, the search index.

The total of a visit is also given as a host that compresses would send it
(:func:`if_gzipped`): the local server does not compress.
"""

from __future__ import annotations

import functools
import gzip
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lederskap_build.stdlib import ARCHIVE_NAME as SCORER_ARCHIVE
from lederskap_build.wheel import PACKAGE as SCORER_PACKAGE

from .browser_visits import Fetch
from .long_tasks import OUR_ASSETS, PYODIDE_ASSETS

KIB = 1024
MB = 1_000_000


def file_kind(path: str) -> str:
    """``pyodide``, ``ours`` or ``rest``, from a URL path."""
    if PYODIDE_ASSETS in path:
        return "pyodide"
    if OUR_ASSETS in path:
        return "ours"
    return "rest"


@dataclass(frozen=True)
class Weight:
    """Bytes transferred by kind, the gzip size of our files, and our files by name (gzip bytes)."""

    transferred: dict[str, int]
    ours_gzip: int
    ours_files: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.transferred.values())


def gzip_size(path: Path) -> int:
    """The size of the file gzipped at level 9 (computed once per file and version)."""
    stat = path.stat()
    return _gzip_size(path, stat.st_size, stat.st_mtime_ns)


@functools.cache
def _gzip_size(path: Path, size: int, mtime_ns: int) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def served_file(site_root: Path, url_path: str) -> Path | None:
    """The file of ``site_root`` the server answers ``url_path`` with (a folder's ``index.html``), or None."""
    file = site_root / unquote(url_path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def transferred(fetches: Iterable[Fetch]) -> int:
    """Bytes transferred by all of ``fetches`` (headers and bodies)."""
    return sum(fetch.transferred for fetch in fetches)


def if_gzipped(fetches: Iterable[Fetch], site_root: Path) -> int:
    """What ``fetches`` would have transferred from a host that gzips every response it can: each
    response's headers as sent here, and its body as the gzip -9 size of the file served, or as sent
    when that is not smaller (the zips, already deflated) or when the body was not a whole file."""
    total = 0
    for fetch in fetches:
        file = served_file(site_root, fetch.path) if fetch.body > 0 else None
        body = fetch.body if file is None or file.stat().st_size != fetch.body else min(gzip_size(file), fetch.body)
        total += fetch.transferred - fetch.body + body
    return total


_ZIP_HEADERS = 30 + 46
"""The fixed part of an entry's local header and of its central directory record, in bytes."""


def scorer_share(archive: Path) -> int:
    """The bytes of the scorer's entries in its standard library archive: deflated data and zip headers."""
    with zipfile.ZipFile(archive) as opened:
        entries = [e for e in opened.infolist() if e.filename.startswith(SCORER_PACKAGE + "/")]
    return sum(e.compress_size + _ZIP_HEADERS + 2 * len(e.filename.encode()) for e in entries)


def weigh(fetches: Iterable[Fetch], site_root: Path) -> Weight:
    """The weight of one visit's responses; our files' gzip sizes are read from the served ``site_root``."""
    transferred = {"pyodide": 0, "ours": 0, "rest": 0}
    ours: dict[str, int] = {}
    for fetch in fetches:
        kind = file_kind(fetch.path)
        transferred[kind] += fetch.transferred
        if fetch.path in ours:
            continue
        if kind == "ours":
            file = served_file(site_root, fetch.path)
            ours[fetch.path] = gzip_size(file) if file else 0
        elif fetch.path.endswith("/" + SCORER_ARCHIVE):
            file = served_file(site_root, fetch.path)
            ours[fetch.path] = scorer_share(file) if file else 0
    return Weight(transferred, sum(ours.values()), ours)
