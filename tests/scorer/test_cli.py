"""The ``lederskap-score`` command: its output, exit status and error messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lederskap_scorer import score_json
from lederskap_scorer.cli import main

DEFINITION = {
    "id": "cli",
    "version": 2,
    "title": "Lederskap",
    "scale": {
        "min": 1,
        "max": 5,
        "labels": [{"value": 1, "text": "I svært liten grad"}, {"value": 2, "text": "I liten grad"}],
    },
    "bands": [{"min": 1, "max": 3, "label": "Utviklingsområde"}, {"min": 3, "max": 5, "label": "Styrke"}],
    "parts": [
        {
            "type": "likert",
            "id": "atferd",
            "title": "Atferd",
            "suggestions": 1,
            "dimensions": [
                {
                    "id": "retning",
                    "title": "Retning",
                    "items": [
                        {"id": "r1", "text": "Jeg gir retning"},
                        {"id": "r2", "text": "Jeg er utydelig", "reverse": True},
                    ],
                },
                {
                    "id": "tillit",
                    "title": "Tillit",
                    "items": [{"id": "t1", "text": "Jeg stoler på folk"}, {"id": "t2", "text": "Jeg delegerer"}],
                },
                {
                    "id": "tempo",
                    "title": "Tempo",
                    "items": [
                        {"id": "p1", "text": "Jeg holder tempo"},
                        {"id": "p2", "text": "Jeg prioriterer"},
                        {"id": "p3", "text": "Jeg avslutter"},
                    ],
                },
            ],
        },
        {
            "type": "allocation",
            "id": "tid",
            "title": "Tidsbruk",
            "rows": [{"id": "lede", "text": "Lede"}, {"id": "fag", "text": "Fag"}],
            "columns": [{"id": "naa", "text": "Nå"}, {"id": "onsket", "text": "Ønsket"}],
        },
        {
            "type": "checklist",
            "id": "tiltak",
            "title": "Tiltak",
            "options": [{"id": "mentor", "text": "Finne en mentor"}, {"id": "kurs", "text": "Ta et kurs"}],
            "summary": {"id": "hvorfor", "label": "Hvorfor?"},
        },
        {"type": "text", "id": "notater", "title": "Notater", "fields": [{"id": "neste", "label": "Neste steg"}]},
    ],
}

ANSWERS_NB = {
    "r1": 4,
    "r2": 1,
    "t1": 2,
    "t2": 3,
    "p1": 3,
    "lede": {"naa": 60, "onsket": 45},
    "fag": {"naa": 30, "onsket": 45.5},
    "tiltak": ["kurs"],
    "hvorfor": "Fordi.\nDet hjelper.",
    "neste": "Be om tilbakemelding",
}

TEXT_NB = """\
Lederskap (versjon 2)

== Atferd ==
  Retning: 4,5 (2 av 2 besvart) – Styrke
  Tillit: 2,5 (2 av 2 besvart) – Utviklingsområde
  Tempo: ikke nok svar (1 av 3 besvart)
  Samlet gjennomsnitt for områdene: 3,5. Hvert område teller likt; 2 av 3 områder har nok svar.
  Mulige utviklingsområder (lavest gjennomsnitt):
    - Tillit
      Svarene som trekker snittet ned:
      - Jeg stoler på folk
        Du svarte 2 (I liten grad).
  Mulige styrker (høyest gjennomsnitt):
    - Retning
      Svarene som trekker snittet opp:
      - Jeg er utydelig
        Du svarte 1 (I svært liten grad). Utsagnet teller omvendt: svaret ditt regnes som 5.

== Tidsbruk ==
  «Nå» blir 90 %, ikke 100 % (-10 %). Skalert til 100 %: Lede 67 %, Fag 33 %.
  «Ønsket» blir 90,5 %, ikke 100 % (-9,5 %). Skalert til 100 %: Lede 50 %, Fag 50 %.
  Lede: Nå 60 %, Ønsket 45 %; endring -15 %
  Fag: Nå 30 %, Ønsket 45,5 %; endring +15,5 %

== Tiltak ==
  [x] Ta et kurs
  Oppsummering: Hvorfor?
    Fordi.
    Det hjelper.

== Notater ==
  Neste steg
    Be om tilbakemelding
"""

ANSWERS_EN = {
    "x": 1,
    "r1": 4,
    "r2": 2,
    "t1": 5,
    "t2": 3,
    "p1": 3,
    "p2": 3,
    "lede": {"naa": 100},
    "tiltak": ["guru"],
}

TEXT_EN = """\
Lederskap (version 2)

