"""Writing what MkDocs reads: the course pages with their questionnaires rendered, and our assets.

The generated folder (``docs_dir`` in mkdocs.yml) receives:

* every file of the pages folder, Markdown pages with each questionnaire placement
  replaced by the rendered form, and each ``::my-results`` line by the container of
  the learner's results page (``my_results.py``);
* ``assets/lederskap/``: our browser code and styles, three generated modules
  (``build-info.js``: what this build is; ``messages.js``: the interface messages of
  the course's language; ``constants.js``: the formats and limits the page shares with
  the scorer, :mod:`lederskap_scorer.browser_constants`), the scorer wheel and the
  self-hosted Pyodide runtime, with the standard library byte-compiled and trimmed
  for the scorer (:mod:`.stdlib`);
* ``sw.js``: the service worker (from ``assets/service-worker.js``), with the build
  hash and every page and file to keep for offline use.

Next to it, the theme layer goes into ``theme.custom_dir`` (:mod:`.theme_layer`).
Only files whose content changed are rewritten, and files that no longer belong
are removed, so that ``mkdocs serve`` reloads just what changed. The folders must
be the build's own and carry their markers (:mod:`.output_folders`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lederskap_scorer.browser_constants import browser_constants

from .addresses import page_address, page_addresses
from .course import Course
from .engines import SEARCH_INDEX
from .errors import ContentError, ContentProblem, SetupError
from .js_comments import strip_comment_lines
from .messages import Messages, load_messages
from .my_results import render_my_results, results_page_link
from .output_folders import GENERATED, THEME, OutputFolder, claim_folder, mark_folder
from .pages import MY_RESULTS_SYNTAX, TEAM_SYNTAX, page_size_problem, replace_placements, wrap_rendered
from .questionnaire_pages import questionnaire_pages
from .render import render_questionnaire
from .rich_text import Links, course_page_texts
from .stdlib import ARCHIVE_NAME as STDLIB_ARCHIVE
from .stdlib import build_scorer_stdlib, stdlib_cache_dir
from .team_page import render_team
from .theme_layer import plan_theme
from .wasm_gzip import COMPRESSED_NAME, WASM_NAME, compressed_wasm
from .wheel import build_scorer_wheel

ASSETS_PREFIX = "assets/lederskap"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PYODIDE_DIR_VARIABLE = "LEDERSKAP_PYODIDE_DIR"
SERVICE_WORKER = "sw.js"
SERVICE_WORKER_TEMPLATE = "assets/service-worker.js"
SERVICE_WORKER_MARKER = "/* lederskap:site */ null"
OPTIONAL_OFFLINE_URLS = ("sitemap.xml", "404.html")
"""Files MkDocs and Zensical usually write, kept for offline use when they exist, after the engine's search
index (:data:`~.engines.SEARCH_INDEX`)."""
FETCHED_ONLY_WHEN_NEEDED = (
    f"{ASSETS_PREFIX}/pyodide/python_stdlib.zip",
    f"{ASSETS_PREFIX}/pyodide/{WASM_NAME}",
    f"{ASSETS_PREFIX}/wheels/",
)
"""Files of the site (or, ending in ``/``, folders) the service worker does not download in advance:
Pyodide's full standard library and the scorer's wheel are only fetched if the scorer's own archive
(:mod:`.stdlib`, which holds the scorer too) ever lacks a module, which the tests rule out for every
fixture; 2.5 MB for every learner, on metered data too, is a high price for a fallback that should
never run. The uncompressed WebAssembly is only fetched by a browser that cannot decompress its
``.gz`` (:mod:`.wasm_gzip`). Once fetched, each is kept like any other file (the worker's fetch
handler)."""


def fetched_only_when_needed(name: str) -> bool:
    """Whether the site's file ``name`` is one the service worker does not download in advance."""
    return any(name == kept or (kept.endswith("/") and name.startswith(kept)) for kept in FETCHED_ONLY_WHEN_NEEDED)


