"""The browser measures: first input, first result (cold, warm, after a changed answer), long tasks and weight.

Each run is one round of three fresh browser profiles, on the same local server
(each opens an empty page of the site first, so that starting the browser's
processes is not counted):

1. the plain page (the questionnaire page without our script): time to the first input;
2. the questionnaire page with the learner's answers already stored: a first
   visit (first input, first result, Python ready, long tasks, bytes), then a
   second visit in the same profile (first result and Python ready with a warm
   cache; it also waits until the service worker has kept the Python runtime),
   then a return visit with one answer changed, so that the results kept from
   the last visit cannot answer and the first result waits for Python;
3. the bare Pyodide page: a first and a second boot, the floor the runtime sets.

The three take turns at going first. One round runs first without being
counted, to warm up the machine. When the results never appear (the browser
code may be unfinished), the later rounds stop waiting for them, and their
rows say why. After the rounds, the start page's first visits (``start_page.py``).
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lederskap_scorer.storage_keys import storage_key
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Playwright, sync_playwright

from . import targets
from .browser_visits import Awaited, Seed, Visit, fresh_profile, visit, why_no_result
from .courses import QuestionnairePage
from .long_tasks import LongTaskSummary, summarize
from .page_weight import KIB, MB, Weight, if_gzipped, transferred, weigh
from .rows import Baseline, Row, unavailable
from .sample_answers import changed_answers, storage_record
from .served_site import ServedSite
from .server import Traffic, serve
from .start_page import StartPageVisit, start_page_details, start_page_rows, visit_start_page

SETTLE_MS = 3000
"""How long a visit waits after the first input when results are not expected any more."""


def unavailable_rows(reason: str) -> list[Row]:
    """Every browser row, as not measured for ``reason``."""
    return [unavailable(name, unit, reason, target) for name, unit, target in targets.BROWSER_MEASURES]


@dataclass(frozen=True)
class Round:
    """The visits of one run."""

    plain: Visit
    cold: Visit
    warm: Visit
    changed: Visit
    """The return visit after ``warm``, with one answer changed."""
    bare_cold: Visit
    bare_warm: Visit


@dataclass(frozen=True)
class _Session:
    playwright: Playwright
    base: str
    blank_page: str
    workdir: Path
    timeout_ms: float

    def visits(self, path: str, plan: Sequence[tuple[Seed | None, Awaited]]) -> list[Visit]:
        """Visits of ``path`` in one fresh profile (the first one a first visit), one per (stored answers,
        awaited moment) of ``plan``."""
        folder = Path(tempfile.mkdtemp(prefix="profile-", dir=self.workdir))
        try:
            with fresh_profile(self.playwright, folder) as context:
                warm_up = context.pages[0] if context.pages else context.new_page()
                warm_up.goto(self.base + self.blank_page)
                return [
                    visit(context, self.base + path, awaited, self.timeout_ms, self._settle(seed, awaited), seed)
                    for seed, awaited in plan
                ]
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @staticmethod
    def _settle(seed: Seed | None, awaited: Awaited) -> float:
        return SETTLE_MS if seed is not None and awaited == "input" else 0


def measure_browser(
    served: ServedSite, page: QuestionnairePage, runs: int, timeout_s: float, workdir: Path
) -> tuple[list[Row], dict[str, object]]:
    """Run the rounds and the start page's visits, and turn them into rows; the details hold the median
    round's timeline."""
    key = storage_key("/", page.course_id, page.questionnaire.id)
    seed = (key, storage_record(page.questionnaire, page.course_id))
    changed = (key, storage_record(page.questionnaire, page.course_id, changed_answers(page.questionnaire)))
    rounds: list[Round] = []
    start_visits: list[StartPageVisit] = []
    no_results: str | None = None
    traffic = Traffic()
    try:
        with serve(served.root, traffic) as base, sync_playwright() as playwright:
            session = _Session(playwright, base, served.blank_page, workdir, timeout_s * 1000)
            for number in range(runs + 1):
                found: dict[str, list[Visit]] = {}
                # The three profiles take turns at going first, so that none always pays for the one before.
                for kind in _rotated(("plain", "page", "bare"), number):
                    if kind == "plain":
                        found[kind] = session.visits(served.plain_page, [(None, "input")])
                    elif kind == "page":
                        plan: list[tuple[Seed | None, Awaited]] = (
                            [(seed, "input"), (seed, "input"), (changed, "input")]
                            if no_results
                            else [(seed, "installed"), (seed, "kept"), (changed, "ready")]
                        )
                        found[kind] = session.visits(served.page, plan)
                    else:
                        found[kind] = session.visits(served.bare_page, [(None, "bare"), (None, "bare")])
                cold, warm, after_change = found["page"]
                if cold.first_result is None and no_results is None:
                    no_results = why_no_result(cold)
                if number > 0:
                    rounds.append(Round(found["plain"][0], cold, warm, after_change, *found["bare"]))
            for save_data in [False, True] * runs:
                folder = Path(tempfile.mkdtemp(prefix="profile-", dir=workdir))
                try:
                    start_visits.append(
                        visit_start_page(
                            playwright, base, served.blank_page, traffic, folder, save_data, timeout_s * 1000
                        )
                    )
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
    except PlaywrightError as error:
        return unavailable_rows(f"Chromium could not be driven: {str(error).splitlines()[0]}"), {}
    rows = _rows(rounds, served, no_results) + start_page_rows(start_visits)
    return rows, {**_details(rounds, served), "start_page": start_page_details(start_visits)}


