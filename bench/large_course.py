"""A large generated course in the real format: 300 pages and 60 questionnaires.

The content is made up but shaped like the real course: Norwegian text in
headings, paragraphs, lists, tables and admonitions; questionnaires with a
likert part (dimensions of statements, some reversed, bands), text parts,
checklists with a summary and allocations. It is the same for every run (a
seeded random generator), so builds of it can be compared over time.

Run ``python -m bench.large_course DIR`` to write it somewhere to look at.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

from . import REPO
from .courses import with_absolute_paths
from .mkdocs_yaml import dump_mkdocs_yml, load_mkdocs_yml

PAGES = 300
QUESTIONNAIRES = 60
SECTIONS = 13
SEED = 20260101

WORDS = (
    "ledelse",
    "medarbeider",
    "ansvar",
    "tillit",
    "samarbeid",
    "utvikling",
    "læring",
    "mestring",
    "motivasjon",
    "tilbakemelding",
    "hverdagen",
    "oppgaven",
    "målet",
    "teamet",
    "kulturen",
    "relasjonen",
    "rammene",
    "handlingsrommet",
    "initiativet",
    "dialogen",
    "refleksjon",
    "endring",
    "prioritering",
    "kommunikasjon",
    "involvering",
    "eierskap",
    "forventninger",
    "kompetanse",
    "praksis",
    "erfaring",
    "fellesskap",
    "trygghet",
    "selvledelse",
    "arbeidsglede",
    "innsats",
    "resultat",
)
VERBS = (
    "styrker",
    "utvikler",
    "tydeliggjør",
    "støtter",
    "fremmer",
    "bygger",
    "skaper",
    "tar vare på",
    "deler",
    "inviterer til",
    "lytter til",
    "gir rom for",
    "følger opp",
    "anerkjenner",
)
ADJECTIVES = ["god", "tydelig", "felles", "trygg", "aktiv", "bevisst", "åpen", "konkret", "langsiktig", "daglig"]
STATEMENT_STARTS = (
    "Jeg",
    "Jeg sørger for at vi",
    "I teamet vårt",
    "Jeg tar initiativ når jeg",
    "Min leder og jeg",
)


class _Text:
    """Made-up but plausible Norwegian text from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def sentence(self, low: int = 8, high: int = 18) -> str:
        body = self.words(self.rng.randint(low, high))
        return body[0].upper() + body[1:] + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self, low: int = 2, high: int = 4) -> str:
        body = self.words(self.rng.randint(low, high))
        return body[0].upper() + body[1:]

    def statement(self) -> str:
        verb = self.rng.choice(VERBS)
        return f"{self.rng.choice(STATEMENT_STARTS)} {verb} {self.rng.choice(ADJECTIVES)} {self.words(2)}"


def _bands(scale_min: int, scale_max: int, text: _Text) -> list[dict[str, Any]]:
    span = scale_max - scale_min
    first, second = scale_min + 0.375 * span, scale_min + 0.625 * span
    edges = [(scale_min, first), (first, second), (second, scale_max)]
    labels = ("Et utviklingsområde", "Godt på vei", "En styrke")
    return [
        {"min": low, "max": high, "label": label, "text": text.sentence(8, 14)}
        for (low, high), label in zip(edges, labels, strict=True)
    ]


def likert_part(text: _Text, part_id: str, dimensions: int, items: int | tuple[int, int]) -> dict[str, Any]:
    """A likert part with ``dimensions`` dimensions of ``items`` statements (or a random count in a range)."""
    rng = text.rng
    out = []
    for d in range(dimensions):
        count = items if isinstance(items, int) else rng.randint(*items)
        items_data: list[dict[str, Any]] = []
        for i in range(count):
            item: dict[str, Any] = {"id": f"{part_id}-d{d + 1}-i{i + 1}", "text": text.statement()}
            if i == 2:
                item["reverse"] = True
            items_data.append(item)
        dimension: dict[str, Any] = {"id": f"{part_id}-d{d + 1}", "title": text.title(2, 5), "items": items_data}
        if d % 3 == 1:
            dimension["description"] = text.sentence()
        out.append(dimension)
    return {"type": "likert", "id": part_id, "title": text.title(), "intro": text.sentence(), "dimensions": out}


def questionnaire(number: int, rng: random.Random) -> dict[str, Any]:
    """The ``number``-th questionnaire: a likert part, and by turns text, checklist and allocation parts."""
    text = _Text(rng)
    qid = f"skjema-{number:02d}"
    low, high = (0, 4) if number % 5 == 0 else (1, 5)
    labels = [{"value": low, "text": "I svært liten grad"}, {"value": high, "text": "I svært stor grad"}]
    if high - low == 4 and number % 2 == 0:
        middle = zip(range(low + 1, high), ("Litt", "Noe", "Mye"), strict=True)
        labels[1:1] = [{"value": v, "text": t} for v, t in middle]
    parts: list[dict[str, Any]] = [likert_part(text, "vurdering", rng.randint(3, 6), (3, 6))]
    if number % 2 == 0:
        parts.append(
            {
                "type": "text",
                "id": "refleksjon",
                "title": text.title(),
                "intro": text.sentence(),
                "fields": [
                    {"id": f"refleksjon-{f + 1}", "label": text.sentence(5, 9), "rows": rng.choice((2, 4, 6))}
                    for f in range(rng.randint(2, 4))
                ],
            }
        )
    if number % 3 == 0:
        parts.append(
            {
                "type": "checklist",
                "id": "energi",
                "title": text.title(3, 6) + "?",
                "options": [{"id": f"valg-{o + 1}", "text": text.title(3, 7)} for o in range(rng.randint(5, 8))],
                "summary": {"id": "energi-oppsummering", "label": "Egen oppsummering", "rows": 3},
            }
        )
    if number % 4 == 1:
        parts.append(
            {
                "type": "allocation",
                "id": "tidsbruk",
                "title": "Hvor går tiden?",
                "intro": "Fordel 100 % på radene, både slik det er nå og slik du ønsker det.",
                "unit": "%",
                "rows": [{"id": f"jobb-{r + 1}", "text": text.title(2, 4)} for r in range(rng.randint(3, 5))],
                "columns": [{"id": "naa", "text": "Nå"}, {"id": "onsket", "text": "Ønsket"}],
            }
        )
    return {
        "id": qid,
        "version": 1,
        "title": text.title(3, 6),
        "source": "Generert for ytelsesmålingen",
        "intro": text.paragraph(2),
        "scale": {"min": low, "max": high, "labels": labels},
        "bands": _bands(low, high, text),
        "parts": parts,
    }


