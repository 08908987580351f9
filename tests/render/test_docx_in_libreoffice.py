"""The DOCX report as Word/WPS users see it: LibreOffice lays it out on no more pages than the PDF
renderer, table 三 on no more pages than in the PDF, and the table's pages are kept as PNG."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from support.word_layout import keep_pngs, libreoffice_pdf, page_texts, pages_between
from xxgk.parse.detect import read_report
from xxgk.render import render
from xxgk.report import Report

SEED = Path(__file__).resolve().parent.parent / "data" / "seeds" / "000_a506050fcd0660b0.txt"
# Table 三 runs from its first row to its last (labels of the 2021 template).
TABLE3_FIRST, TABLE3_LAST = "本年新收政府信息公开申请数量", "结转下年度继续办理"


def _seed() -> Report:
    return read_report(SEED.read_bytes(), source=SEED.name)


def test_seed_docx_takes_no_more_pages_than_the_pdf_and_table3_no_more(tmp_path: Path) -> None:
    report = _seed()
    weasy = tmp_path / "weasyprint.pdf"
    weasy.write_bytes(render(report, "pdf"))
    writer = libreoffice_pdf(render(report, "docx"), tmp_path, "report")
    pdf_pages, docx_pages = len(page_texts(weasy)), len(page_texts(writer))
    table_in_pdf = pages_between(weasy, TABLE3_FIRST, TABLE3_LAST)
    table_in_docx = pages_between(writer, TABLE3_FIRST, TABLE3_LAST)
    keep_pngs(writer, table_in_docx, "annual-report-docx-table3")
    assert docx_pages <= pdf_pages, (docx_pages, pdf_pages)
    assert len(table_in_docx) <= len(table_in_pdf), (table_in_docx, table_in_pdf)


def test_tables_carry_their_grid_fixed_layout_unsplit_rows_and_repeated_header() -> None:
    """What LibreOffice and WPS read: the column widths in w:tblGrid (label columns about half of
    table 三, as in the PDF), a fixed layout, rows that do not split, the header rows repeated."""
    doc = docx.Document(io.BytesIO(render(_seed(), "docx")))
    table3 = next(t for t in doc.tables if TABLE3_FIRST in "".join(c.text for c in t.columns[0].cells))
    tbl = table3._tbl
    grid = [int(col.get(qn("w:w"))) for col in tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 10
    labels = sum(grid[:3]) / sum(grid)
    assert 0.45 <= labels <= 0.6, grid
    assert len(set(grid[3:])) == 1 and grid[2] > 3 * grid[3], grid
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    margins = tbl.tblPr.find(qn("w:tblCellMar"))
    assert [int(m.get(qn("w:w"))) for m in margins] == [60, 60]  # 3 pt, as the PDF's padding
    assert int(tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == pytest.approx(sum(grid), abs=3)
    rows = tbl.findall(qn("w:tr"))
    assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
    headers = [row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in rows]
    assert headers[0] and not headers[-1] and headers == sorted(headers, reverse=True)
