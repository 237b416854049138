"""The results as readable plain text in the results' language, for the command line."""

from __future__ import annotations

from .format import Language
from .results import (
    AllocationResult,
    AnswerProblem,
    ChecklistResult,
    LikertResult,
    PartResult,
    Results,
    SuggestedDimension,
    Suggestions,
    TextResult,
)

_WORDS: dict[str, dict[Language, str]] = {
    "version": {"nb": "versjon", "en": "version"},
    "answered": {"nb": "{n} av {of} besvart", "en": "{n} of {of} answered"},
    "not-enough": {"nb": "ikke nok svar", "en": "not enough answers"},
    "overall": {
        "nb": "Samlet: snitt av dimensjonene {dimensions} ({scored} av {dimension_count}), "
        "snitt av alle besvarte påstander {items} ({answered} av {item_count})",
        "en": "Overall: mean of the dimensions {dimensions} ({scored} of {dimension_count}), "
        "mean of all answered items {items} ({answered} of {item_count})",
    },
    "development_areas": {"nb": "Mulige utviklingsområder:", "en": "Candidate development areas:"},
    "strengths": {"nb": "Mulige styrker:", "en": "Candidate strengths:"},
    "lowest": {"nb": "lavest", "en": "lowest"},
    "highest": {"nb": "høyest", "en": "highest"},
    "tie": {"nb": "Likt snitt ({mean}): {names}", "en": "Same mean ({mean}): {names}"},
    "and": {"nb": "og", "en": "and"},
    "no-scored-dimensions": {
        "nb": "Ingen forslag: ingen dimensjon har nok svar.",
        "en": "No suggestions: no dimension has enough answers.",
    },
    "too-few-scored-dimensions": {
        "nb": "Ingen forslag: bare én dimensjon har nok svar.",
        "en": "No suggestions: only one dimension has enough answers.",
    },
    "no-answers": {"nb": "(ingen svar)", "en": "(no answers)"},
    "nothing-chosen": {"nb": "(ingenting valgt)", "en": "(nothing chosen)"},
    "summary": {"nb": "Oppsummering", "en": "Summary"},
    "column-empty": {"nb": "{column}: ikke besvart", "en": "{column}: not answered"},
    "column-sum": {"nb": "{column}: sum {sum}", "en": "{column}: total {sum}"},
    "matches": {"nb": "stemmer", "en": "matches"},
    "should-be": {"nb": "skal være {total}", "en": "should be {total}"},
    "scaled": {"nb": "skalert: {values}", "en": "scaled: {values}"},
    "change": {"nb": "endring {change}", "en": "change {change}"},
    "problems": {"nb": "Problemer med svarene:", "en": "Problems with the answers:"},
}

_INDENT = "  "


def _say(key: str, language: Language, **values: object) -> str:
    return _WORDS[key][language].format(**values)


def _names(names: list[str], language: Language) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_say('and', language)} {names[-1]}"


def _with_unit(amount: str, unit: str, language: Language) -> str:
    if not unit:
        return amount
    return f"{amount}{unit}" if unit == "%" and language == "en" else f"{amount} {unit}"


def _suggested(title_key: str, dimensions: tuple[SuggestedDimension, ...], language: Language) -> list[str]:
    lines = [_INDENT + _say(title_key, language)]
    which = _say("lowest" if title_key == "development_areas" else "highest", language)
    for d in dimensions:
        items = "; ".join(f"{item.text} ({item.score})" for item in d.items)
        lines.append(f"{_INDENT * 2}- {d.title} ({d.mean_display}); {which}: {items}")
    return lines


def _suggestions(s: Suggestions, titles: dict[str, str], language: Language) -> list[str]:
    if s.status in ("no-scored-dimensions", "too-few-scored-dimensions"):
        return [_INDENT + _say(s.status, language)]
    if s.status != "suggested":
        return []
    lines = _suggested("development_areas", s.development_areas, language)
    lines += _suggested("strengths", s.strengths, language)
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for tie in s.ties:
        if (tie.mean_display, tie.dimensions) in seen:
            continue
        seen.add((tie.mean_display, tie.dimensions))
        names = _names([titles[i] for i in tie.dimensions], language)
        lines.append(_INDENT + _say("tie", language, mean=tie.mean_display, names=names))
    return lines


