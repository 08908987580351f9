"""Formula injection: text starting with = + - @ tab CR is neutralised, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.render.spreadsheet_text import safe_cell, safe_row

EVIL = '=HYPERLINK("http://evil.example","点我")'


@pytest.mark.parametrize(
    "text",
    [EVIL, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=1", "-", "+", "@"],
)
def test_formula_like_text_is_prefixed(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", [0, 5, -3, 2.5, Decimal("-1.25"), None, date(2026, 1, 1), "-3", "+1.5", "-0.5e3"]
)
def test_numbers_and_dates_unchanged(value: object) -> None:
    assert safe_cell(value) == value


@pytest.mark.parametrize("text", ["张三", "a=b", "1+1", "", " =1", "（=）"])
def test_ordinary_text_unchanged(text: str) -> None:
    assert safe_cell(text) == text


@given(st.text())
def test_result_never_starts_like_a_formula_unless_a_plain_number(text: str) -> None:
    out = safe_cell(text)
    assert out == text or out == "'" + text
    if out.startswith(("=", "+", "-", "@", "\t", "\r")):
        float(out)  # only a plain number may keep such a start


def test_openpyxl_writes_text_not_formula() -> None:
    book = openpyxl.Workbook()
    book.active.append(safe_row([EVIL, 7, "-7"]))
    buffer = io.BytesIO()
    book.save(buffer)
    cells = next(openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    assert cells[0].data_type == "s" and cells[0].value == "'" + EVIL
    assert cells[1].value == 7 and cells[1].data_type == "n"


def test_csv_round_trip() -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(safe_row([EVIL, 3]))
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == ["'" + EVIL, "3"]


def test_engine_long_format_csv_and_xlsx_write_text() -> None:
    from xxgk.render.tabular import write_csv
    from xxgk.render.xlsx import render_long_xlsx, render_xlsx
    from xxgk.report import Report

    report = Report(organization=EVIL, year=2023)
    buffer = io.StringIO()
    write_csv([report], buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows and {row["organization"] for row in rows} == {"'" + EVIL}
    for content in (render_long_xlsx([report]), render_xlsx(report)):
        book = openpyxl.load_workbook(io.BytesIO(content))
        texts = [c for s in book.worksheets for row in s.iter_rows() for c in row if isinstance(c.value, str)]
        assert not [c.value for c in texts if c.value.startswith("=") or c.data_type == "f"]
    long_cells = [
        c
        for row in openpyxl.load_workbook(io.BytesIO(render_long_xlsx([report]))).active.iter_rows()
        for c in row
    ]
    assert "'" + EVIL in {c.value for c in long_cells}
