""" "Mine resultater" is where a learner rescues their data: it works whatever localStorage holds.

Each stored shape below once stopped the page (a ``TypeError`` left it without export, import
and delete) or could: records changed by hand, by another program or by a bug. The page shows
what it can, says what it cannot, and its export carries everything exactly as stored.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page

from .conftest import Traffic
from .data_helpers import COURSE_PREFIX, download_text, export_all, open_my_results, seed
from .helpers import COURSE, LEADER_FORM, storage_key

pytestmark = pytest.mark.browser


def record(**fields: Any) -> str:
    base = {"schema": 2, "course": COURSE, "questionnaire": LEADER_FORM, "version": 1,
            "updated": "2026-01-01T10:00:00.000Z", "answers": {"selvinnsikt": 3}, "snapshots": []}  # fmt: skip
    return json.dumps({**base, **fields})


SCORES = [{"part": "egenvurdering", "title": "Egenvurdering", "min": 1, "max": 5,
           "dimensions": [{"id": "relasjonelle-ferdigheter", "title": "Relasjonelle", "mean": 2.0,
                           "mean_display": "2,0"}]}]  # fmt: skip
CORRUPT = {
    "snapshot-null": (record(snapshots=[None]), "1 lagret måling kan ikke vises her"),
    "snapshots-not-a-list": (record(snapshots="x"), None),
    "snapshot-of-wrong-types": (
        record(snapshots=[{"id": "m-1", "name": 5, "created": 7, "scores": "x"}, 3]),
        "1 lagret måling kan ikke vises her",
    ),
    "snapshot-scores-malformed": (
        record(
            snapshots=[
                {
                    "id": "m-1",
                    "name": "Start",
                    "created": "2026-01-01T10:00:00.000Z",
                    "scores": [{"part": "egenvurdering", "dimensions": None}],
                }
            ]
        ),
        "Disse målingene kan ikke sammenlignes",
    ),
    "answers-of-wrong-types": (
        record(answers={"selvinnsikt": {"a": [1]}, "styrke-1": 5, "handlingsrom": 9}, updated={}),
        None,
    ),
    "scores-of-an-old-snapshot": (
        record(snapshots=[{"id": "m-1", "name": "Start", "created": "2026-01-01T10:00:00.000Z", "scores": SCORES}]),
        None,
    ),
}


@pytest.mark.parametrize("stored, says", list(CORRUPT.values()), ids=list(CORRUPT))
def test_the_results_page_keeps_its_rescue_tools_whatever_is_stored(
    page: Page, site_url: str, traffic: Traffic, stored: str, says: str | None
) -> None:
    seed(page, site_url, {storage_key(LEADER_FORM): stored, f"{COURSE_PREFIX}_course": '{"exported": [1]}'})
    open_my_results(page, site_url)
    tools = page.locator("[data-lsk-course-tools]")
    for action in ("export-all", "export-csv", "delete-course"):
        assert tools.locator(f'[data-lsk-action="{action}"]').is_visible()
    assert tools.locator("[data-lsk-import-file]").count() == 1
    section = page.locator(f'section[data-lsk-questionnaire="{LEADER_FORM}"]')
    assert section.locator('[data-lsk-action="delete-questionnaire"]').count() == 1
    if says:
        assert says in " ".join(section.inner_text().split())

    (entry,) = [q for q in export_all(page)["questionnaires"] if q["id"] == LEADER_FORM]
    kept = json.loads(stored)
    assert entry["answers"] == kept["answers"]
    assert entry["snapshots"] == (kept["snapshots"] if isinstance(kept["snapshots"], list) else [])
    assert traffic.page_errors == []


def test_a_stored_answer_nested_too_deeply_is_scored_as_unusable_never_left_pending(
    page: Page, site_url: str, traffic: Traffic
) -> None:
    deep = "[" * 3000 + "]" * 3000  # once a fatal error of Pyodide: the page waited for ever
    stored = record(answers={"selvinnsikt": 3, "gammelt": "DEEP"}).replace('"DEEP"', deep)
    seed(page, site_url, {storage_key(LEADER_FORM): stored})
    open_my_results(page, site_url)  # waits until every questionnaire is scored
    assert page.locator('[data-lsk-action="export-all"]').is_visible()
    _, text = download_text(page, '[data-lsk-action="export-all"]')
    assert deep in text.replace(" ", "").replace("\n", "")
    assert traffic.page_errors == []
