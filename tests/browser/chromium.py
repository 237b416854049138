"""Which Chromium the browser tests and the benchmark drive, and how it is started.

Playwright's own browser download does not work on the CI machines, so Debian's
Chromium is used where it is installed. ``$LEDERSKAP_CHROMIUM`` overrides that:
a path is a browser to use, and set but empty means Playwright's own browser
(for example on macOS, after ``python -m playwright install chromium``).
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM_VARIABLE = "LEDERSKAP_CHROMIUM"
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")

# Headless, and quiet: without the background-networking switches Chromium tries to
# reach Google's servers at start, which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The browser to launch; None means Playwright's own."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    if configured is not None:
        return configured or None
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None
