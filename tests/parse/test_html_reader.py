"""The HTML reader's grid step, on the real 平潭 pages and on generated pages."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from support.real_inputs import REPORTS
from xxgk.parse.grid import Document, GridTable
from xxgk.parse.html import clean_cell_text, decode_html, read_html

GUANWEIHUI = REPORTS / "pingtan-2024-guanweihui.html"
GUOZIJU = REPORTS / "pingtan-2023-guoziju.html"


Z7 = ["0"] * 7

# Table 三 of pingtan-2024-guanweihui.html, written by hand from the page: (text, rowspan, colspan).
# fmt: off
GUANWEIHUI_TABLE3 = [
    [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 1, 7)],
    [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
    [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
    [("一、本年新收政府信息公开申请数量", 1, 3), *[(v, 1, 1) for v in ["217", "1", "0", "0", "0", "0", "218"]]],
    [("二、上年结转政府信息公开申请数量", 1, 3), *[(v, 1, 1) for v in Z7]],
    [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2), *[(v, 1, 1) for v in ["71", "0", "0", "0", "0", "0", "71"]]],
    [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2), *[(v, 1, 1) for v in ["29", "0", "0", "0", "0", "0", "29"]]],
    [("（三）不予公开", 8, 1), ("1.属于国家秘密", 1, 1), *[(v, 1, 1) for v in ["4", "0", "0", "0", "0", "0", "4"]]],
    [("2.其他法律行政法规禁止公开", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("3.危及“三安全一稳定”", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("4.保护第三方合法权益", 1, 1), *[(v, 1, 1) for v in ["3", "0", "0", "0", "0", "0", "3"]]],
    [("5.属于三类内部事务信息", 1, 1), *[(v, 1, 1) for v in ["32", "0", "0", "0", "0", "0", "32"]]],
    [("6.属于四类过程性信息", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("7.属于行政执法案卷", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("8.属于行政查询事项", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("（四）无法提供", 3, 1), ("1.本机关不掌握相关政府信息", 1, 1), *[(v, 1, 1) for v in ["75", "0", "0", "0", "0", "0", "75"]]],
    [("2.没有现成信息需要另行制作", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("3.补正后申请内容仍不明确", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("（五）不予处理", 5, 1), ("1.信访举报投诉类申请", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("2.重复申请", 1, 1), *[(v, 1, 1) for v in ["1", "0", "0", "0", "0", "0", "1"]]],
    [("3.要求提供公开出版物", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("4.无正当理由大量反复申请", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("5.要求行政机关确认或重新出具已获取信息", 1, 1), *[(v, 1, 1) for v in Z7]],
    [
        ("（六）其他处理", 3, 1),
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 1),
        *[(v, 1, 1) for v in ["1", "0", "0", "0", "0", "0", "1"]],
    ],
    [("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 1, 1), *[(v, 1, 1) for v in Z7]],
    [("3.其他", 1, 1), *[(v, 1, 1) for v in ["1", "1", "0", "0", "0", "0", "2"]]],
    [("（七）总计", 1, 2), *[(v, 1, 1) for v in ["217", "1", "0", "0", "0", "0", "218"]]],
    [("四、结转下年度继续办理", 1, 3), *[(v, 1, 1) for v in Z7]],
]

# fmt: on

GUANWEIHUI_TABLE2 = [
    [("第二十条第（一）项", 1, 4)],
    [("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1), ("现行有效件数", 1, 1)],
    [("规章", 1, 1), ("0", 1, 1), ("0", 1, 1), ("0", 1, 1)],
    [("行政规范性文件", 1, 1), ("62", 1, 1), ("33", 1, 1), ("440", 1, 1)],
    [("第二十条第（五）项", 1, 4)],
    [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
    [("行政许可", 1, 1), ("4529", 1, 3)],
    [("第二十条第（六）项", 1, 4)],
    [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)],
    [("行政处罚", 1, 1), ("1100", 1, 3)],
    [("行政强制", 1, 1), ("65", 1, 3)],
    [("第二十条第（八）项", 1, 4)],
    [("信息内容", 1, 1), ("本年收费金额（单位：万元）", 1, 3)],
    [("行政事业性收费", 1, 1), ("18651.06", 1, 3)],
]

_HEADS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
GUANWEIHUI_TABLE4 = [
    [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
    [*[(h, 2, 1) for h in _HEADS], ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
    [(h, 1, 1) for h in _HEADS * 2],
    [(v, 1, 1) for v in ["2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"]],
]

SECTION_HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def grid(table: GridTable) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]


def texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


# --- the real pages --------------------------------------------------------------------


@pytest.fixture(scope="module")
def guanweihui() -> Document:
    return read_html(GUANWEIHUI.read_bytes(), source=GUANWEIHUI.name)


@pytest.fixture(scope="module")
def guoziju() -> Document:
    return read_html(GUOZIJU.read_bytes(), source=GUOZIJU.name)


def test_guanweihui_has_the_three_tables_as_printed(guanweihui: Document) -> None:
    assert guanweihui.source_format == "html"
    assert guanweihui.source == "pingtan-2024-guanweihui.html"
    assert len(guanweihui.tables) == 3
    assert grid(guanweihui.tables[0]) == GUANWEIHUI_TABLE2
    assert grid(guanweihui.tables[1]) == GUANWEIHUI_TABLE3
    assert grid(guanweihui.tables[2]) == GUANWEIHUI_TABLE4


def test_guanweihui_split_header_cells_come_back_whole(guanweihui: Document) -> None:
    # 社会 / 公益 / 组织 are three <p>s padded with &nbsp;; 结果<br/>纠正 is split by a <br>.
    header = [c.text for c in guanweihui.tables[1].rows[2]]
    assert header == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert guanweihui.tables[1].rows[5][0].text == "三、本年度办理结果"
    assert [c.text for c in guanweihui.tables[2].rows[2]][:2] == ["结果维持", "结果纠正"]


def test_guanweihui_lines_are_the_report_text_in_order(guanweihui: Document) -> None:
    lines = texts(guanweihui)
    assert lines[0] == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert lines[1].startswith("本报告根据《中华人民共和国政府信息公开条例》")
    positions = [lines.index(h) for h in SECTION_HEADINGS]
    assert positions == sorted(positions)
    assert lines[-1] == "2024年，无收取信息处理费情况。"
    # Each table stands right after its section heading.
    for table, heading in zip(guanweihui.tables, SECTION_HEADINGS[1:4], strict=True):
        assert lines[table.after_line - 1] == heading
    assert all(line.line is not None and line.line > 1 for line in guanweihui.lines)
    assert all(cell.line is not None for t in guanweihui.tables for row in t.rows for cell in row)


def test_guanweihui_page_noise_is_left_out(guanweihui: Document) -> None:
    text = guanweihui.text
    for noise in ("扫一扫", "关闭", "时间：", "国务院\n", "省政府", "分享到", "微博", "版权所有", "来源："):
        assert noise not in text, noise
    assert "&nbsp;" not in text and "\xa0" not in text
    assert all(line.text == line.text.strip() and line.text for line in guanweihui.lines)


def test_guoziju_all_zero_and_signed(guoziju: Document) -> None:
    assert len(guoziju.tables) == 3
    table2, table3, table4 = guoziju.tables
    assert [c.text for c in table2.rows[3]] == ["行政规范性文件", "6", "1", "26"]
    assert [c.text for c in table2.rows[13]] == ["行政事业性收费", "0"]
    assert len(table3.rows) == 28
    for row in table3.rows[3:]:
        assert [c.text for c in row[-7:]] == Z7
    assert table3.rows[7][0].text == "（三）不予公开"  # printed “（三）不予公开&nbsp;”
    assert [c.text for c in table4.rows[3]] == ["0"] * 15
    lines = texts(guoziju)
    assert lines[0] == "平潭综合实验区国有资产管理局2023年度政府信息公开工作年度报告"
    assert lines[-2:] == ["平潭综合实验区国有资产管理局", "2024年1月26日"]
    assert [h for h in SECTION_HEADINGS if h in lines] == SECTION_HEADINGS


def _as_gb18030(page: bytes, declaration: str) -> bytes:
    text = page.decode("utf-8")
    text, count = re.subn(r'<meta charset="[^"]*"', declaration, text, count=1, flags=re.IGNORECASE)
    assert count == 1
    return text.encode("gb18030")


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="gb2312"',
        '<meta charset="GBK"',
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"',
    ],
)
def test_gbk_page_reads_like_the_utf8_one(guoziju: Document, declaration: str) -> None:
    data = _as_gb18030(GUOZIJU.read_bytes(), declaration)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_html(data)
    assert texts(doc) == texts(guoziju)
    assert [grid(t) for t in doc.tables] == [grid(t) for t in guoziju.tables]


def test_undeclared_gbk_page_falls_back_to_gb18030(guanweihui: Document) -> None:
    text = GUANWEIHUI.read_bytes().decode("utf-8").replace('<meta charset="utf-8"', "<meta", 1)
    doc = read_html(text.encode("gb18030"))
    assert [grid(t) for t in doc.tables] == [grid(t) for t in guanweihui.tables]


# --- generated pages ---------------------------------------------------------------------

REPORT_BODY = """
<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>
<p><span style="font-family: 黑体">一、总体情况&nbsp;</span></p>
<p>2023年，我局认真贯彻落实条例，
   持续推进政务公开。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tbody>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td><p>行政规范</p><p>性文件</p></td><td>3</td><td>1</td><td>12</td></tr>
