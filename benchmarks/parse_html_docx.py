"""Throughput of the HTML and DOCX readers, in reports per second per core.

    export UV_PYTHON_DOWNLOADS=never; uv run python benchmarks/parse_html_docx.py [--reports 40] [--rounds 3]

Corpus: random reports rendered here by a tiny writer (the table layout of the 2021 national
format with random figures and random prose, each HTML page wrapped in CMS noise of the size
real agency pages carry, each DOCX with real merged cells), plus the real inputs of
tests/data/reports. One process, best of `--rounds`; figures are per core
(the work is CPU-bound and independent per report, so it scales with processes).
"""

from __future__ import annotations

import argparse
import html
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from docx import Document as new_docx

from xxgk.parse.docx import read_docx
from xxgk.parse.html import read_html
from xxgk.parse.mapper import map_document

REPORTS = Path(__file__).parents[1] / "tests" / "data" / "reports"

Spec = list[list[tuple[str, int, int]]]

_T3_RESULT_ROWS = [
    ("（三）不予公开", 8, [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    ]),
    ("（四）无法提供", 3, ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("（五）不予处理", 5, [
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    ]),
    ("（六）其他处理", 3, [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
    ]),
]  # fmt: skip
_PROSE = "坚持以公开为常态不公开为例外全面推进决策执行管理服务结果公开持续深化政务公开提升政府信息公开质量"


def _n(rng: random.Random, top: int = 50) -> str:
    return str(rng.choice([0, 0, 0, rng.randint(0, top)]))


def random_tables(rng: random.Random) -> list[Spec]:
    """Tables 二, 三 and 四 as printed (text, rowspan, colspan), with random figures."""
    t2: Spec = [[("第二十条第（一）项", 1, 4)]]
    t2.append([("信息内容", 1, 1), ("本年制发件数", 1, 1), ("本年废止件数", 1, 1), ("现行有效件数", 1, 1)])
    for label in ("规章", "行政规范性文件"):
        t2.append([(label, 1, 1), *[(_n(rng), 1, 1) for _ in range(3)]])
    for caption, labels in (
        ("第二十条第（五）项", ["行政许可"]),
        ("第二十条第（六）项", ["行政处罚", "行政强制"]),
    ):
        t2 += [[(caption, 1, 4)], [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)]]
        t2 += [[(label, 1, 1), (_n(rng, 5000), 1, 3)] for label in labels]
    t2 += [[("第二十条第（八）项", 1, 4)], [("信息内容", 1, 1), ("本年收费金额（单位：万元）", 1, 3)]]
    t2.append([("行政事业性收费", 1, 1), (f"{rng.uniform(0, 20000):.2f}", 1, 3)])

    def figures() -> list[tuple[str, int, int]]:
        values = [int(_n(rng)) for _ in range(6)]
        return [(str(v), 1, 1) for v in [*values, sum(values)]]

    t3: Spec = [
        [
            ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
            ("申请人情况", 1, 7),
        ],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        [(label, 1, 1) for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
        [("一、本年新收政府信息公开申请数量", 1, 3), *figures()],
        [("二、上年结转政府信息公开申请数量", 1, 3), *figures()],
        [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2), *figures()],
        [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2), *figures()],
    ]
    for group, span, labels in _T3_RESULT_ROWS:
        t3.append([(group, span, 1), (labels[0], 1, 1), *figures()])
        t3 += [[(label, 1, 1), *figures()] for label in labels[1:]]
    t3 += [[("（七）总计", 1, 2), *figures()], [("四、结转下年度继续办理", 1, 3), *figures()]]

    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    t4: Spec = [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [*[(h, 2, 1) for h in heads], ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(h, 1, 1) for h in heads * 2],
        [(_n(rng, 9), 1, 1) for _ in range(15)],
    ]
    return [t2, t3, t4]


def random_text(rng: random.Random) -> list[str | int]:
    """The report's blocks: paragraphs (str) and tables (their index), in order."""
    org = f"某某{rng.choice(['市', '县', '区'])}{rng.choice(['交通运输局', '教育局', '财政局', '人民政府'])}"
    year = rng.randint(2021, 2025)

    def para() -> str:
        return "".join(rng.choice(_PROSE) for _ in range(rng.randint(80, 400))) + "。"

    blocks: list[str | int] = [f"{org}{year}年度政府信息公开工作年度报告", para()]
    blocks += ["一、总体情况", *(para() for _ in range(rng.randint(3, 8)))]
    blocks += ["二、主动公开政府信息情况", 0, "三、收到和处理政府信息公开申请情况", 1]
    blocks += ["四、政府信息公开行政复议、行政诉讼情况", 2, "五、存在的主要问题及改进情况", para(), para()]
    blocks += [
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        org,
        f"{year + 1}年1月{rng.randint(5, 30)}日",
    ]
    return blocks


_CELL_STYLE = "padding: 0 4px;border-left: none;border-right: 1px solid windowtext;border-top: none;border-bottom: 1px solid windowtext"
_NOISE_HEAD = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}_政府信息公开年报_某某市人民政府</title>"
    + "".join(f"<link rel='stylesheet' href='/css/{i}.css'>" for i in range(10))
    + "<script>" + "var x = 1;" * 2000 + "</script></head><body>"
    + "<div class='header'>" + "".join(f"<a href='/c{i}'>栏目{i}</a>" for i in range(120)) + "</div>"
    + "<div class='crumbs'>当前位置：<a href='/'>首页</a> &gt; <a href='/nb'>年报</a></div>"
    + "<div class='article'><div class='article_title'>{title}</div><div class='meta'>时间：2025-01-20 来源：某某局</div>"
)  # fmt: skip
_NOISE_TAIL = (
    "</div><div class='side'>" + "".join(f"<li><a href='/n{i}'>相关文章标题{i}</a></li>" for i in range(40))
    + "</div><div class='footer'><p>主办单位：某某市人民政府办公室 地址：某某路1号</p><p>备案号：某ICP备12345678号</p></div>"
    + "<script>" + "var y = 2;" * 2000 + "</script></body></html>"
)  # fmt: skip


