"""The benchmark's output: one aligned plain-text table, and the same rows as JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from .rows import Row, Unit

COLUMNS = ("measure", "median", "min", "max", "n", "baseline median", "ratio", "target", "verdict")
NUMERIC = frozenset({"median", "min", "max", "n", "baseline median", "ratio"})


def number(value: float | None, unit: Unit) -> str:
    """A value with its unit, rounded for reading."""
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.0f} ms" if abs(value) >= 100 else f"{value:.1f} ms"
    if unit == "count":
        return f"{value:g}"
    if unit == "MB":
        return f"{value:.2f} MB"
    return f"{value:.1f} {unit}"


def cells(row: Row) -> tuple[str, ...]:
    """The row's table cells, in the order of :data:`COLUMNS`."""
    samples = row.samples
    base = row.baseline.median if row.baseline else None
    return (
        row.measure,
        number(row.median, row.unit),
        number(min(samples), row.unit) if samples else "",
        number(max(samples), row.unit) if samples else "",
        str(len(samples)),
        number(base, row.unit) if row.baseline else "",
        f"{row.ratio:.2f}×" if row.ratio is not None else "",
        row.target.text(row.unit) if row.target else "",
        row.verdict,
    )


def render_table(rows: Sequence[Row]) -> str:
    """The rows as an aligned text table, followed by the baselines and notes as footnotes."""
    body = [COLUMNS, *(cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in body) for i in range(len(COLUMNS))]

    def line(values: Sequence[str]) -> str:
        parts = [
            value.rjust(width) if name in NUMERIC else value.ljust(width)
            for name, value, width in zip(COLUMNS, values, widths, strict=True)
        ]
        return "  ".join(parts).rstrip()

    out = [line(COLUMNS), line(["-" * w for w in widths])]
    out += [line(values) for values in body[1:]]
    notes = _footnotes(rows)
    if notes:
        out += ["", *notes]
    return "\n".join(out)


def _footnotes(rows: Sequence[Row]) -> list[str]:
    baselines: dict[str, list[str]] = {}
    notes = []
    for row in rows:
        if row.baseline:
            baselines.setdefault(row.baseline.label, []).append(row.measure)
            if row.baseline.note:
                notes.append(f"  {row.measure}: baseline: {row.baseline.note}")
        if row.note:
            notes.append(f"  {row.measure}: {row.note}")
    out = []
    if baselines:
        out.append("Baselines (measured in the same run):")
        for label, measures in baselines.items():
            short = dict.fromkeys(re.split(r"[:,]", measure)[0] for measure in measures)
            out.append(f"  {', '.join(short)}: {label}")
    if notes:
        out.append("Notes:")
        out += notes
    return out


def row_json(row: Row) -> dict[str, object]:
    """One row as plain data."""
    return {
        "measure": row.measure,
        "unit": row.unit,
        "median": row.median,
        "min": min(row.samples) if row.samples else None,
        "max": max(row.samples) if row.samples else None,
        "n": len(row.samples),
        "samples": list(row.samples),
        "baseline": None
        if row.baseline is None
        else {
            "label": row.baseline.label,
            "median": row.baseline.median,
            "samples": list(row.baseline.samples),
            "note": row.baseline.note,
        },
        "ratio": row.ratio,
        "target": None
        if row.target is None
        else {"kind": row.target.kind, "limit": row.target.limit, "text": row.target.text(row.unit)},
        "verdict": row.verdict,
        "note": row.note,
        "details": row.details,
    }


def write_json(path: Path, rows: Sequence[Row], context: Mapping[str, object]) -> None:
    """Write the rows, with what was measured where (``context``), as indented JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {**context, "rows": [row_json(row) for row in rows]}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def _ms(value: object) -> str:
    return f"{value:7.0f} ms" if isinstance(value, int | float) else "      n/a"


def _visit_events(timeline: Mapping[str, object]) -> list[tuple[float, str]]:
    """A visit's moments, fetches of our files, our worker's messages and long tasks, by time."""
    events: list[tuple[float, str]] = []

    def add(at: object, text: str) -> None:
        if isinstance(at, int | float):
            events.append((float(at), text))

    add(timeline.get("first_input"), "first input usable")
    add(timeline.get("first_result"), "first result shown")
    for event in _mappings(timeline.get("worker")):
        if "/assets/lederskap/" not in str(event.get("worker")):
            continue
        what = f"stage {event.get('stage')}" if event.get("event") == "stage" else str(event.get("event"))
        add(event.get("at"), f"worker: {what}")
    for fetch in _mappings(timeline.get("fetches")):
        if "/assets/lederskap/" in str(fetch.get("path")) or fetch.get("type") == "document":
            end = fetch.get("end")
            done = f", done at {end:.0f} ms" if isinstance(end, int | float) else ""
            add(fetch.get("start"), f"fetch {fetch.get('path')} ({fetch.get('bytes')} B{done})")
    for task in _mappings(timeline.get("long_tasks")):
        add(task.get("start"), f"long task of {task.get('duration')} ms, {task.get('kind')}: {task.get('scripts')}")
    return sorted(events, key=lambda e: e[0])


def _mappings(value: object) -> list[Mapping[str, object]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def render_details(details: Mapping[str, object]) -> str:
    """Where the time goes: the build's phases, and the timeline of the median first visit."""
    out: list[str] = []
    phases = details.get("build_phases_s")
    if isinstance(phases, Mapping):
        out.append("Build phases (one clean lederskap build, seconds or bytes):")
        for measure, steps in phases.items():
            out.append(f"  {measure}")
            if isinstance(steps, Mapping):
                out += [f"    {name}: {value}" for name, value in steps.items()]
    browser = details.get("browser")
    median = browser.get("median_round") if isinstance(browser, Mapping) else None
    if not isinstance(median, Mapping):
        return "\n".join(out)
    for visit, name in (("cold", "first"), ("warm", "second"), ("changed", "return (an answer changed)")):
        timeline = median.get(visit)
        if isinstance(timeline, Mapping):
            out.append(f"Questionnaire page, {name} visit of the median run (ms since navigation start):")
            out += [f"  {_ms(at)}  {text}" for at, text in _visit_events(timeline)]
    for visit in ("bare_cold", "bare_warm"):
        bare = median.get(visit)
        if isinstance(bare, Mapping):
            out.append(
                f"Bare Pyodide page, {visit[5:]} visit: ready at {_ms(bare.get('ready')).strip()}; in the worker:"
            )
            times = bare.get("workerTimes")
            if isinstance(times, Mapping):
                out += [f"  {_ms(value)}  {name}" for name, value in times.items()]
    return "\n".join(out)
