"""The questionnaires in AUTHORING.md are valid: an author who copies one gets no build error."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from lederskap_scorer.model import Questionnaire, check_questionnaire
from lederskap_scorer.parts import ChoicePart
from lederskap_scorer.schema import parse

GUIDE = (Path(__file__).resolve().parents[2] / "AUTHORING.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    section = GUIDE.split(f"\n{heading}\n", 1)[1]
    return section[: section.find("\n## ")]


def _yaml_blocks(section: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def test_the_complete_example_is_a_valid_questionnaire() -> None:
    (example,) = _yaml_blocks(_section("## A complete example"))
    q = parse(Questionnaire, yaml.safe_load(example))
    assert check_questionnaire(q) == []
    assert [part.type for part in q.parts] == ["likert", "checklist", "choice", "allocation", "text"]


def test_the_choice_example_is_a_valid_part() -> None:
    (example,) = _yaml_blocks(_section("### `choice` part"))
    part_data = yaml.safe_load(example)[0]
    q = parse(Questionnaire, {"id": "q", "version": 1, "title": "Q", "parts": [part_data]})
    assert check_questionnaire(q) == []
    (part,) = q.parts
    assert isinstance(part, ChoicePart)
    assert [option.id for option in part.questions[1].options] == ["yes", "no"]
