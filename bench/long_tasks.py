"""Main-thread long tasks of a visit, attributed to whose code ran in them.

Chromium's ``longtask`` entries only say that a task took over 50 ms (their
``attribution`` names the frame, rarely the script). The Long Animation Frames
API (``long-animation-frame``) lists the scripts that ran in a long frame, with
their URLs and durations; a long task is attributed to the kind of code whose
scripts ran longest within it: ``ours`` (assets/lederskap/, not Pyodide),
``pyodide``, ``material`` (the theme's bundle), ``page`` (inline scripts),
``other``, or ``none`` (no script URL: parsing, style and layout, also when
forced by the benchmark's probe, whose injected script has no URL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

OUR_ASSETS = "/assets/lederskap/"
PYODIDE_ASSETS = "/assets/lederskap/pyodide/"
MATERIAL_ASSETS = "/assets/javascripts/"


def code_kind(source_url: str, page_url: str) -> str:
    """Whose code a script URL is."""
    if not source_url:
        return "none"
    path = urlsplit(source_url).path
    if PYODIDE_ASSETS in path:
        return "pyodide"
    if OUR_ASSETS in path:
        return "ours"
    if MATERIAL_ASSETS in path:
        return "material"
    if urlsplit(source_url)._replace(fragment="").geturl() == urlsplit(page_url)._replace(fragment="").geturl():
        return "page"
    return "other"


@dataclass(frozen=True)
class LongTask:
    """One long task, with the scripts that ran in it by kind of code (milliseconds)."""

    start: float
    duration: float
    kind: str
    script_ms: dict[str, float]
    scripts: list[str]

    def as_json(self) -> dict[str, object]:
        return {
            "start": round(self.start, 1),
            "duration": round(self.duration, 1),
            "kind": self.kind,
            "script_ms": {k: round(v, 1) for k, v in self.script_ms.items()},
            "scripts": self.scripts,
        }


def _overlap(a_start: float, a_end: float, b_start: float, b_end: float) -> float:
    return max(0.0, min(a_end, b_end) - max(a_start, b_start))


def attribute(task: dict[str, Any], frames: Sequence[dict[str, Any]], page_url: str) -> LongTask:
    """Attribute one ``longtask`` entry using the long animation frames' scripts that overlap it."""
    start, end = float(task["start"]), float(task["start"]) + float(task["duration"])
    by_kind: dict[str, float] = {}
    scripts: list[str] = []
    for frame in frames:
        for script in frame.get("scripts") or []:
            s_start = float(script.get("start") or 0)
            overlap = _overlap(start, end, s_start, s_start + float(script.get("duration") or 0))
            if overlap <= 0:
                continue
            kind = code_kind(str(script.get("sourceURL") or ""), page_url)
            by_kind[kind] = by_kind.get(kind, 0.0) + overlap
            where = urlsplit(str(script.get("sourceURL") or "")).path or "(no URL)"
            invoker = script.get("invoker") or script.get("invokerType") or ""
            scripts.append(f"{where} [{invoker}] {overlap:.0f} ms")
    kind = max(by_kind, key=lambda k: by_kind[k]) if by_kind else "none"
    return LongTask(start, float(task["duration"]), kind, by_kind, scripts)


@dataclass(frozen=True)
class LongTaskSummary:
    """The long tasks of one visit up to a moment."""

    tasks: list[LongTask]

    @property
    def count(self) -> int:
        return len(self.tasks)

    @property
    def total(self) -> float:
        return sum(t.duration for t in self.tasks)

    @property
    def longest(self) -> float:
        return max((t.duration for t in self.tasks), default=0.0)

    @property
    def longest_ours(self) -> float:
        """The longest task mostly spent in our code (0 when there is none)."""
        return max((t.duration for t in self.tasks if t.kind == "ours"), default=0.0)

    def by_kind(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for task in self.tasks:
            out[task.kind] = out.get(task.kind, 0.0) + task.duration
        return out


def summarize(
    long_tasks: Sequence[dict[str, Any]], frames: Sequence[dict[str, Any]], page_url: str, until: float | None
) -> LongTaskSummary:
    """The long tasks that started before ``until`` (all when ``None``), attributed."""
    chosen = [t for t in long_tasks if until is None or float(t["start"]) <= until]
    return LongTaskSummary([attribute(t, frames, page_url) for t in sorted(chosen, key=lambda t: float(t["start"]))])
