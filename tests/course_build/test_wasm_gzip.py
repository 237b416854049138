"""wasm_gzip.py: Pyodide's WebAssembly gzip-compressed for the scorer worker, reproducible and cached."""

from __future__ import annotations

import gzip
from pathlib import Path

from lederskap_build.wasm_gzip import COMPRESSED_NAME, WASM_NAME, compressed_wasm


def fake_pyodide(folder: Path, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / WASM_NAME).write_bytes(content)
    return folder


def test_the_compressed_file_gives_back_exactly_the_webassembly(tmp_path: Path) -> None:
    wasm = b"\0asm\1\0\0\0" + bytes(range(256)) * 400
    compressed = compressed_wasm(tmp_path / "cache", fake_pyodide(tmp_path / "pyodide", wasm))
    assert compressed.name == COMPRESSED_NAME
    assert gzip.decompress(compressed.read_bytes()) == wasm
    assert len(compressed.read_bytes()) < len(wasm) // 10


def test_it_is_reproducible_and_made_once_per_webassembly_file(tmp_path: Path) -> None:
    wasm = b"\0asm\1\0\0\0" + b"pyodide" * 1000
    first = compressed_wasm(tmp_path / "one", fake_pyodide(tmp_path / "a", wasm))
    second = compressed_wasm(tmp_path / "two", fake_pyodide(tmp_path / "b", wasm))
    assert first.read_bytes() == second.read_bytes(), "no name or time in the gzip header"
    made = first.stat().st_mtime_ns
    assert compressed_wasm(tmp_path / "one", tmp_path / "a") == first
    assert first.stat().st_mtime_ns == made, "taken from the cache, not made again"
    # Another Pyodide (another WebAssembly file) gets a file of its own; only the newest are kept.
    for n in range(3):
        other = compressed_wasm(tmp_path / "one", fake_pyodide(tmp_path / f"p{n}", wasm + bytes([n])))
        assert gzip.decompress(other.read_bytes()) == wasm + bytes([n])
    assert len(list((tmp_path / "one").glob("wasm-gz-*"))) == 2
