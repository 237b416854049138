"""Running the engine (MkDocs or Zensical, :mod:`.engines`) on the generated pages, through its command line only.

The coupling to each is one command (``build`` / ``serve``) with the course's own mkdocs.yml:
``mkdocs build --strict --site-dir ...``, or ``zensical build --strict`` with a configuration
that inherits mkdocs.yml and only names the folder to build into (:mod:`.zensical_engine`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import mkdocs_log, zensical_engine
from .config import Project, menu_problems
from .errors import BuildError, ContentProblem
from .output_folders import SITE, claim_folder, mark_folder, replace_folder
from .site_check import check_site


def mkdocs_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def mkdocs_environment() -> dict[str, str]:
    """Our environment, without MkDocs' notice about its version 2 (this project pins ``mkdocs<2``)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Project) -> Path:
    """Run the engine's build (``mkdocs build``, or Zensical's) into a fresh folder, then put it in place
    of the old site in one step.

    The old site is replaced only if it is the build's own (:mod:`.output_folders`), and
    only by a complete new one that keeps every page's promises (:mod:`.site_check`): when
    the engine fails, or a page breaks a promise, the old site stays as it was.
    """
    engine = project.settings.engine
    claim_folder(project.site_dir, SITE)
    if engine == "zensical":
        zensical_engine.require_zensical()
        # Zensical leaves a menu entry for a missing page out of the menu without a word; MkDocs fails on it.
        menu = menu_problems(project)
        if menu:
            raise BuildError(broken_menu_message(menu, project))
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.site_dir.parent))
    try:
        with ExitStack() as stack:
            # Strict: every warning fails the build (a link to a page that does not exist, say). Not --quiet,
            # which would silence the warnings and strict mode with them; author_messages leaves out the INFO.
            if engine == "zensical":
                config = stack.enter_context(zensical_engine.config_building_into(project, staging))
                command = zensical_engine.zensical_command("build", "--strict", "--config-file", str(config))
            else:
                command = mkdocs_command(
                    "build", "--strict", "--config-file", str(project.config_file), "--site-dir", str(staging)
                )
            result = subprocess.run(
                command,
                cwd=project.root,
                env=mkdocs_environment(),
                check=False,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        messages = zensical_engine.author_messages if engine == "zensical" else mkdocs_log.author_messages
        said = messages(result.stdout, project)
        if said:
            print(said, file=sys.stderr, flush=True)
        if result.returncode != 0:
            kept = f" {previous_site_note(project)}" if project.site_dir.is_dir() else ""
            raise BuildError(f"{engine} build failed (exit code {result.returncode}); see its messages above.{kept}")
        problems = check_site(staging, project.relative(project.site_dir))
        if problems:
            raise BuildError(broken_promises_message(problems, project))
        mark_folder(staging, SITE)
        replace_folder(project.site_dir, staging, SITE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return project.site_dir


@dataclass(frozen=True)
class Preview:
    """How ``lederskap serve`` runs the engine's own server with live reload."""

    command: list[str]
    config_changed: Callable[[], None] = lambda: None
    """To call when mkdocs.yml has changed (MkDocs' server sees it itself)."""


@contextmanager
def preview(project: Project, dev_addr: str) -> Iterator[Preview]:
    """The engine's server (``mkdocs serve``, or Zensical's), for as long as the context lasts. Zensical's
    builds into a folder of its own, removed afterwards, never into the last good site."""
    if project.settings.engine != "zensical":
        yield Preview(mkdocs_command("serve", "--config-file", str(project.config_file), "--dev-addr", dev_addr))
        return
    zensical_engine.require_zensical()
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".serve-", dir=project.site_dir.parent))
    try:
        with zensical_engine.config_building_into(project, folder) as config:
            yield Preview(
                zensical_engine.zensical_command("serve", "--config-file", str(config), "--dev-addr", dev_addr),
                lambda: zensical_engine.write_config(config, project, folder),
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def broken_menu_message(problems: list[ContentProblem], project: Project) -> str:
    """What an author reads when the menu names pages that do not exist (checked for Zensical, which does not)."""
    count = len(problems)
    lines = [
        f"The menu (nav in {project.config_file.name}) has {count} entr{'y' if count == 1 else 'ies'} for a page "
        "that does not exist:",
        *(f"  {problem}" for problem in problems),
    ]
    if project.site_dir.is_dir():
        lines.append(previous_site_note(project))
    return "\n".join(lines)


def broken_promises_message(problems: list[ContentProblem], project: Project) -> str:
    """What an author reads when built pages break what every page promises learners (:mod:`.site_check`)."""
    count = len(problems)
    lines = [
        f"The built site breaks what every page promises learners (nothing loaded from another origin, no "
        f"inline code, the Content Security Policy) in {count} place{'s' if count != 1 else ''}:",
        *(f"  {problem}" for problem in problems),
    ]
    if project.site_dir.is_dir():
        lines.append(previous_site_note(project))
    return "\n".join(lines)


def previous_site_note(project: Project) -> str:
    """What an author reads after a failed build: the last good site is still there, unchanged."""
    return f"The site in {project.relative(project.site_dir)}/ was left as it was; it does not include these changes."
