"""Page furniture around a report printed from a website or pulled out of a PDF: page numbers, the
site's header and navigation above the report, its footer and links below the signing date."""

from __future__ import annotations

import re

from xxgk.parse.grid import Document
from xxgk.parse.text_parts import parse_date, read_text_parts
from xxgk.template import GB2021

# A page number on a line of its own: `3`, `- 3 -`, `— 3 —`, `第3页`, `3/12`.
PAGE_NUMBER = re.compile(
    # `(?:\s*页)?`, not `\s*(?:页)?`: three whitespace runs in a row would be cubic on a long one.
    r"^[\s\-—–－·]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,3}(?:\s*页)?)?[\s\-—–－·]*$"
)
# What a browser prints in a page's margins when the page is printed (to PDF): the date and time
# beside the page's <title> at the top (`12/5/26, 5:48 AM  平潭…`, `2026/12/5 05:48`), its address
# and the page's number at the bottom (`https://…/t20250115.html  3/8`). The <title> would read as
# the report's title with the time glued to its organisation.
BROWSER_HEADER = re.compile(
    r"^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]*(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?!\d)"
)
BROWSER_FOOTER = re.compile(r"^\s*(?:https?|file)://\S+?[ \t]*\d{1,4}[ \t]*/[ \t]*\d{1,4}\s*$")
# How many first lines may hold the report's title (as the text reader looks for it).
_TITLE_LINES = 4


_DASHES = "-—–－·"
# A line holding a date only is short (`二〇二四年十二月三十一日`, spaced `2024 年 12 月 31 日`).
_DATE_LINE_MAX = 40


def is_decorated_page_number(text: str) -> bool:
    """`- 3 -`, `第3页`, `3/12`: never a table's cell (a bare `3` may be one, and `-3` is a count of
    the 2019 format's 本年增/减)."""
    core = text.strip()
    if not PAGE_NUMBER.match(core):
        return False
    return "页" in core or "/" in core or (core[0] in _DASHES and core[-1] in _DASHES)


# A dashed page number in front of a line's text (`- 3 -      2.没有…`, `- 3 -信息内容`): text pulled
# from a PDF by position puts a page's footer on the next page's first line. Matched against every
# line of a table's text, so one compiled pattern, indentation included.
PAGE_NUMBER_IN_FRONT = re.compile(
    rf"\s*[{_DASHES}][ \t]?\d{{1,3}}[ \t]?[{_DASHES}](?:[ \t\u3000]{{2,}}|(?=[\u4e00-\u9fff]))"
)


def drop_site_header(doc: Document) -> None:
    """A web page printed to PDF starts with the site's header and navigation: when no report title
    opens the document, the lines above the first line that is one are left out (as the HTML reader
    reads only the article)."""
    if read_text_parts(doc.lines[:_TITLE_LINES], GB2021).year is not None:
        return
    first_table = min((t.after_line for t in doc.tables), default=len(doc.lines))
    for index, line in enumerate(doc.lines[:first_table]):
        if line.text and read_text_parts([line], GB2021).year is not None:
            del doc.lines[:index]
            for table in doc.tables:
                table.after_line -= index
            return


def drop_site_footer(doc: Document) -> None:
    """A report ends with its signing date: on a printed web page, the site's footer and links
    follow it and are left out (the last line after every table that is a date only)."""
    start = max((t.after_line for t in doc.tables), default=0)
    for index in range(len(doc.lines) - 1, start - 1, -1):
        text = doc.lines[index].text.strip()
        if len(text) <= _DATE_LINE_MAX and parse_date(text) is not None:
            del doc.lines[index + 1 :]
            return
