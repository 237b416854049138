"""The targets, in one place, and the names of the browser measures that carry them."""

from __future__ import annotations

from .rows import Target, Unit

BUILD = Target(1.3, "ratio")
"""``lederskap build`` at most 1.3 × a plain ``mkdocs build`` of the same pages."""
FIRST_INPUT = Target(1.1, "ratio")
"""The first questionnaire input usable at most 1.1 × as late as on the page without our script."""
COLD_RESULT = Target(1.1, "ratio")
"""The first result of a first visit at most 1.1 × the bare Pyodide boot of a first visit."""
WARM_RESULT = Target(0.5, "ratio")
"""The first result of a second visit at most 0.5 × the bare Pyodide boot of a first visit."""
CHANGED_RESULT = Target(0.25, "ratio")
"""The first result of a return visit whose answers changed (the kept results cannot answer) at most
0.25 × the bare Pyodide boot of a first visit (issue 10)."""
FIRST_VISIT_BYTES = Target(2, "below")
"""Everything a first visit transfers until the first result at least 2 MB under what the bare page's first
visit transfers: Pyodide's own download with its full standard library, and the wheel (issue 10)."""
NO_RUNTIME = Target(0, "absolute")
"""Not one byte of the Python runtime: the start page's first visit until the page has loaded and the
service worker is ready, and the start page under Save-Data however long the learner stays (issue 10)."""
OUR_LONG_TASK = Target(50, "absolute")
"""No main-thread task over 50 ms in our code."""
OUR_WEIGHT = Target(50, "absolute")
"""Our JavaScript, CSS and the scorer (its share of its standard library archive) at most 50 KiB gzipped."""
SCORING = Target(20, "absolute")
"""One scoring call of 100 statements at most 20 ms inside Pyodide."""

BROWSER_MEASURES: tuple[tuple[str, Unit, Target | None], ...] = (
    ("first input", "ms", FIRST_INPUT),
    ("first result, cold (first visit)", "ms", COLD_RESULT),
    ("first result, warm (second visit)", "ms", WARM_RESULT),
    ("first result after a changed answer, return visit", "ms", CHANGED_RESULT),
    ("bare Pyodide boot, warm", "ms", None),
    ("Python ready, cold (first visit)", "ms", None),
    ("Python ready, warm (second visit)", "ms", None),
    ("Python ready, return visit", "ms", None),
    ("long tasks until first result: count", "count", None),
    ("long tasks until first result: total", "ms", None),
    ("long tasks until first result: longest", "ms", None),
    ("longest long task in our code", "ms", OUR_LONG_TASK),
    ("weight: Pyodide, transferred", "KiB", None),
    ("weight: ours (JS, CSS), transferred", "KiB", None),
    ("weight: ours (JS, CSS, scorer), gzip -9", "KiB", OUR_WEIGHT),
    ("weight: rest (page, Material), transferred", "KiB", None),
    ("weight: all, to first result (first visit)", "MB", FIRST_VISIT_BYTES),
    ("weight: all, to first result, if gzipped", "MB", None),
    ("start page, first visit: all, to offline ready", "KiB", None),
    ("start page, first visit: runtime, to offline ready", "KiB", NO_RUNTIME),
    ("start page, staying: runtime kept", "KiB", None),
    ("start page under Save-Data, staying: runtime", "KiB", NO_RUNTIME),
)
