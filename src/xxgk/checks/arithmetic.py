"""The arithmetic of tables 二/三/四 (勾稽关系 and cell values), derived from the template.

Each identity is a signed sum of cells that must be zero. When one cell explains every failed
identity of a table (it lies in all of them, in no identity that holds, and the same correction
fixes each), every finding points at that cell with the value the identities imply; otherwise each
finding points at the cell its identity computes (a total, or 结转下年度). One corrupted cell thus
yields one finding per identity it breaks, all naming it, and nothing elsewhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from operator import itemgetter, neg
from typing import Any

from xxgk.checks.cells import (
    Number,
    cell_name,
    cells_left_unread,
    collapsed_rows,
    column_name,
    counts_not_negative,
    counts_only,
    fmt,
    is_number,
    missing_rows,
    num,
    row_cells,
    row_is_blank,
    row_name,
    row_values,
    rows_in_use,
    table_values,
    unused_rows,
)
from xxgk.checks.registry import finding, rule
from xxgk.findings import Finding, Place
from xxgk.report import Report
from xxgk.template import TOTAL, Table, get_template

Cell = tuple[str, str]  # (row key, column key)

# Columns printed with a sign (2019 trial format, 本年增/减); the JSON Schema allows them too.
SIGNED_COLUMNS = frozenset({"change"})


@dataclass(frozen=True)
class Identity:
    """Σ coefficient × cell = 0 over `terms`; `target` is the cell the identity computes."""

    code: str
    table: str
    # What the identity is about: a column key (表三 per column), a row key (per row / block).
    about: str
    terms: tuple[tuple[Cell, int], ...]
    target: Cell

    def coefficient(self, cell: Cell) -> int:
        return next(k for c, k in self.terms if c == cell)

    def residual(self, report: Report) -> Number:
        data = report.table(self.table)
        return sum((k * num(data[r][c]) for (r, c), k in self.terms), start=0)

    def blanks(self, report: Report) -> list[Cell]:
        data = report.table(self.table)
        return [cell for cell, _ in self.terms if data[cell[0]][cell[1]] is None]


@dataclass(frozen=True)
class Failure:
    identity: Identity
    residual: Number
    # Where the finding points, and the value the identity implies there.
    cell: Cell
    expected: Number
    located: bool


# --- the identities, from the template ----------------------------------------------------


def table3_identities(report: Report) -> tuple[Identity, ...]:
    """勾稽关系 of table 三: per column 一+二=三（七）+四 and 总计=Σ办理结果; per row 总计列=Σ申请人列."""
    return _system("table3", report.spec.key, report.short_other_row).identities


def table4_identities(report: Report) -> tuple[Identity, ...]:
    """Table 四, per block: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    return _system("table4", report.spec.key, report.short_other_row).identities


@dataclass(frozen=True)
class _System:
    """A table's identities and, per cell, the identities it takes part in with its coefficient.

    Both depend only on the template and the form of （六）, so they are built once per pair, and so
    is the plan for `residuals` (three rules ask for them, per report): every cell read once, row
    by row, then each identity a plain sum over prepared positions."""

    table: str
    identities: tuple[Identity, ...]
    member: dict[Cell, dict[int, int]]
    # The cells of `member`, row by row: (row key, getter of its cells), in the order they are read.
    rows: tuple[tuple[str, itemgetter[Any]], ...]
    # Per identity, its terms as positions in the cells read followed by their negations.
    sums: tuple[itemgetter[Any], ...]

    def residuals(self, report: Report) -> list[Number]:
        """`Identity.residual` of every identity, in order, with the same arithmetic."""
        data = report.table(self.table)
        values: list[Any] = []
        for row, cells in self.rows:
            values.extend(cells(data[row]))
        if counts_only(values):  # `num` maps whole numbers to themselves, blanks to 0
            values = [0 if v is None else v for v in values]
            signed = [*values, *map(neg, values)]
        else:
            signed = [k * v for k in (1, -1) for v in map(num, values)]
        return [sum(terms(signed)) for terms in self.sums]


