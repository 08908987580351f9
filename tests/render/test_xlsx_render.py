"""XLSX: one sheet per table with the layout's merged ranges, typed numbers and formats; the long sheet."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
from openpyxl.utils import get_column_letter

from xxgk.render.layout import layout_report
from xxgk.render.tabular import LONG_FIELDS, count_cells
from xxgk.render.xlsx import LONG_SHEET, render_xlsx
from xxgk.report import Report


def _read(value: object) -> object:
    """Excel stores amounts as floats: compare them as the decimals they print."""
    return Decimal(str(value)) if isinstance(value, float) else value


def _open(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))


def test_sheets_have_the_merged_ranges_of_the_layout(random_report: Report) -> None:
    workbook = _open(random_report)
    grids = layout_report(random_report)
    assert workbook.sheetnames == [*(g.title for g in grids.values()), LONG_SHEET]
    for grid in grids.values():
        sheet = workbook[grid.title]
        expected = {
            f"{get_column_letter(p.col + 1)}{p.row + 1}:"
            f"{get_column_letter(p.col + p.cell.colspan)}{p.row + p.cell.rowspan}"
            for p in grid.placed()
            if p.cell.rowspan > 1 or p.cell.colspan > 1
        }
        assert {str(r) for r in sheet.merged_cells.ranges} == expected
        for p in grid.placed():
            if p.cell.role != "value" and p.cell.text:
                assert sheet.cell(p.row + 1, p.col + 1).value == p.cell.text


def test_values_are_typed_numbers_with_their_format(random_report: Report) -> None:
    workbook = _open(random_report)
    for grid in layout_report(random_report).values():
        sheet = workbook[grid.title]
        for p in grid.value_cells():
            cell = sheet.cell(p.row + 1, p.col + 1)
            value = random_report.cell(grid.table_key, p.cell.row_key, p.cell.column_key)
            assert _read(cell.value) == value
            assert cell.number_format == ("0.00" if p.cell.kind == "amount" else "0")


def test_blank_cells_stay_empty() -> None:
    workbook = _open(Report(table3={"new": {"natural_person": 0}}))
    grid = layout_report(Report())["table3"]
    sheet = workbook[grid.title]
    new = [sheet.cell(p.row + 1, p.col + 1).value for p in grid.value_cells() if p.cell.row_key == "new"]
    assert new == [0, None, None, None, None, None, None]


def test_long_sheet_has_one_row_per_template_cell(random_report: Report) -> None:
    sheet = _open(random_report)[LONG_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == LONG_FIELDS
    assert len(rows) - 1 == count_cells(random_report)
    index = {(r[4], r[5], r[6]): _read(r[8]) for r in rows[1:]}
    for table in random_report.spec.tables:
        for row_key, col_key in table.cell_keys():
            assert index[(table.key, row_key, col_key)] == random_report.cell(table.key, row_key, col_key)
