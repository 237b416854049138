"""The build's errors: every problem in the course, each with its file, line and place.

A build never stops at the first problem: loaders collect :class:`ContentProblem`
values and the build raises one :class:`ContentError` holding all of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One problem in one course file.

    ``file`` is relative to the course project, ``line`` is 1-based (0 when
    unknown) and ``where`` is the place inside the file (``items[3].text``).
    """

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        return f"{location}: {self.where}: {self.message}" if self.where else f"{location}: {self.message}"


class BuildError(Exception):
    """Base of every error the build reports to an author instead of a traceback."""


class ContentError(BuildError):
    """The course content has problems; ``problems`` lists every one, sorted by file and line."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        heading = f"The course has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


class SetupError(BuildError):
    """Something the build needs is missing (the Pyodide runtime, the scorer sources, MkDocs)."""
