"""The engine that builds the site: MkDocs unless mkdocs.yml (``extra.lederskap.engine``) or ``--engine`` names
Zensical, which builds into the same staging folder, keeps the last good site when it fails, and whose
pages pass the same check (lederskap_build/engines.py, site.py, zensical_engine.py)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest

from lederskap_build.cli import _load_course, _parser, main
from lederskap_build.config import load_project
from lederskap_build.generate import plan_outputs
from lederskap_build.site_check import check_site
from lederskap_build.theme_layer import CONTENT_SECURITY_POLICY
from lederskap_build.zensical_engine import CONFIG_PREFIX, author_messages

from ..courses import copy_embedded_course
from .conftest import MKDOCS_YML, CourseFactory, file_hashes
from .html_index import index_html
from .test_serve import ServerOutput, fetch, free_port, wait_for

ZENSICAL = MKDOCS_YML.replace("    language: en\n", "    language: en\n    engine: zensical\n")
PAGE = '# Test\n\n::questionnaire{id="check"}\n\nSee [the other page](other.md).\n'
"""A link below a rendered questionnaire: in the generated copy of the page it is on another line."""


def manifest(outputs_sw: bytes) -> dict[str, object]:
    """The site manifest the build wrote into sw.js."""
    text = outputs_sw.decode("utf-8")
    start = text.index("const SITE = ") + len("const SITE = ")
    value: dict[str, object] = json.JSONDecoder().raw_decode(text[start:])[0]
    return value


def test_the_engine_is_mkdocs_unless_mkdocs_yml_names_zensical(make_course: CourseFactory, tmp_path: Path) -> None:
    assert load_project(make_course()).settings.engine == "mkdocs"
    zensical = tmp_path / "other" / "mkdocs.yml"
    zensical.parent.mkdir()
    zensical.write_text(ZENSICAL, encoding="utf-8")
    assert load_project(zensical).settings.engine == "zensical"


def test_an_unknown_engine_is_a_problem_that_names_the_choices(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_course(config=MKDOCS_YML.replace("    language: en\n", "    language: en\n    engine: hugo\n"))
    assert main(["build", "-f", str(config)]) == 1
    assert capsys.readouterr().err == (
        "The course has 1 problem:\n"
        "  mkdocs.yml:18: extra.lederskap.engine: expected one of 'mkdocs', 'zensical', but a text ('hugo') was given\n"
    )
    assert not (config.parent / "site").exists()


def test_the_command_line_chooses_the_engine_for_one_run(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_course(config=ZENSICAL)
    assert _parser().parse_args(["build"]).engine is None
    assert _parser().parse_args(["serve", "--engine", "zensical"]).engine == "zensical"
    assert _load_course(config, None).project.settings.engine == "zensical"
    assert _load_course(config, "mkdocs").project.settings.engine == "mkdocs"
    with pytest.raises(SystemExit):
        _parser().parse_args(["build", "--engine", "hugo"])
    assert "argument --engine: invalid choice: 'hugo' (choose from 'mkdocs', 'zensical')" in capsys.readouterr().err


def test_the_service_worker_keeps_the_engines_search_index(make_course: CourseFactory) -> None:
    config = make_course(config=ZENSICAL)
    zensical = plan_outputs(_load_course(config, None))
    mkdocs = plan_outputs(_load_course(config, "mkdocs"))
    assert manifest(zensical["sw.js"].content or b"")["optional"] == ["search.json", "sitemap.xml", "404.html"]
    assert manifest(mkdocs["sw.js"].content or b"")["optional"] == [
        "search/search_index.json",
        "sitemap.xml",
        "404.html",
    ]
    # Another engine makes other files: a learner's browser installs the new build's worker and cache.
    assert manifest(zensical["sw.js"].content or b"")["build"] != manifest(mkdocs["sw.js"].content or b"")["build"]


def test_zensical_builds_the_embedded_course_and_its_pages_keep_the_promises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = copy_embedded_course(tmp_path / "course")
    assert main(["build", "--engine", "zensical", "-f", str(config)]) == 0
    assert capsys.readouterr().err == ""
    root = config.parent
    site = root / "site"
    assert check_site(site, "site") == []
    for page in ("index.html", "verktoy/lederferdigheter/index.html", "mine-resultater/index.html", "404.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert '<meta name="generator" content="zensical-' in text, page
        html = index_html(text)
        assert [m.attrs["content"] for m in html.find("meta", http_equiv="Content-Security-Policy")] == [
            CONTENT_SECURITY_POLICY
        ]
    questionnaire = (site / "verktoy" / "lederferdigheter" / "index.html").read_text(encoding="utf-8")
    assert 'data-lsk-questionnaire="leder-egenvurdering"' in questionnaire
    assert '<script src="../../assets/lederskap/main.js" type="module"></script>' in questionnaire
    assert (site / "search.json").is_file() and (site / "sitemap.xml").is_file()
    assert manifest((site / "sw.js").read_bytes())["optional"] == ["search.json", "sitemap.xml", "404.html"]
    assert (site / "assets" / "lederskap" / "build-info.js").is_file()
    assert (site / ".lederskap-site").is_file()
    # Nothing of the run is left behind but Zensical's own cache (which ignores itself in git).
    assert sorted(p.name for p in root.iterdir()) == [".cache", "docs", "forms", "generated", "mkdocs.yml", "site"]
    assert (root / ".cache" / ".gitignore").read_text(encoding="utf-8").strip() == "*"


def test_a_broken_link_fails_a_zensical_build_on_the_authors_line_and_keeps_the_last_good_site(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    # Strict whatever mkdocs.yml says, as with MkDocs.
    config = make_course(config=ZENSICAL + "strict: false\n", pages={"index.md": PAGE, "other.md": "# Other\n"})
    assert main(["build", "-f", str(config)]) == 0
    site = config.parent / "site"
    before = file_hashes(site)
    capsys.readouterr()
    (config.parent / "docs" / "other.md").unlink()
    (config.parent / "docs" / "more.md").write_text(
        '# More\n\nA [missing anchor](index.md#nowhere).\n\n<a href="gone.md">raw HTML</a>\n', encoding="utf-8"
    )

    assert main(["build", "-f", str(config)]) == 1

    assert file_hashes(site) == before
    assert capsys.readouterr().err == (
        # Zensical checks anchors and raw HTML links too; MkDocs does neither by default.
        "docs/index.md:5: Warning: page does not exist: 'other.md'\n"
        "docs/more.md:3: Warning: anchor does not exist: 'nowhere'\n"
        "docs/more.md:5: Warning: page does not exist: 'gone.md'\n"
        "3 issues found\n"
        "error: zensical build failed (exit code 1); see its messages above. "
        "The site in site/ was left as it was; it does not include these changes.\n"
    )
    assert sorted(p.name for p in config.parent.iterdir() if p.name.startswith(".")) == [".cache"]


def test_a_menu_entry_for_a_missing_page_fails_a_zensical_build(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    # Zensical itself leaves the entry out of the menu without a word: the build checks the menu.
    config = make_course(
        config=ZENSICAL + "nav:\n  - Home: index.md\n  - Elsewhere: https://example.org/\n"
        "  - Part:\n      - Gone: gone.md\n"
    )
    assert main(["build", "-f", str(config)]) == 1
    assert capsys.readouterr().err == (
        "error: The menu (nav in mkdocs.yml) has 1 entry for a page that does not exist:\n"
        "  mkdocs.yml:23: nav: the menu names the page 'gone.md', but docs/gone.md does not exist; add the page or "
        "remove the entry (Zensical would leave the entry out of the menu without a word)\n"
    )


def test_zensical_missing_is_said_with_what_to_install(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    find_spec = importlib.util.find_spec

    def without_zensical(name: str, package: str | None = None) -> ModuleSpec | None:
        return None if name == "zensical" else find_spec(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", without_zensical)
    config = make_course(config=ZENSICAL)
    assert main(["build", "-f", str(config)]) == 1
    assert capsys.readouterr().err == (
        "error: This course is built with Zensical (extra.lederskap.engine: zensical, or --engine zensical), which "
        "is not installed: install it next to lederskap with `pip install 'zensical==0.0.73'` (or install "
        "lederskap with its extra: `pip install 'lederskap-build[zensical]'`), or build with MkDocs "
        "(--engine mkdocs).\n"
    )


_MARKS = " " * len("See [the other page](") + "──────┬──────"
"""Zensical's underline of the link's target, ``other.md#part``, in the line of the page it shows."""
ZENSICAL_OUTPUT = f"""\
Build started
\x1b[33mWarning:\x1b[0m page does not exist
   \x1b[38;5;246m╭\x1b[0m\x1b[38;5;246m─\x1b[0m\x1b[38;5;246m[\x1b[0m index.md:9:10 \x1b[38;5;246m]\x1b[0m
   │
 9 │ See [the \x1b[33mother\x1b[0m page](other.md#part).
   │ {_MARKS}
   │ {" " * 27}╰─────── page does not exist
───╯
Warning: page does not exist
   ╭─[ deleted.md:1:1 ]
───╯
Error: something Zensical says about its configuration
2 issues found
Traceback (most recent call last):
  File "<frozen runpy>", line 198, in _run_module_as_main
    build(os.path.abspath(config_file), kwargs)
RuntimeError: Aborted because --strict flag is set
Traceback (most recent call last):
  File "x.py", line 1, in <module>
ValueError: a failure of its own
Traceback (most recent call last):
  File "zensical/main.py", line 81, in execute_build
    build(os.path.abspath(config_file), kwargs)
RuntimeError: could not render block: unknown method: string has no method named startswith (in main.html:2)
"""


