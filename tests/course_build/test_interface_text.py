"""Interface text comes from one catalogue per language, complete in both, and from nowhere else.

* ``lederskap_scorer/messages/nb.json`` (the default) and ``en.json`` have exactly the same keys,
  and each message has the same ``{placeholders}`` in both;
* every ``t("key")`` in the browser code names a message of the catalogue;
* no browser module carries text a learner would read as a string literal of its own: a
  heuristic scan of every string and template literal in ``lederskap_build/assets``.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from lederskap_build.messages import LANGUAGES, load_messages

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "scorer" / "src" / "lederskap_scorer" / "messages"
ASSETS = REPO / "lederskap_build" / "assets"
SCRIPTS = sorted(ASSETS.rglob("*.js"))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_catalogues_have_the_same_keys() -> None:
    nb, en = load_messages("nb"), load_messages("en")
    assert sorted(set(nb) - set(en)) == [], "in nb.json but not in en.json"
    assert sorted(set(en) - set(nb)) == [], "in en.json but not in nb.json"
    assert LANGUAGES[0] == "nb"


def test_each_message_has_the_same_placeholders_in_both_languages() -> None:
    nb, en = load_messages("nb"), load_messages("en")
    differing = {key: (placeholders(nb[key]), placeholders(en[key])) for key in nb if key in en}
    assert {key: pair for key, pair in differing.items() if pair[0] != pair[1]} == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_empty_or_untrimmed(language: str) -> None:
    catalogue = json.loads((CATALOGUE / f"{language}.json").read_text(encoding="utf-8"))
    assert [key for key, text in catalogue.items() if not text.strip() or text != text.strip()] == []


# ---- the browser code --------------------------------------------------------


def js_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string and template literal of JavaScript ``source``, comments and regular
    expressions skipped; a template's ``${...}`` parts are replaced by a NUL character."""
    found: list[tuple[int, str]] = []
    i, line, previous = 0, 1, ""
    while i < len(source):
        char = source[i]
        if char == "\n":
            line += 1
        if char.isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = len(source) if end < 0 else end
        elif source.startswith("/*", i):
            end = source.index("*/", i + 2)
            line += source.count("\n", i, end)
            i = end + 2
        elif char in "'\"`":
            start, i, text = line, i + 1, []
            while i < len(source) and source[i] != char:
                if source[i] == "\\":
                    text.append(source[i : i + 2])
                    i += 2
                    continue
                if char == "`" and source.startswith("${", i):
                    depth, i = 1, i + 2
                    while depth:
                        depth += {"{": 1, "}": -1}.get(source[i], 0)
                        line += source[i] == "\n"
                        i += 1
                    text.append("\0")
                    continue
                line += source[i] == "\n"
                text.append(source[i])
                i += 1
            found.append((start, "".join(text)))
            i += 1
            previous = "a"
        elif char == "/" and (previous == "" or previous in "(,=:[!&|?{};+-*%<>~^"):
            i, in_class = i + 1, False  # a regular expression literal
            while source[i] != "/" or in_class:
                if source[i] == "\\":
                    i += 1
                elif source[i] in "[]":
                    in_class = source[i] == "["
                i += 1
            i += 1
            previous = "a"
        else:
            previous = char
            i += 1
    return found


WORDS = re.compile(r"[^\W\d_]{2,}[ \u00a0]+[^\W\d_]{2,}")
"""Two words of letters side by side: what text for people looks like."""
CLASS_LIST = re.compile(r"^(?:lsk-[\w-]*\0?|\0)(?: +(?:lsk-[\w-]*\0?|\0))*$")
DEVELOPER_CONTEXT = re.compile(r"console\.\w+\(|\bthrow\b|Error\(|\bcrash\(|\bmessage\s*[:=]")
"""Messages for the developer's console, never shown to the learner (they see a catalogue message)."""
CODE_WORDS = {"use strict", "xMinYMin meet"}


def learner_text(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    suspicious = []
    for line, text in js_literals(source):
        if not WORDS.search(text) or CLASS_LIST.match(text) or text in CODE_WORDS:
            continue
        context = " ".join(lines[max(line - 2, 0) : line])
        if DEVELOPER_CONTEXT.search(context):
            continue
        suspicious.append(f"{path.relative_to(ASSETS)}:{line}: {text!r}")
    return suspicious


def test_the_scanner_finds_strings_and_skips_comments_and_expressions() -> None:
    source = 'const a = "Hei der"; // "not this"\n/* "nor this" */ const b = /["x]/g;\nh(`Sum ${x + "y"} igjen`);'
    assert js_literals(source) == [(1, "Hei der"), (3, "Sum \0 igjen")]


def test_no_browser_module_carries_learner_text_of_its_own() -> None:
    assert SCRIPTS, "no browser code found"
    assert [text for path in SCRIPTS for text in learner_text(path)] == []


def test_every_message_the_browser_code_asks_for_exists() -> None:
    catalogue = load_messages("nb")
    asked = {
        (path.relative_to(ASSETS).as_posix(), key)
        for path in SCRIPTS
        for key in re.findall(r"\bt\(\s*[\"']([\w.]+)[\"']", path.read_text(encoding="utf-8"))
    }
    assert asked, "no t(...) call found"
    assert sorted((where, key) for where, key in asked if key not in catalogue) == []
