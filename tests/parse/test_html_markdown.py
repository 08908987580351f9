"""HTML fragments that mix HTML and Markdown (pandoc's GitHub Markdown of a saved page keeps its
complex tables and blocks as HTML and writes simple tables as Markdown, paragraphs between blank
lines): the Markdown tables are tables, their columns as the Markdown prints them (never placed on a
grid of spans they do not have), and the paragraphs lines."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from support.real_inputs import REPORTS
from support.report_asserts import all_cells
from xxgk.parse.detect import read_report
from xxgk.sample import balanced_report

GUANWEIHUI = REPORTS / "pingtan-2024-guanweihui.html"


def _paragraphs(markdown: str) -> str:
    """The Markdown with a blank line between paragraphs, as Markdown writers print them (a single
    line break inside a paragraph is a space), the rows of a table kept together."""
    out: list[str] = []
    for line in markdown.split("\n"):
        if out:
            out.append("\n" if line.startswith("|") and out[-1].startswith("|") else "\n\n")
        out.append(line)
    return "".join(out)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_markdown_inside_an_html_fragment_reads_as_the_markdown(seed: int) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    markdown = write(report, "markdown", random.Random(seed))
    fragment = f'<div class="article">\n{_paragraphs(markdown)}\n</div>\n'
    read = read_report(fragment.encode(), source="page.md")
    alone = read_report(markdown.encode(), source="page.md")
    assert all_cells(read) == all_cells(alone)
    assert (read.year, read.organization, read.title, read.signed_on) == (
        alone.year,
        alone.organization,
        alone.title,
        alone.signed_on,
    )
    assert [s.number for s in read.sections] == [1, 2, 3, 4, 5, 6]


def test_a_whole_page_keeps_a_line_between_bars_as_text() -> None:
    """In a page (not a fragment) a line printed between bars is the page's text, no table."""
    page = GUANWEIHUI.read_text(encoding="utf-8")
    heading = "二、主动公开政府信息情况"
    assert page.count(heading) == 1
    barred = page.replace(heading, f"{heading}<pre>\n| 规章 | 5 | 0 | 5 |\n|---|---|---|---|\n</pre>")
    read = read_report(barred.encode(), source="page.html")
    assert all_cells(read) == all_cells(read_report(page.encode(), source="page.html"))
    assert read.table2["regulations"]["issued"] == 0
