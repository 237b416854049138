"""Each questionnaire can be completed with the keyboard alone, and shows its results.

The learner starts at the top of the page: Tab reaches Material's skip link, Enter skips to the
content, Tab goes on into the form. In the form, a radio group is answered with the arrow keys
(or Space on its first value), a checkbox with Space, a text or number field by typing; Tab moves
on, and Shift+Tab goes back to change an answer with the arrow keys. No mouse, no clicks: the test
only reads where the focus is. Every focused control shows a visible focus indicator and is never
hidden under Material's sticky header (WCAG 2.4.7, 2.4.11).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .helpers import SCORER_TIMEOUT_MS, checked_answers, form_is_mounted, stored_record, wait_for_results
from .questionnaires import QUESTIONNAIRES, allocation_values, definition, has_results, likert_values, ticked_options

pytestmark = pytest.mark.browser

FOCUS = """() => {
    const a = document.activeElement;
    if (!a || a === document.body) return {tag: 'body', inForm: false};
    const form = a.closest('form.lsk-questionnaire');
    // A radio lies invisibly over its label: the label shows the focus.
    const shown = a.matches('input[type=radio]') && a.labels.length ? a.labels[0] : a;
    const style = getComputedStyle(shown);
    const rect = shown.getBoundingClientRect();
    const header = document.querySelector('.md-header');
    const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
    return {
        tag: a.tagName.toLowerCase(), type: a.type || null, name: a.name || null, value: a.value,
        checked: Boolean(a.checked), text: (a.textContent || '').trim().slice(0, 40),
        inForm: Boolean(form), skipLink: a.matches('.md-skip'),
        outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth)}`,
        visibleOutline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        hidden: rect.bottom <= headerBottom + 1 || rect.top >= innerHeight - 1,
    };
}"""


def focus(page: Page) -> Any:
    return page.evaluate(FOCUS)


def press(page: Page, key: str, times: int = 1) -> Any:
    for _ in range(times):
        page.keyboard.press(key)
    return focus(page)


def settle(page: Page) -> None:
    """Wait until the results shown are those of the answers on screen: drawing them moves what
    follows, and the next Tab must reach a control where it will stay (on a busy machine the
    results of an answer can arrive after the focus has moved on)."""
    page.wait_for_function(
        "() => !document.querySelector('form.lsk-questionnaire[data-lsk-pending]')", timeout=SCORER_TIMEOUT_MS
    )


def check_focus_is_seen(state: Any) -> None:
    where = f"{state['tag']} {state['type']} {state['name'] or state['text']}"
    assert state["visibleOutline"], f"no visible focus on {where} (outline {state['outline']})"
    assert not state["hidden"], f"the focused {where} is hidden (under the header or off screen)"


def complete_with_keyboard(page: Page, questionnaire: str) -> dict[str, Any]:
    """Answer every question with the keyboard alone; return what was planned."""
    found = definition(page, questionnaire)
    likert = likert_values(found)
    cells = allocation_values(found)
    ticks = {(part, option) for part, options in ticked_options(found).items() for option in options}
    state = press(page, "Tab")
    assert state["skipLink"], f"the first Tab should reach the skip link, not {state}"
    page.keyboard.press("Enter")
    for _ in range(200):
        state = press(page, "Tab")
        if state["inForm"]:
            break
    else:
        pytest.fail("Tab never reached the questionnaire")
    answered: set[str] = set()
    typed = 0
    for _ in range(400):
        if not state["inForm"]:
            break
        check_focus_is_seen(state)
        if state["type"] == "radio" and state["name"] in likert and state["name"] not in answered:
            steps = likert[state["name"]] - int(state["value"])
            assert steps >= 0 and not state["checked"], "Tab into an unanswered group lands on its first value"
            state = press(page, "ArrowRight", steps) if steps else press(page, "Space")
            assert state["checked"] and int(state["value"]) == likert[state["name"]]
            check_focus_is_seen(state)
            answered.add(state["name"])
            settle(page)
        elif state["type"] == "checkbox" and state["value"] and (state["name"], state["value"]) in ticks:
            state = press(page, "Space")
            assert state["checked"]
            settle(page)
        elif state["type"] == "text" and state["name"] in cells:
            page.keyboard.type(str(cells[state["name"]]))
            settle(page)
        elif state["tag"] == "textarea":
            typed += 1
            page.keyboard.type(f"Skrevet {typed}")
        state = press(page, "Tab")
    else:
        pytest.fail("Tab never left the questionnaire")
    assert answered == set(likert)
    return {"likert": likert, "cells": cells, "ticks": ticks, "typed": typed, "definition": found}


def go_back_and_change_an_answer(page: Page, planned: dict[str, Any]) -> None:
    """Shift+Tab back into the form to the last answer given and change it by keyboard: a radio group
    with an arrow key, a checkbox with Space, an allocation's number by typing another over it."""
    for _ in range(200):
        state = press(page, "Shift+Tab")
        if state["inForm"]:
            check_focus_is_seen(state)
        kind, name = state.get("type"), state.get("name")
        if kind == "radio" and name in planned["likert"]:
            state = press(page, "ArrowLeft" if int(state["value"]) > 1 else "ArrowRight")
            assert state["checked"] and state["name"] == name
            planned["likert"][name] = int(state["value"])
            return
        if kind == "checkbox":
            state = press(page, "Space")
            planned["ticks"] ^= {(name, state["value"])}
            return
        if kind == "text" and name in planned["cells"]:
            planned["cells"][name] += 1
            page.keyboard.press("ControlOrMeta+A")
            page.keyboard.type(str(planned["cells"][name]))
            assert focus(page)["value"] == str(planned["cells"][name])
            return
    pytest.fail("Shift+Tab never came back to an answer")


@pytest.mark.parametrize("questionnaire", list(QUESTIONNAIRES))
def test_a_questionnaire_can_be_completed_with_the_keyboard_alone(
    page: Page, site_url: str, questionnaire: str
) -> None:
    page.goto(site_url + QUESTIONNAIRES[questionnaire])
    form_is_mounted(page, questionnaire)
    planned = complete_with_keyboard(page, questionnaire)
    go_back_and_change_an_answer(page, planned)

    answers = stored_record(page, questionnaire)["answers"]
    likert: dict[str, int] = planned["likert"]
    assert checked_answers(page, list(likert)) == likert
    assert {item: answers[item] for item in likert} == likert
    for name, value in planned["cells"].items():
        row, column = name.split(".")
        assert answers[row][column] == value
    ticked = {(part, option) for part, options in answers.items() if isinstance(options, list) for option in options}
    assert ticked == planned["ticks"]
    typed = [value for value in answers.values() if isinstance(value, str) and value.startswith("Skrevet ")]
    assert len(typed) == planned["typed"]
    assert planned["typed"] > 0
    if has_results(planned["definition"]):
        wait_for_results(page, questionnaire, answered=len(likert) or None)
        form = f'form[data-lsk-questionnaire="{questionnaire}"]'
        drawn = page.locator(f'{form} [data-lsk-results][data-lsk-state="shown"]')
        assert drawn.first.is_visible()
