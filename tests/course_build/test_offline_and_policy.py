"""What the build writes for offline use and for the Content Security Policy.

* ``sw.js`` at the site root: the service worker template with this build's hash and every page and
  file to keep (the browser side is tested in tests/browser/test_offline.py);
* under ``lederskap serve`` a worker that only removes itself;
* every built page carries the policy, runs no inline script and has no style attribute.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lederskap_build.cli import main
from lederskap_build.course import load_course
from lederskap_build.generate import generate, page_url

from .conftest import MKDOCS_YML, CourseFactory
from .test_serve import fetch, free_port, wait_for

PAGES = {
    "index.md": '# Start\n\n::questionnaire{id="check"}\n',
    "about.md": "# About\n",
    "tools/index.md": "# Tools\n",
    "tools/more.md": "# More\n",
    "images/picture.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
}
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)


def site_settings(sw: str) -> Any:
    """The SITE object the build wrote into sw.js."""
    start = sw.index("const SITE = ") + len("const SITE = ")
    value, _ = json.JSONDecoder().raw_decode(sw, start)
    return value


def build_info(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("Object.freeze(") + len("Object.freeze(") : text.rindex(");")])


@pytest.mark.parametrize(
    ("page", "directory_urls", "url"),
    [
        ("index.md", True, "./"),
        ("a.md", True, "a/"),
        ("verktoy/index.md", True, "verktoy/"),
        ("verktoy/fire-jobber.md", True, "verktoy/fire-jobber/"),
        ("index.md", False, "index.html"),
        ("a.md", False, "a.html"),
        ("verktoy/index.md", False, "verktoy/index.html"),
    ],
)
def test_page_urls_follow_use_directory_urls(page: str, directory_urls: bool, url: str) -> None:
    assert page_url(page, directory_urls=directory_urls) == url


def test_the_service_worker_lists_every_page_and_file_with_the_build_hash(make_course: CourseFactory) -> None:
    config = make_course(pages=PAGES)
    generate(load_course(config))
    generated = config.parent / "generated" / "docs"
    site = site_settings((generated / "sw.js").read_text(encoding="utf-8"))
    info = build_info(generated / "assets" / "lederskap" / "build-info.js")

    assert site["build"] == info["build"]
    assert site["offline"] is True and info["offline"] is True
    assert site["pages"] == ["./", "about/", "tools/", "tools/more/"]
    assets, runtime = dict(site["assets"]), dict(site["runtime"])
    for name in (
        "images/picture.svg",
        "assets/lederskap/main.js",
        "assets/lederskap/offline.js",
        "assets/lederskap/build-info.js",
        "assets/lederskap/messages.js",
        "assets/lederskap/constants.js",
        "assets/lederskap/lederskap.css",
        "assets/lederskap-material/scope.js",
    ):
        content = (generated / name).read_bytes()
        assert assets.pop(name) == hashlib.sha256(content).hexdigest()[:12], name
    # The Python runtime is listed apart: kept when a page asks for it, not on the worker's install.
    for name in (
        "assets/lederskap/pyodide/pyodide.mjs",
        "assets/lederskap/pyodide/pyodide.asm.mjs",
        "assets/lederskap/pyodide/pyodide-lock.json",
        f"assets/lederskap/{info['wasm']}",
        f"assets/lederskap/{info['stdlib']}",
    ):
        content = (generated / name).read_bytes()
        assert runtime.pop(name) == hashlib.sha256(content).hexdigest()[:12], name
    assert runtime == {}
    assert not [name for name in assets if "/pyodide/" in name or "/wheels/" in name]
    assert "sw.js" not in assets and "assets/service-worker.js" not in assets
    # Pyodide's full standard library and the scorer's wheel are only fetched (and then kept) if the
    # scorer's own archive lacks a module, the uncompressed WebAssembly only by a browser that cannot
    # decompress the .gz.
    for fallback in ("pyodide/python_stdlib.zip", "pyodide/pyodide.asm.wasm", info["wheel"]):
        assert (generated / "assets/lederskap" / fallback).is_file()
        assert f"assets/lederskap/{fallback}" not in runtime
    assert not (generated / "assets" / "service-worker.js").exists()
    assert site["optional"] == ["search/search_index.json", "sitemap.xml", "404.html"]


def test_without_directory_urls_pages_are_html_files(make_course: CourseFactory) -> None:
    config = make_course(pages=PAGES, config=MKDOCS_YML + "use_directory_urls: false\n")
    generate(load_course(config))
    site = site_settings((config.parent / "generated" / "docs" / "sw.js").read_text(encoding="utf-8"))
    assert site["pages"] == ["./", "about.html", "index.html", "tools/index.html", "tools/more.html"]


def test_a_changed_page_gives_a_new_build_hash_and_service_worker(make_course: CourseFactory) -> None:
    config = make_course(pages=PAGES)
    generate(load_course(config))
    sw = config.parent / "generated" / "docs" / "sw.js"
    before = site_settings(sw.read_text(encoding="utf-8"))["build"]
    (config.parent / "docs" / "about.md").write_text("# About us\n", encoding="utf-8")
    assert "sw.js" in generate(load_course(config))
    assert site_settings(sw.read_text(encoding="utf-8"))["build"] != before


def test_under_serve_the_service_worker_only_removes_itself(make_course: CourseFactory) -> None:
    config = make_course(pages=PAGES)
    generate(load_course(config), offline=False)
    generated = config.parent / "generated" / "docs"
    site = site_settings((generated / "sw.js").read_text(encoding="utf-8"))
    assert site["offline"] is False
    assert site["assets"] == [] and site["runtime"] == [] and site["optional"] == []
    assert build_info(generated / "assets" / "lederskap" / "build-info.js")["offline"] is False


def test_every_built_page_has_the_policy_and_no_inline_script_or_style(make_course: CourseFactory) -> None:
    config = make_course(pages=PAGES)
    assert main(["build", "-f", str(config)]) == 0
    site = config.parent / "site"
    assert (site / "sw.js").is_file()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(site).as_posix()
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert policies == [POLICY], name
        head = html[: html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.index("<script"), f"{name}: a script before the policy"
        for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.DOTALL):
            assert 'src="' in attributes or 'type="application/json"' in attributes, f"{name}: inline script"
            assert 'src="' not in attributes or not body.strip(), name
        assert not re.search(r"<style\b", html), f"{name}: a style element"
        assert not re.search(r"\sstyle=", html), f"{name}: a style attribute"


def test_under_serve_pages_have_no_policy_so_live_reload_works(make_course: CourseFactory) -> None:
    """`mkdocs serve` injects an inline live-reload script; the policy would block it, so it is left out."""
    config = make_course(pages=PAGES)
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "lederskap_build", "serve", "-f", str(config), "--dev-addr", address],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: "A check" in fetch(f"http://{address}/"))
        html = fetch(f"http://{address}/")
        assert "Content-Security-Policy" not in html
        assert "livereload" in html
        assert site_settings(fetch(f"http://{address}/sw.js"))["offline"] is False
    finally:
        server.terminate()
        server.wait(timeout=30)
