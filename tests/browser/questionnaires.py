"""The four questionnaires of the embedded course, answered completely, and axe-core to check pages.

``complete`` answers every question of a questionnaire from its definition (the form's
``data-lsk-definition``), so that every kind of result is on screen: every likert item, every text
field, some checklist options, and allocation columns that add up to their total.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page

from ..courses import REPO
from .helpers import wait_for_results

QUESTIONNAIRES = {
    "leder-egenvurdering": "verktoy/lederferdigheter/",
    "medarbeider-egenevaluering": "verktoy/aktivt-medarbeiderskap/",
    "selvledelse-refleksjon": "verktoy/selvledelse/",
    "lederens-fire-jobber": "verktoy/fire-jobber/",
}
"""Questionnaire id -> the page it is placed on."""

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}})).violations
    .map(v => `${v.id} (${v.impact}): ${v.help} -- ${v.nodes.length} element(s): `
        + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))"""


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the whole page as it is now.

    axe is evaluated through the DevTools protocol (``page.evaluate``), which the page's Content
    Security Policy does not govern: no inline script is added to the page and the policy stays on.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    # Colours are judged as they settle: a fading element (Material's header title
    # after a scroll) has, half-way, a contrast that no reader is left with.
    page.wait_for_function(
        """() => document.getAnimations().every(
            (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity
        )"""
    )
    found: list[str] = page.evaluate(RUN_AXE, AXE_TAGS)
    return found


def definition(page: Page, questionnaire: str) -> Any:
    text = page.get_attribute(f'form[data-lsk-questionnaire="{questionnaire}"]', "data-lsk-definition")
    assert text, f"no definition for {questionnaire}"
    return json.loads(text)


def likert_values(definition: Any) -> dict[str, int]:
    """A planned answer for every likert item: the scale's values in turn."""
    scale = definition.get("scale") or {}
    low, high = scale.get("min", 1), scale.get("max", 5)
    items = [
        item["id"]
        for part in definition["parts"]
        if part["type"] == "likert"
        for dimension in part["dimensions"]
        for item in dimension["items"]
    ]
    return {item: low + index % (high - low + 1) for index, item in enumerate(items)}


def allocation_values(definition: Any) -> dict[str, int]:
    """A planned value for every allocation cell (``<row>.<column>``): each column adds up to its total."""
    values: dict[str, int] = {}
    for part in definition["parts"]:
        if part["type"] != "allocation":
            continue
        rows = [row["id"] for row in part["rows"]]
        for number, column in enumerate(part["columns"]):
            weights = [(index + number) % len(rows) + 1 for index in range(len(rows))]
            total = int(part["total"])
            shares = [total * w // sum(weights) for w in weights]
            shares[0] += total - sum(shares)
            values.update({f"{row}.{column['id']}": share for row, share in zip(rows, shares, strict=True)})
    return values


def ticked_options(definition: Any) -> dict[str, list[str]]:
    """The checklist options to tick: the first two of each checklist."""
    parts = [part for part in definition["parts"] if part["type"] == "checklist"]
    return {part["id"]: [option["id"] for option in part["options"][:2]] for part in parts}


def has_results(definition: Any) -> bool:
    return any(part["type"] in ("likert", "allocation") for part in definition["parts"])


def complete(page: Page, questionnaire: str) -> Any:
    """Answer every question of the questionnaire on the page (with clicks and typing); wait for its results."""
    form = page.locator(f'form[data-lsk-questionnaire="{questionnaire}"]')
    found = definition(page, questionnaire)
    for item, value in likert_values(found).items():
        form.locator(f'input[type="radio"][name="{item}"][value="{value}"]').check()
    for name, value in allocation_values(found).items():
        form.locator(f'input[name="{name}"]').fill(str(value))
    for part, options in ticked_options(found).items():
        for option in options:
            form.locator(f'input[type="checkbox"][name="{part}"][value="{option}"]').check()
    for number, textarea in enumerate(form.locator("textarea").all()):
        textarea.fill(f"Notat {number + 1}")
    if has_results(found):
        answered = len(likert_values(found)) or None
        wait_for_results(page, questionnaire, answered=answered)
    return found
