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

# The browser features Playwright turns off (its chromiumSwitches.ts, 1.65), repeated here
# because a second --disable-features replaces its list rather than adding to it.
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
]

# Debian's Chromium is the full browser in headless mode: every new browser context
# opens a window whose address bar preloads two WebUI pages (the omnibox popups) in a
# renderer of their own, about 0.9 s of processor time per context, which a page never
# sees. Measured on a 2-core machine: 1.45 s of processor time for a context with a
# blank page, 0.55 s without them.
DISABLED_FEATURES = [*PLAYWRIGHT_DISABLED_FEATURES, "WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]

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
    "--disable-features=" + ",".join(DISABLED_FEATURES),
]

# The tests (not the benchmark) also keep WebAssembly on V8's baseline compiler: every
# test starts Pyodide in a fresh context, and optimising its 10 MB module in the
# background costs about 1.3 s of processor time per start, which tests running side by
# side on two cores pay for in time. The code runs the same, only less fast.
TEST_ARGS = [*CHROMIUM_ARGS, "--js-flags=--liftoff-only"]


def chromium_path() -> str | None:
    """The browser to launch; None means Playwright's own."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    if configured is not None:
        return configured or None
    return str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else None
