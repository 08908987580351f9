"""Rules across reports: two consecutive years of one agency, and a consolidated report and its parts.

Severities (spec “Rules”, domain notes §1.6 R5/R6):
- X-CARRY-OVER is an error. 二、上年结转 means, by its label, last year's 四、结转下年度继续办理; the
  spec states it without qualification, while it softens the two rules below explicitly. (The
  domain notes call it a warning only because no written source states it; the meaning of the
  rows does.) An agency reorganised between the years is not “one agency” for this rule.
- X-IN-FORCE is a warning: documents that lapse by reaching their 有效期 leave 现行有效件数 without
  being counted as 本年废止.
- X-PENDING is info: agencies count table 四 by different dates.
- X-CONSOLIDATED-SUM is an error only where it is certain: with every part present, or where the
  parts present already exceed the parent (counts are never negative). A missing part makes the
  rest 无法判断 (X-CONSOLIDATED-INCOMPLETE, info), never an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from xxgk.checks.cells import (
    Number,
    cell_name,
    fmt,
    num,
    row_cells,
    row_is_blank,
    rows_in_use,
)
from xxgk.checks.registry import finding, rule, run_rules
from xxgk.findings import Finding, Place
from xxgk.report import Report
from xxgk.template import TOTAL, Column, Row, Table

_SIGNED_COLUMNS = frozenset({"change"})


def carry_over(previous: Report, current: Report) -> list[Finding]:
    """Findings on `current` read against the same agency's report of the year before."""
    return run_rules("years", previous, current)


def consolidated(
    parent: Report, children: Mapping[str, Report] | Sequence[Report], missing: Sequence[str] = ()
) -> list[Finding]:
    """Findings on a consolidated report against its parts (`children`, by unit name if a mapping;
    the parent's own figures, if it reports any, are one of the parts). `missing`: units whose
    report is not in hand."""
    if isinstance(children, Mapping):
        named = dict(children)
    else:
        named = {}
        for i, child in enumerate(children, start=1):
            name = child.organization or f"第{i}个下级单位"
            while name in named:
                name = f"{name}（{i}）"
            named[name] = child
    return run_rules("units", parent, named, tuple(missing))


# --- two years of one agency --------------------------------------------------------------------


def _label(report: Report) -> str:
    return f"{report.year}年度报告" if report.year is not None else "本年度报告"


def _consecutive(previous: Report, current: Report) -> bool:
    return previous.year is None or current.year is None or current.year - previous.year == 1


@rule("X-YEARS-NOT-CONSECUTIVE", "info", "跨年核对须为同一机关相邻两个年度的报告", scope="years")
def check_years_consecutive(previous: Report, current: Report) -> Iterator[Finding]:
    if not _consecutive(previous, current):
        yield finding(
            "X-YEARS-NOT-CONSECUTIVE",
            f"所给两份报告为{previous.year}年度和{current.year}年度，并非相邻年度，未作跨年核对",
            place=Place(report=_label(current)),
            expected=(current.year or 0) - 1,
            actual=previous.year,
        )


def _blank_note(*pairs: tuple[str, object]) -> str:
    blanks = [name for name, value in pairs if value is None]
    return f"（{'、'.join(blanks)}为空，按0计）" if blanks else ""


@rule("X-CARRY-OVER", "error", "本年「上年结转」应等于上年「结转下年度继续办理」（逐列）", scope="years")
def check_carry_over(previous: Report, current: Report) -> Iterator[Finding]:
    if not _consecutive(previous, current):
        return
    table = current.spec.table3
    last, this = previous.spec.table3.row("carried_out"), table.row("carried_in")
    if row_is_blank(previous, previous.spec.table3, last) or row_is_blank(current, table, this):
        return  # one of the rows is not there: 无法判断 (TABLE-ROWS-MISSING on that report)
    for col in table.columns:
        before = previous.table3[last.key].get(col.key)
        now = current.table3[this.key].get(col.key)
        if num(before) == num(now):
            continue
        note = _blank_note(("上年数", before), ("本年数", now))
        yield finding(
            "X-CARRY-OVER",
            f"{cell_name(table, this, col)}为{fmt(now)}，而{previous.year or '上'}年度报告"
            f"「{last.label}」同列为{fmt(before)}，两者应相等{note}",
            place=Place(table=table.key, row=this.key, column=col.key, report=_label(current)),
            expected=num(before),
            actual=now,
        )


