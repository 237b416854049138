"""One measured row of the benchmark table: samples, baseline, target and verdict."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["s", "ms", "MiB", "KiB", "MB", "count"]
"""``MB`` is 10⁶ bytes (as issue 10 counts a download), ``MiB`` and ``KiB`` are 2²⁰ and 2¹⁰."""
Verdict = Literal["met", "MISSED", "info", "n/a"]


@dataclass(frozen=True)
class Target:
    """What a measure should stay under: a ratio to its baseline's median, an absolute limit, or
    (``below``) at least ``limit`` under its baseline's median."""

    limit: float
    kind: Literal["ratio", "absolute", "below"]

    def text(self, unit: Unit) -> str:
        if self.kind == "ratio":
            return f"≤ {self.limit:g}× base"
        if self.kind == "below":
            return f"≤ base − {self.limit:g} {unit}"
        return f"≤ {self.limit:g} {unit}"


@dataclass(frozen=True)
class Baseline:
    """What a measure is compared with, measured in the same run."""

    label: str
    samples: tuple[float, ...]
    note: str = ""
    """Why there are no samples, when there are none."""

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


@dataclass(frozen=True)
class Row:
    """A measure: its samples (one per run), its baseline and its target."""

    measure: str
    unit: Unit
    samples: tuple[float, ...]
    baseline: Baseline | None = None
    target: Target | None = None
    note: str = ""
    """Why there are no samples, or anything the reader must know about them."""
    details: dict[str, object] = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline.median if self.baseline else None
        if self.median is None or not base:
            return None
        return self.median / base

    @property
    def verdict(self) -> Verdict:
        if self.median is None:
            return "n/a"
        if self.target is None:
            return "info"
        if self.target.kind == "absolute":
            return "met" if self.median <= self.target.limit else "MISSED"
        if self.target.kind == "below":
            base = self.baseline.median if self.baseline else None
            if base is None:
                return "n/a"
            return "met" if self.median <= base - self.target.limit else "MISSED"
        if self.ratio is None:
            return "n/a"
        return "met" if self.ratio <= self.target.limit else "MISSED"


def unavailable(measure: str, unit: Unit, reason: str, target: Target | None = None) -> Row:
    """A row that could not be measured, with the reason."""
    return Row(measure, unit, (), target=target, note=reason)
