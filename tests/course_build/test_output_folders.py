"""The build never deletes or changes an author's files: where it writes, and which folders it replaces.

Each refused case checks that every file of the project (and next to it) is
byte for byte what it was before the build ran.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lederskap_build.cli import main
from lederskap_build.config import load_project
from lederskap_build.errors import ContentError
from lederskap_build.output_folders import GENERATED, SITE, THEME

from .conftest import MKDOCS_YML, VALID_FORM, CourseFactory, file_hashes

BROKEN_FORM = VALID_FORM.replace("text: I plan my week", "text: ''")


def with_setting(old: str, new: str) -> str:
    """The test course's mkdocs.yml with one line changed."""
    assert old in MKDOCS_YML
    return MKDOCS_YML.replace(old, new)


# The defects reported by users: each of these builds deleted the author's files.
@pytest.mark.parametrize(
    ("config", "forms", "message"),
    [
        pytest.param(
            with_setting("site_dir: site", "site_dir: ."),
            {"check.yml": VALID_FORM},
            "mkdocs.yml:3: site_dir: expected a folder of its own inside the project for the built site, "
            "apart from 'docs', 'forms', 'generated/docs' and 'generated/theme', e.g. site, but '.' was given",
            id="site_dir-is-the-project",
        ),
        pytest.param(
            with_setting("site_dir: site", "site_dir: docs"),
            {"check.yml": BROKEN_FORM},
            "mkdocs.yml:3: site_dir: expected a folder of its own inside the project for the built site, "
            "apart from 'docs', 'forms', 'generated/docs' and 'generated/theme', e.g. site, but 'docs' was given",
            id="site_dir-is-the-pages-and-a-content-error",
        ),
        pytest.param(
            with_setting("docs_dir: generated/docs", "docs_dir: forms"),
            {"check.yml": VALID_FORM},
            "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
            "apart from 'docs' and 'forms', e.g. generated/docs, but 'forms' was given",
            id="docs_dir-is-the-forms",
        ),
        pytest.param(
            with_setting("docs_dir: generated/docs", "docs_dir: ../elsewhere"),
            {"check.yml": VALID_FORM},
            "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
            "apart from 'docs' and 'forms', e.g. generated/docs, but '../elsewhere' was given",
            id="docs_dir-outside-the-project",
        ),
    ],
)
def test_a_build_that_would_delete_the_authors_files_is_refused_and_touches_nothing(
    make_course: CourseFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    forms: dict[str, str],
    message: str,
) -> None:
    config_file = make_course(config=config, forms=forms)
    git = config_file.parent / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (git / "refs" / "heads" / "main").write_text("4b825dc642cb6eb9a060e54bf8d69288fbee4904\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "notes.txt").write_text("Not part of the course.\n", encoding="utf-8")
    before = file_hashes(tmp_path)

    assert main(["build", "-f", str(config_file)]) == 1

    assert file_hashes(tmp_path) == before
    assert capsys.readouterr().err == f"The course has 1 problem:\n  {message}\n"


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (
            "docs_dir",
            "docs/generated",
            "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
            "apart from 'docs' and 'forms', e.g. generated/docs, but 'docs/generated' was given",
        ),
        (
            "docs_dir",
            ".",
            "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
            "apart from 'docs' and 'forms', e.g. generated/docs, but '.' was given",
        ),
        (
            "docs_dir",
            "mkdocs.yml",
            "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
            "apart from 'docs' and 'forms', e.g. generated/docs, but 'mkdocs.yml' was given",
        ),
        (
            "docs_dir",
            "form",
            "mkdocs.yml:2: docs_dir: expected a folder of its own inside the project for the generated pages, "
            "apart from 'docs' and 'form-cache', e.g. generated/docs, but 'form' was given "
            "(the build also keeps a cache in 'form-cache')",
        ),
        (
            "site_dir",
            "generated",
            "mkdocs.yml:3: site_dir: expected a folder of its own inside the project for the built site, "
            "apart from 'docs', 'forms', 'generated/docs' and 'generated/theme', e.g. site, but 'generated' was given",
        ),
        (
            "site_dir",
            "generated/docs/site",
            "mkdocs.yml:3: site_dir: expected a folder of its own inside the project for the built site, "
            "apart from 'docs', 'forms', 'generated/docs' and 'generated/theme', e.g. site, "
            "but 'generated/docs/site' was given",
        ),
        (
            "site_dir",
            "../public",
            "mkdocs.yml:3: site_dir: expected a folder of its own inside the project for the built site, "
            "apart from 'docs', 'forms', 'generated/docs' and 'generated/theme', e.g. site, but '../public' was given",
        ),
        (
            "site_dir",
            "forms/site",
            "mkdocs.yml:3: site_dir: expected a folder of its own inside the project for the built site, "
            "apart from 'docs', 'forms', 'generated/docs' and 'generated/theme', e.g. site, but 'forms/site' was given",
        ),
    ],
)
def test_output_folders_must_be_folders_of_their_own(
    make_course: CourseFactory, setting: str, value: str, message: str
) -> None:
    defaults = {"docs_dir": "generated/docs", "site_dir": "site"}
    config = with_setting(f"{setting}: {defaults[setting]}", f"{setting}: {value}")
    if value == "form":
        config = config.replace("    language: en\n", "    language: en\n    forms_dir: form-cache\n")
    config_file = make_course(config=config)
    if value == "form":
        (config_file.parent / "forms").rename(config_file.parent / "form-cache")
    with pytest.raises(ContentError) as caught:
        load_project(config_file)
    assert [str(p) for p in caught.value.problems] == [message]