def _document_rows(table: Table) -> list[Row]:
    """Rows of table 二 that count documents (本年制发 / 本年废止 / 现行有效)."""
    need = {"issued", "repealed", "in_force"}
    return [row for row in table.rows if need <= {c.key for c in table.columns_of(row)}]


@rule(
    "X-IN-FORCE",
    "warning",
    "本年现行有效件数应约等于上年现行有效件数加本年制发减本年废止（规章、行政规范性文件）",
    scope="years",
)
def check_in_force(previous: Report, current: Report) -> Iterator[Finding]:
    if not _consecutive(previous, current):
        return
    table = current.spec.table2
    before_keys = {row.key for row in _document_rows(previous.spec.table2)}
    for row in _document_rows(table):
        if row.key not in before_keys:
            continue  # last year on the 2019 format: no 现行有效件数 to start from
        last_in_force = previous.table2[row.key]["in_force"]
        cells = current.table2[row.key]
        if last_in_force is None or cells["in_force"] is None:
            continue
        expected = num(last_in_force) + num(cells["issued"]) - num(cells["repealed"])
        if num(cells["in_force"]) == expected:
            continue
        col = next(c for c in table.columns_of(row) if c.key == "in_force")
        why = (
            "少于推算数，可能有文件因到期失效而未计入本年废止"
            if num(cells["in_force"]) < expected
            else "多于推算数，请核对本年制发、废止件数"
        )
        note = _blank_note(("本年制发件数", cells["issued"]), ("本年废止件数", cells["repealed"]))
        yield finding(
            "X-IN-FORCE",
            f"{cell_name(table, row, col)}为{fmt(cells['in_force'])}；按上年现行有效{fmt(last_in_force)}"
            f"加本年制发{fmt(cells['issued'])}减本年废止{fmt(cells['repealed'])}推算应为"
            f"{fmt(expected)}，{why}{note}",
            place=Place(table=table.key, row=row.key, column=col.key, report=_label(current)),
            expected=expected,
            actual=cells["in_force"],
        )


@rule("X-PENDING", "info", "上年尚未审结的复议、诉讼案件应在本年表四中体现（审结或仍未审结）", scope="years")
def check_pending(previous: Report, current: Report) -> Iterator[Finding]:
    if not _consecutive(previous, current):
        return
    table = current.spec.table4
    for row in table.rows:
        pending = previous.table4.get(row.key, {}).get("pending")
        if not isinstance(pending, int) or pending <= 0:
            continue
        total = current.table4[row.key][TOTAL]
        if num(total) >= pending:
            continue
        col = next(c for c in table.columns_of(row) if c.key == TOTAL)
        yield finding(
            "X-PENDING",
            f"{previous.year or '上'}年度报告该类尚未审结{pending}件，本年{cell_name(table, row, col)}"
            f"仅为{fmt(total)}；上年未结案件本年应审结或仍计为尚未审结（各机关统计口径不一，仅供参考）",
            place=Place(table=table.key, row=row.key, column=col.key, report=_label(current)),
            expected=f"≥{pending}",
            actual=total,
        )


# --- a consolidated report and its parts -------------------------------------------------------


def _parts_for(
    parent: Report, table: Table, children: dict[str, Report]
) -> tuple[dict[str, Report], list[str]]:
    """The children that can be summed into `table` of the parent, and those that cannot (with why)."""
    usable, unusable = {}, []
    for name, child in children.items():
        if parent.year is not None and child.year is not None and child.year != parent.year:
            unusable.append(f"{name}（{child.year}年度）")
        elif table.key == "table2" and child.template != parent.template:
            unusable.append(f"{name}（{child.spec.name}）")
        else:
            usable[name] = child
    return usable, unusable


