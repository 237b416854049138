"""The build's errors: every problem in the course, each with its file, line and place.

A build never stops at the first problem: loaders collect :class:`ContentProblem`
values and the build raises one :class:`ContentError` holding all of them. A
warning is a :class:`ContentProblem` too, one that does not stop the build
(:func:`warnings_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
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


def warnings_text(warnings: Sequence[ContentProblem]) -> str:
    """Warnings (problems that do not stop the build), listed like :class:`ContentError`'s problems."""
    count = len(warnings)
    heading = f"The course has {count} warning{'s' if count != 1 else ''}:"
    return "\n".join([heading, *(f"  {w}" for w in sorted(warnings))])


class SetupError(BuildError):
    """Something the build needs is missing (the Pyodide runtime, the scorer sources, MkDocs)."""