@pytest.mark.parametrize(
    ("setting", "folder"),
    [("site_dir", "public"), ("docs_dir", "public")],
)
def test_a_folder_the_build_did_not_make_is_left_alone(
    make_course: CourseFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, folder: str
) -> None:
    """A setting that is allowed, but names a folder of the author's: the build stops before touching it."""
    defaults = {"docs_dir": "generated/docs", "site_dir": "site"}
    config_file = make_course(config=with_setting(f"{setting}: {defaults[setting]}", f"{setting}: {folder}"))
    public = config_file.parent / folder
    public.mkdir()
    (public / "index.html").write_text("<h1>My own page</h1>\n", encoding="utf-8")
    (public / "assets" / "lederskap").mkdir(parents=True)
    (public / "assets" / "lederskap" / "build-info.js").write_text("// Mine.\n", encoding="utf-8")
    before = file_hashes(tmp_path)

    assert main(["build", "-f", str(config_file)]) == 1

    kind = SITE if setting == "site_dir" else GENERATED
    assert capsys.readouterr().err == (
        f"error: {public} holds files that lederskap build did not write (it has no {kind.marker} file), "
        f"so the build leaves it alone. Set {setting} in mkdocs.yml to a folder of its own for {kind.what}, "
        f"e.g. {kind.example}; if the folder only holds an old build, delete it yourself.\n"
    )
    after = file_hashes(tmp_path)
    assert {name: after[name] for name in before} == before
    project = load_project(config_file)
    ours = [
        f"{folder.relative_to(tmp_path).as_posix()}/"
        for folder in (project.generated_dir, project.cache_dir, project.theme_dir)
    ]
    assert all(name.startswith(tuple(ours)) for name in after.keys() - before.keys()), (
        "nothing is written but the generated pages, the wheel cache and the theme layer"
    )


