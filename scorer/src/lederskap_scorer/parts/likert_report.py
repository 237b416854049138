"""The lines of a likert part in the command line's text report."""

from __future__ import annotations

from ..catalogue import Messages
from .likert import LikertResult, SuggestedDimension, SuggestedItem, Suggestions, SuggestionSide
from .shared_report import INDENT, join_names


def item_lines(item: SuggestedItem, t: Messages) -> list[str]:
    """A statement, then what the learner answered (and, reverse-keyed, what the answer counts as)."""
    answered = (
        t("results.you_answered", answer=item.answer)
        if item.answer_label is None
        else t("results.you_answered_labelled", answer=item.answer, label=item.answer_label)
    )
    if item.reverse:
        answered += " " + t("results.reverse_item", score=item.score)
    return [item.text, answered]


def _dimension(d: SuggestedDimension, lowest: bool, t: Messages) -> list[str]:
    lines = [f"{INDENT * 2}- {d.title}"]
    if d.items:
        lines.append(INDENT * 3 + t("results.pulls_down" if lowest else "results.pulls_up"))
        for item in d.items:
            statement, answered = item_lines(item, t)
            lines += [f"{INDENT * 3}- {statement}", f"{INDENT * 4}{answered}"]
    return lines


def _side(key: str, side: SuggestionSide, lowest: bool, titles: dict[str, str], t: Messages) -> list[str]:
    lines = [f"{INDENT}{t(f'results.{key}')}:"]
    match side.status:
        case "listed":
            for d in side.dimensions:
                lines += _dimension(d, lowest, t)
        case "tied":
            names = join_names([titles[i] for i in side.tied], t)
            lines.append(INDENT * 2 + t(f"results.tied_{key}", dimensions=names))
        case "all-in-top-band" | "none-in-top-band":
            lines.append(INDENT * 2 + t(f"results.{side.status.replace('-', '_')}"))
    return lines


def _suggestions(s: Suggestions, titles: dict[str, str], t: Messages) -> list[str]:
    match s.status:
        case "too-few-scored-dimensions":
            return [INDENT + t("results.too_few")]
        case "same-means":
            return [INDENT + t("results.same_means")]
        case "close-means":
            return [INDENT + t("results.close_means", spread=s.spread_display)]
        case "suggested" if s.development_areas is not None and s.strengths is not None:
            return [
                *_side("development_areas", s.development_areas, True, titles, t),
                *_side("strengths", s.strengths, False, titles, t),
            ]
        case _:
            return []


def lines(part: LikertResult, t: Messages) -> list[str]:
    out: list[str] = []
    for d in part.dimensions:
        counts: dict[str, object] = {"title": d.title, "answered": d.answered, "total": d.item_count}
        # With answers "not applicable": how many of the answered, in the words of the scale's choice.
        inapplicable = {"not_applicable": d.not_applicable, "text": part.scale.not_applicable}
        if d.mean_display is None:
            out.append(
                INDENT
                + (
                    t("report.dimension_not_enough_not_applicable", **counts, **inapplicable)
                    if d.not_applicable
                    else t("report.dimension_not_enough", **counts)
                )
            )
            continue
        band = "" if d.band is None else f" – {d.band.label}"
        line = (
            t("report.dimension_not_applicable", mean=d.mean_display, **counts, **inapplicable)
            if d.not_applicable
            else t("report.dimension", mean=d.mean_display, **counts)
        )
        out.append(INDENT + line + band)
    o = part.overall
    if o.mean_of_dimensions_display is None:
        out.append(INDENT + t("results.overall_none"))
    else:
        out.append(
            INDENT
            + t(
                "results.overall_dimensions",
                mean=o.mean_of_dimensions_display,
                scored=o.dimensions_scored,
                count=o.dimension_count,
            )
        )
    titles = {d.id: d.title for d in part.dimensions}
    return out + _suggestions(part.suggestions, titles, t)
