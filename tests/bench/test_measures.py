"""The parts of the benchmark that decide its verdicts: targets, bytes counted by the server, the changed answer."""

from __future__ import annotations

import os
import urllib.request
import zipfile
from pathlib import Path

from lederskap_scorer.api import questionnaire_from_data

from bench.browser_visits import Fetch
from bench.large_course import scoring_questionnaire
from bench.page_weight import if_gzipped, weigh
from bench.rows import Baseline, Row, Target
from bench.sample_answers import changed_answers, sample_answers
from bench.server import Traffic, serve
from bench.start_page import runtime_bytes


def test_a_target_below_the_baseline_is_met_only_that_far_under_it() -> None:
    below = Target(2, "below")
    base = Baseline("bare", (13.5, 13.6, 13.4))
    assert Row("weight", "MB", (11.4,), base, below).verdict == "met"
    assert Row("weight", "MB", (11.6,), base, below).verdict == "MISSED"
    assert Row("weight", "MB", (11.4,), Baseline("bare", ()), below).verdict == "n/a"
    assert below.text("MB") == "≤ base − 2 MB"


def test_the_server_counts_what_it_writes_by_path(tmp_path: Path) -> None:
    (tmp_path / "a b.txt").write_bytes(b"x" * 5000)
    traffic = Traffic()
    with serve(tmp_path, traffic) as base:
        mark = traffic.mark()
        with urllib.request.urlopen(base + "a%20b.txt?v=1", timeout=5) as response:  # noqa: S310 - our own local server
            body = response.read()
        headers = len(str(response.headers))
        sent = traffic.since(mark)
    assert len(body) == 5000
    assert list(sent) == ["/a b.txt"]
    assert 5000 + headers <= sent["/a b.txt"] < 5000 + headers + 100  # the status line
    assert traffic.since(traffic.mark()) == {}


def test_the_runtime_is_the_files_the_service_worker_keeps_apart() -> None:
    sent = {
        "/assets/lederskap/pyodide/pyodide.asm.wasm": 100,
        "/assets/lederskap/wheels/lederskap_scorer-0.1.0-py3-none-any.whl": 10,
        "/assets/lederskap/main.js": 1,
        "/": 1,
    }
    assert runtime_bytes(sent) == 110


def test_a_gzipping_host_sends_a_compressible_body_smaller_and_a_zip_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>lederskap</p>\n" * 1000, encoding="utf-8")
    (tmp_path / "random.zip").write_bytes(os.urandom(4000))

    def fetch(path: str, body: int) -> Fetch:
        return Fetch(path, path, "fetch", 200, body + 200, body, None, None)

    page = fetch("/page.html", 17000)
    archive = fetch("/random.zip", 4000)
    assert 200 < if_gzipped([page], tmp_path) < 1000
    assert if_gzipped([archive], tmp_path) == archive.transferred
    assert if_gzipped([fetch("/missing.js", 300)], tmp_path) == 500


def test_the_scorer_counts_as_ours_also_inside_its_standard_library_archive(tmp_path: Path) -> None:
    folder = tmp_path / "kurs" / "assets" / "lederskap"
    (folder / "pyodide").mkdir(parents=True)
    (folder / "main.js").write_text("export {};\n" * 100, encoding="utf-8")
    archive = folder / "pyodide" / "python_stdlib_scorer.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as opened:
        opened.writestr("json/__init__.pyc", os.urandom(3000))
        opened.writestr("lederskap_scorer/api.pyc", os.urandom(1000))
    with zipfile.ZipFile(archive) as opened:
        (scorer,) = [e for e in opened.infolist() if e.filename.startswith("lederskap_scorer/")]

    def fetch(path: str) -> Fetch:
        size = (tmp_path / path.lstrip("/")).stat().st_size
        return Fetch(path, path, "fetch", 200, size + 200, size, None, None)

    weight = weigh(
        [fetch("/kurs/assets/lederskap/main.js"), fetch("/kurs/assets/lederskap/pyodide/python_stdlib_scorer.zip")],
        tmp_path,
    )
    share = weight.ours_files["/kurs/assets/lederskap/pyodide/python_stdlib_scorer.zip"]
    # its deflated bytes and its two headers, not the standard library's entry
    assert scorer.compress_size < share < scorer.compress_size + 200
    assert weight.ours_gzip == share + weight.ours_files["/kurs/assets/lederskap/main.js"]
    assert weight.transferred["pyodide"] == archive.stat().st_size + 200


def test_the_changed_answer_is_one_answer_on_the_scale() -> None:
    questionnaire = questionnaire_from_data(scoring_questionnaire(10, 2))
    before, after = sample_answers(questionnaire), changed_answers(questionnaire)
    differing = [key for key in before if before[key] != after[key]]
    assert len(differing) == 1 and before.keys() == after.keys()
    assert questionnaire.scale is not None
    assert questionnaire.scale.min <= int(str(after[differing[0]])) <= questionnaire.scale.max
