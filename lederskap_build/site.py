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
from .errors import BuildError
from .output_folders import SITE, claim_folder, mark_folder, replace_folder


def mkdocs_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def mkdocs_environment() -> dict[str, str]:
    """Our environment, without MkDocs' notice about its version 2 (this project pins ``mkdocs<2``)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Project) -> Path:
    """Run ``mkdocs build`` into a fresh folder, then put it in place of the old site in one step.

    The old site is replaced only if it is the build's own (:mod:`.output_folders`), and
    only by a complete new one: when MkDocs fails, the old site stays as it was.
    """
    claim_folder(project.site_dir, SITE)
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.site_dir.parent))
    try:
        result = subprocess.run(
            mkdocs_command("build", "--quiet", "--config-file", str(project.config_file), "--site-dir", str(staging)),
            cwd=project.root,
            env=mkdocs_environment(),
            check=False,
        )
        if result.returncode != 0:
            kept = f" {previous_site_note(project)}" if project.site_dir.is_dir() else ""
            raise BuildError(f"mkdocs build failed (exit code {result.returncode}); see its messages above.{kept}")
        mark_folder(staging, SITE)
        replace_folder(project.site_dir, staging, SITE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return project.site_dir


def previous_site_note(project: Project) -> str:
    """What an author reads after a failed build: the last good site is still there, unchanged."""
    return f"The site in {project.relative(project.site_dir)}/ was left as it was; it does not include these changes."
