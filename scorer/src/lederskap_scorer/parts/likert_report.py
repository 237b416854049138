"""The lines of a likert part in the command line's text report."""

from __future__ import annotations

from ..catalogue import Messages
from .likert import LikertResult, SuggestedDimension, Suggestions
from .shared_report import INDENT, join_names


def _suggested(key: str, lowest: bool, dimensions: tuple[SuggestedDimension, ...], t: Messages) -> list[str]:
    lines = [f"{INDENT}{t(key)}:"]
    for d in dimensions:
        line = t("results.suggested_dimension", title=d.title, mean=d.mean_display)
        if d.items:
            score = d.items[0].score
            which = t("results.lowest_items" if lowest else "results.highest_items", score=score)
            line += f" – {which} " + "; ".join(item.text for item in d.items)
        lines.append(f"{INDENT * 2}- {line}")
    return lines


def _suggestions(s: Suggestions, titles: dict[str, str], t: Messages) -> list[str]:
    if s.status == "too-few-scored-dimensions":
        return [INDENT + t("results.too_few")]
    if s.status != "suggested":
        return []
    lines = _suggested("results.development_areas", True, s.development_areas, t)
    lines += _suggested("results.strengths", False, s.strengths, t)
    for tie in s.ties:
        names = [titles[i] for i in tie.dimensions]
        note = t(
            "results.tie",
            dimensions=join_names(names, t),
            mean=tie.mean_display,
            included=join_names([titles[i] for i in tie.included], t),
            left_out=join_names([titles[i] for i in tie.left_out], t),
            side=t(f"results.tie_side_{tie.applies_to}"),
        )
        lines.append(INDENT + note)
    return lines


def lines(part: LikertResult, t: Messages) -> list[str]:
    out: list[str] = []
    for d in part.dimensions:
        counts = {"title": d.title, "answered": d.answered, "total": d.item_count}
        if d.mean_display is None:
            out.append(INDENT + t("report.dimension_not_enough", **counts))
            continue
        band = "" if d.band is None else f" – {d.band.label}"
        out.append(INDENT + t("report.dimension", mean=d.mean_display, **counts) + band)
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
    if o.mean_of_items_display is not None:
        out.append(
            INDENT
            + t("results.overall_items", mean=o.mean_of_items_display, answered=o.items_answered, total=o.item_count)
        )
    titles = {d.id: d.title for d in part.dimensions}
    return out + _suggestions(part.suggestions, titles, t)
