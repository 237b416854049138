"""``python -m lederskap_scorer DEFINITION.json ANSWERS.json``: the same as ``lederskap-score``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
