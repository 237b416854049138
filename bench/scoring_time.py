"""The time of one scoring call inside Pyodide, under Node, for a questionnaire of 100 statements.

Each run is one Node process (``node/score_bench.mjs``) that boots the npm
package ``pyodide``, loads the scorer wheel the site ships, calls
``score_json`` once (the first call also parses and checks the definition),
warms up, then times many calls. A run's figure is the median of its calls;
the row gives the median, min and max of the runs.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
from pathlib import Path

from lederskap_scorer.model import Questionnaire
from lederskap_scorer.schema import parse

from lederskap_build.render import definition_json

from . import targets
from .large_course import scoring_questionnaire
from .rows import Row, unavailable
from .sample_answers import sample_answers

SCRIPT = Path(__file__).resolve().parent / "node" / "score_bench.mjs"
ITEMS = 100
DIMENSIONS = 10
WARMUP_CALLS = 20
TIMED_CALLS = 200
MEASURE = f"scoring call, {ITEMS} statements (Pyodide)"
FIRST_MEASURE = "first scoring call (parses the definition)"


def _inputs(folder: Path) -> tuple[Path, Path]:
    questionnaire = parse(Questionnaire, scoring_questionnaire(ITEMS, DIMENSIONS))
    definition, answers = folder / "definition.json", folder / "answers.json"
    definition.write_text(definition_json(questionnaire), encoding="utf-8")
    answers.write_text(json.dumps(sample_answers(questionnaire)), encoding="utf-8")
    return definition, answers


def measure_scoring(pyodide_dir: Path, wheel: Path, runs: int, workdir: Path, calls: int = TIMED_CALLS) -> list[Row]:
    """The scoring rows; not measured (with the reason) when Node or Pyodide cannot run."""
    node = shutil.which("node")
    if node is None:
        return [
            unavailable(MEASURE, "ms", "node is not installed", targets.SCORING),
            unavailable(FIRST_MEASURE, "ms", "node is not installed"),
        ]
    definition, answers = _inputs(workdir)
    medians, firsts, boots = [], [], []
    for _ in range(runs):
        command = [
            node,
            str(SCRIPT),
            str(pyodide_dir / "pyodide.mjs"),
            str(wheel),
            str(definition),
            str(answers),
            str(WARMUP_CALLS),
            str(calls),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
        if done.returncode != 0:
            reason = f"node failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}"
            return [unavailable(MEASURE, "ms", reason, targets.SCORING), unavailable(FIRST_MEASURE, "ms", reason)]
        result = json.loads(done.stdout.strip().splitlines()[-1])
        medians.append(statistics.median(result["callsMs"]))
        firsts.append(float(result["firstCallMs"]))
        boots.append({"boot_ms": result["bootMs"], "wheel_and_import_ms": result["wheelMs"]})
    note = f"each run: median of {calls} calls after {WARMUP_CALLS} warm-up calls"
    return [
        Row(MEASURE, "ms", tuple(medians), target=targets.SCORING, note=note, details={"node_boot": boots}),
        Row(FIRST_MEASURE, "ms", tuple(firsts)),
    ]