def scoring_questionnaire(items: int = 100, dimensions: int = 10) -> dict[str, Any]:
    """A questionnaire of ``items`` likert statements in ``dimensions`` dimensions, for timing the scorer."""
    text = _Text(random.Random(SEED))  # noqa: S311 - made-up content, the same every run
    per = items // dimensions
    return {
        "id": "maaling",
        "version": 1,
        "title": "Måling av poengberegningen",
        "scale": {"min": 1, "max": 5, "labels": [{"value": 1, "text": "Lite"}, {"value": 5, "text": "Mye"}]},
        "bands": _bands(1, 5, text),
        "parts": [likert_part(text, "utsagn", dimensions, per)],
    }


def _page(text: _Text, title: str, questionnaire_id: str | None, in_section: bool) -> str:
    rng = text.rng
    out = [f"# {title}", "", text.paragraph(3), ""]
    for s in range(rng.randint(2, 4)):
        out += [f"## {text.title()}", "", text.paragraph(rng.randint(2, 5)), ""]
        kind = (s + len(title)) % 4
        if kind == 0:
            out += [f"- {text.sentence(4, 9)}" for _ in range(rng.randint(3, 6))] + [""]
        elif kind == 1:
            out += ["| Område | Hva du gjør | Hvorfor |", "|---|---|---|"]
            out += [f"| {text.title(1, 2)} | {text.sentence(3, 6)} | {text.sentence(3, 6)} |" for _ in range(4)]
            out += [""]
        elif kind == 2:
            out += ['!!! tip "Tips"', "", f"    {text.sentence()}", ""]
        else:
            out += [f"{n + 1}. {text.sentence(5, 10)}" for n in range(rng.randint(3, 5))] + [""]
    if questionnaire_id:
        out += ["## Egenvurdering", "", text.paragraph(2), "", f'::questionnaire{{id="{questionnaire_id}"}}', ""]
    if in_section:
        out += ["[Tilbake til oversikten](index.md)", ""]
    return "\n".join(out)


def mkdocs_config(nav: list[Any], course_id: str, site_name: str) -> dict[str, Any]:
    """The repository's mkdocs.yml with another name, course id and menu; its hooks by absolute path."""
    config = with_absolute_paths(load_mkdocs_yml((REPO / "mkdocs.yml").read_text(encoding="utf-8")), REPO)
    config["site_name"] = site_name
    config["extra"]["lederskap"]["course"] = course_id
    config["nav"] = nav
    return config


def write_large_course(root: Path, pages: int = PAGES, questionnaires: int = QUESTIONNAIRES) -> Path:
    """Write the course (mkdocs.yml, docs/, forms/) into ``root``; return its mkdocs.yml."""
    rng = random.Random(SEED)  # noqa: S311 - made-up content, the same every run
    text = _Text(rng)
    docs, forms = root / "docs", root / "forms"
    docs.mkdir(parents=True, exist_ok=True)
    forms.mkdir(parents=True, exist_ok=True)
    per_section = (pages - 1) // SECTIONS
    section_pages = [[f"del-{s + 1:02d}/index.md"] for s in range(SECTIONS)]
    extra = pages - 1 - per_section * SECTIONS
    for s in range(SECTIONS):
        count = per_section + (1 if s < extra else 0)
        section_pages[s] += [f"del-{s + 1:02d}/side-{p:02d}.md" for p in range(1, count)]
    content_pages = [page for section in section_pages for page in section[1:]]
    placed = dict(zip(sorted(rng.sample(content_pages, questionnaires)), range(1, questionnaires + 1), strict=True))

    for number in range(1, questionnaires + 1):
        data = questionnaire(number, rng)
        (forms / f"{data['id']}.yml").write_text(
            yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
        )

    nav: list[Any] = [{"Start": "index.md"}]
    (docs / "index.md").write_text(_page(text, "Stort kurs", None, in_section=False), encoding="utf-8")
    for s, section in enumerate(section_pages):
        entries: list[Any] = []
        for page in section:
            title = text.title()
            placed_number = placed.get(page)
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            qid = f"skjema-{placed_number:02d}" if placed_number else None
            (docs / page).write_text(_page(text, title, qid, in_section=True), encoding="utf-8")
            entries.append(page if page.endswith("index.md") else {title: page})
        nav.append({f"Del {s + 1}: {text.title(1, 3)}": entries})

    config = mkdocs_config(nav, "stort-kurs", "Stort kurs (ytelsesmåling)")
    config_file = root / "mkdocs.yml"
    config_file.write_text(dump_mkdocs_yml(config), encoding="utf-8")
    return config_file


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bench.large_course DIR", file=sys.stderr)
        return 2
    config_file = write_large_course(Path(argv[0]))
    print(f"Wrote {config_file} with {PAGES} pages and {QUESTIONNAIRES} questionnaires.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
