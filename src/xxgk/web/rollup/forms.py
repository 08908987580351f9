"""Forms of the rollup pages: the upload, and the report's cells laid out from the template."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from xxgk.checks.cells import rows_in_use
from xxgk.report import Report
from xxgk.template import CellKey
from xxgk.template.describe import describe_cell


class UploadForm(forms.Form):
    file = forms.FileField(
        label="年度报告文件",
        help_text="DOCX、PDF、HTML（含网页另存）、文本、JSON，或扫描件（PDF、PNG、JPEG，经 OCR 识别）；原文件将随报告一并保存。",
    )


@dataclass(frozen=True)
class CellField:
    key: str
    value: str
    label: str
    column: str
    unread: bool
    corrected: bool


@dataclass(frozen=True)
class RowFields:
    label: str
    cells: list[CellField]


@dataclass(frozen=True)
class TableFields:
    title: str
    rows: list[RowFields]


def cell_tables(report: Report, unread: set[str], corrected: set[str]) -> list[TableFields]:
    """Every cell the report's form uses, with its printed name, for the correction form."""
    tables = []
    for table in report.spec.tables:
        rows = []
        for row in rows_in_use(report, table):
            cells = []
            for col in table.columns_of(row):
                key = str(CellKey(table.key, row.key, col.key))
                value = report.table(table.key)[row.key][col.key]
                cells.append(
                    CellField(
                        key,
                        "" if value is None else str(value),
                        describe_cell(table.key, row.key, col.key),
                        col.label,
                        key in unread,
                        key in corrected,
                    )
                )
            caption = f"{row.caption} " if row.caption else ""
            rows.append(RowFields(f"{caption}{row.printed_label}", cells))
        tables.append(TableFields(table.title, rows))
    return tables
