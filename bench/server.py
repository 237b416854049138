"""A local static web server for the built site: threaded, on 127.0.0.1, on a free port.

It answers like GitHub Pages does in the ways that matter for load times:
HTTP/1.1 with keep-alive, ``Cache-Control: max-age=600``, ``Last-Modified``
with conditional requests (304), and the right types for JavaScript modules
and WebAssembly. It does not compress: the benchmark reports the gzip size of
our files separately.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CACHE_CONTROL = "max-age=600"
TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix) or super().guess_type(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the benchmark prints only its table."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore connections the browser drops (closing a context mid-request is normal here)."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` while the block runs; yields its base URL, e.g. ``http://127.0.0.1:43210/``."""
    server = _Server(("127.0.0.1", 0), partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
