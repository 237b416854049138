"""Pyodide's WebAssembly, gzip-compressed by the build: ``pyodide.asm.wasm.gz`` next to ``pyodide.asm.wasm``.

The 9.6 MB WebAssembly file is most of a first visit's download. A host that compresses it
sends about 3.5 MB; one that does not (a plain static server, or a host that compresses only
text) sends all of it. The scorer worker therefore asks for the compressed file and
decompresses it on the device as it arrives (``assets/lederskap/wasm-fetch.js``), so every
host sends the 3.5 MB. The ``.wasm`` stays in the site for browsers without
``DecompressionStream``; the service worker fetches it only for them.

Compressing at level 9 takes a second or two, so the file is kept in the same cache folder as
the scorer's standard library (:func:`.stdlib.stdlib_cache_dir`), under the hash of the
WebAssembly file; it is reproducible (no name, no time in the gzip header).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

WASM_NAME = "pyodide.asm.wasm"
COMPRESSED_NAME = WASM_NAME + ".gz"
CACHE_PREFIX = "wasm-gz-"
CACHE_KEEP = 2
"""How many compressed files a cache folder keeps: the most recently used."""


def compressed_wasm(cache_dir: Path, pyodide_dir: Path) -> Path:
    """The path of ``pyodide_dir``'s WebAssembly file gzip-compressed, made if it is not cached."""
    wasm = (pyodide_dir / WASM_NAME).read_bytes()
    target = cache_dir / f"{CACHE_PREFIX}{hashlib.sha256(wasm).hexdigest()[:16]}"
    compressed = target / COMPRESSED_NAME
    if compressed.is_file():
        os.utime(target)  # most recently used: kept by _prune
        return compressed
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".wasm-", dir=cache_dir) as tmp:
        made = Path(tmp) / "made"
        made.mkdir()
        (made / COMPRESSED_NAME).write_bytes(gzip.compress(wasm, compresslevel=9, mtime=0))
        try:
            made.rename(target)
        except OSError:
            if not compressed.is_file():  # not another build's file for the same key, made meanwhile
                raise
    _prune(cache_dir)
    return compressed


def _prune(cache_dir: Path) -> None:
    entries = sorted(
        (path for path in cache_dir.glob(f"{CACHE_PREFIX}*") if path.is_dir()),
        key=lambda path: path.stat().st_mtime_ns,
        reverse=True,
    )
    for old in entries[CACHE_KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
