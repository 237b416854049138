"""The theme layer: lederskap's own templates, with a course's own template overrides above them.

MkDocs (and Zensical) read template overrides from one folder, the theme's ``custom_dir``.
The build writes that folder, as it writes ``docs_dir`` (an output folder of its own with
its marker, :mod:`.output_folders`), from two sources:

* **lederskap's templates** (``lederskap_build/templates/``, shipped in the package):
  ``main.html``, which puts the Content Security Policy and the referrer rule in every
  page, and ``partials/javascripts/``, Material's inline scripts as files of ours;
* **the course's own overrides** (the folder ``extra.lederskap.overrides_dir`` names, if
  any), each file at its own path, except ``main.html``: that one becomes
  :data:`COURSE_MAIN`, which lederskap's ``main.html`` extends (without one, that file
  extends Material's ``base.html``). So a course changes whatever block it likes and
  lederskap's blocks, which call ``super()`` first, still come last: a course cannot
  take the policy out by overriding a block.

A course file at the path of one of lederskap's other templates would replace it and
bring an inline script back: it is a content problem, found when mkdocs.yml is read
(:func:`overrides_problems`). Whatever a template does that no rule here foresees, the
built pages are checked once more (:mod:`.site_check`).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import ContentProblem, SetupError

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
"""Every built page's policy: only the site's own origin, and WebAssembly (Pyodide)."""

REFERRER_POLICY = "no-referrer"

POLICY_MARKER = "{#- lederskap:content-security-policy -#}"
"""The line of ``templates/main.html`` the policy's ``<meta>`` takes the place of."""

COURSE_MAIN = "lederskap/course-main.html"
"""Where the course's own ``main.html`` goes in the theme layer: lederskap's ``main.html`` extends it."""

RESERVED_FOLDER = "lederskap/"
"""The theme layer's folder for files the build writes itself; a course's overrides may not use it."""

BASE_ONLY = '{#- Written by lederskap build: this course has no main.html of its own. -#}\n{% extends "base.html" %}\n'


def policy_meta() -> str:
    """The ``<meta>`` element that carries :data:`CONTENT_SECURITY_POLICY`."""
    return f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'


def lederskap_templates() -> dict[str, bytes]:
    """lederskap's own templates, by their path in the theme layer."""

    def walk(node: resources.abc.Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}{child.name}"
            if child.is_dir():
                yield from walk(child, f"{name}/")
            elif child.name.endswith(".html"):
                yield name, child.read_bytes()

    return dict(walk(resources.files(__package__).joinpath("templates"), ""))


def _course_files(overrides_dir: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(overrides_dir.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path.relative_to(overrides_dir).as_posix(), path


def overrides_problems(overrides_dir: Path, shown_as: str) -> list[ContentProblem]:
    """What is wrong with a course's template overrides (``shown_as``: the folder as the author names it)."""
    if not overrides_dir.is_dir():
        return []
    protected = set(lederskap_templates()) - {"main.html"}
    problems = []
    for name, _ in _course_files(overrides_dir):
        file = f"{shown_as.rstrip('/')}/{name}"
        if name in protected:
            problems.append(
                ContentProblem(
                    file,
                    0,
                    "",
                    "replaces a template of lederskap's own, which keeps Material's inline scripts out of the "
                    "pages for the Content Security Policy; remove it, and change what you need in the blocks "
                    "of your main.html",
                )
            )
        elif name.startswith(RESERVED_FOLDER):
            problems.append(
                ContentProblem(
                    file, 0, "", f"the folder '{RESERVED_FOLDER}' of the templates is lederskap's own; use another"
                )
            )
    return problems


def plan_theme(overrides_dir: Path | None, *, serving: bool) -> dict[str, bytes]:
    """Every file of the theme layer, by its path in it.

    ``serving`` (for ``lederskap serve``) leaves the policy out: MkDocs' live reload is an inline script.
    """
    files: dict[str, bytes] = {}
    course_main = BASE_ONLY.encode()
    if overrides_dir is not None and overrides_dir.is_dir():
        for name, path in _course_files(overrides_dir):
            if name == "main.html":
                course_main = path.read_bytes()
            else:
                files[name] = path.read_bytes()
    files[COURSE_MAIN] = course_main
    for name, content in lederskap_templates().items():
        if name == "main.html":
            text = content.decode("utf-8")
            if text.count(POLICY_MARKER) != 1:
                raise SetupError(f"templates/main.html must contain {POLICY_MARKER!r} once")
            content = text.replace(POLICY_MARKER, "" if serving else policy_meta()).encode("utf-8")
        files[name] = content
    return files
