"""The constants the page shares with the scorer have one home: the scorer's Python.

The build writes them into ``assets/lederskap/constants.js``
(:func:`lederskap_scorer.browser_constants.browser_constants`), and no module of the
page writes one of their values again: each test here looks for the ways a value
would be written by hand (a literal, the expression it was once written as).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from lederskap_scorer.browser_constants import browser_constants
from lederskap_scorer.format import LANGUAGES

from lederskap_build.course import load_course
from lederskap_build.generate import generate
from lederskap_build.js_comments import strip_comment_lines

from .conftest import REPO, CourseFactory

ASSETS = REPO / "lederskap_build" / "assets"
TYPES = REPO / "types" / "lederskap"
CONSTANTS = browser_constants()



def browser_code() -> Iterator[tuple[str, str]]:
    """Every JavaScript file of the site's assets, by its path under ``assets/``, as the build
    writes it: without its comment lines (a comment may name a value; code may not)."""
    for path in sorted(ASSETS.rglob("*.js")):
        yield path.relative_to(ASSETS).as_posix(), strip_comment_lines(path.read_text(encoding="utf-8"))


def _pattern_text(source: str) -> str:
    """A regular expression's source without its escapes, ``\\d`` read as ``[0-9]``, so that the
    same pattern is found whether written as a JavaScript regex literal or inside a string."""
    return re.sub(r"\\+d", "[0-9]", source).replace("\\", "")


def _number(value: int) -> str:
    """A whole number as JavaScript may write it: ``2097152`` or ``2_097_152``."""
    return "(?:" + str(value) + "|" + f"{value:_}" + r")(?![\d_])"


PATTERNS = ("idPattern", "timePattern")
"""The constants that are sources of regular expressions (found by their first characters)."""


def writes(code: str, name: str, value: object) -> bool:
    """Whether ``code`` writes the value of the constant ``name`` (``storageKeys.prefix``) itself."""
    group = name.split(".")[0]
    if group in PATTERNS:
        assert isinstance(value, str)
        return _pattern_text(value)[:24] in _pattern_text(code)
    return any(pattern.search(code) for pattern in rewrites(group, value))


def rewrites(name: str, value: object) -> list[re.Pattern[str]]:
    """The ways the constant ``name`` with ``value`` (a text or a whole number) would be written again."""
    if isinstance(value, str):
        return [re.compile(rf"(?<![\w$]){re.escape(value)}(?!\w)")]
    assert isinstance(value, int)
    number = _number(value)
    patterns = {
        "recordSchema": [
            rf"\bschema\b[\"']?\s*[:=]\s*{number}",
            rf"SCHEMA\s*=\s*{number}",
            rf"\bschema\s*(?:[!=]==?|[<>]=?)\s*{number}",
        ],
        "exportFormatVersion": [
            rf"\bformat_version\b[\"']?\s*:\s*{number}",
            rf"FORMAT_VERSION\s*=\s*{number}",
        ],
        "maxImportBytes": [
            rf"(?<![\w.]){number}",
            rf"\b{value // 2**20}\s*\*\s*(?:1024\s*\*\s*1024|1048576|2\s*\*\*\s*20)\b",
        ],
        "maxSnapshotName": [
            rf"\bmax[lL]ength\b[\"']?\s*[:=]\s*[\"']?{number}",
            rf"\.(?:slice|substring)\(\s*0\s*,\s*{number}\s*\)",
            rf"\.length\s*(?:[<>]=?|[!=]==?)\s*{number}",
        ],
        "maxReplies": [
            rf"\bMAX_REPLIES\s*=\s*{number}",
            rf"\.length\s*(?:[<>]=?|[!=]==?)\s*{number}",
        ],
        # The course's notes and the IndexedDB of keys have a schema 1 of their own: only the name tells.
        "teamSchema": [rf"\bTEAM_SCHEMA\s*=\s*{number}"],
    }[name]
    return [re.compile(pattern) for pattern in patterns]


def shared_values() -> Iterator[tuple[str, object]]:
    for name, value in CONSTANTS.items():
        if isinstance(value, dict):
            yield from ((f"{name}.{key}", entry) for key, entry in value.items())
        else:
            yield name, value


def written_again() -> set[tuple[str, str]]:
    """(module, constant) for every module of the page that writes a shared value itself."""
    found = set()
    for module, code in browser_code():
        for name, value in shared_values():
            if writes(code, name, value):
                found.add((module, name))
    return found


def test_no_module_of_the_page_writes_a_shared_value_itself() -> None:
    found = written_again()
    assert sorted(found) == [], "import it from constants.js instead"


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("recordSchema", "export const SCHEMA = 2;"),
        ("recordSchema", "const RECORD_SCHEMA = 2;"),
        ("recordSchema", "return { schema: 2, answers };"),
        ("recordSchema", "if (record.schema !== 2) return;"),
        ("exportFormat", 'format: "lederskap-answers",'),
        ("exportFormatVersion", "format_version: 2,"),
        ("exportFormatVersion", "export const EXPORT_FORMAT_VERSION = 2;"),
        ("maxImportBytes", "export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;"),
        ("maxImportBytes", "if (file.size > 2_097_152) return;"),
        ("maxSnapshotName", "maxlength: 200,"),
        ("maxSnapshotName", "name.trim().slice(0, 200)"),
        ("maxReplies", "export const MAX_REPLIES = 200;"),
        ("maxReplies", "if (invitation.replies.length >= 200) return;"),
        ("teamSchema", "const TEAM_SCHEMA = 1;"),
        ("timePattern", r"const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;"),
        ("timePattern", 'const TIME = "\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}";'),
        ("idPattern", 'const ID = "[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?";'),
        ("storageKeys", 'const PREFIX = "lederskap/v2:";'),
        ("storageKeys", "const notes = `${scope}_course`;"),
    ],
)
def test_each_way_a_value_was_written_is_found(name: str, written: str) -> None:
    found = [key for key, value in shared_values() if key.split(".")[0] == name and writes(written, key, value)]
    assert found, f"{written!r} is not recognised as {name}"


def test_other_values_are_not_taken_for_shared_ones() -> None:
    code = "\n".join(
        [
            "notes = { schema: 1, exported: {} };",  # the course's notes have a schema of their own
            "if (!entry.in_course) lines.push(x);",
            "const MAX_CACHED_CHARS = 200_000;",
            "t('import.hint', { size: MAX_IMPORT_BYTES / (1024 * 1024) });",
            "setTimeout(() => this.renderAll(), 100);",
        ]
    )
    assert [name for name, value in shared_values() if writes(code, name, value)] == []


def test_the_build_writes_the_constants_into_constants_js_and_declares_each_generated_module(
    make_course: CourseFactory,
) -> None:
    config = make_course()
    generate(load_course(config))
    written = config.parent / "generated" / "docs" / "assets" / "lederskap"
    text = (written / "constants.js").read_text(encoding="utf-8")
    assert "export const constants = Object.freeze(" in text
    assert json.loads(text[text.index("Object.freeze(") + len("Object.freeze(") : text.rindex(");")]) == CONSTANTS
    generated = sorted(p.stem for p in written.glob("*.js") if not (ASSETS / "lederskap" / p.name).exists())
    assert generated == ["build-info", "constants", "messages", "rich-texts"]
    assert [name for name in generated if not (TYPES / f"{name}.d.ts").is_file()] == []


def test_the_declared_languages_are_the_scorers() -> None:
    declared = re.search(r"readonly language: ([^;]*);", (TYPES / "build-info.d.ts").read_text(encoding="utf-8"))
    assert declared is not None
    assert re.findall(r'"(\w+)"', declared.group(1)) == list(LANGUAGES)


def test_the_patterns_mean_the_same_in_python_and_javascript() -> None:
    """No escape or class whose meaning differs: ``\\d``, ``\\w`` and ``\\s`` take non-ASCII characters
    in Python; the sources are matched against a whole text, so they carry no anchors."""
    for name in ("idPattern", "timePattern"):
        source = CONSTANTS[name]
        assert isinstance(source, str)
        assert not re.search(r"\\[dDwWsSbBAZ]|^\^|\$$", source), name