def test_a_file_in_place_of_the_site_is_left_alone(
    make_course: CourseFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_course(config=with_setting("site_dir: site", "site_dir: notes.txt"))
    notes = config_file.parent / "notes.txt"
    notes.write_text("My notes.\n", encoding="utf-8")

    assert main(["build", "-f", str(config_file)]) == 1

    assert notes.read_text(encoding="utf-8") == "My notes.\n"
    assert capsys.readouterr().err == (
        f"error: {notes} is a file, not a folder for the built site: set site_dir in mkdocs.yml "
        "to a folder of its own, e.g. site.\n"
    )


def test_the_build_marks_its_folders_and_replaces_them_on_the_next_build(make_course: CourseFactory) -> None:
    config_file = make_course()
    root = config_file.parent
    assert main(["build", "-f", str(config_file)]) == 0
    generated, site, theme = root / "generated" / "docs", root / "site", root / "generated" / "theme"
    for folder, kind in ((generated, GENERATED), (site, SITE), (theme, THEME)):
        marker = (folder / kind.marker).read_text(encoding="utf-8")
        assert marker.startswith(f"Written by lederskap build: {kind.what} of the course")
        assert "You may delete this folder" in marker
    assert not (site / GENERATED.marker).exists(), "MkDocs leaves the generated folder's marker out of the site"
    assert not (site / THEME.marker).exists(), "and the theme layer's"

    (site / "stale.html").write_text("old\n", encoding="utf-8")
    (generated / "stale.md").write_text("# Old\n", encoding="utf-8")
    assert main(["build", "-f", str(config_file)]) == 0
    assert not (site / "stale.html").exists()
    assert not (generated / "stale.md").exists()
    assert (site / SITE.marker).is_file() and (generated / GENERATED.marker).is_file()


def test_folders_written_before_the_markers_are_recognised_as_the_builds(make_course: CourseFactory) -> None:
    """An earlier version of the build wrote no marker: its folders are known by their build-info.js."""
    config_file = make_course()
    root = config_file.parent
    assert main(["build", "-f", str(config_file)]) == 0
    generated, site = root / "generated" / "docs", root / "site"
    (generated / GENERATED.marker).unlink()
    (site / SITE.marker).unlink()
    (site / "stale.html").write_text("old\n", encoding="utf-8")

    assert main(["build", "-f", str(config_file)]) == 0

    assert not (site / "stale.html").exists()
    assert (site / SITE.marker).is_file() and (generated / GENERATED.marker).is_file()


def test_an_empty_folder_is_used_for_the_site(make_course: CourseFactory) -> None:
    config_file = make_course(config=with_setting("site_dir: site", "site_dir: public"))
    (config_file.parent / "public").mkdir()
    assert main(["build", "-f", str(config_file)]) == 0
    assert (config_file.parent / "public" / "index.html").is_file()


def test_a_failed_build_leaves_the_last_good_site_as_it_was(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_course()
    assert main(["build", "-f", str(config_file)]) == 0
    site = config_file.parent / "site"
    before = file_hashes(site)
    capsys.readouterr()
    (config_file.parent / "forms" / "check.yml").write_text(BROKEN_FORM, encoding="utf-8")

    assert main(["build", "-f", str(config_file)]) == 1

    assert file_hashes(site) == before
    assert capsys.readouterr().err == (
        "The course has 1 problem:\n"
        "  forms/check.yml:19: parts[statements].dimensions[focus].items[plans].text: "
        "expected a non-empty text, but an empty text was given\n"
        "The site in site/ was left as it was; it does not include these changes.\n"
    )


def test_when_mkdocs_fails_the_last_good_site_stays_too(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = make_course()
    assert main(["build", "-f", str(config_file)]) == 0
    site = config_file.parent / "site"
    before = file_hashes(site)
    capsys.readouterr()
    config_file.write_text(MKDOCS_YML + "plugins:\n  - no-such-plugin\n", encoding="utf-8")

    assert main(["build", "-f", str(config_file)]) == 1

    assert file_hashes(site) == before
    assert capsys.readouterr().err.endswith(
        "error: mkdocs build failed (exit code 1); see its messages above. "
        "The site in site/ was left as it was; it does not include these changes.\n"
    )
    assert not list(config_file.parent.glob(".site-*")), "no staging folder is left behind"
