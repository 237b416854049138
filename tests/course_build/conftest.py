"""A small course project written into a temporary folder, for the build's tests."""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

MKDOCS_YML = """\
site_name: Test course
docs_dir: generated/docs
site_dir: site
theme:
  name: material
  language: en
  font: false
  custom_dir: generated/theme
extra_css:
  - assets/lederskap/lederskap.css
extra_javascript:
  - path: assets/lederskap/main.js
    type: module
extra:
  lederskap:
    course: test-course
    language: en
"""

VALID_FORM = """\
id: check
version: 1
title: A check
scale:
  min: 1
  max: 4
  labels:
    - {value: 1, text: Never}
    - {value: 4, text: Always}
parts:
  - type: likert
    id: statements
    title: Statements
    dimensions:
      - id: focus
        title: Focus
        items:
          - id: plans
            text: I plan my week
          - id: finishes
            text: I finish what I start
"""

CourseFactory = Callable[..., Path]


@pytest.fixture
def make_course(tmp_path: Path) -> CourseFactory:
    """Write a course: ``make_course(forms={"a.yml": text}, pages={"index.md": text})``; returns its mkdocs.yml."""

    def make(
        forms: dict[str, str] | None = None,
        pages: dict[str, str] | None = None,
        config: str = MKDOCS_YML,
    ) -> Path:
        root = tmp_path / "course"
        (root / "forms").mkdir(parents=True)
        (root / "docs").mkdir()
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        for name, text in (forms if forms is not None else {"check.yml": VALID_FORM}).items():
            (root / "forms" / name).write_text(textwrap.dedent(text), encoding="utf-8")
        default_pages = {"index.md": '# Test\n\n::questionnaire{id="check"}\n'}
        for name, text in (pages if pages is not None else default_pages).items():
            path = root / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root / "mkdocs.yml"

    return make


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder``, hidden ones included, by its relative path: the SHA-256 of its content."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
