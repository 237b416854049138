"""A scale's "not applicable" choice in the HTML: one more radio per statement, after the points, apart."""

from __future__ import annotations

from typing import Any

from lederskap_scorer.model import Questionnaire
from lederskap_scorer.schema import parse

from lederskap_build.messages import Messages
from lederskap_build.render import render_questionnaire

from .html_index import index_html


def questionnaire(not_applicable: str | None) -> Questionnaire:
    labels = [{"value": 1, "text": "Never"}, {"value": 4, "text": "Always"}]
    scale: dict[str, Any] = {"min": 1, "max": 4, "labels": labels}
    if not_applicable is not None:
        scale["not_applicable"] = not_applicable
    data = {
        "id": "check",
        "version": 1,
        "title": "Check",
        "scale": scale,
        "parts": [
            {
                "type": "likert",
                "id": "ratings",
                "title": "Ratings",
                "dimensions": [
                    {
                        "id": "focus",
                        "title": "Focus",
                        "items": [{"id": "plans", "text": "I plan my week"}, {"id": "ends", "text": "I finish"}],
                    }
                ],
            }
        ],
    }
    return parse(Questionnaire, data)


def test_each_statement_has_the_choice_after_its_points_named_like_them() -> None:
    rendered = render_questionnaire(questionnaire("Does not apply to me"), "course", Messages("en"))
    html = index_html(rendered)
    for item in ("plans", "ends"):
        radios = html.find("input", type="radio", name=item)
        assert [r.attrs["value"] for r in radios] == ["1", "2", "3", "4", "na"]
        choice = radios[-1]
        assert choice.attrs["id"] == f"lsk-check-{item}-na"
        assert choice.attrs["aria-labelledby"] == f"lsk-check-scale-na lsk-check-{item}-text"
        (label,) = html.find("label", **{"for": choice.attrs["id"]})
        assert label.attrs["aria-hidden"] == "true"
        # In the scale's box, after the points and their end labels, in a box of its own; the
        # scale still has four points (the layout's columns).
        fieldset = rendered[rendered.index(f'data-lsk-item="{item}"') :]
        fieldset = fieldset[: fieldset.index("</fieldset>")]
        assert '<div class="lsk-scale" data-lsk-points="4"' in fieldset
        assert fieldset.index('class="lsk-scale-ends"') < fieldset.index('<span class="lsk-choice lsk-choice--na">')
        scale = fieldset[: fieldset.index("<button")]  # the button comes after the scale
        assert scale.rstrip().endswith('aria-hidden="true">Does not apply to me</label></span></div>')
    # The radio's name: the choice's words, then the statement (as "2 of 4, ...: <statement>" for a point).
    assert len(html.find("span", id="lsk-check-scale-na")) == 1
    assert "Does not apply to me:" in html.text
    assert "You can also answer “Does not apply to me”. That answer does not count in the averages." in html.text


def test_a_scale_without_the_choice_has_no_such_radio() -> None:
    html = index_html(render_questionnaire(questionnaire(None), "course", Messages("nb")))
    assert [r.attrs["value"] for r in html.find("input", type="radio", name="plans")] == ["1", "2", "3", "4"]
    assert html.find("span", id="lsk-check-scale-na") == []
    assert "Du kan også svare" not in html.text
