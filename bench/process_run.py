"""Running a command and measuring its wall time and the peak memory of its process tree.

Peak memory is the larger of two figures:

* the kernel's maximum resident set size of the largest single process of the
  tree, from ``os.wait4`` (the per-child form of ``getrusage(RUSAGE_CHILDREN)``:
  it covers grandchildren that their parent waited for, such as the
  ``mkdocs build`` that ``lederskap build`` runs);
* the largest sum of the resident sizes of the whole tree seen while sampling
  ``/proc`` every 10 ms (processes that run at the same time, such as
  ``lederskap build`` waiting for its ``mkdocs build``, add up).
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
SAMPLE_SECONDS = 0.01


@dataclass(frozen=True)
class RunResult:
    """A finished command: its wall time in seconds and its peak memory in bytes."""

    seconds: float
    peak_rss: int


class CommandFailed(RuntimeError):
    """The command exited with an error; the message ends with the tail of its output."""


def _children(pid: int) -> list[int]:
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """The summed resident size of ``pid`` and all its descendants now (0 without /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss(current)
        todo += _children(current)
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self.done.wait(SAMPLE_SECONDS)


def run_measured(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> RunResult:
    """Run ``command``; return its wall time and peak memory, or raise :class:`CommandFailed`."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            tail = output.read().decode("utf-8", "replace")[-2000:]
            raise CommandFailed(f"{' '.join(command)} exited with {process.returncode}:\n{tail}")
    return RunResult(seconds, max(sampler.peak, _max_rss_bytes(usage)))


def _max_rss_bytes(usage: resource.struct_rusage) -> int:
    """``ru_maxrss`` is in KiB on Linux (bytes on macOS, where /proc sampling is not available anyway)."""
    return usage.ru_maxrss * 1024 if os.uname().sysname == "Linux" else usage.ru_maxrss
