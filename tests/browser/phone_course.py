"""A small Norwegian course for what a phone shows: a 7-point and an 11-point (0–10) scale, an
allocation table, and the results page ("Mine resultater").

The embedded course has 5-point scales only; a scale of up to ``MAX_SCALE_POINTS`` (11) points must
fit a 360 px screen too, and the course's allocation total is 100 where this one's is 40 hours.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

COURSE = "telefon"

PAGES = {
    "sju": "sju-punkter/",
    "elleve": "elleve-punkter/",
    "fordeling": "fordeling/",
}
"""Questionnaire id -> the page it is placed on."""
MY_RESULTS_PAGE = "mine-resultater/"

MKDOCS_YML = f"""\
site_name: Telefonkurs
site_url: !ENV [LEDERSKAP_SITE_URL]
docs_dir: generated/docs
site_dir: site
use_directory_urls: true
strict: true
theme:
  name: material
  language: nb
  font: false
  custom_dir: generated/theme
  palette:
    primary: indigo
    accent: indigo
markdown_extensions:
  - lederskap_build.markdown_forms
extra_css:
  - assets/lederskap/lederskap.css
extra_javascript:
  - path: assets/lederskap/main.js
    type: module
extra:
  lederskap:
    course: {COURSE}
    language: nb
  generator: false
nav:
  - Start: index.md
  - Sju punkter: sju-punkter.md
  - Elleve punkter: elleve-punkter.md
  - Fordeling: fordeling.md
  - Mine resultater: mine-resultater.md
"""

ITEMS = """\
        items:
          - id: {prefix}-lytter
            text: Jeg lytter til de andre i teamet før jeg bestemmer meg.
          - id: {prefix}-tilbakemelding
            text: Jeg gir tilbakemelding som hjelper den andre videre.
      - id: {prefix}-retning
        title: Retning
        items:
          - id: {prefix}-maal
            text: Teamet vet hva vi skal oppnå dette halvåret.
          - id: {prefix}-prioriterer
            text: Jeg sier tydelig hva som er viktigst når alt haster.
"""

FORMS = {
    "sju.yml": f"""\
id: sju
version: 1
title: Sju punkter
scale:
  min: 1
  max: 7
  labels:
    - {{value: 1, text: Helt uenig}}
    - {{value: 4, text: Verken enig eller uenig}}
    - {{value: 7, text: Helt enig}}
parts:
  - type: likert
    id: sju-utsagn
    title: Samarbeid
    dimensions:
      - id: sju-relasjon
        title: Relasjon
{ITEMS.format(prefix="sju")}""",
    "elleve.yml": f"""\
id: elleve
version: 1
title: Elleve punkter
scale:
  min: 0
  max: 10
  labels:
    - {{value: 0, text: Aldri}}
    - {{value: 10, text: Hver eneste dag}}
parts:
  - type: likert
    id: elleve-utsagn
    title: Hverdagen
    dimensions:
      - id: elleve-relasjon
        title: Relasjon
{ITEMS.format(prefix="elleve")}""",
    "fordeling.yml": """\
id: fordeling
version: 1
title: Fordeling av uka
parts:
  - type: allocation
    id: uka
    title: Hvordan fordeler du timene i uka?
    total: 40
    unit: t
    rows:
      - {id: moter, text: Møter}
      - {id: eget-arbeid, text: Eget arbeid}
      - {id: oppfolging, text: Oppfølging av medarbeidere}
    columns:
      - {id: naa, text: Nå}
      - {id: onsket, text: Ønsket}
""",
}

PAGE_TEXTS = {
    "index.md": "# Telefonkurs\n\nEt lite kurs for å se skjemaene på en smal skjerm.\n",
    "sju-punkter.md": '# Sju punkter\n\n::questionnaire{id="sju"}\n',
    "elleve-punkter.md": '# Elleve punkter\n\n::questionnaire{id="elleve"}\n',
    "fordeling.md": '# Fordeling\n\n::questionnaire{id="fordeling"}\n',
    "mine-resultater.md": "# Mine resultater\n\n::my-results\n",
}


def write_phone_course(destination: Path) -> Path:
    """Write the course into ``destination``; its mkdocs.yml."""
    (destination / "forms").mkdir(parents=True)
    (destination / "docs").mkdir()
    (destination / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for name, text in FORMS.items():
        (destination / "forms" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in PAGE_TEXTS.items():
        (destination / "docs" / name).write_text(text, encoding="utf-8")
    return destination / "mkdocs.yml"