def _html_cell(text: str, rowspan: int, colspan: int, rng: random.Random) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    if len(text) > 4 and not text.isdigit() and rng.random() < 0.3:
        cut = len(text) // 2  # a label split over two <p>s with &nbsp; padding, as CMS editors do
        inner = f"<p>{html.escape(text[:cut])}</p><p>{html.escape(text[cut:])}&nbsp; &nbsp;</p>"
    else:
        inner = f'<p style="text-indent: 0em;">{html.escape(text)}</p>'
    return f'<td{attrs} style="{_CELL_STYLE}" valign="center">{inner}</td>'


def write_html(blocks: list[str | int], tables: list[Spec], rng: random.Random) -> bytes:
    title = str(blocks[0])
    parts = [_NOISE_HEAD.format(title=html.escape(title)), "<div class='content'>"]
    for block in blocks[1:]:
        if isinstance(block, int):
            rows = "".join(
                "<tr>" + "".join(_html_cell(t, rs, cs, rng) for t, rs, cs in row) + "</tr>"
                for row in tables[block]
            )
            parts.append(f"<table border='1' cellspacing='0'><tbody>{rows}</tbody></table>")
        else:
            parts.append(f'<p style="text-indent: 2em;">{html.escape(block)}</p>')
    parts.append("</div>" + _NOISE_TAIL)
    return "".join(parts).encode("utf-8")


def write_docx(blocks: list[str | int], tables: list[Spec]) -> bytes:
    word = new_docx()
    for block in blocks:
        if not isinstance(block, int):
            word.add_paragraph(block)
            continue
        spec = tables[block]
        n_cols = sum(cs for _t, _rs, cs in spec[0])
        table = word.add_table(rows=len(spec), cols=n_cols)
        covered: set[tuple[int, int]] = set()
        for r, row in enumerate(spec):
            c = 0
            for text, rowspan, colspan in row:
                while (r, c) in covered:
                    c += 1
                cell = table.cell(r, c)
                if rowspan > 1 or colspan > 1:
                    cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
                cell.text = text
                covered |= {(r + i, c + k) for i in range(rowspan) for k in range(colspan)}
                c += colspan
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def best_rate(func: Callable[[bytes], object], corpus: list[bytes], rounds: int) -> tuple[float, float]:
    """(reports per second, mean ms per report), best of `rounds` passes over the corpus."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for data in corpus:
            func(data)
        times.append(time.perf_counter() - start)
    best = min(times)
    return len(corpus) / best, 1000 * best / len(corpus)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=40, help="generated reports per format")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    specs = [(random_text(rng), random_tables(rng)) for _ in range(args.reports)]
    html_corpus = [write_html(blocks, tables, rng) for blocks, tables in specs]
    docx_corpus = [write_docx(blocks, tables) for blocks, tables in specs]
    # The writer must produce what the readers understand: check one of each end to end.
    for data, reader in ((html_corpus[0], read_html), (docx_corpus[0], read_docx)):
        report = map_document(reader(data))
        assert report.year and report.table3["total"]["total"] is not None, (
            "generated report did not read back"
        )

    cases: list[tuple[str, Callable[[bytes], object], list[bytes]]] = [
        ("generated HTML · read_html", read_html, html_corpus),
        ("generated HTML · read_html + map_document", lambda d: map_document(read_html(d)), html_corpus),
        ("generated DOCX · read_docx", read_docx, docx_corpus),
        ("generated DOCX · read_docx + map_document", lambda d: map_document(read_docx(d)), docx_corpus),
    ]
    real = (
        {p.name: p.read_bytes() for p in sorted(REPORTS.glob("pingtan-*.html"))} if REPORTS.exists() else {}
    )
    real_docx = [p.read_bytes() for p in sorted(REPORTS.glob("*.docx"))] if REPORTS.exists() else []
    if real:
        cases.append(("real pages (2) · read_html", read_html, list(real.values()) * 10))
        cases.append(
            (
                "real pages (2) · read_html + map",
                lambda d: map_document(read_html(d)),
                list(real.values()) * 10,
            )
        )
    if real_docx:
        cases.append(("real DOCX (1) · read_docx", read_docx, real_docx * 20))
        cases.append(
            ("real DOCX (1) · read_docx + map", lambda d: map_document(read_docx(d)), real_docx * 20)
        )

    sizes_html = statistics.mean(len(d) for d in html_corpus) / 1024
    sizes_docx = statistics.mean(len(d) for d in docx_corpus) / 1024
    print(f"python {sys.version.split()[0]}; {args.reports} generated reports per format "
          f"(HTML {sizes_html:.0f} KB, DOCX {sizes_docx:.0f} KB on average); best of {args.rounds}; one core")  # fmt: skip
    for name, func, corpus in cases:
        rate, ms = best_rate(func, corpus, args.rounds)
        print(f"{name:45s} {rate:8.1f} reports/s/core   {ms:7.2f} ms/report")


if __name__ == "__main__":
    main()
