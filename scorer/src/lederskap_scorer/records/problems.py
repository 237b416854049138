"""The problems found in an export file: each a code, the path of the value and what its message needs.

A problem is ``{"code", "path", ...values}`` (``scorer/RECORDS.md``, the table of problem
codes, which a test keeps in step with every ``problems.add`` of this package). ``path``
is where in the file (``questionnaires[0].answers.plans``), ``""`` for the file as a
whole. The page words each from its message catalogue (``import.problem.<code>``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_PROBLEMS = 20
"""At most this many problems are listed; ``more_problems`` counts the rest."""


@dataclass
class Problems:
    """The problems found in a file, in the order found; only the first :data:`MAX_PROBLEMS` are kept."""

    items: list[dict[str, Any]] = field(default_factory=list)
    count: int = 0

    def add(self, code: str, path: str = "", **values: Any) -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append({"code": code, "path": path, **values})

    @property
    def more(self) -> int:
        """How many problems were found beyond those listed."""
        return max(self.count - len(self.items), 0)
