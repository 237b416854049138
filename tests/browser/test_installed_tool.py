"""The tool installed like a tool: a wheel of this repository in a fresh virtual environment, no editable install.

A copy of the repository's package sources is built into a wheel (``pip wheel``) and installed
into a new virtual environment with ``pip`` (its dependencies from pip's cache or PyPI). That
environment's ``lederskap new`` writes a starter course into a temporary folder outside the
repository, which must pass ``lederskap check``, build, serve, keep every page's promises
(the Content Security Policy, no inline script, nothing of another origin) and, in Chromium,
score a questionnaire; with the tool's extra ``zensical`` installed too, a starter course built by
Zensical keeps the same promises. Nothing here imports the repository's packages into that environment:
it runs with the temporary folder as its working directory and without PYTHONPATH.

The environment is made once per module; it takes about a minute with a warm pip cache.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ..course_build.html_index import index_html
from ..course_build.test_serve import fetch, free_port, wait_for
from ..courses import REPO
from .helpers import answer, dimension_rows, open_form, wait_for_results
from .served import SiteServer, watched_page

pytestmark = pytest.mark.install

PACKAGE_SOURCES = ("pyproject.toml", "README.md", "lederskap_build", "scorer")
"""What of the repository the tool's distribution is built from."""
_NOT_SOURCES = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist", ".*_cache")

STARTER_PAGES = ("index.html", "team-climate", "reflection", "energy", "working-week", "planning-habits", "my-results")
STARTER_FORMS = ("team-climate", "reflection", "energy", "working-week", "planning-habits")
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)


