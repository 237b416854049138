"""The four jobs: provisional column sums before Python is ready, the scorer's sums and scaling, the results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route

from .conftest import Traffic
from .helpers import JOBS_FORM, JOBS_PAGE, normalised, open_form, stored_record, wait_for_results

pytestmark = pytest.mark.browser

NOW = {"fa-jobben-gjort": 50, "forbedre-maaten": 20, "utvikle-medarbeidere": 20}  # 90 in all
WANTED = {"fa-jobben-gjort": 30, "forbedre-maaten": 30, "utvikle-medarbeidere": 30, "utvikle-eget-lederskap": 10}


def total_line(page: Page, column: str) -> str:
    line = page.locator(f'[data-lsk-totals="tidsbruk"] .lsk-total[data-lsk-column="{column}"] .lsk-total-text')
    return normalised(line.inner_text())


def test_sums_show_at_once_and_a_column_scales_to_100(page: Page, site_url: str, traffic: Traffic) -> None:
    held: list[Route] = []
    # Hold the Python runtime back, to see what the learner has before Python is ready.
    page.route("**/pyodide.asm.wasm*", lambda route: held.append(route))
    open_form(page, site_url + JOBS_PAGE, JOBS_FORM)
    for row, value in NOW.items():
        page.locator(f'input[name="{row}.naa"]').fill(str(value))
    for row, value in WANTED.items():
        page.locator(f'input[name="{row}.onsket"]').fill(str(value))

    assert page.evaluate("window.__lederskap.scorerState") == "starting"
    assert "Laster beregning" in page.locator(".lsk-status").inner_text()
    # Before Python: the sums as typed, marked provisional, and nothing offered to write into the fields.
    provisional = "(Foreløpig: beregningen bekrefter summen straks.)"
    assert total_line(page, "naa") == f"Sum «Slik bruker du tiden nå»: 90 % av 100 %. Mangler 10 %. {provisional}"
    assert total_line(page, "onsket") == f"Sum «Slik ønsker du å bruke tiden»: 100 % av 100 %. Går opp. {provisional}"
    assert page.locator('[data-lsk-totals="tidsbruk"] button[data-lsk-scale]').count() == 2
    assert page.locator('[data-lsk-totals="tidsbruk"] button[data-lsk-scale]:visible').count() == 0

    # Let Python start: its sums replace the provisional ones, and an off column is offered its scaling.
    assert len(held) == 1
    held[0].continue_()
    wait_for_results(page, JOBS_FORM)
    assert total_line(page, "naa") == "Sum «Slik bruker du tiden nå»: 90 % av 100 %. Mangler 10 %."
    assert page.locator('[data-lsk-totals="tidsbruk"] button[data-lsk-scale="onsket"]').is_hidden()
    # 50, 20, 20 and an empty cell scaled to 100: 55.6, 22.2, 22.2, 0 -> 56, 22, 22, 0 (largest remainder).
    page.get_by_role("button", name="Skaler «Slik bruker du tiden nå» til 100 %").click()
    values = [page.locator(f'input[name="{row}.naa"]').input_value() for row in [*NOW, "utvikle-eget-lederskap"]]
    assert values == ["56", "22", "22", "0"]
    wait_for_results(page, JOBS_FORM)
    assert total_line(page, "naa") == "Sum «Slik bruker du tiden nå»: 100 % av 100 %. Går opp."
    answers = stored_record(page, JOBS_FORM)["answers"]
    assert answers["fa-jobben-gjort"] == {"naa": 56, "onsket": 30}
    assert answers["utvikle-eget-lederskap"] == {"naa": 0, "onsket": 10}

    results = page.locator('[data-lsk-results="tidsbruk"]')
    changes = {
        row.get_attribute("data-lsk-row"): normalised(row.locator("[data-lsk-change]").inner_text())
        for row in results.locator("tbody tr[data-lsk-row]").all()
    }
    assert changes == {
        "fa-jobben-gjort": "-26 %",
        "forbedre-maaten": "+8 %",
        "utvikle-medarbeidere": "+8 %",
        "utvikle-eget-lederskap": "+10 %",
    }
    assert results.locator('svg.lsk-chart[role="img"]').count() == 1
    assert results.locator('li[data-lsk-matches="true"]').count() == 2

    # A column that is off again is offered the scorer's proposal after the results come back.
    page.locator('input[name="forbedre-maaten.onsket"]').fill("60")
    assert total_line(page, "onsket").startswith("Sum «Slik ønsker du å bruke tiden»: 130 % av 100 %. 30 % for mye.")
    assert page.locator('[data-lsk-totals="tidsbruk"] button[data-lsk-scale="onsket"]').is_hidden()  # not yet scored
    wait_for_results(page, JOBS_FORM)
    off = results.locator('li[data-lsk-column="onsket"]')
    assert normalised(off.inner_text()) == "«Slik ønsker du å bruke tiden» blir 130 %, ikke 100 % (+30 %)."
    page.get_by_role("button", name="Skaler «Slik ønsker du å bruke tiden» til 100 %").click()
    # 30, 60, 30, 10 of 130 -> 23.08, 46.15, 23.08, 7.69 -> 23, 46, 23, 8
    wanted = [page.locator(f'input[name="{row}.onsket"]').input_value() for row in WANTED]
    assert wanted == ["23", "46", "23", "8"]
    assert traffic.page_errors == []
