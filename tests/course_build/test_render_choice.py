"""A choice part's HTML: a fieldset per question, its radios named by the question and valued by the options."""

from __future__ import annotations

from typing import Any

from lederskap_scorer.model import Questionnaire
from lederskap_scorer.schema import parse

from lederskap_build.messages import Messages
from lederskap_build.render import render_questionnaire

from .html_index import index_html


def questionnaire(*, scored: bool = True, hint: str = "") -> Questionnaire:
    def option(option_id: str, text: str, score: int) -> dict[str, Any]:
        return {"id": option_id, "text": text, **({"score": score} if scored else {})}

    data = {
        "id": "habits",
        "version": 1,
        "title": "Habits",
        "parts": [
            {
                "type": "choice",
                "id": "planning",
                "title": "Planning",
                "intro": "Choose one answer per question.",
                "questions": [
                    {
                        "id": "plan-when",
                        "text": "When do you plan?",
                        "hint": hint,
                        "options": [option("evening", "The evening before", 2), option("never", "Never", 0)],
                    },
                    {
                        "id": "share",
                        "text": "Do you share it?",
                        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
                    },
                ],
            }
        ],
    }
    return parse(Questionnaire, data)


def test_each_question_is_a_fieldset_with_a_legend_and_one_radio_per_option() -> None:
    html = index_html(render_questionnaire(questionnaire(), "course", Messages("en")))
    (section,) = html.find("section", data_lsk_part="planning")
    assert (section.attrs["data-lsk-part-type"], section.attrs["class"]) == ("choice", "lsk-part lsk-part--choice")
    fieldsets = html.find("fieldset", **{"class": "lsk-choice-question"})
    assert [f.attrs["data-lsk-question"] for f in fieldsets] == ["plan-when", "share"]
    assert [e.attrs["id"] for e in html.find("legend", **{"class": "lsk-question-text"})] == [
        "lsk-habits-plan-when-text",
        "lsk-habits-share-text",
    ]
    radios = html.find("input", type="radio", name="plan-when")
    assert [(r.attrs["value"], r.attrs["id"]) for r in radios] == [
        ("evening", "lsk-habits-plan-when-option-evening"),
        ("never", "lsk-habits-plan-when-option-never"),
    ]
    for radio in radios:
        assert len(html.find("label", **{"for": radio.attrs["id"]})) == 1
        assert "aria-describedby" not in radio.attrs
    assert [r.attrs["value"] for r in html.find("input", type="radio", name="share")] == ["a", "b"]
    assert "The evening before" in html.text and "Choose one answer per question." in html.text


def test_a_hint_describes_every_radio_of_its_question() -> None:
    html = index_html(render_questionnaire(questionnaire(hint="Think of a usual week."), "course", Messages("en")))
    (hint,) = html.find("p", **{"class": "lsk-hint"}, id="lsk-habits-plan-when-hint")
    assert all(r.attrs["aria-describedby"] == hint.attrs["id"] for r in html.find("input", name="plan-when"))
    assert "Think of a usual week." in html.text


def test_a_scored_part_has_a_results_container_after_it_and_an_unscored_one_has_none() -> None:
    scored = index_html(render_questionnaire(questionnaire(scored=True), "course", Messages("en")))
    (results,) = scored.find("section", **{"class": "lsk-results"}, data_lsk_results="planning")
    assert results.attrs["aria-labelledby"] == "lsk-habits-planning-results-title"
    assert scored.find("div", data_lsk_results_body="*")
    unscored = index_html(render_questionnaire(questionnaire(scored=False), "course", Messages("en")))
    assert unscored.find("section", **{"class": "lsk-results"}) == []
