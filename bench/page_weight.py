"""What a first visit to a questionnaire page transfers, by whose files they are.

* ``pyodide``: the self-hosted runtime under ``assets/lederskap/pyodide/``;
* ``ours``: our JavaScript, styles, messages and the scorer wheel (the rest of
  ``assets/lederskap/``), also as the gzip size of those files at level 9, the
  comparable measure since the local server does not compress;
* ``rest``: the page itself, Material's scripts and styles, the search index.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .browser_visits import Fetch
from .long_tasks import OUR_ASSETS, PYODIDE_ASSETS

KIB = 1024


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
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def weigh(fetches: Iterable[Fetch], site_root: Path) -> Weight:
    """The weight of one visit's responses; our files' gzip sizes are read from the served ``site_root``."""
    transferred = {"pyodide": 0, "ours": 0, "rest": 0}
    ours: dict[str, int] = {}
    for fetch in fetches:
        kind = file_kind(fetch.path)
        transferred[kind] += fetch.transferred
        if kind == "ours" and fetch.path not in ours:
            file = site_root / unquote(fetch.path).lstrip("/")
            ours[fetch.path] = gzip_size(file) if file.is_file() else 0
    return Weight(transferred, sum(ours.values()), ours)
