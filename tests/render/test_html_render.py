"""HTML: accessible table markup (caption, th scope, spans as laid out) and every value in its cell."""

from __future__ import annotations

import datetime as dt

from lxml import html as lxml_html

from xxgk.render.html import render_fragment, render_page
from xxgk.render.layout import layout_report
from xxgk.report import Report


def test_page_has_tables_in_their_sections_with_captions_and_scopes(random_report: Report) -> None:
    root = lxml_html.fromstring(render_page(random_report))
    assert root.get("lang") == "zh-CN"
    assert root.findtext(".//title") == root.findtext(".//h1")
    sections = root.findall(".//section")
    assert [s.findtext("h2") for s in sections] == [s.heading for s in random_report.spec.sections]
    grids = layout_report(random_report)
    for number, key in ((2, "table2"), (3, "table3"), (4, "table4")):
        (table,) = sections[number - 1].findall(".//table")
        grid = grids[key]
        assert table.findtext("caption") == grid.title
        headers = table.findall(".//th")
        assert headers and all(th.get("scope") in {"row", "col", "rowgroup", "colgroup"} for th in headers)
        rows = table.findall(".//tr")
        assert len(rows) == grid.height
        for tr, grid_row in zip(rows, grid.rows, strict=True):
            cells = tr.findall("./*")
            assert [(int(c.get("rowspan", 1)), int(c.get("colspan", 1))) for c in cells] == [
                (g.rowspan, g.colspan) for g in grid_row
            ]
            assert [(c.text or "") for c in cells] == [g.text for g in grid_row]
    for section in (sections[0], sections[4], sections[5]):
        assert not section.findall(".//table")


def test_every_value_is_in_the_cell_of_its_row_and_column(random_report: Report) -> None:
    root = lxml_html.fromstring(render_page(random_report))
    for table in random_report.spec.tables:
        section = root.get_element_by_id(f"xxgk-section-{_number(random_report, table.title)}")
        for p in layout_report(random_report)[table.key].value_cells():
            (td,) = section.xpath(f'.//td[@data-row="{p.cell.row_key}"][@data-column="{p.cell.column_key}"]')
            assert (td.text or "") == p.cell.text
            value = random_report.cell(table.key, p.cell.row_key, p.cell.column_key)
            assert (td.text or "") == ("" if value is None else str(value))


def _number(report: Report, title: str) -> int:
    return next(s.number for s in report.spec.sections if s.heading == title)


def test_fragment_is_embeddable_and_autoescaped() -> None:
    report = Report(
        organization="<script>alert(1)</script>机关",
        year=2023,
        signed_on=dt.date(2024, 1, 26),
        sections=[{"number": 1, "heading": "一、总体情况", "text": "a & b <i>x</i>"}],
    )
    fragment = render_fragment(report)
    assert "<html" not in fragment and fragment.lstrip().startswith("<article")
    assert "<script>" not in fragment and "&lt;script&gt;" in fragment
    assert "a &amp; b &lt;i&gt;x&lt;/i&gt;" in fragment
    root = lxml_html.fromstring(fragment)
    assert root.xpath("string(.//*[@class='xxgk-signature']//time)") == "2024年1月26日"
    assert root.xpath("string(.//*[@class='xxgk-signature']//time/@datetime)") == "2024-01-26"


def test_page_is_printable_a4() -> None:
    page = render_page(Report())
    assert "size: A4" in page and "@page" in page
    assert '"rowgroup"' in page  # the stylesheet is inlined, not escaped