@cache
def _system(table_key: str, template: str, short_other_row: bool) -> _System:
    spec = get_template(template)
    identities = _table3(spec.table3, short_other_row) if table_key == "table3" else _table4(spec.table4)
    member: dict[Cell, dict[int, int]] = defaultdict(dict)
    by_row: dict[str, list[str]] = defaultdict(list)
    for i, ident in enumerate(identities):
        for cell, k in ident.terms:
            if cell not in member:
                by_row[cell[0]].append(cell[1])
            member[cell][i] = k
    # `residuals` relies on these: coefficients 1 or -1, and two items at least for each getter
    # (an itemgetter of one item gives the item, not a tuple).
    if any(k not in (1, -1) for ident in identities for _, k in ident.terms):
        raise ValueError(f"{table_key}: an identity with a coefficient other than 1 or -1")
    if any(len(ident.terms) < 2 for ident in identities) or any(len(cols) < 2 for cols in by_row.values()):
        raise ValueError(f"{table_key}: an identity or a row of identities with a single cell")
    order = [(row, col) for row, cols in by_row.items() for col in cols]
    position = {cell: i for i, cell in enumerate(order)}
    sums = tuple(
        itemgetter(*(position[cell] + (0 if k == 1 else len(order)) for cell, k in ident.terms))
        for ident in identities
    )
    rows = tuple((row, itemgetter(*cols)) for row, cols in by_row.items())
    return _System(table_key, identities, dict(member), rows, sums)


def _table3(table: Table, short_other_row: bool) -> tuple[Identity, ...]:
    skip = collapsed_rows(table, short_other_row)
    results = [row.key for row in table.rows if row.is_result and row.key not in skip]
    balance, result_sum, row_sum = [], [], []
    for col in table.columns:
        c = col.key
        balance.append(
            Identity(
                "T3-BALANCE",
                table.key,
                c,
                ((("new", c), 1), (("carried_in", c), 1), ((TOTAL, c), -1), (("carried_out", c), -1)),
                ("carried_out", c),
            )
        )
        result_sum.append(
            Identity(
                "T3-RESULT-SUM",
                table.key,
                c,
                (*(((r, c), 1) for r in results), ((TOTAL, c), -1)),
                (TOTAL, c),
            )
        )
    applicants = [col.key for col in table.columns if col.key != TOTAL]
    for row in table.rows:
        row_sum.append(
            Identity(
                "T3-ROW-SUM",
                table.key,
                row.key,
                (*(((row.key, a), 1) for a in applicants), ((row.key, TOTAL), -1)),
                (row.key, TOTAL),
            )
        )
    return (*balance, *result_sum, *row_sum)


def _table4(table: Table) -> tuple[Identity, ...]:
    out = []
    for row in table.rows:
        parts = [col.key for col in table.columns_of(row) if col.key != TOTAL]
        out.append(
            Identity(
                "T4-BLOCK-SUM",
                table.key,
                row.key,
                (*(((row.key, p), 1) for p in parts), ((row.key, TOTAL), -1)),
                (row.key, TOTAL),
            )
        )
    return tuple(out)


def failures(report: Report, system: _System) -> list[Failure]:
    """The identities that do not hold, each placed on the single cell that explains them all if
    there is one, else on its own target cell."""
    identities = system.identities
    residuals = system.residuals(report)
    failed = {i for i, r in enumerate(residuals) if r != 0}
    if not failed:
        return []
    # An identity over a cell the reading left null cannot be checked: its value is unknown, and
    # counting it as 0 would raise an alarm against a report that balances.
    unread = cells_left_unread(report, report.spec.table(system.table))
    failed = {i for i in failed if not any(cell in unread for cell, _ in identities[i].terms)}
    if not failed:
        return []
    candidates = []
    for cell, where in system.member.items():
        if where.keys() != failed:
            continue
        deltas = {-residuals[i] * k for i, k in where.items()}
        if len(deltas) == 1:
            candidates.append(cell)
    located = candidates[0] if len(candidates) == 1 else None
    out = []
    for i in sorted(failed):
        ident = identities[i]
        cell = located or ident.target
        printed = report.table(ident.table)[cell[0]][cell[1]]
        expected = num(printed) - residuals[i] * ident.coefficient(cell)
        out.append(Failure(ident, residuals[i], cell, expected, located is not None))
    return out


# --- messages -------------------------------------------------------------------------------


def _note_wording(report: Report) -> str:
    """The 勾稽关系 note printed on table 三, without its brackets."""
    return (report.spec.table3.note or "").strip("（）()")


def _value_text(report: Report, table: Table, cell: Cell) -> str:
    return fmt(report.table(table.key)[cell[0]][cell[1]])


def _tail(report: Report, table: Table, fail: Failure) -> str:
    text = ""
    blanks = fail.identity.blanks(report)
    if blanks:
        names = "".join(cell_name(table, table.row(r), _column(table, r, c)) for r, c in blanks)
        text += f"；其中{len(blanks)}格为空，按0计：{names}"
    if fail.located:
        row, col = fail.cell
        text += (
            f"；各项勾稽关系共同指向{cell_name(table, table.row(row), _column(table, row, col))}，"
            f"按本关系推算该格应为{fmt(fail.expected)}"
        )
    return text


def _column(table: Table, row_key: str, col_key: str):
    return next(c for c in table.columns_of(table.row(row_key)) if c.key == col_key)


