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
from pathlib import Path

from .file_cache import cached_file

WASM_NAME = "pyodide.asm.wasm"
COMPRESSED_NAME = WASM_NAME + ".gz"
CACHE_PREFIX = "wasm-gz-"
CACHE_KEEP = 2
"""How many compressed files a cache folder keeps: the most recently used."""


def compressed_wasm(cache_dir: Path, pyodide_dir: Path) -> Path:
    """The path of ``pyodide_dir``'s WebAssembly file gzip-compressed, made if it is not cached."""
    wasm = (pyodide_dir / WASM_NAME).read_bytes()

    def make(folder: Path) -> None:
        (folder / COMPRESSED_NAME).write_bytes(gzip.compress(wasm, compresslevel=9, mtime=0))

    key = hashlib.sha256(wasm).hexdigest()[:16]
    return cached_file(cache_dir, CACHE_PREFIX, key, COMPRESSED_NAME, make, keep=CACHE_KEEP)