@dataclass(frozen=True)
class InstalledTool:
    wheel: Path
    venv: Path
    work: Path
    """A temporary folder outside the repository, the tool's working directory."""

    def run(
        self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the environment's ``lederskap`` with ``args``."""
        return subprocess.run(
            [str(self.venv / "bin" / "lederskap"), *args],
            cwd=cwd or self.work,
            env={**self.environment(), **(env or {})},
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def environment(self) -> dict[str, str]:
        """Ours, with the environment's bin/ first on PATH and nothing that would find the repository's packages."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        return {**env, "PATH": f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"}


def _pip(python: Path, *args: str) -> None:
    done = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert done.returncode == 0, f"pip {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def tool(tmp_path_factory: pytest.TempPathFactory) -> InstalledTool:
    """The tool's wheel, built from a copy of the package sources, installed into a fresh virtual environment."""
    root = tmp_path_factory.mktemp("installed")
    sources = root / "sources"
    sources.mkdir()
    for name in PACKAGE_SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, sources / name, ignore=_NOT_SOURCES)
        else:
            shutil.copy2(REPO / name, sources / name)
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    _pip(python, "wheel", "--no-deps", "--wheel-dir", str(root / "dist"), str(sources))
    (wheel,) = (root / "dist").glob("lederskap_build-*.whl")
    _pip(python, "install", str(wheel))
    work = root / "work"
    work.mkdir()
    return InstalledTool(wheel=wheel, venv=venv, work=work)


def test_the_wheel_carries_the_theme_layer_the_starter_course_and_the_scorer(tool: InstalledTool) -> None:
    names = set(zipfile.ZipFile(tool.wheel).namelist())
    for name in (
        "lederskap_build/templates/main.html",
        "lederskap_build/templates/partials/javascripts/base.html",
        "lederskap_build/templates/partials/javascripts/content.html",
        "lederskap_build/templates/partials/javascripts/palette.html",
        "lederskap_build/assets/lederskap/main.js",
        "lederskap_build/assets/lederskap-material/scope.js",
        "lederskap_build/assets/service-worker.js",
        "lederskap_build/stdlib_node.mjs",
        "lederskap_build/starter_course/mkdocs.yml",
        "lederskap_build/starter_course/.gitignore",
        "lederskap_build/starter_course/.github/workflows/publish.yml",
        "lederskap_build/starter_course/package.json",
        *(f"lederskap_build/starter_course/forms/{form}.yml" for form in STARTER_FORMS),
        # The scorer's sources, from which the build makes the browser's wheel.
        "lederskap_scorer/api.py",
        "lederskap_scorer/parts/choice.py",
        "lederskap_scorer/records/import_plan.py",
        "lederskap_scorer/messages/en.json",
        "lederskap_scorer/messages/nb.json",
        "lederskap_scorer/py.typed",
    ):
        assert name in names, name
    assert not [name for name in names if name.startswith(("tests/", "overrides/", "docs/", "forms/"))]
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    scripts = zipfile.ZipFile(tool.wheel).read(entry_points).decode()
    assert "lederskap = lederskap_build.cli:main" in scripts
    assert "lederskap-score = lederskap_scorer.cli:main" in scripts


def test_the_environment_runs_its_own_copy_not_the_repositorys(tool: InstalledTool) -> None:
    done = subprocess.run(
        [
            str(tool.venv / "bin" / "python"),
            "-c",
            "import lederskap_build, lederskap_scorer; "
            "print(lederskap_build.__file__); print(lederskap_scorer.__file__)",
        ],
        cwd=tool.work,
        env=tool.environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    for path in done.stdout.split():
        assert Path(path).is_relative_to(tool.venv), path


def test_new_refuses_a_folder_that_is_not_empty(tool: InstalledTool) -> None:
    folder = tool.work / "taken"
    folder.mkdir()
    (folder / "notes.md").write_text("Mine.\n", encoding="utf-8")
    done = tool.run("new", "taken")
    assert done.returncode == 1
    assert done.stderr == (
        "error: taken is not empty: lederskap new writes a course into a new or empty folder, so that it never "
        "writes over files. Choose another folder.\n"
    )
    assert [p.name for p in folder.iterdir()] == ["notes.md"]


@dataclass(frozen=True)
class NewCourse:
    config: Path
    server: SiteServer
    new: subprocess.CompletedProcess[str]
    check: subprocess.CompletedProcess[str]
    build: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def new_course(tool: InstalledTool) -> Iterator[NewCourse]:
    """``lederskap new``, then ``check`` and ``build`` (for the address of a server of its own), in the tool's
    environment. Pyodide comes from npm as the course's README says: node_modules/pyodide, here a link to the
    repository's copy (the version the starter's package.json names, see the test below)."""
    done = tool.run("new", "Team Course")
    assert done.returncode == 0, done.stderr
    root = tool.work / "Team Course"
    assert done.stdout.startswith("Wrote the course 'team-course' (18 files) into Team Course. Next:\n")
    (root / "node_modules").mkdir()
    (root / "node_modules" / "pyodide").symlink_to(REPO / "node_modules" / "pyodide", target_is_directory=True)
    server = SiteServer()
    try:
        check = tool.run("check", cwd=root)
        build = tool.run("build", cwd=root, env={"LEDERSKAP_SITE_URL": server.url})
        server.folder = root / "site"
        with server:
            yield NewCourse(root / "mkdocs.yml", server, done, check, build)
    finally:
        server.stop()


def test_a_new_course_passes_check_and_builds(new_course: NewCourse) -> None:
    assert new_course.check.returncode == 0, new_course.check.stderr
    assert new_course.check.stdout.startswith("5 questionnaires and 8 pages: no problems")
    assert new_course.build.returncode == 0, new_course.build.stderr
    assert new_course.build.stdout.startswith("Built 8 pages with 5 questionnaires into ")
    root = new_course.config.parent
    assert sorted(p.name for p in root.iterdir()) == [
        ".github",
        ".gitignore",
        "README.md",
        "docs",
        "forms",
        "generated",
        "mkdocs.yml",
        "node_modules",
        "package.json",
        "site",
    ]
    workflow = (root / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert 'python -m pip install "lederskap-build==0.1.0"' in workflow
    # Installed from a wheel file, the tool cannot know where the course's workflow should get it: it says so.
    assert new_course.new.stdout.endswith(
        "The Pages workflow (.github/workflows/publish.yml) installs lederskap-build==0.1.0; if you install "
        "lederskap from somewhere else, change that line.\n"
    )
    assert "lederskap build" in workflow and "npm install" in workflow
    assert "course: team-course" in new_course.config.read_text(encoding="utf-8")


_URL = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//")
"""A URL with an origin of its own: ``https://...``, ``//host/...``."""


def test_every_page_of_the_new_course_keeps_the_promises(new_course: NewCourse) -> None:
    assert_pages_keep_the_promises(new_course.config.parent / "site", new_course.server.origin)


def assert_pages_keep_the_promises(site: Path, origin: str) -> None:
    """The Content Security Policy and the referrer rule, no inline script, no style, no URL of another origin
    in any attribute (links included: the starter course has none)."""
    pages = sorted(site.rglob("*.html"))
    assert {p.relative_to(site).parts[0] for p in pages} >= {*STARTER_PAGES, "404.html"}
    for path in pages:
        name = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        html = index_html(text)
        policies = [m.attrs["content"] for m in html.find("meta", http_equiv="Content-Security-Policy")]
        assert policies == [POLICY], name
        assert text.index("Content-Security-Policy") < text.index("<script"), name
        assert html.find("meta", name="referrer", content="no-referrer"), name
        for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", text, flags=re.DOTALL):
            assert "src=" in attributes or 'type="application/json"' in attributes, f"{name}: inline script"
            assert "src=" not in attributes or not body.strip(), name
        assert "<style" not in text and " style=" not in text, name
        for element in html.elements:
            for attribute, value in element.attrs.items():
                if attribute.startswith("xmlns") or not _URL.match(value):
                    continue
                assert value.startswith(origin + "/"), f"{name}: <{element.tag} {attribute}={value}>"


def test_the_starter_course_takes_the_pyodide_the_tool_is_tested_with(new_course: NewCourse) -> None:
    starter = json.loads((new_course.config.parent / "package.json").read_text(encoding="utf-8"))
    ours = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert starter["dependencies"]["pyodide"] == ours["dependencies"]["pyodide"]
    assert starter["engines"] == ours["engines"]


def test_a_new_course_serves(tool: InstalledTool, new_course: NewCourse) -> None:
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [str(tool.venv / "bin" / "lederskap"), "serve", "--dev-addr", address],
        cwd=new_course.config.parent,
        env=tool.environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: "Team climate" in fetch(f"http://{address}/team-climate/"), seconds=120)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.browser
def test_a_questionnaire_of_the_new_course_scores_in_chromium(browser: Browser, new_course: NewCourse) -> None:
    site_url = new_course.server.url
    with watched_page(browser, site_url, "en-GB") as page:
        open_form(page, site_url + "team-climate/", "team-climate")
        # hide-mistakes is reverse-scored: 6 - 2 = 4. Trust (5 + 4) / 2, focus (4 + 2) / 2.
        answer(page, {"ask-for-help": 5, "hide-mistakes": 2, "know-priorities": 4, "time-for-what-matters": 2})
        wait_for_results(page, "team-climate", answered=4)
        assert dimension_rows(page, "climate") == {
            "trust": {"mean": "4.5", "answered": "2/2", "band": "A strength"},
            "focus": {"mean": "3.0", "answered": "2/2", "band": "On the way"},
        }


@pytest.mark.browser
def test_a_new_course_builds_with_zensical_and_keeps_the_promises(tool: InstalledTool, browser: Browser) -> None:
    """The tool's extra ``zensical`` (the pinned Zensical) installed next to it, a starter course built with
    ``--engine zensical``: its pages keep the same promises as MkDocs', and in Chromium a questionnaire
    scores with no request off the site (skipped if the index has no Zensical)."""
    done = subprocess.run(
        [
            str(tool.venv / "bin" / "python"),
            "-m",
            "pip",
            "--disable-pip-version-check",
            "install",
            f"{tool.wheel}[zensical]",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if done.returncode != 0:
        pytest.skip(f"the tool's extra 'zensical' cannot be installed here:\n{done.stdout}\n{done.stderr}")
    assert tool.run("new", "Zensical Course").returncode == 0
    root = tool.work / "Zensical Course"
    (root / "node_modules").mkdir()
    (root / "node_modules" / "pyodide").symlink_to(REPO / "node_modules" / "pyodide", target_is_directory=True)
    server = SiteServer()
    try:
        build = tool.run("build", "--engine", "zensical", cwd=root, env={"LEDERSKAP_SITE_URL": server.url})
        assert build.returncode == 0, build.stderr
        assert build.stdout.startswith("Built 8 pages with 5 questionnaires into ")
        assert build.stderr == ""
        site = root / "site"
        assert '<meta name="generator" content="zensical-0.0.73">' in (site / "index.html").read_text(encoding="utf-8")
        assert (site / "search.json").is_file()
        assert_pages_keep_the_promises(site, server.origin)
        server.folder = site
        server.start()
        with watched_page(browser, server.url, "en-GB") as page:
            open_form(page, server.url + "team-climate/", "team-climate")
            answer(page, {"ask-for-help": 5, "hide-mistakes": 2, "know-priorities": 4, "time-for-what-matters": 2})
            wait_for_results(page, "team-climate", answered=4)
            assert dimension_rows(page, "climate")["trust"] == {"mean": "4.5", "answered": "2/2", "band": "A strength"}
    finally:
        server.stop()
