"""The DOCX reader's grid step, on the real (LibreOffice-made) DOCX and on generated ones."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from support.real_inputs import REPORTS
from xxgk.parse.detect import read_report
from xxgk.parse.docx import read_docx
from xxgk.parse.errors import ReportReadError
from xxgk.parse.grid import Document, GridTable
from xxgk.parse.html import read_html

DOCX = REPORTS / "pingtan-2024-guanweihui.docx"
HTML = REPORTS / "pingtan-2024-guanweihui.html"


def grid(table: GridTable) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]


def to_bytes(word: object) -> bytes:
    out = io.BytesIO()
    word.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


@pytest.fixture(scope="module")
def real() -> Document:
    return read_docx(DOCX.read_bytes(), source=DOCX.name)


def test_real_docx_figures(real: Document) -> None:
    assert real.source_format == "docx"
    assert real.source == DOCX.name
    assert len(real.tables) == 3
    table2, table3, table4 = real.tables
    assert [c.text for c in table2.rows[3]] == ["行政规范性文件", "62", "33", "440"]
    assert grid(table2)[13] == [("行政事业性收费", 1, 1), ("18651.06", 1, 3)]
    # The first header rows of table 三, spans as printed (vMerge restart + 2 continuations = 3).
    assert grid(table3)[0] == [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
        ("申请人情况", 1, 7),
    ]
    assert grid(table3)[1] == [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]
    assert [c.text for c in table3.rows[2]] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert grid(table3)[3] == [
        ("一、本年新收政府信息公开申请数量", 1, 3),
        *[(v, 1, 1) for v in ["217", "1", "0", "0", "0", "0", "218"]],
    ]
    assert grid(table3)[5][:2] == [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)]
    assert [c.text for c in table3.rows[5][2:]] == ["71", "0", "0", "0", "0", "0", "71"]
    assert grid(table3)[15][:2] == [("（四）无法提供", 3, 1), ("1.本机关不掌握相关政府信息", 1, 1)]
    assert [c.text for c in table3.rows[25]] == ["3.其他", "1", "1", "0", "0", "0", "0", "2"]
    assert [c.text for c in table3.rows[26]] == ["（七）总计", "217", "1", "0", "0", "0", "0", "218"]
    assert len(table3.rows) == 28
    assert [c.text for c in table4.rows[3]] == [
        *["2", "1", "3", "1", "7"],
        *["0", "0", "0", "0", "0"],
        *["13", "2", "4", "0", "19"],
    ]
    assert real.lines[0].text == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert real.lines[-1].text == "2024年，无收取信息处理费情况。"


def test_real_docx_reads_like_the_page_it_was_made_from(real: Document) -> None:
    page = read_html(HTML.read_bytes())
    assert [line.text for line in real.lines] == [line.text for line in page.lines]
    assert [grid(t) for t in real.tables] == [grid(t) for t in page.tables]
    assert [t.after_line for t in real.tables] == [t.after_line for t in page.tables]
    # Lines and cells carry the ordinal of their body block.
    ordinals = [line.line for line in real.lines]
    assert ordinals == sorted(ordinals) and ordinals[0] == 1


def test_generated_docx_with_merged_cells() -> None:
    word = new_docx()
    word.add_paragraph("某局2023年度政府信息公开工作年度报告")
    word.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = word.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "行政复议"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "行政诉讼"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "结果维持"
    table.cell(1, 1).text = "甲"
    table.cell(2, 1).text = "乙"
    table.cell(1, 2).merge(table.cell(2, 3)).text = "块"
    for col, value in enumerate(["1", "2", "3", "4"]):
        table.cell(3, col).text = value
    cell = table.cell(3, 0)
    cell.add_paragraph("5")  # a second paragraph in the cell: joined with ""
    word.add_paragraph("五、存在的主要问题及改进情况")
    doc = read_docx(to_bytes(word))
    assert [line.text for line in doc.lines] == [
        "某局2023年度政府信息公开工作年度报告",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ]
    assert len(doc.tables) == 1
    assert doc.tables[0].after_line == 2
    assert grid(doc.tables[0]) == [
        [("行政复议", 1, 2), ("行政诉讼", 1, 2)],
        [("结果维持", 2, 1), ("甲", 1, 1), ("块", 2, 2)],
        [("乙", 1, 1)],
        [("15", 1, 1), ("2", 1, 1), ("3", 1, 1), ("4", 1, 1)],
    ]


def test_content_controls_breaks_and_deleted_text() -> None:
    word = new_docx()
    word.add_paragraph("第一段")
    body = word.element.body
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent>"
        "<w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)
    para = parse_xml(
        f"<w:p {nsdecls('w')}><w:r><w:t>平潭综合实验区国有资产管理局</w:t><w:br/>"
        "<w:t xml:space='preserve'>  2024年1月26日 </w:t></w:r>"
        "<w:del w:id='1' w:author='x' w:date='2024-01-01T00:00:00Z'><w:r><w:delText>删掉的</w:delText></w:r></w:del>"
        "<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
    )
    body.insert(len(body) - 1, para)
    doc = read_docx(to_bytes(word))
    assert [line.text for line in doc.lines] == [
        "第一段",
        "控件中的段落",
        "平潭综合实验区国有资产管理局",
        "2024年1月26日",
    ]
    assert doc.tables == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a docx at all",
        b"%PDF-1.7\n",
        b"PK\x03\x04" + b"\x00" * 40,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,  # an old binary .doc
    ],
)
def test_not_a_docx_raises_report_read_error(data: bytes) -> None:
    with pytest.raises(ReportReadError) as caught:
        read_docx(data)
    assert "DOCX" in caught.value.message_zh or "Word" in caught.value.message_zh
    assert "无法读取" in caught.value.message_zh
    assert str(caught.value).startswith("cannot read the report")
    assert caught.value.detail


def test_zip_that_is_not_a_docx_raises_report_read_error() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ReportReadError):
        read_docx(out.getvalue())


def test_report_read_error_is_generic() -> None:
    error = ReportReadError("文件为空")
    assert error.message_zh == "文件为空"
    assert error.detail == ""
    assert str(error) == "cannot read the report"
    assert str(ReportReadError("x", "empty input")) == "cannot read the report: empty input"


# --- property: a random merged table written by python-docx reads back as printed ---------


@st.composite
def layouts(draw: st.DrawFn) -> list[tuple[int, int, int, int, str]]:
    """A random tiling of an R×C grid into rectangles (row, col, rowspan, colspan, text)."""
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 5))
    covered = [[False] * n_cols for _ in range(n_rows)]
    rects = []
    for r in range(n_rows):
        for c in range(n_cols):
            if covered[r][c]:
                continue
            rowspan = draw(st.integers(1, n_rows - r))
            colspan = draw(st.integers(1, n_cols - c))
            while any(covered[r][c + k] for k in range(colspan)):
                colspan -= 1
            for i in range(rowspan):
                for k in range(colspan):
                    covered[r + i][c + k] = True
            text = draw(st.text(alphabet="自然人法人组织总计予以公开0123456789.", max_size=8))
            rects.append((r, c, rowspan, colspan, text))
    assume(len(rects) >= 2)
    return rects


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts())
def test_random_merged_table_reads_back(rects: list[tuple[int, int, int, int, str]]) -> None:
    n_rows = max(r + rs for r, _, rs, _, _ in rects)
    n_cols = max(c + cs for _, c, _, cs, _ in rects)
    word = new_docx()
    table = word.add_table(rows=n_rows, cols=n_cols)
    for r, c, rowspan, colspan, text in rects:
        cell = table.cell(r, c)
        if rowspan > 1 or colspan > 1:
            cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
        cell.text = text
    doc = read_docx(to_bytes(word))
    expected: list[list[tuple[str, int, int]]] = [[] for _ in range(n_rows)]
    for r, _c, rowspan, colspan, text in sorted(rects):
        expected[r].append((text, rowspan, colspan))
    assert grid(doc.tables[0]) == expected


def test_a_word_97_or_odt_document_is_told_apart_and_named() -> None:
    """Agencies publish .doc (Word 97-2003, WPS) and .odt files too: the user is told what the file
    is and what to save it as, not that its bytes are garbled text or an unknown ZIP."""
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 64
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    for data, named in ((ole2, ".doc"), (odt.getvalue(), ".odt")):
        with pytest.raises(ReportReadError) as caught:
            read_report(data, source="report")
        assert named in caught.value.message_zh and ".docx 或 PDF" in caught.value.message_zh
