"""A link to a page that does not exist fails the build, in MkDocs' own words, with its file and line.

The build runs MkDocs in strict mode whatever mkdocs.yml says, and shows what MkDocs
says except its INFO lines (:mod:`lederskap_build.mkdocs_log`).
"""

from __future__ import annotations

import pytest

from lederskap_build.cli import main
from lederskap_build.config import load_project
from lederskap_build.mkdocs_log import author_messages

from .conftest import MKDOCS_YML, CourseFactory, file_hashes

PAGE = '# Test\n\n::questionnaire{id="check"}\n\nSee [the other page](other.md).\n'


def test_a_broken_link_fails_the_build_and_keeps_the_last_good_site(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    # Strict whatever mkdocs.yml says: it is the build that promises the check.
    config_file = make_course(config=MKDOCS_YML + "strict: false\n", pages={"index.md": PAGE, "other.md": "# Other\n"})
    assert main(["build", "-f", str(config_file)]) == 0
    site = config_file.parent / "site"
    before = file_hashes(site)
    capsys.readouterr()
    (config_file.parent / "docs" / "other.md").unlink()

    assert main(["build", "-f", str(config_file)]) == 1

    assert file_hashes(site) == before
    assert capsys.readouterr().err == (
        "docs/index.md:5: WARNING -  Doc file 'index.md' contains a link 'other.md', "
        "but the target is not found among documentation files.\n"
        "Aborted with 1 warnings in strict mode!\n"
        "error: mkdocs build failed (exit code 1); see its messages above. "
        "The site in site/ was left as it was; it does not include these changes.\n"
    )


def test_a_menu_entry_for_a_missing_page_fails_the_build(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_course(config=MKDOCS_YML + "nav:\n  - Home: index.md\n  - Gone: gone.md\n")
    assert main(["build", "-f", str(config_file)]) == 1
    assert capsys.readouterr().err == (
        "mkdocs.yml:20: WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, "
        "which is not found in the documentation files.\n"
        "Aborted with 1 warnings in strict mode!\n"
        "error: mkdocs build failed (exit code 1); see its messages above.\n"
    )


MKDOCS_OUTPUT = """\
INFO    -  Cleaning site directory
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - extra.md
WARNING -  Doc file 'index.md' contains a link 'other.md#part', but the target 'other.md' is not found \
among documentation files.
WARNING -  Doc file 'index.md' contains a link 'nowhere.md', but the target is not found among documentation files.
WARNING -  Doc file 'deleted.md' contains a link 'x.md', but the target is not found among documentation files.
ERROR   -  Config value 'plugins': The "nope" plugin is not installed
           (a second line of the same message)
INFO    -  Doc file 'index.md' contains a link 'index.md#nowhere', but the doc 'index.md' does not contain an \
anchor '#nowhere'.

Aborted with 3 warnings in strict mode!
"""


def test_mkdocs_messages_keep_their_words_and_get_file_and_line(make_course: CourseFactory) -> None:
    project = load_project(make_course(pages={"index.md": "# Test\n\nRead [this](other.md#part).\n"}))
    assert author_messages(MKDOCS_OUTPUT, project).splitlines() == [
        # The link's line in the page as the author wrote it.
        "docs/index.md:3: WARNING -  Doc file 'index.md' contains a link 'other.md#part', but the target "
        "'other.md' is not found among documentation files.",
        # A link the page does not hold as written: the file alone.
        "docs/index.md: WARNING -  Doc file 'index.md' contains a link 'nowhere.md', but the target is not found "
        "among documentation files.",
        # A page that is no longer there: MkDocs' words alone.
        "WARNING -  Doc file 'deleted.md' contains a link 'x.md', but the target is not found among "
        "documentation files.",
        "ERROR   -  Config value 'plugins': The \"nope\" plugin is not installed",
        "           (a second line of the same message)",
        "Aborted with 3 warnings in strict mode!",
    ]


def test_a_build_without_warnings_says_nothing_of_mkdocs(make_course: CourseFactory) -> None:
    project = load_project(make_course())
    assert author_messages("INFO    -  Cleaning site directory\nINFO    -  Documentation built\n", project) == ""


def test_the_link_line_is_found_in_the_page_as_written(make_course: CourseFactory) -> None:
    page = "# Test\n\nThe word other.md in text.\n\n[ref]: other.md\n"
    project = load_project(make_course(pages={"index.md": page}))
    message = (
        "WARNING -  Doc file 'index.md' contains a link 'other.md', "
        "but the target is not found among documentation files."
    )
    assert author_messages(message, project) == f"docs/index.md:5: {message}"