def test_zensical_messages_lose_their_colours_and_boxes_and_get_the_authors_file_and_line(
    make_course: CourseFactory,
) -> None:
    config = make_course(pages={"index.md": "# Test\n\nSee [the other page](other.md#part).\n"})
    project = load_project(config)
    # The generated copy of the page, with the line six lines further down than in the page.
    generated = project.generated_dir / "index.md"
    generated.parent.mkdir(parents=True)
    generated.write_text("# Test\n\n<div>\n\n\n\n\n\n</div>\nSee [the other page](other.md#part).\n", encoding="utf-8")
    text = author_messages(ZENSICAL_OUTPUT.replace("index.md:9:10", "index.md:10:10"), project)
    assert text.splitlines() == [
        "docs/index.md:3: Warning: page does not exist: 'other.md#part'",
        # A page the author does not have (any more): the file as Zensical names it.
        "deleted.md:1: Warning: page does not exist",
        "Error: something Zensical says about its configuration",
        "2 issues found",
        # Strict mode's abort is said by the build itself; any other failure is shown as it is, and an error
        # of Zensical's own by its message.
        "Traceback (most recent call last):",
        '  File "x.py", line 1, in <module>',
        "ValueError: a failure of its own",
        "RuntimeError: could not render block: unknown method: string has no method named startswith (in main.html:2)",
    ]


