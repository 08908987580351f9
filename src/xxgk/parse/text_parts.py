"""The text around the tables: title, organisation, year, the six sections, the signing date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from xxgk.findings import Finding, Place
from xxgk.parse.grid import TextLine
from xxgk.report import SectionText
from xxgk.template import Section, Template
from xxgk.template.labels import key_form, memoised_for_short, nfkc, similar

_TITLE = re.compile(
    r"^(?P<org>.*?)(?P<year>(?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)"
)
_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$")
# A date as a signature prints it, spaces allowed (`2024 年 1 月 26 日`).
SIGNING_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_DATE_ENDS_LINE = re.compile(rf"({SIGNING_DATE})\s*$")
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DATE = re.compile(
    r"^(?P<y>[〇○零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日$"
)
# A heading line is short; a longer line that merely starts like one is body text.
_HEADING_MAX = 40
_SIGNATURE_LINES = 4
_TITLE_MAX = 80
# How far below a website's navigation the title of a printed page is looked for.
_TITLE_SEARCH_LINES = 120
_ORGANISATION_ONLY = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}$")
# The name of a website's column of annual reports, in front of a title (`政府信息公开年报`).
_COLUMN_BEFORE = re.compile(r".*年报")
# A web article's metadata, printed on the title's line when a page's text is pulled by position
# (`…年度报告来源： 时间：2024-01-26 16:42`): not part of the title.
_ARTICLE_META = re.compile(r"(?:来源|发布时间|发布日期|时间|日期|字号|浏览次数)\s*[:：]")


@dataclass
class TextParts:
    title: str | None = None
    organization: str | None = None
    year: int | None = None
    signed_on: dt.date | None = None
    preamble: str = ""
    sections: list[SectionText] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def read_text_parts(lines: list[TextLine], template: Template) -> TextParts:
    parts = TextParts()
    body = [line for line in lines if line.text.strip()]
    title_end = _read_title(body, parts)
    starts = _section_starts(body, template.sections, title_end)
    first = min((i for i, _ in starts.values()), default=len(body))
    parts.preamble = "\n".join(line.text.strip() for line in body[title_end:first])
    ordered = sorted(starts.items(), key=lambda item: item[1][0])
    for n, (number, (index, rest)) in enumerate(ordered):
        end = ordered[n + 1][1][0] if n + 1 < len(ordered) else len(body)
        text_lines = ([rest] if rest else []) + [line.text.strip() for line in body[index + 1 : end]]
        if n + 1 == len(ordered):
            text_lines = _take_signature(text_lines, parts)
        section = template.sections[number - 1]
        parts.sections.append(
            SectionText(
                number=number,
                heading=_heading_text(body[index].text, rest) or section.heading,
                text="\n".join(text_lines),
                line=body[index].line,
            )
        )
    if not ordered:
        _take_signature([line.text.strip() for line in body], parts)
    return parts


def _read_title(body: list[TextLine], parts: TextParts) -> int:
    """Reads the title ending on the earliest line it can: the first lines, or, on a page printed
    from a website, the first line below the site's navigation that is a title and nothing else;
    returns the index of the first line after it."""
    for end in range(1, min(len(body), _TITLE_SEARCH_LINES) + 1):
        if body[end - 1].text.strip().startswith("一、"):
            break  # the first section: a title below it would not be this report's
        window = _title_window(body, end)
        if window is not None:
            start, match = window
            parts.title = _title_text(body[start:end])
            # A breadcrumb's last item run onto the title (`政府信息公开年报平潭综合实验区2024年度…`):
            # no organisation's name holds 年报, a site's column of annual reports does.
            column = _COLUMN_BEFORE.match(match["org"])
            organization = match["org"][column.end() :] if column else match["org"]
            if column and organization and (at := parts.title.find(organization)) > 0:
                parts.title = parts.title[at:]
            parts.organization = organization or None
            parts.year = int(match["year"])
            return end
    inside = _title_inside_a_line(body)
    if inside is not None:
        index, match = inside
        parts.title, parts.organization, parts.year = match.string, match["org"] or None, int(match["year"])
        return index  # the rest of its line (a page's text run together) stays the preamble's
    parts.findings.append(
        Finding("P-TITLE-MISSING", "warning", "未找到“××年政府信息公开工作年度报告”格式的标题", Place(line=1))
    )
    return 0


# A run of text between spaces: a title printed inside a line of a page's text run together.
_TOKEN = re.compile(rf"(?<!\S)\S{{6,{_TITLE_MAX}}}(?!\S)")


def _title_inside_a_line(body: list[TextLine]) -> tuple[int, re.Match[str]] | None:
    """(line index, match) of the last run between spaces, before the first section, that is a
    report's title with its organisation and nothing else, no breadcrumb's item (where no line is):
    a page's text joined with spaces into one line (`… 政府信息公开年报 平潭综合实验区国有资产管理局
    2023年度政府信息公开工作年度报告 来源： 时间：…`) prints no line alone."""
    found = None
    for index, line in enumerate(body[:_TITLE_SEARCH_LINES]):
        text = line.text
        heads = text.find("一、")
        for token in _TOKEN.finditer(text, 0, heads if heads >= 0 else len(text)):
            match = _title_match([TextLine(token[0])], alone=True) if "报" in token[0] else None
            if match is not None and match["org"] and not _BREADCRUMB.search(_around(text, token)):
                found = index, match
        if heads >= 0:
            break
    return found


# A breadcrumb's separator: its items name reports that may not be this one.
_BREADCRUMB = re.compile(r"[>＞»›/]")


def _around(text: str, token: re.Match[str]) -> str:
    """The characters on either side of a run between spaces, spaces left out."""
    return text[: token.start()].rstrip()[-1:] + text[token.end() :].lstrip()[:1]


def _title_window(body: list[TextLine], end: int) -> tuple[int, re.Match[str]] | None:
    """(first line, match) of a title ending on line `end`. A title on one line stands alone unless
    it is the first line; one wrapped over up to three lines is taken only if what comes before
    its year is an organisation's name and nothing else (not a navigation item)."""
    single = _title_match(body[end - 1 : end], alone=end > 1)
    if single is not None and single["org"]:
        return end - 1, single
    for start in range(end - 2, max(end - 4, -1), -1):
        wrapped = _title_match(body[start:end], alone=start > 0)
        if wrapped is not None and _ORGANISATION_ONLY.match(wrapped["org"]):
            return start, wrapped
    return (end - 1, single) if single is not None else None


def is_title(text: str) -> bool:
    """Whether `text` is a report's title and nothing else."""
    return _title_match([TextLine(text)], alone=True) is not None


def _title_match(lines: list[TextLine], *, alone: bool = False) -> re.Match[str] | None:
    """The title pattern on these lines joined; `alone`: nothing may follow it (below other lines,
    a breadcrumb or a link list naming some report is not this report's title)."""
    joined = _title_text(lines)
    if len(joined) > _TITLE_MAX:
        return None
    match = _TITLE.match(re.sub(r"\s+", "", nfkc(joined)))
    if match is None or (alone and match.end() != len(match.string)):
        return None
    return match


def _title_text(lines: list[TextLine]) -> str:
    """The lines joined, up to an article's metadata printed after the title."""
    joined = "".join(line.text.strip() for line in lines)
    if "报" not in joined:
        return joined  # no title (报告, 年报): most lines tried, looked at no further
    meta = _ARTICLE_META.search(joined, 0, _TITLE_MAX)  # a title is no longer: looked for no further
    return joined[: meta.start()].rstrip() if meta else joined


def _section_starts(
    body: list[TextLine], sections: tuple[Section, ...], start: int
) -> dict[int, tuple[int, str]]:
    """Section number → (line index of its heading, text printed after the heading on that line)."""
    found: dict[int, tuple[int, str]] = {}
    position = start
    for section in sections:
        for index in range(position, len(body)):
            rest = match_heading(body[index].text, section)
            if rest is not None:
                found[section.number] = (index, rest)
                position = index + 1
                break
    return found


@memoised_for_short  # each line is tried against every section by several readers' steps
def match_heading(text: str, section: Section) -> str | None:
    """The rest of the line if it starts with the section's heading, else None."""
    head_keys = _heading_keys(section)
    key = line_head_key(text, len(max(head_keys, key=len)))
    # Every heading's key starts with the section's numeral (一, 二, …).
    if not key.startswith(head_keys[0][0]):
        return None
    for head_key in head_keys:
        if key.startswith(head_key):
            return _after_key_chars(text, len(head_key))
    if len(text.strip()) <= _HEADING_MAX and any(similar(text, h, 0.75) for h in section.headings):
        return ""
    return None


# How much of a long line is folded to see whether it starts with a heading: a body captured as one
# line is tried against every section, and folding it whole each time cost more than the reading.
_HEAD_CHARS = 120


def line_head_key(text: str, length: int) -> str:
    """The key form of `text`, or of its beginning when that holds more than `length` key
    characters (+1: the last character folded may join with the next one, cut off here)."""
    if len(text) > _HEAD_CHARS:
        head = key_form(text[:_HEAD_CHARS])
        if len(head) > length + 1:
            return head
    return key_form(text)


@cache
def _heading_keys(section: Section) -> tuple[str, ...]:
    return tuple(key_form(h) for h in section.headings)


@cache
def _counts_in_key(char: str) -> bool:
    return bool(key_form(char))


def _after_key_chars(text: str, count: int) -> str:
    """The part of `text` after its first `count` key-form characters."""
    seen = 0
    for i, char in enumerate(text):
        if _counts_in_key(char):
            seen += 1
            if seen == count:
                return text[i + 1 :].strip()
    return ""


def _heading_text(line: str, rest: str) -> str:
    line = line.strip()
    return line[: len(line) - len(rest)].strip() if rest else line


def _take_signature(text_lines: list[str], parts: TextParts) -> list[str]:
    """Removes the signature (issuing organisation, date) from the end of the last section."""
    kept = _rstrip_blank(list(text_lines))
    for _ in range(_SIGNATURE_LINES):
        if not kept:
            break
        last = kept[-1].strip()
        date = parse_date(last)
        if date and parts.signed_on is None:
            parts.signed_on = date
        elif parts.signed_on is None and (before := _signed_at_end(last, parts)) is not None:
            # Organisation and date run onto the end of the last paragraph (text pulled from a
            # PDF by position, or a wrapped body joined back): the paragraph stays.
            kept = [*kept[:-1], before] if before else kept[:-1]
            return _rstrip_blank(kept)
        elif not _is_signatory(last, parts):
            break
        kept = _rstrip_blank(kept[:-1])
    return kept


def _signed_at_end(line: str, parts: TextParts) -> str | None:
    """The text before `组织名称 2024年1月26日` at the end of a line (setting the signing date), when
    what precedes the date ends with the organisation's name; else None."""
    match = _DATE_ENDS_LINE.search(line)
    if match is None or not parts.organization:
        return None
    head = line[: match.start()].rstrip()
    organization = key_form(parts.organization)
    if not key_form(head).endswith(organization):
        return None
    parts.signed_on = parse_date(match[1])
    # Cut the name off the printed text: its last characters, which fold to the name's key form
    # (spaces and punctuation in it dropped; a few times its length is looked at, no more).
    shortest = max(-1, len(head) - 4 * len(parts.organization) - 1)
    cut = next((i for i in range(len(head), shortest, -1) if key_form(head[i:]) == organization), len(head))
    return head[:cut].rstrip()


def _rstrip_blank(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _is_signatory(line: str, parts: TextParts) -> bool:
    """The organisation's name printed above (or below) the date."""
    if parts.organization and key_form(line) == key_form(parts.organization):
        return True
    return parts.signed_on is not None and len(line) <= 30 and not line.endswith(("。", "；", "：", ":"))


def parse_date(text: str) -> dt.date | None:
    """`2024年1月26日`, `2024 年 1 月 26 日` or `二〇二四年一月二十六日` → a date; else None."""
    folded = re.sub(r"\s+", "", nfkc(text))
    match = _DATE.match(folded)
    if match:
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        match = _CN_DATE.match(folded)
        if not match:
            return None
        y = int("".join(str(_CN_DIGITS[c]) for c in match["y"]))
        m, d = _cn_number(match["m"]), _cn_number(match["d"])
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
