"""Browser tests of the built course site (Playwright, Chromium)."""
