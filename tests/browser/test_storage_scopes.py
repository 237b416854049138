"""One site's data never reaches another's: the storage scope of a site and course, on one origin.

All GitHub Pages sites of one user share an origin, and so localStorage. The test server
serves the course twice: at ``/kurs/`` (course ``lederskap-medarbeiderskap``) and at
``/kurs/lederskap-medarbeiderskap/``, a second site whose path continues the first's path
with its course id. In the first key format (``lederskap/v1<site path><course id>/``) every
key of the second site began with the first site's course prefix, so "delete all" on the
first removed the second's answers.

``fixtures/storage-v1-two-sites.json`` is localStorage exactly as the first format's code
(commit fb6d8c2) left it after a learner answered on both sites, saved two snapshots,
exported and let the results be cached: the keys moved by today's code must keep every text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lederskap_scorer import storage_keys
from playwright.sync_api import Page

from .data_helpers import MY_RESULTS_PAGE, all_storage, confirm_dialog, export_all, feedback, open_my_results, seed
from .helpers import (
    COURSE,
    LEADER_FORM,
    LEADER_PAGE,
    NESTED_SUB_PATH,
    SUB_PATH,
    answer,
    checked_answers,
    open_form,
    storage_key,
)

pytestmark = pytest.mark.browser

V1_KEYS = json.loads((Path(__file__).parent / "fixtures" / "storage-v1-two-sites.json").read_text(encoding="utf-8"))
OLD_OUTER = f"lederskap/v1{SUB_PATH}{COURSE}/"
OLD_NESTED = f"lederskap/v1{NESTED_SUB_PATH}{COURSE}/"
# Kept beside a record by the first format's code when something went wrong; added to the saved keys.
ASIDE = {
    f"{OLD_OUTER}{LEADER_FORM}/unreadable/2026-01-01T10:00:00.000Z": "{not json",
    f"{OLD_OUTER}{LEADER_FORM}/version/0": '{"schema":1,"answers":{"selvinnsikt":1}}',
}


# Keys of the second site that begin with the first site's old scope and look most like its own:
# a record of a questionnaire named "results" (here unreadable) and the results cache of a
# questionnaire named "unreadable", both of a course "c" of the second site.
LOOK_ALIKES = {
    f"{OLD_OUTER}c/results": "{not json",
    f"{OLD_OUTER}c/unreadable/results": '{"build":"abc","language":"nb","answers":"{}","results":"{}"}',
}


def nested_url(site_url: str) -> str:
    return site_url.removesuffix(SUB_PATH) + NESTED_SUB_PATH


def test_keys_of_the_first_format_move_into_their_own_scope_and_nothing_else_moves(page: Page, site_url: str) -> None:
    # Python is held back (its WebAssembly never comes): once it scored the moved answers, this build's
    # results would rightly replace the moved results cache of another build before it was read here.
    page.route("**/pyodide/pyodide.asm.wasm*", lambda route: None)
    seed(page, site_url, {**V1_KEYS, **ASIDE, **LOOK_ALIKES, "unrelated": "kept"})
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)

    stored = all_storage(page)
    outer_scope = storage_keys.course_scope(SUB_PATH, COURSE)
    for old, text in {**V1_KEYS, **ASIDE, **LOOK_ALIKES}.items():
        if old.startswith(OLD_NESTED) or old in LOOK_ALIKES:
            assert stored[old] == text, f"the nested site's {old} was touched"
        else:
            assert old not in stored
            assert stored[outer_scope + old.removeprefix(OLD_OUTER)] == text
    assert stored["unrelated"] == "kept"
    assert checked_answers(page, ["selvinnsikt", "praktiserer-selvledelse", "handlingsrom"]) == {
        "selvinnsikt": 2,
        "praktiserer-selvledelse": 3,
        "handlingsrom": 4,
    }
    assert "Jeg lytter" in page.locator("textarea").first.input_value()

    # The second site moves its own keys, and only those, when it is visited.
    open_form(page, nested_url(site_url) + LEADER_PAGE, LEADER_FORM)
    stored = all_storage(page)
    nested_scope = storage_keys.course_scope(NESTED_SUB_PATH, COURSE)
    assert not [key for key in stored if key.startswith("lederskap/v1") and key not in LOOK_ALIKES]
    for old, text in V1_KEYS.items():
        if old.startswith(OLD_NESTED):
            assert stored[nested_scope + old.removeprefix(OLD_NESTED)] == text
    assert checked_answers(page, ["selvinnsikt"]) == {"selvinnsikt": 5}


def test_a_first_format_text_whose_new_key_exists_already_is_set_aside_not_lost(page: Page, site_url: str) -> None:
    # A page of the old version, open in another tab, saved after this site's keys were moved.
    new, old = storage_key(LEADER_FORM), f"{OLD_OUTER}{LEADER_FORM}"
    current = '{"schema":2,"answers":{"selvinnsikt":4},"snapshots":[]}'
    stale_tab = '{"schema":2,"answers":{"selvinnsikt":1},"snapshots":[]}'
    seed(page, site_url, {new: current, old: stale_tab})
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    stored = all_storage(page)
    assert old not in stored
    assert stored[new] == current
    assert [text for key, text in stored.items() if key.startswith(f"{new}/unreadable/")] == [stale_tab]


def test_deleting_the_course_on_one_site_leaves_the_nested_site_untouched(page: Page, site_url: str) -> None:
    open_form(page, nested_url(site_url) + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 5})
    nested = {k: v for k, v in all_storage(page).items() if k.startswith("lederskap/")}
    assert storage_keys.storage_key(NESTED_SUB_PATH, COURSE, LEADER_FORM) in nested
    # Keys of the first format of the nested site too, not yet moved (never visited since).
    old_nested = {k: v for k, v in V1_KEYS.items() if k.startswith(OLD_NESTED)}
    seed(page, site_url, old_nested)

    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 2})
    assert storage_key(LEADER_FORM) in all_storage(page)
    open_my_results(page, site_url)
    exported = export_all(page)
    assert [q["answers"] for q in exported["questionnaires"] if q["id"] == LEADER_FORM] == [{"selvinnsikt": 2}]
    page.locator('[data-lsk-action="delete-course"]').click()
    confirm_dialog(page)
    assert "Alle svarene og målingene i kurset er slettet" in feedback(
        page, "[data-lsk-course-tools]", containing="Alle svarene og målingene i kurset er slettet"
    )

    left = {k: v for k, v in all_storage(page).items() if k.startswith("lederskap/")}
    assert left == {**nested, **old_nested}
    open_form(page, nested_url(site_url) + LEADER_PAGE, LEADER_FORM)
    assert checked_answers(page, ["selvinnsikt"]) == {"selvinnsikt": 5}
    page.goto(site_url + MY_RESULTS_PAGE)  # back on the first site: nothing of the course left
    assert not [k for k in all_storage(page) if k.startswith(storage_keys.course_scope(SUB_PATH, COURSE))]