== Atferd ==
  Retning: 4.0 (2 of 2 answered) – Styrke
  Tillit: 4.0 (2 of 2 answered) – Styrke
  Tempo: 3.0 (2 of 3 answered) – Styrke
  Overall average of the areas: 3.7. Each area counts the same; 3 of 3 areas have enough answers.
  Possible development areas (lowest averages):
    None is suggested, because every area has the highest assessment.
  Possible strengths (highest averages):
    Retning and Tillit share the highest average, so your answers do not tell them apart.

== Tidsbruk ==
  “Nå” adds up to 100 %.
  “Ønsket” is not answered.
  Lede: Nå 100 %, Ønsket –
  Fag: Nå –, Ønsket –

== Tiltak ==
  Nothing ticked.

== Notater ==
  (no answers)

Some answers were not used
  - tiltak / guru: “guru” is not one of the options of “Tiltak”.
  - x: There is no question with the id “x” in this form.
"""


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def definition(tmp_path: Path) -> Path:
    return _write(tmp_path / "definition.json", DEFINITION)


def test_text_output_in_norwegian(definition: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _write(tmp_path / "answers.json", ANSWERS_NB)
    assert main([str(definition), str(answers)]) == 0
    out, err = capsys.readouterr()
    assert out == TEXT_NB
    assert err == ""


def test_text_output_in_english_with_problems_exits_1(
    definition: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = _write(tmp_path / "answers.json", ANSWERS_EN)
    assert main([str(definition), str(answers), "--language", "en"]) == 1
    out, err = capsys.readouterr()
    assert out == TEXT_EN
    assert err == ""


def test_json_output_is_the_results_json(definition: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _write(tmp_path / "answers.json", ANSWERS_EN)
    assert main([str(definition), str(answers), "--json", "--language", "en"]) == 1
    out, _ = capsys.readouterr()
    assert out.startswith('{\n  "results_format": 3,\n  "questionnaire": {\n')
    assert json.loads(out) == json.loads(score_json(json.dumps(DEFINITION), json.dumps(ANSWERS_EN), "en"))


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    return err


def test_missing_file(tmp_path: Path, definition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.json"
    assert _error([str(definition), str(missing)], capsys) == (
        f"lederskap-score: error: {missing}: cannot read the file (No such file or directory)\n"
    )


def test_definition_that_is_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{'id': 1}", encoding="utf-8")
    answers = _write(tmp_path / "answers.json", {})
    assert _error([str(bad), str(answers)], capsys) == (
        f"lederskap-score: error: {bad}: expected a questionnaire definition in JSON, but the file is "
        "not valid JSON (Expecting property name enclosed in double quotes at line 1, column 2)\n"
    )


def test_definition_with_one_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "bad.json", {"id": "Bad Id", "version": 1, "title": "T", "parts": []})
    answers = _write(tmp_path / "answers.json", {})
    assert _error([str(bad), str(answers)], capsys) == (
        f"lederskap-score: error: {bad}: expected a questionnaire definition, but found 1 problem:\n"
        "  id: expected an id of lowercase letters, digits, '-' and '_' (at most 64, starting and ending "
        "with a letter or digit), but a text ('Bad Id') was given\n"
    )


def test_definition_with_two_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path / "bad.json", {"id": "ok", "version": 0, "title": "T", "parts": []})
    answers = _write(tmp_path / "answers.json", {})
    assert _error([str(bad), str(answers)], capsys) == (
        f"lederskap-score: error: {bad}: expected a questionnaire definition, but found 2 problems:\n"
        "  version: expected a version of 1 or more, but 0 was given\n"
        "  parts: expected at least one part, but the list is empty\n"
    )


def test_answers_that_are_not_an_object(tmp_path: Path, definition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _write(tmp_path / "answers.json", [1])
    assert _error([str(definition), str(answers)], capsys) == (
        f"lederskap-score: error: {answers}: expected a JSON object of answers keyed by question id, but got a list\n"
    )


def test_answers_that_are_not_utf8(tmp_path: Path, definition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(b'{"r1": "\xff"}')
    assert _error([str(definition), str(answers)], capsys) == (
        f"lederskap-score: error: {answers}: expected answers in JSON, but the file is not UTF-8 text\n"
    )


def test_missing_arguments_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error([], capsys)
    assert err.startswith("usage: lederskap-score [-h]")
    assert err.endswith("lederskap-score: error: the following arguments are required: DEFINITION.json, ANSWERS.json\n")


def test_unknown_language_is_a_usage_error(definition: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error([str(definition), str(definition), "--language", "sv"], capsys)
    assert err.endswith("lederskap-score: error: argument --language: invalid choice: 'sv' (choose from 'nb', 'en')\n")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "lederskap-score 0.1.0\n"


def test_runs_as_a_module(definition: Path, tmp_path: Path) -> None:
    answers = _write(tmp_path / "answers.json", ANSWERS_NB)
    done = subprocess.run(
        [sys.executable, "-m", "lederskap_scorer", str(definition), str(answers)],
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, TEXT_NB, "")