def test_zensical_serve_previews_in_a_folder_of_its_own(make_course: CourseFactory) -> None:
    config = make_course(config=ZENSICAL)
    site = config.parent / "site"
    assert main(["build", "-f", str(config)]) == 0
    before = file_hashes(site)
    address = f"127.0.0.1:{free_port()}"
    with subprocess.Popen(
        [sys.executable, "-m", "lederskap_build", "serve", "-f", str(config), "--dev-addr", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as server:
        output = ServerOutput(server)
        try:
            assert wait_for(lambda: "I plan my week" in fetch(f"http://{address}/"), seconds=60), output.lines
            page = config.parent / "docs" / "index.md"
            page.write_text(page.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
            assert wait_for(lambda: "A new line." in fetch(f"http://{address}/"), seconds=60), output.lines
            # mkdocs.yml changed: Zensical reads it again (it watches the file that inherits it).
            config.write_text(ZENSICAL.replace("Test course", "Renamed course"), encoding="utf-8")
            assert wait_for(lambda: "Renamed course" in fetch(f"http://{address}/"), seconds=60), output.lines
        finally:
            server.terminate()
            server.wait(timeout=30)
    # The last good site is untouched, and the preview's folder and configuration are gone.
    assert file_hashes(site) == before
    names = [p.name for p in config.parent.iterdir()]
    assert not [name for name in names if name.startswith((CONFIG_PREFIX, ".serve-", ".site-"))], names
