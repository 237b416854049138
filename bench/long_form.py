"""A course with one very long questionnaire, and the main-thread cost of its form.

Mounting a form and saving an answer must cost time in proportion to the number of
questions, never its square (looking up each question's inputs with a query over the
whole form once made a 3,000-statement form freeze the page for seconds). The
measure: one fresh browser profile with an answer to every statement already
stored, the page opened until the form is mounted (its answers restored), then
one answer changed and saved; in each of the two steps, the longest main-thread
task spent mostly in our code, from Chromium's ``longtask`` entries (50 ms and
longer; none means under 50) attributed with the Long Animation Frames' scripts
(``long_tasks.py``). Parsing and laying out the page itself (about 15,000 inputs)
is the browser's work on our HTML, not our code's, and is shown as information.

``write_long_form_course`` is also used by the browser test of the long form
(``tests/browser/test_long_form.py``), which checks that it works, not how fast.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import yaml
from lederskap_scorer.storage_keys import storage_key
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from .browser_visits import fresh_profile
from .build_times import build_once
from .courses import CourseUnderTest, write_plain_twin
from .long_tasks import summarize
from .rows import Row, Target, unavailable
from .server import serve

STATEMENTS = 3000
DIMENSIONS = 30
COURSE_ID = "lang-skjema"
FORM_ID = "langt-skjema"
PAGE = "skjema.md"
LONGEST_TASK = Target(200, "absolute")
"""No main-thread task over 200 ms while a 3,000-statement form mounts or saves."""
MEASURES = (
    "3,000-statement form, mount: longest task in our code",
    "3,000-statement form, save an answer: longest task in our code",
    "3,000-statement form, mount: longest task, any code",
)


def item_id(number: int) -> str:
    return f"utsagn-{number}"


def long_questionnaire(statements: int = STATEMENTS, dimensions: int = DIMENSIONS) -> dict[str, object]:
    """A likert questionnaire of ``statements`` statements in ``dimensions`` dimensions, on a 1-5 scale."""
    per = statements // dimensions
    return {
        "id": FORM_ID,
        "version": 1,
        "title": "Et langt skjema",
        "scale": {
            "min": 1,
            "max": 5,
            "labels": [{"value": 1, "text": "Helt uenig"}, {"value": 5, "text": "Helt enig"}],
        },
        "parts": [
            {
                "type": "likert",
                "id": "utsagn",
                "title": "Utsagn",
                "dimensions": [
                    {
                        "id": f"omrade-{d}",
                        "title": f"Område {d}",
                        "items": [
                            {"id": item_id(d * per + i), "text": f"Utsagn nummer {d * per + i} om ledelse i hverdagen"}
                            for i in range(per)
                        ],
                    }
                    for d in range(dimensions)
                ],
            }
        ],
    }


def write_long_form_course(root: Path, statements: int = STATEMENTS) -> Path:
    """Write the course into ``root`` (pages, the questionnaire, mkdocs.yml); return its mkdocs.yml."""
    (root / "docs").mkdir(parents=True)
    (root / "forms").mkdir()
    (root / "docs" / "index.md").write_text("# Et langt skjema\n\n[Til skjemaet](skjema.md)\n", encoding="utf-8")
    (root / "docs" / PAGE).write_text(f'# Skjema\n\n::questionnaire{{id="{FORM_ID}"}}\n', encoding="utf-8")
    form = yaml.safe_dump(long_questionnaire(statements), allow_unicode=True, sort_keys=False)
    (root / "forms" / f"{FORM_ID}.yml").write_text(form, encoding="utf-8")
    config = {
        "site_name": "Et langt skjema",
        "docs_dir": "generated/docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": "nb", "font": False, "custom_dir": "generated/theme"},
        "markdown_extensions": ["attr_list", "md_in_html", "lederskap_build.markdown_forms"],
        "extra_css": ["assets/lederskap/lederskap.css"],
        "extra_javascript": [{"path": "assets/lederskap/main.js", "type": "module"}],
        "extra": {"lederskap": {"course": COURSE_ID, "language": "nb"}},
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root / "mkdocs.yml"


def stored_record(statements: int = STATEMENTS) -> str:
    """The learner's record with an answer to every statement."""
    answers = {item_id(n): 1 + n % 5 for n in range(statements)}
    record = {"schema": 2, "course": COURSE_ID, "questionnaire": FORM_ID, "version": 1,
              "updated": "2026-01-01T00:00:00.000Z", "answers": answers, "snapshots": []}  # fmt: skip
    return json.dumps(record)


