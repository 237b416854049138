"""``lederskap score``'s text report words the suggestions as the page does: a reverse statement in
the learner's own terms, one statement per line, and one sentence where there is no list."""

from __future__ import annotations

from lederskap_scorer import load_definition, score_answers
from lederskap_scorer.text_report import render_text

from .fixture_files import FIXTURES_DIR, load_fixture


def _report(name: str) -> str:
    fixture = load_fixture(FIXTURES_DIR / f"{name}.json")
    assert isinstance(fixture.answers, dict)
    q = load_definition(fixture.definition_json())
    return render_text(score_answers(q, fixture.answers, fixture.language))


def test_reverse_statements_on_seven_points_are_reported_as_answered() -> None:
    assert (
        _report("reverse_suggestions_en")
        == """\
Reverse statements on seven points (version 1)

== Habits ==
  Listening: 6.3 (3 of 3 answered) – A strength
  Deciding: 2.3 (3 of 3 answered) – Room to grow
  Coaching: 4.3 (3 of 3 answered) – On the way
  Overall average of the areas: 4.3. Each area counts the same; 3 of 3 areas have enough answers.
  Possible development areas (lowest averages):
    - Deciding
      The answers that pull the average down:
      - I put off hard decisions.
        You answered 7 (Strongly agree). This statement counts in reverse: your answer counts as 1.
  Possible strengths (highest averages):
    - Listening
      The answers that pull the average up:
      - I interrupt others.
        You answered 1 (Strongly disagree). This statement counts in reverse: your answer counts as 7.
"""
    )


def test_a_profile_without_lists_is_one_sentence() -> None:
    blocks = _report("suggestions_bands_nb").rstrip("\n").split("\n\n")
    parts = {block.split("\n", 1)[0]: block for block in blocks}
    same = "Alle områdene har samme gjennomsnitt, så svarene dine peker ikke ut noe område som sterkere eller svakere"
    assert parts["== Alle fem =="].endswith(f"\n  {same} enn de andre.")
    assert parts["== Nesten fem =="].endswith(
        "\n  Områdene ligger nær hverandre, med bare 0,3 mellom høyeste og laveste gjennomsnitt, så svarene dine peker "
        "ikke ut noe område som sterkere eller svakere enn de andre."
    )
    assert parts["== Likt lavest =="].endswith(
        "  Mulige utviklingsområder (lavest gjennomsnitt):\n"
        "    Likt A, Likt B og Likt C har like lavt gjennomsnitt, så svarene dine skiller ikke mellom dem.\n"
        "  Mulige styrker (høyest gjennomsnitt):\n"
        "    - Likt D"
    )
    assert parts["== Mest lave svar =="].endswith(
        "  Mulige styrker (høyest gjennomsnitt):\n"
        "    Ingen foreslås, fordi ingen av områdene har den høyeste vurderingen."
    )
    assert "Ingen foreslås, fordi alle områdene har den høyeste vurderingen." in parts["== Alle i øverste bånd =="]