def _rotated(items: tuple[str, ...], by: int) -> tuple[str, ...]:
    shift = by % len(items)
    return items[shift:] + items[:shift]


def _values(rounds: Sequence[Round], get: Callable[[Round], float | None]) -> tuple[float, ...]:
    return tuple(v for v in (get(r) for r in rounds) if v is not None)


def _missing_note(rounds: Sequence[Round], samples: tuple[float, ...], reason: str | None) -> str:
    if not samples:
        return reason or "not seen in any run"
    if len(samples) < len(rounds):
        return f"seen in {len(samples)} of {len(rounds)} runs" + (f" ({reason})" if reason else "")
    return ""


def _long_tasks(visit: Visit) -> LongTaskSummary:
    return summarize(visit.long_tasks, visit.frames, visit.url, visit.first_result)


def _rows(rounds: Sequence[Round], served: ServedSite, no_results: str | None) -> list[Row]:
    bare_cold = _values(rounds, lambda r: r.bare_cold.bare_ready)
    bare_failure = next((r.bare_cold.failure for r in rounds if r.bare_cold.failure), None)
    bare = Baseline(
        "bare Pyodide boot + wheel, first visit",
        bare_cold,
        "" if bare_cold else (bare_failure or "the bare page never got ready"),
    )
    plain_input = _values(rounds, lambda r: r.plain.first_input)
    first_input = _values(rounds, lambda r: r.cold.first_input)
    cold = _values(rounds, lambda r: r.cold.first_result)
    warm = _values(rounds, lambda r: r.warm.first_result)
    bare_warm = _values(rounds, lambda r: r.bare_warm.bare_ready)
    ready_cold = _values(rounds, lambda r: r.cold.python_ready)
    ready_warm = _values(rounds, lambda r: r.warm.python_ready)
    after_change = _values(rounds, lambda r: r.changed.first_result)
    ready_return = _values(rounds, lambda r: r.changed.python_ready)
    return_note = _return_visit_note(rounds)
    input_failure = next((r.cold.failure for r in rounds if r.cold.first_input is None), None)
    first_input_note = _missing_note(rounds, first_input, input_failure)
    rows = [
        Row(
            "first input",
            "ms",
            first_input,
            Baseline("the same page without our script", plain_input),
            targets.FIRST_INPUT,
            first_input_note,
        ),
        Row(
            "first result, cold (first visit)",
            "ms",
            cold,
            bare,
            targets.COLD_RESULT,
            _missing_note(rounds, cold, no_results),
        ),
        Row(
            "first result, warm (second visit)",
            "ms",
            warm,
            bare,
            targets.WARM_RESULT,
            _missing_note(rounds, warm, no_results),
        ),
        Row(
            "first result after a changed answer, return visit",
            "ms",
            after_change,
            bare,
            targets.CHANGED_RESULT,
            _joined(_missing_note(rounds, after_change, no_results), return_note),
        ),
        Row("bare Pyodide boot, warm", "ms", bare_warm, note=_missing_note(rounds, bare_warm, bare_failure)),
        Row(
            "Python ready, cold (first visit)",
            "ms",
            ready_cold,
            bare,
            note=_missing_note(rounds, ready_cold, no_results),
        ),
        Row(
            "Python ready, warm (second visit)",
            "ms",
            ready_warm,
            Baseline("bare Pyodide boot + wheel, second visit", bare_warm),
            note=_missing_note(rounds, ready_warm, no_results),
        ),
        Row(
            "Python ready, return visit",
            "ms",
            ready_return,
            Baseline("bare Pyodide boot + wheel, second visit", bare_warm),
            note=_joined(_missing_note(rounds, ready_return, no_results), return_note),
        ),
    ]
    summaries = [_long_tasks(r.cold) for r in rounds]
    long_task_note = "" if not no_results else "counted until the end of the visit (no result)"
    rows += [
        Row(
            "long tasks until first result: count",
            "count",
            tuple(float(s.count) for s in summaries),
            note=long_task_note,
        ),
        Row("long tasks until first result: total", "ms", tuple(s.total for s in summaries)),
        Row("long tasks until first result: longest", "ms", tuple(s.longest for s in summaries)),
        Row(
            "longest long task in our code",
            "ms",
            tuple(s.longest_ours for s in summaries),
            target=targets.OUR_LONG_TASK,
            note="0 when there is none",
            details={"long_task_ms_by_kind": [s.by_kind() for s in summaries]},
        ),
    ]
    rows += _weight_rows([weigh(r.cold.fetches, served.root) for r in rounds])
    rows += _total_weight_rows(rounds, served)
    return rows


