"""Interface text comes from one catalogue per language, complete in both, and from nowhere else.

* ``lederskap_scorer/messages/nb.json`` (the default) and ``en.json`` have exactly the same
  messages, and each message has the same ``{placeholders}`` in both; a message that depends on
  a number may have forms of its own for the language's plural categories
  (``<key>.<category>``, chosen by ``Intl.PluralRules`` in ``i18n.js``'s ``counted``), each
  language the forms it needs;
* every ``t("key")`` and ``counted(n, "key")`` in the browser code names a message of the
  catalogue, and a message with forms for numbers is only asked for through ``counted``;
* no browser module carries text a learner would read as a string literal of its own: a
  heuristic scan of every string and template literal in ``lederskap_build/assets``.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from lederskap_scorer.catalogue import PLURAL_CATEGORIES, PLURAL_RULES
from lederskap_scorer.format import Language

from lederskap_build.messages import LANGUAGES, load_messages

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "scorer" / "src" / "lederskap_scorer" / "messages"
ASSETS = REPO / "lederskap_build" / "assets"
SCRIPTS = sorted(ASSETS.rglob("*.js"))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


PLURAL_FORM = re.compile(rf"^(?P<key>.+)\.(?P<category>{'|'.join(PLURAL_CATEGORIES)})$")
"""A message's form for one plural category: ``storage.removed.one``."""


def general_keys(catalogue: dict[str, str]) -> set[str]:
    """The catalogue's messages, without their forms for plural categories."""
    return {key for key in catalogue if not PLURAL_FORM.match(key)}


def test_the_catalogues_have_the_same_keys() -> None:
    nb, en = general_keys(load_messages("nb")), general_keys(load_messages("en"))
    assert sorted(nb - en) == [], "in nb.json but not in en.json"
    assert sorted(en - nb) == [], "in en.json but not in nb.json"
    assert LANGUAGES[0] == "nb"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_for_a_plural_category_is_one_the_language_has_beside_the_general_form(language: Language) -> None:
    catalogue = load_messages(language)
    categories = {PLURAL_RULES[language](n) for n in range(1000)}
    forms = {key: PLURAL_FORM.match(key) for key in catalogue}
    for key, form in forms.items():
        if form is None:
            continue
        assert form["category"] in categories, f"{key}: {language} has no such plural category"
        assert form["key"] in catalogue, f"{key} has no general form"
        assert placeholders(catalogue[key]) == placeholders(catalogue[form["key"]]), key
    assert [key for key in catalogue if key.endswith("_one")] == [], (
        "a form for a number is <key>.<category>, chosen by Intl.PluralRules"
    )


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
CODE_WORDS = {"use strict", "xMinYMin meet", "noopener noreferrer"}


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


ASKED = re.compile(r"\b(?:t|tNodes|resultsPageSentence)\(\s*[\"']([\w.]+)[\"']")
"""A message asked for by its key: ``t("key"``, and the sentences holding a link."""
ASKED_COUNTED = re.compile(r"\bcounted\(\s*[^;\"']*?,\s*[\"']([\w.]+)[\"']")
"""A message asked for with a number: ``counted(count, "key"``."""


def test_every_message_the_browser_code_asks_for_exists() -> None:
    catalogue = load_messages("nb")
    asked = {
        (path.relative_to(ASSETS).as_posix(), key)
        for path in SCRIPTS
        for pattern in (ASKED, ASKED_COUNTED)
        for key in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert asked, "no t(...) call found"
    assert {key for _, key in asked} >= {"storage.removed", "import.more_problems", "mine.see_snapshots"}
    assert sorted((where, key) for where, key in asked if key not in catalogue) == []


def test_a_message_for_a_number_is_chosen_by_plural_rules_never_by_comparing_with_one() -> None:
    with_forms = {
        form["key"] for language in LANGUAGES for key in load_messages(language) if (form := PLURAL_FORM.match(key))
    }
    for path in SCRIPTS:
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(ASSETS).as_posix()
        assert [key for key in ASKED.findall(source) if key in with_forms] == [], f"{where}: use counted()"
        assert not re.search(r"[=!]==?\s*1\s*\?\s*[\"'`]", source), f"{where}: use counted()"
        assert "_one" not in source, where
