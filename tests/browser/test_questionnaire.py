"""The leader self-assessment in the browser: answers, results, reload, instant navigation, small screens."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route

from .conftest import Traffic
from .helpers import (
    JOBS_FORM,
    LEADER_FORM,
    LEADER_PAGE,
    answer,
    checked_answers,
    dimension_rows,
    form_is_mounted,
    normalised,
    open_form,
    storage_key,
    stored_record,
    wait_for_results,
)

pytestmark = pytest.mark.browser

# Answers chosen so that the means need rounding (11/3 -> "3,7"), one band is not
# the top one, one item stays unanswered, and two dimensions tie right after the
# highest (relasjonelle-ferdigheter and utviklingsstotte, both 11/3).
ANSWERS = {
    # relasjonelle-ferdigheter: 4 + 3 + 4 = 11 over 3 items = 3.67 -> "3,7"
    "selvinnsikt": 4,
    "praktiserer-selvledelse": 3,
    "opptatt-av-andre": 4,
    # maktdeling: 4 + 4 + 4 = 12 over 3 = 4.0 -> "4,0"
    "oppgaveansvar-og-myndighet": 4,
    "handlingsrom": 4,
    "klargjor-oppdraget": 4,
    # motivasjonsstotte: 2 + 3 + 3 + 2 = 10 over 4 = 2.5 -> "2,5" (band "Godt på vei")
    "oppmuntrer-til-initiativ": 2,
    "motiverende-mal": 3,
    "lytter-aktivt": 3,
    "inspirerer-til-muligheter": 2,
    # utviklingsstotte: 4 + 4 + 3 = 11 over 3 of its 4 items = 3.67 -> "3,7"; rollemodell unanswered
    "mestringsopplevelser": 4,
    "hverdagslaering": 4,
    "coachende-kommunikasjon": 3,
}

EXPECTED = {
    "relasjonelle-ferdigheter": {"mean": "3,7", "answered": "3/3", "band": "En styrke"},
    "maktdeling": {"mean": "4,0", "answered": "3/3", "band": "En styrke"},
    "motivasjonsstotte": {"mean": "2,5", "answered": "4/4", "band": "Godt på vei"},
    "utviklingsstotte": {"mean": "3,7", "answered": "3/4", "band": "En styrke"},
}

XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"
URL_ITEM = "utviklingsomrade-1"


def fill_in(page: Page) -> None:
    answer(page, ANSWERS)
    # Answer the last item, see it counted, then take the answer back with its clear button.
    answer(page, {"rollemodell": 1})
    wait_for_results(page, LEADER_FORM, answered=14)
    assert dimension_rows(page, "egenvurdering")["utviklingsstotte"]["mean"] == "3,0"  # 12 / 4
    clear = page.locator('button[data-lsk-clear="rollemodell"]')
    clear.focus()
    page.keyboard.press("Enter")
    assert page.locator('input[name="rollemodell"]:checked').count() == 0
    assert clear.is_hidden()
    page.locator(f'textarea[name="{URL_ITEM}"]').fill(XSS)


def check_results(page: Page) -> None:
    wait_for_results(page, LEADER_FORM, answered=13)
    assert dimension_rows(page, "egenvurdering") == EXPECTED
    results = page.locator('[data-lsk-results="egenvurdering"]')
    assert normalised(results.locator(".lsk-results-summary").inner_text()) == "13 av 14 utsagn besvart."
    # One overall average, (11/3 + 4 + 5/2 + 11/3) / 4 = 3.46, and what it is.
    text = normalised(results.inner_text())
    assert "Samlet gjennomsnitt for områdene: 3,5. Hvert område teller likt; 4 av 4 områder har nok svar." in text
    assert "alle besvarte utsagn" not in text
    # Band text per dimension; the chart is a picture with a name, with a dashed line where each band
    # starts (two per area), said in words under it; the means are in the list only, not in a table too.
    motivation = results.locator('li.lsk-dimension-result[data-lsk-dimension="motivasjonsstotte"]')
    assert "Godt på vei Du har et godt grunnlag her" in normalised(motivation.inner_text())
    assert results.locator('svg.lsk-chart[role="img"]').count() == 1
    assert "gjennomsnitt per område" in (results.locator("svg.lsk-chart title").text_content() or "").lower()
    assert results.locator("svg.lsk-chart line.lsk-chart-band-line").count() == 8
    assert normalised(results.locator("figcaption.lsk-chart-key").inner_text()) == (
        "De stiplede linjene viser hvor vurderingen skifter: "
        "fra 1 «Et utviklingsområde», fra 2,5 «Godt på vei» og fra 3,5 «En styrke»."
    )
    assert results.locator("table").count() == 0
    # Suggestions: only motivasjonsstotte is below the top band, so it is the one development area, with
    # its two lowest answers; maktdeling is the highest, and the tie right after it is not split.
    areas = results.locator('[data-lsk-suggestions="development_areas"] li[data-lsk-dimension]')
    strengths = results.locator('[data-lsk-suggestions="strengths"] li[data-lsk-dimension]')
    assert [e.get_attribute("data-lsk-dimension") for e in areas.all()] == ["motivasjonsstotte"]
    assert [e.get_attribute("data-lsk-dimension") for e in strengths.all()] == ["maktdeling"]
    statements = areas.locator("li[data-lsk-item]")
    assert [normalised(e.inner_text()) for e in statements.all()] == [
        "Jeg oppmuntrer mine medarbeidere til å ta initiativ Du svarte 2 (I liten grad).",
        "Jeg inspirerer mine medarbeidere til å se muligheter Du svarte 2 (I liten grad).",
    ]
    assert "Svarene som trekker snittet ned:" in normalised(areas.inner_text())
    assert results.locator('[data-lsk-suggestions="strengths"] li[data-lsk-item]').count() == 0


def test_answers_give_the_expected_means(page: Page, site_url: str, traffic: Traffic) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    fill_in(page)
    check_results(page)
    record = stored_record(page, LEADER_FORM)
    assert record["schema"] == 2
    assert record["snapshots"] == []
    assert (record["course"], record["questionnaire"], record["version"]) == (
        "lederskap-medarbeiderskap",
        LEADER_FORM,
        1,
    )
    assert record["answers"] == {**ANSWERS, URL_ITEM: XSS}
    assert record["updated"].endswith("Z")
    assert not traffic.page_errors


def test_reload_restores_answers_and_results_and_keeps_text_as_text(
    page: Page, site_url: str, traffic: Traffic
) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    fill_in(page)
    # A value under an id this version of the form does not know must survive every save.
    page.evaluate(
        """key => {
            const record = JSON.parse(localStorage.getItem(key));
            record.answers["et-fremtidig-sporsmal"] = 5;
            localStorage.setItem(key, JSON.stringify(record));
        }""",
        storage_key(LEADER_FORM),
    )
    page.reload()
    form_is_mounted(page, LEADER_FORM)

    assert checked_answers(page, [*ANSWERS, "rollemodell"]) == {**ANSWERS, "rollemodell": None}
    assert page.locator(f'textarea[name="{URL_ITEM}"]').input_value() == XSS
    check_results(page)
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes('alert(1)')).length") == 0
    assert not traffic.dialogs

    answer(page, {"rollemodell": 5})
    record = stored_record(page, LEADER_FORM)
    assert record["answers"]["et-fremtidig-sporsmal"] == 5
    assert record["answers"]["rollemodell"] == 5
    assert not traffic.dialogs
    assert not traffic.page_errors


def test_instant_navigation_mounts_again_without_a_second_worker(page: Page, site_url: str, traffic: Traffic) -> None:
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4, "praktiserer-selvledelse": 3, "opptatt-av-andre": 4})
    wait_for_results(page, LEADER_FORM, answered=3)
    page.evaluate("window.__sameDocument = true")

    def follow(path: str) -> None:
        page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{path}"]').first.click()
        page.wait_for_url(f"**/{path}")

    follow("verktoy/fire-jobber/")
    form_is_mounted(page, JOBS_FORM)
    follow("verktoy/lederferdigheter/")
    form_is_mounted(page, LEADER_FORM)

    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded: instant navigation is off"
    assert checked_answers(page, ["selvinnsikt", "praktiserer-selvledelse", "opptatt-av-andre"]) == {
        "selvinnsikt": 4,
        "praktiserer-selvledelse": 3,
        "opptatt-av-andre": 4,
    }
    wait_for_results(page, LEADER_FORM, answered=3)
    assert dimension_rows(page, "egenvurdering")["relasjonelle-ferdigheter"]["mean"] == "3,7"
    answer(page, {"handlingsrom": 2})
    assert stored_record(page, LEADER_FORM)["answers"]["handlingsrom"] == 2
    assert page.evaluate("window.__lederskap.workerStarts") == 1
    assert traffic.count("/pyodide.asm.wasm.gz") == 1
    assert traffic.count("/pyodide.asm.wasm") == 0, "the compressed WebAssembly is fetched in its place"
    # One status region per form on the page, never a second set of controls.
    assert page.locator(".lsk-status-row").count() == 1
    assert page.locator('button[data-lsk-clear="selvinnsikt"]').count() == 1
    assert traffic.page_errors == []


def test_instant_navigation_runs_no_course_json_as_script(page: Page, site_url: str, traffic: Traffic) -> None:
    page.goto(site_url + "verktoy/")
    page.evaluate("window.__sameDocument = true")
    page.locator('nav.md-nav--primary a.md-nav__link[href$="/verktoy/fire-jobber/"]').first.click()
    form_is_mounted(page, JOBS_FORM)
    assert page.evaluate("window.__sameDocument") is True
    assert traffic.page_errors == []


def test_every_statement_and_its_scale_fit_a_360_pixel_screen(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    sizes = page.evaluate(
        """() => ({
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            overflowing: [...document.querySelectorAll('.lsk-item, .lsk-scale, .lsk-choice label, .lsk-clear')]
                .filter(e => e.getClientRects().length)
                .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; })
                .length,
            smallTargets: [...document.querySelectorAll('.lsk-choice label')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
                .length,
            choices: document.querySelectorAll('.lsk-choice label').length,
        })"""
    )
    assert sizes["scrollWidth"] <= sizes["clientWidth"]
    assert sizes["choices"] == 14 * 5
    assert sizes["overflowing"] == 0
    assert sizes["smallTargets"] == 0


def test_answers_given_before_the_script_runs_are_kept_and_saved(page: Page, site_url: str) -> None:
    # The form can be answered as soon as it is drawn; the script that saves comes later (on a
    # slow phone, seconds later). What the learner gave meanwhile must not be overwritten by the
    # stored record when the script fills the form in.
    open_form(page, site_url + LEADER_PAGE, LEADER_FORM)
    answer(page, {"selvinnsikt": 4})
    held: list[Route] = []
    page.route("**/assets/lederskap/main.js*", lambda route: held.append(route))
    page.reload(wait_until="commit")
    page.locator('textarea[name="styrke-1"]').wait_for()
    # Nothing was restored into the form by the browser (autocomplete="off"): the stored answer is not shown yet.
    assert checked_answers(page, ["selvinnsikt"]) == {"selvinnsikt": None}
    answer(page, {"praktiserer-selvledelse": 3})
    page.locator('textarea[name="styrke-1"]').fill("Jeg lytter")
    assert len(held) == 1
    held[0].continue_()
    form_is_mounted(page, LEADER_FORM)
    expected = {"selvinnsikt": 4, "praktiserer-selvledelse": 3, "styrke-1": "Jeg lytter"}
    assert stored_record(page, LEADER_FORM)["answers"] == expected
    assert checked_answers(page, ["selvinnsikt", "praktiserer-selvledelse"]) == {
        "selvinnsikt": 4,
        "praktiserer-selvledelse": 3,
    }
    assert page.locator('textarea[name="styrke-1"]').input_value() == "Jeg lytter"


def test_a_form_without_results_saves_by_id_and_starts_no_python(page: Page, site_url: str, traffic: Traffic) -> None:
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert traffic.count("/pyodide.mjs") == 0  # a page without a questionnaire loads no Python

    open_form(page, site_url + "verktoy/selvledelse/", "selvledelse-refleksjon")
    page.locator('input[type="checkbox"][name="styrker-selvledelse"][value="prioritering"]').check()
    page.locator('input[type="checkbox"][name="styrker-selvledelse"][value="initiativ"]').check()
    page.locator('input[type="checkbox"][name="krevende-selvledelse"][value="initiativ"]').check()
    page.locator('textarea[name="styrker-oppsummering"]').fill("Jeg planlegger godt")
    answers = stored_record(page, "selvledelse-refleksjon")["answers"]
    assert answers == {
        "styrker-selvledelse": ["initiativ", "prioritering"],
        "styrker-oppsummering": "Jeg planlegger godt",
        "krevende-selvledelse": ["initiativ"],
    }
    page.reload()
    form_is_mounted(page, "selvledelse-refleksjon")
    ticked = page.eval_on_selector_all(
        'form.lsk-questionnaire input[type="checkbox"]:checked', "boxes => boxes.map(box => `${box.name}:${box.value}`)"
    )
    assert ticked == [
        "styrker-selvledelse:initiativ",
        "styrker-selvledelse:prioritering",
        "krevende-selvledelse:initiativ",
    ]
    assert page.locator('textarea[name="styrker-oppsummering"]').input_value() == "Jeg planlegger godt"
    assert page.evaluate("window.__lederskap.workerStarts") is None
    assert traffic.count("/pyodide.mjs") == 0
    assert page.locator(".lsk-status").is_hidden()
