"""The lines of an allocation part in the command line's text report."""

from __future__ import annotations

from ..catalogue import Messages
from .allocation import AllocationResult, ColumnResult
from .shared_report import INDENT


def _column(part: AllocationResult, column: ColumnResult, rows: dict[str, str], t: Messages) -> str:
    unit = part.unit
    if column.answered == 0:
        return t("report.column_empty", column=column.text)
    if column.matches_total:
        line = t("allocation.check_matches", column=column.text, total=part.total, unit=unit)
    else:
        line = t(
            "allocation.check_off",
            column=column.text,
            sum=column.sum_display,
            total=part.total,
            difference=column.difference_display,
            unit=unit,
        )
    if column.scaled is not None:
        values = ", ".join(f"{rows[s.row]} {t('allocation.value', value=s.value, unit=unit)}" for s in column.scaled)
        line += " " + t("report.scaled", total=part.total, unit=unit, values=values)
    return line


def lines(part: AllocationResult, t: Messages) -> list[str]:
    def value(display: str | None) -> str:
        return t("allocation.no_value") if display is None else t("allocation.value", value=display, unit=part.unit)

    rows = {row.id: row.text for row in part.rows}
    out = [INDENT + _column(part, column, rows, t) for column in part.columns]
    columns = {column.id: column.text for column in part.columns}
    for row in part.rows:
        cells = ", ".join(f"{columns[cell.column]} {value(cell.display)}" for cell in row.values)
        change = "" if row.change_display is None else "; " + t("report.change", change=value(row.change_display))
        out.append(f"{INDENT}{row.text}: {cells}{change}")
    return out
