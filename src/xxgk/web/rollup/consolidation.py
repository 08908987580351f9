"""A government's consolidated report as the sum of its parts' reports (framework-free).

Every cell of tables 二, 三 and 四 is the sum of the parts' cells (blank counts as 0; a cell blank
in every part stays blank). Parts on another format or year cannot be summed and are returned as
left out, with why, so the caller lists them with the missing units.
When the parts print （六）其他处理 in different forms, the sum uses the one-row form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from xxgk.checks.cells import num
from xxgk.report import CellValue, Report, SectionText, empty_tables
from xxgk.template import get_template


@dataclass(frozen=True)
class Consolidation:
    report: Report
    included: tuple[str, ...]
    left_out: tuple[str, ...]


def consolidate(
    parts: Mapping[str, Report], *, organization: str, year: int, signed_on: dt.date | None = None
) -> Consolidation:
    """The consolidated report (`consolidated=True`) of `organization` for `year` over `parts`
    (by unit name)."""
    tpl = get_template("2021")
    usable: dict[str, Report] = {}
    left_out: list[str] = []
    for name, part in parts.items():
        if part.year is not None and part.year != year:
            left_out.append(f"{name}（{part.year}年度）")
        elif part.template != tpl.key:
            left_out.append(f"{name}（{part.spec.name}）")
        else:
            usable[name] = part
    short = any(p.short_other_row for p in usable.values())
    tables = empty_tables(tpl)
    for table in tpl.tables:
        for row in table.rows:
            for col in table.columns_of(row):
                tables[table.key][row.key][col.key] = _sum(
                    usable.values(), table.key, row.key, col.key, short
                )
    if short:
        for key in tpl.table3.row("other").collapses:
            tables["table3"][key] = dict.fromkeys(tables["table3"][key])
    else:
        tables["table3"]["other"] = dict.fromkeys(tables["table3"]["other"])
    report = Report(
        organization=organization,
        year=year,
        title=f"{organization}{year}年政府信息公开工作年度报告",
        signed_on=signed_on,
        consolidated=True,
        other_row="short" if short else "split",
        preamble=(
            f"本报告根据《中华人民共和国政府信息公开条例》和{tpl.issued_by}要求，由{len(usable)}个单位的年度报告汇总编制。"
            f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ),
        sections=[SectionText(number=s.number, heading=s.heading) for s in tpl.sections],
        source_format="data",
        table2=tables["table2"],
        table3=tables["table3"],
        table4=tables["table4"],
    )
    return Consolidation(report, tuple(usable), tuple(left_out))


def _sum(parts: Iterable[Report], table: str, row: str, col: str, short: bool) -> CellValue:
    present = [v for p in parts if (v := _value(p, table, row, col, short)) is not None]
    if not present:
        return None
    return sum((num(v) for v in present), start=Decimal(0) if col == "amount" else 0)


def _value(part: Report, table: str, row: str, col: str, short: bool) -> CellValue:
    data = part.table(table)
    if table == "table3" and row == "other" and short and not part.short_other_row:
        subs = [data[key].get(col) for key in part.spec.table3.row("other").collapses]
        return None if all(v is None for v in subs) else sum(num(v) for v in subs)
    return data.get(row, {}).get(col)
