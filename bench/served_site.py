"""The built site as the browser measures see it: a copy with the benchmark's own pages added.

Added to the copy:

* ``bench/bare-pyodide.html`` and its worker (from ``bench/pages/``): the floor,
  a page that only boots the site's Pyodide in a module worker and loads the
  scorer wheel;
* ``bench/blank.html``: an empty page, opened first in every fresh browser
  profile to start the browser's processes for the site;
* ``bench-plain.html`` next to the measured questionnaire page: the same built
  HTML with our ``<script type="module">`` removed (our styles stay), the
  baseline of the time to the first input.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .courses import QuestionnairePage

PAGES = Path(__file__).resolve().parent / "pages"
BENCH_FILES = ("bare-pyodide.html", "bare-pyodide-worker.js", "blank.html")
PLAIN_NAME = "bench-plain.html"
OUR_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="[^"]*assets/lederskap/[^"]*"[^>]*>\s*</script>\s*')


@dataclass(frozen=True)
class ServedSite:
    """The folder to serve and the site paths of the pages measured."""

    root: Path
    page: str
    plain_page: str
    bare_page: str
    blank_page: str = "bench/blank.html"


def without_our_scripts(html: str) -> str:
    """The page's HTML without the script elements that load our code (raises if there were none)."""
    plain, removed = OUR_SCRIPT.subn("", html)
    if not removed:
        raise ValueError("the page has no <script> of ours (assets/lederskap/...) to remove")
    return plain


def prepare_served_site(site: Path, target: Path, page: QuestionnairePage) -> ServedSite:
    """Copy the built ``site`` to ``target`` and add the benchmark's pages."""
    shutil.copytree(site, target)
    (target / "bench").mkdir(exist_ok=True)
    for name in BENCH_FILES:
        shutil.copy2(PAGES / name, target / "bench" / name)
    page_file = target / page.url_path / "index.html"
    plain_file = page_file.with_name(PLAIN_NAME)
    plain_file.write_text(without_our_scripts(page_file.read_text(encoding="utf-8")), encoding="utf-8")
    wheels = sorted((target / "assets" / "lederskap" / "wheels").glob("*.whl"))
    if not wheels:
        raise FileNotFoundError(f"no scorer wheel in {target / 'assets/lederskap/wheels'}")
    wheel = wheels[0].relative_to(target).as_posix()
    return ServedSite(
        root=target,
        page=page.url_path,
        plain_page=f"{page.url_path}{PLAIN_NAME}",
        bare_page=f"bench/bare-pyodide.html?wheel={quote(wheel)}",
    )
