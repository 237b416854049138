"""The site's JavaScript is ours line for line, without the lines that are only comments."""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from lederskap_build.js_comments import strip_comment_lines


def test_comment_lines_and_blocks_go_and_code_stays() -> None:
    source = (
        "// The module.\n"
        "/**\n * A function.\n */\n"
        "export function f(a) {\n"
        "  // why\n"
        "  const url = 'https://example.org'; // kept: after code\n"
        "  /* one line */\n"
        "  return `a\n// inside a template literal\n/* also */ b`;\n"
        "}\n"
        "/* block */ const x = 1;\n"
    )
    assert strip_comment_lines(source) == (
        "export function f(a) {\n"
        "  const url = 'https://example.org'; // kept: after code\n"
        "  return `a\n// inside a template literal\n/* also */ b`;\n"
        "}\n"
        "/* block */ const x = 1;\n"
    )


def test_every_module_of_ours_still_parses(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH")
    assets = resources.files("lederskap_build").joinpath("assets")
    modules = [p for p in Path(str(assets)).rglob("*.js")]
    assert modules
    for module in modules:
        stripped = tmp_path / (module.stem + ".mjs")
        stripped.write_text(strip_comment_lines(module.read_text(encoding="utf-8")), encoding="utf-8")
        done = subprocess.run([node, "--check", str(stripped)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{module.name}: {done.stderr}"
