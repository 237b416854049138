"""A site folder served on a port of its own, for tests that change what is served or stop serving it.

The session's ``site_url`` serves one copy of the built course to every test. The tests of
offline use need more: to count what reaches the server, to stop it (offline for real, not only
as Playwright emulates it), to put a new build in place of the old one, or to serve another
course. :class:`SiteServer` serves a folder under the same sub-path (``/kurs/``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from .conftest import Traffic, _QuietServer, _SiteHandler, check_traffic, watch
from .helpers import SUB_PATH


class SiteServer:
    """``folder`` served under SUB_PATH on a free 127.0.0.1 port; ``hits`` counts GET requests by path.

    The port is bound at once (a site must be built for its address), serving starts on ``start``
    (or ``with``), and ``folder`` may be changed at any time: the next request is served from it.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.hits: Counter[str] = Counter()
        state = self

        class Handler(_SiteHandler):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=str(state.folder), **kwargs)

            def do_GET(self) -> None:
                state.hits[urlsplit(self.path).path] += 1
                # Always the whole file: Last-Modified has whole seconds, and a new build put in place
                # within the same second as the old one would be answered "304 Not Modified".
                del self.headers["If-Modified-Since"]
                super().do_GET()

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + SUB_PATH
        self.thread: threading.Thread | None = None

    def start(self) -> SiteServer:
        """Serve, from a thread of its own (once: a server already serving goes on as it is)."""
        assert self.folder is not None, "nothing to serve"
        if self.thread is None:
            self.thread = threading.Thread(target=self.server.serve_forever, name="site-server", daemon=True)
            self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the port: every request now fails as it does without a network."""
        if self.thread is not None:
            self.server.shutdown()
            self.thread.join(timeout=10)
            self.thread = None
        self.server.server_close()

    def count(self, suffix: str) -> int:
        """How many requests reached the server for paths ending in ``suffix``."""
        return sum(n for path, n in self.hits.items() if path.endswith(suffix))

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()


@contextmanager
def built_and_served(config: Path) -> Iterator[str]:
    """Build the course of ``config`` for the address of a server of its own and serve it; its URL."""
    server = SiteServer()
    try:
        subprocess.run(
            [sys.executable, "-m", "lederskap_build", "build", "-f", str(config)],
            cwd=config.parent,
            check=True,
            capture_output=True,
            env={**os.environ, "LEDERSKAP_SITE_URL": server.url},
        )
        server.folder = config.parent / "site"
        with server:
            yield server.url
    finally:
        server.stop()


@contextmanager
def watched_page(browser: Browser, site_url: str, locale: str, timeout_ms: float = 15_000) -> Iterator[Page]:
    """A page in a fresh context for a site served by :func:`built_and_served`, watched like every test's
    page: afterwards no request may have left that site's origin, the Content Security Policy may have
    blocked nothing and no script error may have happened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale, service_workers="block")
    context.set_default_timeout(timeout_ms)
    traffic = Traffic(origin=site_url.removesuffix(SUB_PATH))
    try:
        yield watch(context, traffic)
        check_traffic(traffic)
        assert traffic.page_errors == []
    finally:
        context.close()
