"""YAML that would take hours to read or overflow the stack is refused, with file and line, like any problem.

A refused file is reported at once: that these tests finish at all is part of
what they check (the alias bomb below took half a minute and 1.6 GB before, and
two more levels of it more than five minutes and 8 GB).
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

from lederskap_build import yaml_source
from lederskap_build.course import load_course
from lederskap_build.errors import ContentError

from .conftest import MKDOCS_YML, VALID_FORM, CourseFactory


def problems_of(config_file: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(config_file)
    return [str(p) for p in caught.value.problems]


def alias_bomb(levels: int, indent: str = "  ") -> str:
    """Lists of nine aliases of the list above: ``levels`` lines that stand for 9 ** levels values."""
    names = string.ascii_lowercase
    lines = [f"{indent}- &a [{', '.join(['x'] * 9)}]"]
    for level in range(1, levels):
        lines.append(f"{indent}- &{names[level]} [{', '.join([f'*{names[level - 1]}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_a_questionnaire_is_refused_at_once(make_course: CourseFactory) -> None:
    form = "id: check\nversion: 1\ntitle: Bomb\nparts:\n" + alias_bomb(7)
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:10: the YAML expands to more than 200,000 values "
        "(through repeated aliases '*a', '*b', '*c', '*d', '*e'); write the values out or use fewer aliases"
    ]


def test_an_alias_bomb_in_mkdocs_yml_is_refused_at_once(make_course: CourseFactory) -> None:
    config = MKDOCS_YML + "  bomb:\n" + alias_bomb(7, indent="    ")
    assert problems_of(make_course(config=config)) == [
        "mkdocs.yml:24: the YAML expands to more than 200,000 values "
        "(through repeated aliases '*a', '*b', '*c', '*d', '*e'); write the values out or use fewer aliases"
    ]


def test_an_alias_inside_its_own_value_is_refused(make_course: CourseFactory) -> None:
    form = "id: check\nversion: 1\ntitle: Loop\nparts: &a\n  - *a\n"
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:5: the alias '*a' is inside the value it stands for, which would repeat without end; "
        "write the values out"
    ]


def test_a_questionnaire_nested_a_thousand_levels_deep_is_a_problem_not_a_traceback(
    make_course: CourseFactory,
) -> None:
    form = "id: check\nversion: 1\ntitle: Deep\nparts: " + "[" * 1000 + "]" * 1000 + "\n"
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:4: expected at most 100 levels of nesting, but the values here go deeper"
    ]


def test_pyyamls_own_composer_never_goes_deeper_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML's composer (used without libyaml, and to word libyaml's errors) calls itself once per
    # level. A thousand calls deep, a finalizer the garbage collector runs meanwhile can fail with
    # a RecursionError that nothing catches (it failed this suite once): the limit is found first.
    depth = deepest = 0
    compose = yaml.composer.Composer.compose_node

    def counted(self: yaml.composer.Composer, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        nonlocal depth, deepest
        depth += 1
        deepest = max(deepest, depth)
        try:
            return compose(self, parent, index)
        finally:
            depth -= 1

    monkeypatch.setattr(yaml.composer.Composer, "compose_node", counted)
    form = "id: check\nversion: 1\ntitle: Deep\nparts: " + "[" * 1000 + "]" * 1000 + "\n"
    with pytest.raises(yaml_source.YamlLoadError) as refused:
        yaml_source.load_yaml(form, "forms/check.yml", yaml.SafeLoader)
    assert str(refused.value.problem) == (
        "forms/check.yml:4: expected at most 100 levels of nesting, but the values here go deeper"
    )
    assert deepest <= yaml_source.MAX_NESTING


def test_a_deeply_nested_mkdocs_yml_is_a_problem_not_a_traceback(make_course: CourseFactory) -> None:
    deep = "".join(f"{'  ' * level}- \n" for level in range(1, 500))
    assert problems_of(make_course(config=MKDOCS_YML + "  deep:\n" + deep)) == [
        "mkdocs.yml:117: expected at most 100 levels of nesting, but the values here go deeper"
    ]


def test_nesting_through_aliases_counts_too(make_course: CourseFactory) -> None:
    form = VALID_FORM + "source: &deep " + "[" * 60 + "]" * 60 + "\nbands: " + "[" * 60 + "*deep" + "]" * 60 + "\n"
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:23: expected at most 100 levels of nesting, but the values here go deeper"
    ]


def test_a_file_of_too_many_values_without_aliases(make_course: CourseFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_VALUES", 100)
    form = VALID_FORM + "source: [" + ", ".join(["x"] * 100) + "]\n"
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:22: expected at most 100 values in one file, but there are more"
    ]


def test_aliases_used_with_measure_read_as_before(make_course: CourseFactory) -> None:
    form = (
        VALID_FORM.replace(
            "parts:\n",
            "bands: &bands\n  - {min: 1, max: 2.5, label: Low}\n  - {min: 2.5, max: 4, label: High}\nparts:\n",
        )
        .replace("        title: Focus\n", "        title: Focus\n        bands: *bands\n")
        .replace("id: finishes", "id: plans")
    )
    assert problems_of(make_course(forms={"check.yml": form})) == [
        "forms/check.yml:24: parts[statements].dimensions[focus].items[1].id: "
        "duplicate id 'plans' (already used on line 22, at parts[statements].dimensions[focus].items[0].id)"
    ]