OBSERVE_LONG_TASKS = """
window.__longTasks = [];
window.__frames = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push({start: entry.startTime, duration: entry.duration});
}).observe({type: "longtask", buffered: true});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__frames.push({scripts: (entry.scripts || []).map((s) => ({
      start: s.startTime, duration: s.duration, sourceURL: s.sourceURL, invoker: s.invoker,
    }))});
  }
}).observe({type: "long-animation-frame", buffered: true});
"""
READ_TASKS = "() => JSON.parse(JSON.stringify({tasks: window.__longTasks, frames: window.__frames}))"


def measure_long_form(workdir: Path, runs: int, timeout_s: float) -> list[Row]:
    """Build the course and measure ``runs`` visits; one row per step."""
    root = workdir / "long-form"
    try:
        config = write_long_form_course(root)
        build_once(CourseUnderTest("long form", config, write_plain_twin(config)))
    except Exception as error:
        return [unavailable(name, "ms", f"the course did not build: {error}") for name in MEASURES]
    mounts: list[float] = []
    saves: list[float] = []
    any_code: list[float] = []
    key = storage_key("/", COURSE_ID, FORM_ID)
    try:
        with serve(root / "site") as base, sync_playwright() as playwright:
            for _ in range(runs):
                folder = Path(tempfile.mkdtemp(prefix="profile-", dir=workdir))
                try:
                    with fresh_profile(playwright, folder) as context:
                        page = context.pages[0] if context.pages else context.new_page()
                        page.set_default_timeout(timeout_s * 1000)
                        page.goto(base)
                        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [key, stored_record()])
                        context.add_init_script(OBSERVE_LONG_TASKS)
                        page.goto(base + "skjema/")
                        page.wait_for_selector(
                            f'form[data-lsk-questionnaire="{FORM_ID}"][data-lsk-mounted]', state="attached"
                        )
                        mounted = float(page.evaluate("performance.now()"))
                        page.locator(f'input[name="{item_id(0)}"][value="5"]').check()
                        page.wait_for_function(
                            "([key, id]) => JSON.parse(localStorage.getItem(key)).answers[id] === 5",
                            arg=[key, item_id(0)],
                        )
                        page.evaluate("() => new Promise((done) => setTimeout(done, 0))")  # deliver the entries
                        seen = page.evaluate(READ_TASKS)
                        url = page.url
                        mount = summarize(seen["tasks"], seen["frames"], url, mounted)
                        after = [t for t in seen["tasks"] if t["start"] > mounted]
                        mounts.append(mount.longest_ours)
                        saves.append(summarize(after, seen["frames"], url, None).longest_ours)
                        any_code.append(mount.longest)
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
    except PlaywrightError as error:
        reason = f"Chromium could not be driven: {str(error).splitlines()[0]}"
        return [unavailable(name, "ms", reason) for name in MEASURES]
    note = "0 means no task of 50 ms or more"
    return [
        Row(MEASURES[0], "ms", tuple(mounts), target=LONGEST_TASK, note=note),
        Row(MEASURES[1], "ms", tuple(saves), target=LONGEST_TASK, note=note),
        Row(MEASURES[2], "ms", tuple(any_code), note="parsing, style and layout of the page included"),
    ]
