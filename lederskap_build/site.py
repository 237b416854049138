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


def mkdocs_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def mkdocs_environment() -> dict[str, str]:
    """Our environment, without MkDocs' notice about its version 2 (this project pins ``mkdocs<2``)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Project) -> Path:
    """Run ``mkdocs build`` into a fresh folder, then put it in place of the old site in one step."""
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
            raise BuildError(f"mkdocs build failed (exit code {result.returncode}); see its messages above.")
        remove_site(project)
        staging.rename(project.site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return project.site_dir


def remove_site(project: Project) -> None:
    """Remove a built site, so that a failed build never leaves an old one looking current."""
    if project.site_dir.is_dir():
        shutil.rmtree(project.site_dir)