def _finding(report: Report, table: Table, fail: Failure, message: str) -> Finding:
    row, col = fail.cell
    return finding(
        fail.identity.code,
        message + _tail(report, table, fail),
        place=Place(table=table.key, row=row, column=col),
        expected=fail.expected,
        actual=report.table(table.key)[row][col],
    )


def _table3_failures(report: Report, code: str) -> Iterator[Failure]:
    for fail in failures(report, _system("table3", report.spec.key, report.short_other_row)):
        if fail.identity.code == code:
            yield fail


# --- rules: identities ------------------------------------------------------------------------


@rule("T3-BALANCE", "error", "表三每列：第一项加第二项之和，等于第三项加第四项之和（表上所印勾稽关系）")
def check_t3_balance(report: Report) -> Iterator[Finding]:
    table = report.spec.table3
    for fail in _table3_failures(report, "T3-BALANCE"):
        c = fail.identity.about
        v = {r: num(report.table3[r][c]) for r in ("new", "carried_in", TOTAL, "carried_out")}
        message = (
            f"「{column_name(_column(table, 'new', c))}」列不符合勾稽关系“{_note_wording(report)}”："
            f"第一项{fmt(v['new'])}加第二项{fmt(v['carried_in'])}为{fmt(v['new'] + v['carried_in'])}，"
            f"第三项（七）总计{fmt(v[TOTAL])}加第四项{fmt(v['carried_out'])}为"
            f"{fmt(v[TOTAL] + v['carried_out'])}"
        )
        yield _finding(report, table, fail, message)


@rule("T3-RESULT-SUM", "error", "表三每列：（七）总计等于各项办理结果之和")
def check_t3_result_sum(report: Report) -> Iterator[Finding]:
    table = report.spec.table3
    for fail in _table3_failures(report, "T3-RESULT-SUM"):
        c = fail.identity.about
        parts = sum((num(report.table3[cell[0]][c]) for cell, k in fail.identity.terms if k > 0), start=0)
        form = "一行" if report.short_other_row else "三个子项"
        message = (
            f"「{column_name(_column(table, TOTAL, c))}」列：（七）总计为{_value_text(report, table, (TOTAL, c))}，"
            f"而（一）至（六）各项办理结果之和为{fmt(parts)}（其中“（六）其他处理”按{form}计）"
        )
        yield _finding(report, table, fail, message)


@rule("T3-ROW-SUM", "error", "表三每行：总计列等于自然人与法人或其他组织五列之和")
def check_t3_row_sum(report: Report) -> Iterator[Finding]:
    table = report.spec.table3
    for fail in _table3_failures(report, "T3-ROW-SUM"):
        r = fail.identity.about
        parts = sum((num(report.table3[r][cell[1]]) for cell, k in fail.identity.terms if k > 0), start=0)
        message = (
            f"「{row_name(table, table.row(r))}」行：总计列为{_value_text(report, table, (r, TOTAL))}，"
            f"而自然人与法人或其他组织五列之和为{fmt(parts)}"
        )
        yield _finding(report, table, fail, message)


@rule("T4-BLOCK-SUM", "error", "表四每类：总计等于结果维持、结果纠正、其他结果、尚未审结之和")
def check_t4_block_sum(report: Report) -> Iterator[Finding]:
    table = report.spec.table4
    for fail in failures(report, _system("table4", report.spec.key, report.short_other_row)):
        row = table.row(fail.identity.about)
        name = row_name(table, row)
        parts = [c for c in table.columns_of(row) if c.key != TOTAL]
        total = sum((num(report.table4[row.key][c.key]) for c in parts), start=0)
        message = (
            f"「{name}」：总计为{_value_text(report, table, (row.key, TOTAL))}，"
            f"而{'、'.join(c.label for c in parts)}之和为{fmt(total)}"
        )
        yield _finding(report, table, fail, message)


# --- rules: cell values -----------------------------------------------------------------------