</tbody></table>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。<br>特此报告。</p>
<p style="text-align:right">&nbsp;某某局</p>
<p style="text-align:right">2024年1月15日</p>
"""

EXPECTED_LINES = [
    "本报告根据《中华人民共和国政府信息公开条例》编制。",
    "一、总体情况",
    "2023年，我局认真贯彻落实条例，持续推进政务公开。",
    "二、主动公开政府信息情况",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
    "特此报告。",
    "某某局",
    "2024年1月15日",
]

EXPECTED_TABLE = [
    [("第二十条第（一）项", 1, 4)],
    [("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1), ("现行有效件数", 1, 1)],
    [("规章", 1, 1), ("0", 1, 1), ("0", 1, 1), ("0", 1, 1)],
    [("行政规范性文件", 1, 1), ("3", 1, 1), ("1", 1, 1), ("12", 1, 1)],
]

NOISY_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>某某局2023年度政府信息公开工作年度报告 - 某某市人民政府门户网站</title>
<style>td {{ border: 1px solid }} .x::before {{ content: "样式文字" }}</style>
<script>var t = "<table><tr><td>99</td><td>98</td></tr></table>"; document.write("脚本文字");</script>
</head><body>
<div class="top"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a>
  <form><input name="q"><button>搜索</button></form></div>
<nav><ul><li><a href="/a">机构概况</a></li><li><a href="/b">政策文件</a></li></ul></nav>
<div class="main">
  <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/nb">年报</a></div>
  <h1 class="ttl">某某局2023年度政府信息公开工作年度报告</h1>
  <div class="meta">发布时间：2024-01-20 信息来源：某某局 <span class="share">分享到：<a href="#">微信</a></span></div>
  <table class="layout" width="100%"><tr><td>
    <div id="zoom">{body}</div>
  </td></tr></table>
  <div class="extra" style="display: none">隐藏的文字 2024年3月1日</div>
  <div class="print"><a href="javascript:print()">打印本页</a> <a href="#">关闭窗口</a></div>
</div>
<div class="side"><h3>相关文章</h3><ul><li><a href="/1">某某局2022年度政府信息公开工作年度报告</a></li></ul></div>
<footer><p>主办单位：某某市人民政府办公室 地址：某某路1号 电话：0000-1234567</p>
<p>网站标识码：1234567890 备案号：某ICP备12345678号</p></footer>
<!-- 注释 <table><tr><td>1</td><td>2</td></tr></table> -->
</body></html>
"""