def _likert(part: LikertResult, language: Language) -> list[str]:
    lines: list[str] = []
    for d in part.dimensions:
        answered = _say("answered", language, n=d.answered, of=d.item_count)
        if d.mean_display is None:
            lines.append(f"{_INDENT}{d.title}: {_say('not-enough', language)} ({answered})")
            continue
        band = "" if d.band is None else f" – {d.band.label}"
        lines.append(f"{_INDENT}{d.title}: {d.mean_display} ({answered}){band}")
    o = part.overall
    lines.append(
        _INDENT
        + _say(
            "overall",
            language,
            dimensions=o.mean_of_dimensions_display or "–",
            scored=o.dimensions_scored,
            dimension_count=o.dimension_count,
            items=o.mean_of_items_display or "–",
            answered=o.items_answered,
            item_count=o.item_count,
        )
    )
    titles = {d.id: d.title for d in part.dimensions}
    return lines + _suggestions(part.suggestions, titles, language)


def _indented_text(text: str) -> list[str]:
    return [f"{_INDENT * 2}{line}".rstrip() for line in text.splitlines()]


def _text(part: TextResult, language: Language) -> list[str]:
    if not part.fields:
        return [_INDENT + _say("no-answers", language)]
    lines: list[str] = []
    for field in part.fields:
        lines.append(_INDENT + field.label)
        lines += _indented_text(field.text)
    return lines


def _checklist(part: ChecklistResult, language: Language) -> list[str]:
    lines = [f"{_INDENT}[x] {option.text}" for option in part.chosen]
    if not lines:
        lines.append(_INDENT + _say("nothing-chosen", language))
    if part.summary is not None:
        lines.append(f"{_INDENT}{_say('summary', language)}: {part.summary.label}")
        lines += _indented_text(part.summary.text)
    return lines


def _allocation(part: AllocationResult, language: Language) -> list[str]:
    lines: list[str] = []
    rows = {row.id: row.text for row in part.rows}
    total = _with_unit(str(part.total), part.unit, language)
    for column in part.columns:
        if column.answered == 0:
            lines.append(_INDENT + _say("column-empty", language, column=column.text))
            continue
        line = _say("column-sum", language, column=column.text, sum=_with_unit(column.sum_display, part.unit, language))
        if column.matches_total:
            line += f" – {_say('matches', language)}"
        else:
            line += f" – {_say('should-be', language, total=total)}"
        if column.scaled is not None:
            values = ", ".join(f"{rows[s.row]} {_with_unit(str(s.value), part.unit, language)}" for s in column.scaled)
            line += f"; {_say('scaled', language, values=values)}"
        lines.append(_INDENT + line)
    columns = {column.id: column.text for column in part.columns}
    for row in part.rows:
        cells = ", ".join(
            f"{columns[cell.column]} {'–' if cell.display is None else _with_unit(cell.display, part.unit, language)}"
            for cell in row.values
        )
        change = ""
        if row.change_display is not None:
            change = "; " + _say("change", language, change=_with_unit(row.change_display, part.unit, language))
        lines.append(f"{_INDENT}{row.text}: {cells}{change}")
    return lines


def _part(part: PartResult, language: Language) -> list[str]:
    heading = f"== {part.title} =="
    if isinstance(part, LikertResult):
        return [heading, *_likert(part, language)]
    if isinstance(part, TextResult):
        return [heading, *_text(part, language)]
    if isinstance(part, ChecklistResult):
        return [heading, *_checklist(part, language)]
    return [heading, *_allocation(part, language)]


def _problem(problem: AnswerProblem) -> str:
    where = "" if problem.id is None else problem.id + ("" if problem.sub_id is None else f" / {problem.sub_id}") + ": "
    return f"{_INDENT}- {where}{problem.message}"


def render_text(results: Results) -> str:
    """The results as plain text, one block per part, then any problems with the answers."""
    language = results.language
    q = results.questionnaire
    blocks = [[f"{q.title} ({_say('version', language)} {q.version})"]]
    blocks += [_part(part, language) for part in results.parts]
    if results.problems:
        blocks.append([_say("problems", language), *(_problem(p) for p in results.problems)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
