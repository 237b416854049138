"""The benchmark of lederskap: build, load, first result, weight and scoring time, against targets.

Run it from the repository root with ``python -m bench`` (or ``make bench``);
see ``bench/README.md``. It is not part of the tests.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
"""The repository root: the course measured is the one in it."""
