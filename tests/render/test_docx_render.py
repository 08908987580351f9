"""DOCX: 公文 page and fonts, real Word tables merged exactly where the layout merges, values in place."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.shared import Mm

from xxgk.render.docx import render_docx
from xxgk.render.layout import Grid, layout_report
from xxgk.report import Report


def _open(report: Report) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(report)))


def read_spans(table: docx.table.Table) -> dict[tuple[int, int], tuple[int, int, str]]:
    """(row, col) of each visible cell → (rowspan, colspan, text), read from gridSpan/vMerge in the XML."""
    cells: dict[tuple[int, int], tuple[int, int, str]] = {}
    for r, tr in enumerate(table._tbl.tr_lst):
        c = 0
        for tc in tr.tc_lst:
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if tc.vMerge == "continue":
                top = max(row for (row, col) in cells if col == c and row < r)
                rowspan, colspan, top_text = cells[(top, c)]
                cells[(top, c)] = (rowspan + 1, colspan, top_text)
            else:
                cells[(r, c)] = (1, tc.grid_span, text)
            c += tc.grid_span
    return cells


def expected_spans(grid: Grid) -> dict[tuple[int, int], tuple[int, int, str]]:
    return {(p.row, p.col): (p.cell.rowspan, p.cell.colspan, p.cell.text) for p in grid.placed()}


def test_tables_are_merged_exactly_as_laid_out(random_report: Report) -> None:
    document = _open(random_report)
    grids = list(layout_report(random_report).values())
    assert len(document.tables) == 3
    for table, grid in zip(document.tables, grids, strict=True):
        assert len(table.rows) == grid.height and len(table.columns) == grid.width
        assert read_spans(table) == expected_spans(grid)
        # python-docx sees one cell object across each merged range.
        cells = table._cells  # row-major, one entry per grid position (what table.cell() reads)

        def tc_at(row: int, col: int, grid: Grid = grid, cells: list = cells) -> object:
            return cells[row * grid.width + col]._tc

        for p in grid.placed():
            corner = tc_at(p.row + p.cell.rowspan - 1, p.col + p.cell.colspan - 1)
            assert corner is tc_at(p.row, p.col)


def test_every_value_is_in_its_cell(random_report: Report) -> None:
    document = _open(random_report)
    for table, grid in zip(document.tables, layout_report(random_report).values(), strict=True):
        cells = table._cells
        for p in grid.value_cells():
            value = random_report.cell(grid.table_key, p.cell.row_key, p.cell.column_key)
            assert cells[p.row * grid.width + p.col].text == ("" if value is None else str(value))


def test_page_is_a4_with_gongwen_margins_and_page_numbers() -> None:
    document = _open(Report(organization="某局", year=2023))
    section = document.sections[0]

    def mm(length: int) -> float:
        return round(length / Mm(1), 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(mm(m) for m in margins) == (37, 35, 28, 26)
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml


def test_every_run_names_its_east_asian_font(random_report: Report) -> None:
    document = _open(random_report)
    body = document.element.body
    runs = list(body.iter(qn("w:r")))
    assert runs
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and fonts.get(qn("w:eastAsia")), run.xml
    title_run = document.paragraphs[0].runs[0]
    assert title_run.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title_run.font.size.pt == 22
    body_run = document.paragraphs[1].runs[0]
    assert body_run.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body_run.font.size.pt == 16


def test_fallback_fonts_are_declared_in_the_font_table() -> None:
    document = _open(Report())
    part = next(p for p in document.part.package.iter_parts() if p.partname.endswith("/fontTable.xml"))
    xml = part.blob.decode("utf-8")
    assert 'w:name="仿宋_GB2312"' in xml and 'w:altName w:val="仿宋"' in xml
    assert 'w:name="方正小标宋简体"' in xml


def test_signature_block_and_sections() -> None:
    import datetime as dt

    document = _open(Report(organization="某局", year=2023, signed_on=dt.date(2024, 1, 26)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "某局2023年政府信息公开工作年度报告"
    assert texts[-2:] == ["某局", "2024年1月26日"]
    assert "三、收到和处理政府信息公开申请情况" in texts