@rule("CELL-NOT-INTEGER", "error", "件数须为整数（收费金额须为数字）")
def check_not_integer(report: Report) -> Iterator[Finding]:
    for table in report.spec.tables:
        if counts_only(table_values(report, table)):
            continue
        for row in table.rows:
            values = row_values(report, table, row)
            if counts_only(values):
                continue  # a whole number fits an amount column too
            for col, value in zip(table.columns_of(row), values, strict=True):
                if value is None:
                    continue
                bad = not is_number(value) if col.kind == "amount" else not _whole(value)
                if bad:
                    what = "数字" if col.kind == "amount" or not is_number(value) else "整数"
                    yield finding(
                        "CELL-NOT-INTEGER",
                        f"{cell_name(table, row, col)}应为{what}，表中为{value!r}",
                        place=Place(table=table.key, row=row.key, column=col.key),
                        expected=what,
                        actual=value,
                    )


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@rule("CELL-NEGATIVE", "error", "件数与收费金额不得为负数")
def check_negative(report: Report) -> Iterator[Finding]:
    for table in report.spec.tables:
        if counts_not_negative(table_values(report, table)):
            continue
        for row in table.rows:
            values = row_values(report, table, row)
            if counts_not_negative(values):
                continue
            for col, value in zip(table.columns_of(row), values, strict=True):
                if col.key in SIGNED_COLUMNS or not is_number(value) or value >= 0:
                    continue
                yield finding(
                    "CELL-NEGATIVE",
                    f"{cell_name(table, row, col)}为负数{fmt(value)}；件数与金额均应不小于0",
                    place=Place(table=table.key, row=row.key, column=col.key),
                    expected="≥0",
                    actual=value,
                )


@rule("CELL-BLANK", "warning", "表格单元格空白或印为“/”“—”，不合格式（核算时按0计）")
def check_blank(report: Report) -> Iterator[Finding]:
    explained = {(f.place.table, f.place.row, f.place.column) for f in report.findings}
    not_shown: dict[str, set[str]] | None = None  # read once a row has a blank, most have none
    for table in report.spec.tables:
        rows = rows_in_use(report, table)
        unread: set[tuple[str, str]] | None = None  # read once a row has a blank
        for row in rows:
            values = row_values(report, table, row)
            if None not in values:
                continue
            if not_shown is None:
                not_shown = missing_rows(report)
            if len(not_shown[table.key]) == len(rows):
                break  # the whole table is missing: TABLE-ROWS-MISSING
            if row.key in not_shown[table.key]:
                continue  # the row is missing: TABLE-ROWS-MISSING
            if unread is None:
                unread = cells_left_unread(report, table)
            # A cell the parser explained (unreadable, run-together digits, a row it could not place)
            # is not “printed blank”: saying so would blame the report for the reading.
            blank = [
                col
                for col, value in zip(table.columns_of(row), values, strict=True)
                if value is None
                and (table.key, row.key, col.key) not in explained
                and (row.key, col.key) not in unread
            ]
            if not blank:
                continue
            names = "".join(f"「{column_name(col)}」" for col in blank)
            yield finding(
                "CELL-BLANK",
                f"「{row_name(table, row)}」行{names}{'列' if table.columns else ''}为空"
                f"（或印为“/”“—”），应填写数字（无则填0）；核算勾稽关系时按0计",
                place=Place(table=table.key, row=row.key, column=blank[0].key),
            )


@rule("T3-OTHER-MIXED", "error", "表三（六）其他处理不得既按一行又按三个子项填写")
def check_other_mixed(report: Report) -> Iterator[Finding]:
    table = report.spec.table3
    skip = unused_rows(report, table)
    for short in (row for row in table.rows if row.collapses):
        subs = [row for row in table.rows if row.key in short.collapses]
        if (
            not subs
            or row_is_blank(report, table, short)
            or all(row_is_blank(report, table, r) for r in subs)
        ):
            continue
        stray = [
            (row, col, value)
            for row in (short, *subs)
            if row.key in skip
            for col, value in row_cells(report, table, row)
            if value is not None
        ]
        row, col, value = stray[0]
        used = "一行（简式）" if report.short_other_row else "三个子项"
        message = (
            f"{short.label}既按一行填写，又按三个子项填写；本报告按{used}核算，"
            f"{cell_name(table, row, col)}等{len(stray)}格未计入总计"
        )
        yield finding(
            "T3-OTHER-MIXED",
            message,
            place=Place(table=table.key, row=row.key, column=col.key),
            expected=None,
            actual=value,
        )


_TOWNSHIP = re.compile(r"(?:[乡镇]|街道)(?:人民政府|政府|办事处)?$")


@rule("T2-TOWNSHIP-REGULATIONS", "warning", "乡镇、街道无权制定规章，表二规章一行应为0")
def check_township_regulations(report: Report) -> Iterator[Finding]:
    name = (report.organization or "").strip()
    if not _TOWNSHIP.search(name):
        return
    table = report.spec.table2
    for row in table.rows:
        if row.key != "regulations":
            continue
        for col, value in row_cells(report, table, row):
            if is_number(value) and value > 0:
                yield finding(
                    "T2-TOWNSHIP-REGULATIONS",
                    f"{name}为乡镇或街道，无权制定规章，{cell_name(table, row, col)}却为{fmt(value)}，"
                    f"可能误将规范性文件计入规章",
                    place=Place(table=table.key, row=row.key, column=col.key),
                    expected=0,
                    actual=value,
                )
                return
