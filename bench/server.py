"""A local static web server for the built site: threaded, on 127.0.0.1, on a free port.

It answers like GitHub Pages does in the ways that matter for load times:
HTTP/1.1 with keep-alive, ``Cache-Control: max-age=600``, ``Last-Modified``
with conditional requests (304), and the right types for JavaScript modules
and WebAssembly. It does not compress: the benchmark reports the gzip size of
our files separately.

Given a :class:`Traffic`, it counts the bytes it writes (status line, headers
and body) by URL path: what went over the wire, whoever asked, the service
worker's own downloads included (they are no request of a page, so a page's
request events do not show them).
"""

from __future__ import annotations

import io
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

CACHE_CONTROL = "max-age=600"
TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}


class Traffic:
    """Bytes the server has written, by URL path (unquoted, without the query); safe across its threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sent: Counter[str] = Counter()

    def add(self, path: str, count: int) -> None:
        with self._lock:
            self._sent[path] += count

    def mark(self) -> dict[str, int]:
        """What has been sent so far, to give :meth:`since` later."""
        with self._lock:
            return dict(self._sent)

    def since(self, mark: Mapping[str, int]) -> dict[str, int]:
        """The bytes sent by path since ``mark`` (paths with none left out)."""
        with self._lock:
            return {path: sent - mark.get(path, 0) for path, sent in self._sent.items() if sent > mark.get(path, 0)}


class _CountedWriter(io.BufferedIOBase):
    """The connection's writer, counting what goes through it."""

    def __init__(self, writer: io.BufferedIOBase, count: Callable[[int], None]) -> None:
        super().__init__()
        self._writer = writer
        self._count = count

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        # Counted before it is sent, so that a client that has received it finds it counted.
        self._count(memoryview(data).nbytes)
        return self._writer.write(data)

    def flush(self) -> None:
        self._writer.flush()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._writer.close()


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: Any, traffic: Traffic | None = None, **kwargs: Any) -> None:
        self.traffic = traffic  # before the base class's __init__, which answers the request
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        if self.traffic is not None:
            self.wfile = _CountedWriter(self.wfile, self.count_sent)

    def count_sent(self, count: int) -> None:
        if self.traffic is not None:
            path = getattr(self, "path", "")
            self.traffic.add(unquote(urlsplit(path).path), count)

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
def serve(directory: Path, traffic: Traffic | None = None) -> Iterator[str]:
    """Serve ``directory`` while the block runs; yields its base URL, e.g. ``http://127.0.0.1:43210/``.

    With ``traffic``, every byte written is counted there."""
    server = _Server(("127.0.0.1", 0), partial(_Handler, directory=str(directory), traffic=traffic))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