def test_noise_around_a_report_is_dropped() -> None:
    data = NOISY_PAGE.format(body=REPORT_BODY).encode("gbk")
    doc = read_html(data, source="noisy.html")
    assert texts(doc) == ["某某局2023年度政府信息公开工作年度报告", *EXPECTED_LINES]
    assert len(doc.tables) == 1
    assert grid(doc.tables[0]) == EXPECTED_TABLE
    # The table stands after “二、主动公开政府信息情况” (title + 4 lines before it).
    assert doc.tables[0].after_line == 5
    assert doc.lines[0].line == 12  # the <h1> above the body, not <title> (line 3)


def test_title_falls_back_to_the_title_element() -> None:
    page = f"<html><head><title>某县2023年政府信息公开工作年度报告_某县政府</title></head><body>{REPORT_BODY}</body></html>"
    doc = read_html(page.encode("utf-8"))
    assert texts(doc) == ["某县2023年政府信息公开工作年度报告", *EXPECTED_LINES]
    assert doc.tables[0].after_line == 5


def test_body_starting_with_its_title_gets_no_second_title() -> None:
    page = f"<html><head><title>某局报告</title></head><body><div><p>某局报告</p>{REPORT_BODY}</div></body></html>"
    doc = read_html(page.encode("utf-8"))
    assert texts(doc) == ["某局报告", *EXPECTED_LINES]


