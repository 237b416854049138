"""Running MkDocs on the generated pages, through its command line only.

The coupling to MkDocs is one command (``mkdocs build`` / ``mkdocs serve``)
with the course's own mkdocs.yml, so another builder that reads the same
configuration (Zensical) can take its place.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .config import Project
from .errors import BuildError, ContentProblem
from .mkdocs_log import author_messages
from .output_folders import SITE, claim_folder, mark_folder, replace_folder
from .site_check import check_site


def mkdocs_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def mkdocs_environment() -> dict[str, str]:
    """Our environment, without MkDocs' notice about its version 2 (this project pins ``mkdocs<2``)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Project) -> Path:
    """Run ``mkdocs build`` into a fresh folder, then put it in place of the old site in one step.

    The old site is replaced only if it is the build's own (:mod:`.output_folders`), and
    only by a complete new one that keeps every page's promises (:mod:`.site_check`): when
    MkDocs fails, or a page breaks a promise, the old site stays as it was.
    """
    claim_folder(project.site_dir, SITE)
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.site_dir.parent))
    try:
        # Strict: every warning fails the build (a link to a page that does not exist, say). Not --quiet,
        # which would silence the warnings and strict mode with them; author_messages leaves out the INFO.
        result = subprocess.run(
            mkdocs_command("build", "--strict", "--config-file", str(project.config_file), "--site-dir", str(staging)),
            cwd=project.root,
            env=mkdocs_environment(),
            check=False,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        said = author_messages(result.stdout, project)
        if said:
            print(said, file=sys.stderr, flush=True)
        if result.returncode != 0:
            kept = f" {previous_site_note(project)}" if project.site_dir.is_dir() else ""
            raise BuildError(f"mkdocs build failed (exit code {result.returncode}); see its messages above.{kept}")
        problems = check_site(staging, project.relative(project.site_dir))
        if problems:
            raise BuildError(broken_promises_message(problems, project))
        mark_folder(staging, SITE)
        replace_folder(project.site_dir, staging, SITE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return project.site_dir


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