def _joined(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _return_visit_note(rounds: Sequence[Round]) -> str:
    """Why a return visit may not have been served by the service worker with the runtime kept, if so."""
    unsettled = [r.warm for r in rounds if r.warm.failure and r.warm.first_result is not None]
    if not unsettled:
        return ""
    offline = unsettled[0].offline
    return (
        f"in {len(unsettled)} of {len(rounds)} runs the service worker had not kept the runtime before it"
        f" (offline state {offline!r})"
    )


def _total_weight_rows(rounds: Sequence[Round], served: ServedSite) -> list[Row]:
    """Everything the first visit transferred, raw and as a gzipping host would send it, against the bare page."""

    def mb(visits: Sequence[Visit], size: Callable[[Visit], int]) -> tuple[float, ...]:
        return tuple(size(v) / MB for v in visits if v.fetches)

    cold = [r.cold for r in rounds]
    bare = [r.bare_cold for r in rounds]
    raw = Baseline("bare Pyodide + wheel, first visit, transferred", mb(bare, lambda v: transferred(v.fetches)))
    gzipped = Baseline(
        "bare Pyodide + wheel, first visit, if gzipped", mb(bare, lambda v: if_gzipped(v.fetches, served.root))
    )
    return [
        Row(
            "weight: all, to first result (first visit)",
            "MB",
            mb(cold, lambda v: transferred(v.fetches)),
            raw,
            targets.FIRST_VISIT_BYTES,
            details={"bytes_by_kind": [weigh(v.fetches, served.root).transferred for v in cold]},
        ),
        Row(
            "weight: all, to first result, if gzipped",
            "MB",
            mb(cold, lambda v: if_gzipped(v.fetches, served.root)),
            gzipped,
            note="each body as its file gzipped at level 9 (as sent if that is not smaller), headers as sent",
        ),
    ]


def _weight_rows(weights: Sequence[Weight]) -> list[Row]:
    def kib(get: Callable[[Weight], int]) -> tuple[float, ...]:
        return tuple(get(w) / KIB for w in weights)

    return [
        Row("weight: Pyodide, transferred", "KiB", kib(lambda w: w.transferred["pyodide"])),
        Row("weight: ours (JS, CSS), transferred", "KiB", kib(lambda w: w.transferred["ours"])),
        Row(
            "weight: ours (JS, CSS, scorer), gzip -9",
            "KiB",
            kib(lambda w: w.ours_gzip),
            target=targets.OUR_WEIGHT,
            details={"gzip_bytes_by_file": weights[0].ours_files if weights else {}},
        ),
        Row("weight: rest (page, Material), transferred", "KiB", kib(lambda w: w.transferred["rest"])),
    ]


def timeline(visit: Visit) -> dict[str, object]:
    """What one visit fetched and when, its worker's messages and its long tasks (milliseconds)."""
    return {
        "first_input": visit.first_input,
        "first_result": visit.first_result,
        "failure": visit.failure,
        "worker": visit.worker,
        "fetches": [
            {
                "path": f.path,
                "type": f.resource_type,
                "bytes": f.transferred,
                "start": None if f.start_ms is None else round(f.start_ms, 1),
                "end": None if f.end_ms is None else round(f.end_ms, 1),
            }
            for f in visit.fetches
        ],
        "long_tasks": [t.as_json() for t in _long_tasks(visit).tasks],
        "console_errors": visit.console_errors[:5],
    }


def moments(visit: Visit) -> dict[str, float | None]:
    """When the visit reached each point: first input, our worker's start stages, first result (ms)."""
    out: dict[str, float | None] = {"first input": visit.first_input}
    for event in visit.worker:
        if "/assets/lederskap/" in str(event.get("worker")):
            name = f"worker {event.get('stage')}" if event.get("event") == "stage" else f"worker {event.get('event')}"
            out.setdefault(name, event.get("at"))
    out["first result"] = visit.first_result
    return out


def _details(rounds: Sequence[Round], served: ServedSite) -> dict[str, object]:
    """Every round's moments, and the full timeline of the round whose first result came at the median time."""
    if not rounds:
        return {}
    cold_times = [r.cold.first_result if r.cold.first_result is not None else float("inf") for r in rounds]
    chosen = rounds[cold_times.index(statistics.median_low(cold_times))]
    return {
        "user_agent": chosen.cold.user_agent,
        "page": served.page,
        "rounds": [
            {
                "cold": moments(r.cold),
                "warm": moments(r.warm),
                "changed": moments(r.changed),
                "bare_cold": r.bare_cold.bare,
                "bare_warm": r.bare_warm.bare,
                "plain_first_input": r.plain.first_input,
            }
            for r in rounds
        ],
        "median_round": {
            "cold": timeline(chosen.cold),
            "warm": timeline(chosen.warm),
            "changed": timeline(chosen.changed),
            "bare_cold": chosen.bare_cold.bare,
            "bare_warm": chosen.bare_warm.bare,
            "plain_first_input": chosen.plain.first_input,
        },
    }