def test_nested_layout_tables_give_their_innermost_data_tables() -> None:
    inner = """<table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>1</td><td>2</td></tr></table>"""
    page = f"""<html><body><table><tr><td><p>外层说明文字</p>
      <table><tr><td>{inner}</td><td><p>旁注</p></td></tr></table>
      末行文字</td></tr><tr><td><a href="/">返回首页</a></td></tr></table></body></html>"""
    doc = read_html(page.encode("utf-8"))
    assert [grid(t) for t in doc.tables] == [
        [[("行政复议", 1, 1), ("行政诉讼", 1, 1)], [("1", 1, 1), ("2", 1, 1)]]
    ]
    assert texts(doc) == ["外层说明文字", "旁注", "末行文字"]
    assert doc.tables[0].after_line == 1


def test_bogus_spans_are_tolerated() -> None:
    page = """<table>
      <tr><td rowspan="abc">a</td><td colspan="0">b</td><td colspan="-2">c</td></tr>
      <tr><td rowspan="2;">d</td><td colspan=" 3 ">e</td><td colspan="99999">f</td><td rowspan="">g</td></tr>
      <tr><th colspan="2.5">h</th><td>1</td></tr>
    </table>"""
    doc = read_html(page.encode("utf-8"))
    assert grid(doc.tables[0]) == [
        [("a", 1, 1), ("b", 1, 1), ("c", 1, 1)],
        [("d", 2, 1), ("e", 1, 3), ("f", 1, 1000), ("g", 1, 1)],
        [("h", 1, 2), ("1", 1, 1)],
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t ",
        b"\x00\x01\x02\x03\xff\xfe\xfd",
        bytes(range(256)) * 8,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64,
        b"<?xml version='1.0' encoding='gbk'?><root><a>1</a></root>",
        b"<html><body><table></table><table><tr></tr></table>",
        "纯文本，不是网页。\n一、总体情况\n".encode("gb18030"),
        b"<<<<>>>>&&&&;;;;<table<tr<td",
    ],
)
def test_garbage_gives_a_document_without_tables(data: bytes) -> None:
    doc = read_html(data, source="x.html")
    assert isinstance(doc, Document)
    assert doc.tables == []
    assert doc.source == "x.html"
    assert doc.source_format == "html"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes) -> None:
    doc = read_html(data)
    assert isinstance(doc, Document)