def _compared_rows(parent: Report, table: Table, children: dict[str, Report]) -> list[tuple[Row, bool]]:
    """Rows to compare and whether to read each at the level of the short （六） row (when the
    reports print （六） in different forms, only the one-row sum is comparable)."""
    forms = {parent.other_row, *(c.other_row for c in children.values())}
    if table.key != "table3" or len(forms) == 1:
        return [(row, False) for row in rows_in_use(parent, table)]
    subs = {key for row in table.rows for key in row.collapses}
    return [(row, bool(row.collapses)) for row in table.rows if row.key not in subs]


def _value(report: Report, table: Table, row: Row, col: Column, collapsed: bool) -> object:
    data = report.table(table.key)
    if collapsed and not report.short_other_row:
        values = [data.get(key, {}).get(col.key) for key in row.collapses]
        return None if all(v is None for v in values) else sum((num(v) for v in values), start=0)
    return data.get(row.key, {}).get(col.key)


def _tolerance(col: Column, parts: int) -> Decimal:
    # Amounts (万元) are printed rounded, usually to 0.01; each part may be off by half of that.
    return max(Decimal("0.01"), Decimal("0.005") * parts) if col.kind == "amount" else Decimal(0)


def _contributions(values: dict[str, object]) -> str:
    shown = [f"{name}{fmt(v)}" for name, v in values.items() if num(v) != 0]
    if not shown:
        return "各单位均为0或空"
    return "、".join(shown[:8]) + ("等" if len(shown) > 8 else "")


@rule(
    "X-CONSOLIDATED-INCOMPLETE",
    "info",
    "下级报告不全（或年度、格式不同），本级汇总数无法逐格核对",
    scope="units",
)
def check_consolidated_incomplete(
    parent: Report, children: dict[str, Report], missing: tuple[str, ...]
) -> Iterator[Finding]:
    label = parent.organization or "本级报告"
    if missing:
        yield finding(
            "X-CONSOLIDATED-INCOMPLETE",
            f"缺少{len(missing)}个下级单位的报告：{'、'.join(missing)}；本级汇总数无法判断是否等于各单位之和，"
            f"仅在已有单位合计已超过本级数时报错",
            place=Place(report=label),
            actual=list(missing),
        )
    for table in parent.spec.tables:
        _, unusable = _parts_for(parent, table, children)
        if unusable:
            yield finding(
                "X-CONSOLIDATED-INCOMPLETE",
                f"「{table.title}」表：{'、'.join(unusable)}与本级报告年度或格式不同，未计入合计",
                place=Place(table=table.key, report=label),
                actual=unusable,
            )


@rule("X-CONSOLIDATED-SUM", "error", "本级汇总报告表二、表三、表四各格应等于下级单位之和", scope="units")
def check_consolidated_sum(
    parent: Report, children: dict[str, Report], missing: tuple[str, ...]
) -> Iterator[Finding]:
    label = parent.organization or "本级报告"
    for table in parent.spec.tables:
        usable, unusable = _parts_for(parent, table, children)
        complete = not missing and not unusable
        for row, collapsed in _compared_rows(parent, table, usable):
            for col, _ in row_cells(parent, table, row):
                printed = _value(parent, table, row, col, collapsed)
                parts = {name: _value(child, table, row, col, collapsed) for name, child in usable.items()}
                if printed is None and all(v is None for v in parts.values()):
                    continue
                total: Number = sum((num(v) for v in parts.values()), start=0)
                gap = num(printed) - total
                tolerance = _tolerance(col, len(parts))
                if -tolerance <= gap <= tolerance:
                    continue
                if not complete and (gap > 0 or col.key in _SIGNED_COLUMNS):
                    continue  # the missing parts may account for it: 无法判断
                scope = "各下级单位合计" if complete else "即使不计未纳入的单位，已有单位合计"
                yield finding(
                    "X-CONSOLIDATED-SUM",
                    f"本级报告{cell_name(table, row, col)}为{fmt(printed)}，{scope}为{fmt(total)}"
                    f"（{_contributions(parts)}）",
                    place=Place(table=table.key, row=row.key, column=col.key, report=label),
                    expected=total if complete else f"≥{total}",
                    actual=printed,
                )