@dataclass(frozen=True)
class Output:
    """One file to write: either ``content`` or a copy of ``source``."""

    content: bytes | None = None
    source: Path | None = None


def find_pyodide(start: Path) -> Path:
    """The npm package ``pyodide``: from $LEDERSKAP_PYODIDE_DIR, or node_modules in a parent folder
    of the course or of this package."""
    configured = os.environ.get(PYODIDE_DIR_VARIABLE)
    if configured:
        candidates = [Path(configured)]
    else:
        bases = (start, Path(__file__).resolve().parent)
        candidates = [folder / "node_modules" / "pyodide" for base in bases for folder in (base, *base.parents)]
    for candidate in candidates:
        if all((candidate / name).is_file() for name in (*PYODIDE_FILES, "package.json")):
            return candidate
    where = configured or f"node_modules/pyodide above {start}"
    raise SetupError(
        f"The Pyodide runtime was not found ({where}). The site serves Pyodide itself, from npm: "
        "run `npm install` in the course's folder (its package.json names the version; `lederskap new` "
        "writes one), which needs Node.js 20 or later, "
        f"or set {PYODIDE_DIR_VARIABLE} to the folder of the npm package 'pyodide'."
    )


def _package_assets() -> Iterator[tuple[str, bytes]]:
    root = resources.files(__package__).joinpath("assets")

    def walk(node: resources.abc.Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}/{child.name}" if prefix else child.name
            if child.is_dir():
                yield from walk(child, name)
            elif not child.name.startswith("."):
                yield name, child.read_bytes()

    yield from walk(root, "assets")