def test_decode_html_declarations() -> None:
    text = "<html><head><meta charset='gb2312'></head><body>政府信息公开</body></html>"
    assert decode_html(text.encode("gbk")) == text
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_html(text.encode("utf-16-le").join([b"\xff\xfe", b""])) == text
    latin = "<meta charset='iso-8859-1'><p>政务公开</p>"
    assert decode_html(latin.encode("utf-8")) == latin  # mis-declared Latin-1: UTF-8 wins
    assert decode_html(latin.encode("gbk")) == latin
    assert decode_html(b"<meta charset='no-such-codec'>\xd5\xfe") == "<meta charset='no-such-codec'>政"


def test_clean_cell_text() -> None:
    assert clean_cell_text("社 会\u00a0\u00a0公益\n      组织") == "社会公益组织"
    assert clean_cell_text("  0591 23161005 ") == "0591 23161005"
    assert clean_cell_text("\u3000（七）总计\u200b") == "（七）总计"


# --- property: a random table written as HTML reads back with its texts and spans ---------

CJK = "自然人法人或其他组织商业企业科研机构社会公益总计予以公开不予处理"
ALPHABET = CJK + "0123456789.（）、“”&<>"


def _is_cjk(ch: str) -> bool:
    return bool(re.match("[\u2e80-\u9fff\uff00-\uffef\u2018-\u201f]", ch))


@st.composite
def layouts(draw: st.DrawFn) -> list[list[tuple[str, int, int]]]:
    """Rows of (text, rowspan, colspan), as printed, from a random tiling of an R×C grid."""
    n_rows = draw(st.integers(2, 6))
    n_cols = draw(st.integers(1, 6))
    covered = [[False] * n_cols for _ in range(n_rows)]
    rows: list[list[tuple[str, int, int]]] = [[] for _ in range(n_rows)]
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
            text = draw(st.text(alphabet=ALPHABET, max_size=12))
            rows[r].append((text, rowspan, colspan))
    # A report's table (the reader's notion of a data table) has a figure somewhere.
    # One-cell tables are read as text blocks, by design.
    assume(sum(len(row) for row in rows) >= 2)
    assume(any(ch.isdigit() for row in rows for text, _, _ in row for ch in text))
    return rows


@st.composite
def written_cells(draw: st.DrawFn, text: str) -> str:
    """A cell's text as an agency CMS might write it: split in <p>s and spans, &nbsp;-padded."""
    cuts = sorted(draw(st.sets(st.integers(1, max(len(text) - 1, 1)), max_size=3))) if len(text) > 1 else []
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    out: list[str] = []
    for i, piece in enumerate(pieces):
        body = html_lib.escape(piece, quote=False)
        # Padding between two pieces is layout only where a Chinese character touches it, or
        # when the pieces are separate paragraphs.
        as_paragraph = draw(st.booleans())
        following = pieces[i + 1] if i + 1 < len(pieces) else ""
        touches_cjk = bool(piece and following) and (_is_cjk(piece[-1]) or _is_cjk(following[0]))
        pad = draw(st.sampled_from(["", "&nbsp;", "&nbsp; &nbsp;", "\n      ", "\u3000"]))
        if not as_paragraph and not touches_cjk:
            pad = ""
        if as_paragraph:
            out.append(f'<p style="text-indent: 0em;">{pad}{body}{pad}</p>')
        else:
            out.append(f"<span>{body}</span>{pad}" if i < len(pieces) - 1 else f"<span>{body}</span>")
    return "".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), layout=layouts())
def test_random_table_reads_back(data: st.DataObject, layout: list[list[tuple[str, int, int]]]) -> None:
    trs = []
    for row in layout:
        tds = []
        for text, rowspan, colspan in row:
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                f' colspan="{colspan}"' if colspan > 1 else ""
            )
            tds.append(f"<td{attrs}>{data.draw(written_cells(text))}</td>")
        trs.append(f"<tr>{''.join(tds)}</tr>")
    page = f"<html><body><p>表格前的文字</p><table border='1'><tbody>{''.join(trs)}</tbody></table></body></html>"
    doc = read_html(page.encode("utf-8"))
    assert len(doc.tables) == 1
    expected = [[(clean_cell_text(t), rs, cs) for t, rs, cs in row] for row in layout]
    assert grid(doc.tables[0]) == expected
    assert doc.tables[0].after_line == 1
