"""XLSX rendering (openpyxl): one sheet per table in the national layout, plus the long format."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from xxgk.render.layout import Grid, layout_report
from xxgk.render.spreadsheet_text import safe_cell, safe_row
from xxgk.render.tabular import LONG_FIELDS, long_values
from xxgk.report import Report

LONG_SHEET = "长格式数据"
NUMBER_FORMATS = {"count": "0", "amount": "0.00"}

_SIDE = Side(style="thin", color="000000")
_BORDER = Border(left=_SIDE, right=_SIDE, top=_SIDE, bottom=_SIDE)
_FONT = Font(name="宋体", size=10.5)
_BOLD = Font(name="宋体", size=10.5, bold=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def render_xlsx(report: Report) -> bytes:
    """The report's tables as an .xlsx workbook (bytes)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for grid in layout_report(report).values():
        write_grid(workbook.create_sheet(grid.title[:31]), grid)
    write_long_sheet(workbook.create_sheet(LONG_SHEET), [report])
    return _saved(workbook)


def render_long_xlsx(reports: Iterable[Report]) -> bytes:
    """A corpus as one sheet in the long format (one row per report and cell), for analysis."""
    workbook = Workbook(write_only=True)
    write_long_sheet(workbook.create_sheet(LONG_SHEET), reports)
    return _saved(workbook)


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_grid(sheet: Worksheet, grid: Grid) -> None:
    """The grid from A1: merged ranges as laid out, numbers typed with their number format."""
    for r in range(1, grid.height + 1):
        for c in range(1, grid.width + 1):
            sheet.cell(r, c).border = _BORDER
    for p in grid.placed():
        cell = sheet.cell(p.row + 1, p.col + 1)
        if p.cell.role == "value":
            if p.cell.value is not None:
                cell.value = p.cell.value
            cell.number_format = NUMBER_FORMATS[p.cell.kind or "count"]
        elif p.cell.text:
            cell.value = safe_cell(p.cell.text)
        cell.font = _BOLD if p.cell.role in ("caption", "heading") else _FONT
        cell.alignment = _LEFT if p.cell.role in ("stub", "note") else _CENTER
        if p.cell.rowspan > 1 or p.cell.colspan > 1:
            sheet.merge_cells(
                start_row=p.row + 1,
                start_column=p.col + 1,
                end_row=p.row + p.cell.rowspan,
                end_column=p.col + p.cell.colspan,
            )
    for c in range(1, grid.width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = _column_width(grid, c - 1)
    head_rows = sum(len(block.rows) for block in grid.blocks if block.head)
    if head_rows:
        sheet.freeze_panes = sheet.cell(head_rows + 1, grid.stub_columns + 1)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _column_width(grid: Grid, col: int) -> float:
    if col >= grid.stub_columns:
        return 14 if grid.stub_columns == 1 else 9
    if col < grid.stub_columns - 1:
        return 6 if col == 0 else 14
    return 40 if grid.stub_columns > 1 else 24


def write_long_sheet(sheet: Worksheet | WriteOnlyWorksheet, reports: Iterable[Report]) -> int:
    """The long format (tabular.long_values) with a header row; returns the number of data rows."""
    sheet.append(list(LONG_FIELDS))
    count = 0
    for values in long_values(reports):
        sheet.append(safe_row(values))
        count += 1
    if not isinstance(sheet, WriteOnlyWorksheet):
        sheet.freeze_panes = "A2"
    return count