def plan_outputs(course: Course, *, offline: bool = True) -> dict[str, Output]:
    """Every file of the generated folder, by its path relative to that folder.

    ``offline=False`` (for ``lederskap serve``) writes a service worker that removes
    itself, so that a browser never keeps serving cached files while the author edits.
    A page over :data:`~.pages.MAX_PAGE_BYTES` raises :class:`ContentError`, before anything is written.
    """
    project = course.project
    messages = Messages(project.settings.language)
    outputs: dict[str, Output] = {}
    rendered: dict[str, str] = {}
    """Each questionnaire's block by its id, and the site's own blocks by their lines (``::my-results``, ``::team``)."""

    links = Links(page_addresses(course.pages, project.use_directory_urls))
    on_page = ""
    """The address of the page being written (the team page's forms link from there)."""

    def render(questionnaire_id: str) -> str:
        if questionnaire_id not in rendered:
            questionnaire = course.questionnaires[questionnaire_id].questionnaire
            page = course.placed_on.get(questionnaire_id)
            address = page_address(page, project.use_directory_urls) if page is not None else ""
            html = render_questionnaire(questionnaire, project.settings.course, messages, address, links)
            rendered[questionnaire_id] = wrap_rendered(html)
        return rendered[questionnaire_id]

    def my_results() -> str:
        if MY_RESULTS_SYNTAX not in rendered:
            rendered[MY_RESULTS_SYNTAX] = wrap_rendered(render_my_results(course, messages))
        return rendered[MY_RESULTS_SYNTAX]

    team_on: list[str] = []
    """The page the team block was last rendered for: its forms' links start from there."""

    def team() -> str:
        if team_on != [on_page]:
            rendered[TEAM_SYNTAX] = wrap_rendered(render_team(course, messages, on_page, links))
            team_on[:] = [on_page]
        return rendered[TEAM_SYNTAX]

    too_large: list[ContentProblem] = []
    for path in sorted(p for p in project.pages_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(project.pages_dir).as_posix()
        if path.suffix == ".md":
            on_page = page_address(Path(relative), project.use_directory_urls)
            source = path.read_text(encoding="utf-8")
            content = replace_placements(source, render, {"my-results": my_results, "team": team}).encode("utf-8")
            problem = page_size_problem(project.relative(path), source, len(content), rendered)
            if problem is not None:
                too_large.append(problem)
            outputs[relative] = Output(content=content)
        else:
            outputs[relative] = Output(source=path)
    if too_large:
        raise ContentError(too_large)

    for name, content in _package_assets():
        if name == SERVICE_WORKER_TEMPLATE:
            continue
        if name.endswith(".js"):
            content = strip_comment_lines(content.decode("utf-8")).encode("utf-8")
        outputs[name] = Output(content=content)

    pyodide = find_pyodide(project.root)
    pyodide_version = json.loads((pyodide / "package.json").read_text(encoding="utf-8"))["version"]
    for name in PYODIDE_FILES:
        outputs[f"{ASSETS_PREFIX}/pyodide/{name}"] = Output(source=pyodide / name)

    wheel = build_scorer_wheel(project.cache_dir)
    outputs[f"{ASSETS_PREFIX}/wheels/{wheel.name}"] = Output(source=wheel)
    stdlib = build_scorer_stdlib(stdlib_cache_dir(project.cache_dir), pyodide, wheel)
    outputs[f"{ASSETS_PREFIX}/pyodide/{STDLIB_ARCHIVE}"] = Output(source=stdlib)
    wasm = compressed_wasm(stdlib_cache_dir(project.cache_dir), pyodide)
    outputs[f"{ASSETS_PREFIX}/pyodide/{COMPRESSED_NAME}"] = Output(source=wasm)

    outputs[f"{ASSETS_PREFIX}/messages.js"] = Output(
        content=_es_module("messages", load_messages(project.settings.language))
    )
    outputs[f"{ASSETS_PREFIX}/constants.js"] = Output(content=_es_module("constants", browser_constants()))
    page_texts = course_page_texts(course, links)
    outputs[f"{ASSETS_PREFIX}/rich-texts.js"] = Output(content=_es_module("richTexts", page_texts))
    engine = project.settings.engine
    build_hash = _fingerprint(outputs, project.config_file.read_bytes() + f"\nengine: {engine}".encode())
    info = {
        "course": project.settings.course,
        "language": project.settings.language,
        "pyodideVersion": pyodide_version,
        "wheel": f"wheels/{wheel.name}",
        "stdlib": f"pyodide/{STDLIB_ARCHIVE}",
        "wasm": f"pyodide/{COMPRESSED_NAME}",
        "build": build_hash,
        "offline": offline,
        "myResults": results_page_link(course),
        "questionnaires": questionnaire_pages(course),
    }
    outputs[f"{ASSETS_PREFIX}/build-info.js"] = Output(content=_es_module("buildInfo", info))
    outputs[SERVICE_WORKER] = Output(
        content=service_worker(
            outputs,
            build_hash,
            offline=offline,
            directory_urls=project.use_directory_urls,
            search_index=SEARCH_INDEX[engine],
        )
    )
    return outputs


def page_url(page: str, *, directory_urls: bool = True) -> str:
    """The address, relative to the site root, of the page MkDocs makes of the Markdown file ``page``
    (:func:`~.addresses.page_address`), with the start page as ``./`` (the service worker's list
    needs an address to fetch)."""
    return page_address(Path(page), directory_urls) or "./"


def _revision(output: Output) -> str:
    digest = hashlib.sha256()
    if output.content is not None:
        digest.update(output.content)
    elif output.source is not None:
        with output.source.open("rb") as file:
            digest.update(file.read())
    return digest.hexdigest()[:12]


RUNTIME_FOLDERS = (f"{ASSETS_PREFIX}/pyodide/", f"{ASSETS_PREFIX}/wheels/")
"""The Python runtime (Pyodide, the scorer's standard library archive, which holds the scorer, and the
wheel the fallback uses): the service worker keeps it when a page asks (a questionnaire was opened, or
the learner stayed), not on its install (offline.js), apart from :data:`FETCHED_ONLY_WHEN_NEEDED`."""


def is_runtime(name: str) -> bool:
    """Whether the site's file ``name`` is part of the Python runtime."""
    return name.startswith(RUNTIME_FOLDERS)


def service_worker(
    outputs: Mapping[str, Output],
    build_hash: str,
    *,
    offline: bool,
    directory_urls: bool,
    search_index: str = SEARCH_INDEX["mkdocs"],
) -> bytes:
    """``sw.js``: the service worker template with this build's hash and everything to keep offline
    (``search_index``: where the engine writes the search index)."""
    pages = sorted({page_url(name, directory_urls=directory_urls) for name in outputs if name.endswith(".md")})
    if not directory_urls and "./" not in pages:
        pages.insert(0, "./")
    kept = [name for name in sorted(outputs) if not name.endswith(".md") and not fetched_only_when_needed(name)]
    site = {
        "build": build_hash,
        "offline": offline,
        "pages": pages,
        # Under `lederskap serve` the worker only removes itself: it needs no list.
        "assets": [[name, _revision(outputs[name])] for name in kept if not is_runtime(name)] if offline else [],
        "runtime": [[name, _revision(outputs[name])] for name in kept if is_runtime(name)] if offline else [],
        "optional": [search_index, *OPTIONAL_OFFLINE_URLS] if offline else [],
    }
    template = resources.files(__package__).joinpath(SERVICE_WORKER_TEMPLATE).read_text(encoding="utf-8")
    if template.count(SERVICE_WORKER_MARKER) != 1:
        raise SetupError(f"{SERVICE_WORKER_TEMPLATE} must contain {SERVICE_WORKER_MARKER!r} once")
    text = json.dumps(site, ensure_ascii=False, indent=2)
    header = "// Generated by lederskap build from lederskap_build/assets/service-worker.js. Do not edit.\n"
    return (header + template.replace(SERVICE_WORKER_MARKER, text)).encode()


def _es_module(name: str, value: Mapping[str, object]) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return f"// Generated by lederskap build. Do not edit.\nexport const {name} = Object.freeze({text});\n".encode()


def _fingerprint(outputs: Mapping[str, Output], config: bytes = b"") -> str:
    """A short hash of everything the site is made of (and its mkdocs.yml), which changes with every
    deploy that changes it."""
    digest = hashlib.sha256(config)
    for name in sorted(outputs):
        output = outputs[name]
        digest.update(name.encode())
        if output.content is not None:
            digest.update(output.content)
        elif output.source is not None:
            stat = output.source.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def write_outputs(outputs: Mapping[str, Output], target: Path, kind: OutputFolder = GENERATED) -> list[str]:
    """Make ``target`` hold exactly ``outputs`` (and the marker of ``kind``); return the paths that changed.

    ``target`` must be the build's own folder (:mod:`.output_folders`): anything else in it is removed.
    """
    claim_folder(target, kind)
    mark_folder(target, kind)
    changed = []
    for name, output in outputs.items():
        path = target / name
        if output.content is not None:
            if path.is_file() and path.read_bytes() == output.content:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(output.content)
        elif output.source is not None:
            if _same_copy(output.source, path):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(output.source, path)
        changed.append(name)
    wanted = {target / name for name in outputs} | {target / kind.marker}
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
            changed.append(path.relative_to(target).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def _same_copy(source: Path, copy: Path) -> bool:
    if not copy.is_file():
        return False
    a, b = source.stat(), copy.stat()
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def generate(course: Course, *, offline: bool = True) -> list[str]:
    """Write the course's generated folder and its theme layer (:mod:`.theme_layer`, without the Content
    Security Policy when ``offline`` is false, under ``lederskap serve``); return the paths that changed,
    the generated folder's relative to it, the theme layer's with that folder's name before them."""
    project = course.project
    changed = write_outputs(plan_outputs(course, offline=offline), project.generated_dir)
    theme = plan_theme(project.overrides_dir, serving=not offline)
    theme_changed = write_outputs({name: Output(content=c) for name, c in theme.items()}, project.theme_dir, THEME)
    return changed + [f"{project.relative(project.theme_dir)}/{name}" for name in theme_changed]
