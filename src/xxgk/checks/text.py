"""Rules on the report beyond its arithmetic: template, structure, year, signature, text vs tables.

Line numbers: the model keeps the source line of a section's heading only (`SectionText.line`), and
readers drop blank lines from the text, so only a section's first text line has a known line (the
one after its heading); findings elsewhere in the text carry their section and an excerpt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from xxgk.checks.cells import missing_rows, row_name, rows_in_use
from xxgk.checks.registry import finding, rule
from xxgk.findings import Finding, Place
from xxgk.render.document import chinese_date
from xxgk.report import Report
from xxgk.template import TOTAL
from xxgk.template.labels import key_form

# --- reading the text ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str
    line: int | None
    # Section number, None for the preamble.
    section: int | None


def body_lines(report: Report) -> Iterator[Line]:
    for text in report.preamble.splitlines():
        yield Line(text, None, None)
    for section in report.sections:
        for i, text in enumerate(section.text.splitlines()):
            yield Line(
                text, section.line + 1 if section.line is not None and i == 0 else None, section.number
            )


def _excerpt(text: str, limit: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _place(line: Line, excerpt: str | None = None) -> Place:
    return Place(line=line.line, excerpt=_excerpt(excerpt if excerpt is not None else line.text))


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def title_year(report: Report) -> int | None:
    match = _YEAR.search(report.title or "")
    return int(match.group(1)) if match else None


def report_year(report: Report) -> int | None:
    """The year reported on: the model's, else the title's."""
    return report.year if report.year is not None else title_year(report)


# --- template and structure -------------------------------------------------------------------


@rule(
    "TEMPLATE-OUTDATED",
    "error",
    "2021年及以后的报告应使用国办公开办函〔2021〕30号格式，不得沿用2019年试行格式",
    also=("info",),
)
def check_template_outdated(report: Report) -> Iterator[Finding]:
    year = report_year(report)
    if report.template != "2019" or year is None:
        return
    old = report.spec
    if year >= 2021:
        yield finding(
            "TEMPLATE-OUTDATED",
            f"{year}年度报告仍使用{old.name}（{old.issued_by}）；自2021年度起应使用"
            f"国办公开办函〔2021〕30号印发的格式",
            expected="2021",
            actual="2019",
        )
    else:
        yield finding(
            "TEMPLATE-OUTDATED",
            f"{year}年度报告使用{old.name}（{old.issued_by}），符合当年要求；其表二与2021年格式"
            f"不同，（六）其他处理只有一行，与2021年以后的报告比较时须注意",
            severity="info",
        )


@rule("TABLE-ROWS-MISSING", "error", "表二、表三、表四及其各行应齐全", also=("warning",))
def check_table_rows_missing(report: Report) -> Iterator[Finding]:
    not_shown = missing_rows(report)
    # A web page whose tables may be pictures it links to (not in the file read): not a missing table.
    linked = any(f.code == "P-TABLES-LINKED-PICTURES" for f in report.findings)
    for table in report.spec.tables:
        if not not_shown[table.key]:
            continue
        rows = rows_in_use(report, table)
        missing = [row for row in rows if row.key in not_shown[table.key]]
        if len(missing) == len(rows):
            yield finding(
                "TABLE-ROWS-MISSING",
                f"未读到「{table.title}」表格的任何数字："
                + (
                    "该表可能是页面链接的图片，未能识别，请核对原件"
                    if linked
                    else "报告未印出该表，或其各行均未能与年报格式对应"
                ),
                place=Place(table=table.key),
                severity="warning" if linked else None,
            )
            continue
        for row in missing:
            yield finding(
                "TABLE-ROWS-MISSING",
                f"「{table.title}」表未读到「{row_name(table, row)}」一行：报告未印出该行，或该行未能与年报格式对应",
                place=Place(table=table.key, row=row.key),
            )


@rule("SECTIONS-MISSING", "error", "报告应包括格式规定的六个部分")
def check_sections_missing(report: Report) -> Iterator[Finding]:
    for section in report.spec.sections:
        if report.section(section.number) is None:
            yield finding(
                "SECTIONS-MISSING",
                f"缺少第{section.number}部分「{section.heading}」",
                place=Place(excerpt=section.heading),
                expected=section.heading,
            )


@rule("SECTIONS-ORDER", "warning", "六个部分应按格式规定的顺序排列，且各出现一次")
def check_sections_order(report: Report) -> Iterator[Finding]:
    numbers = [s.number for s in report.sections]
    if numbers == sorted(set(numbers)):
        return
    seen: set[int] = set()
    for previous, section in zip([None, *report.sections], report.sections, strict=False):
        if section.number in seen or (previous is not None and section.number < previous.number):
            problem = (
                "重复出现"
                if section.number in seen or previous is None
                else f"排在第{previous.number}部分之后"
            )
            yield finding(
                "SECTIONS-ORDER",
                f"第{section.number}部分「{section.heading}」{problem}；各部分应依次为一至六",
                place=Place(line=section.line, excerpt=_excerpt(section.heading)),
                expected=sorted(set(numbers)),
                actual=numbers,
            )
            return
        seen.add(section.number)


# --- year --------------------------------------------------------------------------------------

_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*起?\s*(?:至|到|—|–|-|～|~)\s*"
    r"(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日"
)
# Enumeration, spaces and quotes before a sentence's first word.
_LEAD = re.compile(
    r"^[\s\u3000“”\"]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d))?[\s\u3000]*"
)
_STARTS_WITH_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年(?:度)?")
# After the year: a span or list (2022年以来, 2021年至2023年, 2022年、2023年) is not a stale year.
_SPAN = re.compile(r"^(?:以来|来|起|至|到|[—–\-~～、和与及])")
# A sentence about an earlier legal act (2019年修订的《条例》…) is history, not a copied year.
_HISTORY = re.compile(r"修订|施行|颁布|印发|出台")
_DATE_ONLY = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]?")


def _stale_sentence(text: str, year: int) -> tuple[int, str] | None:
    """The first sentence of `text` that opens with a year before `year`, and that year."""
    if not _YEAR.search(text):
        return None  # no year at all, as in most lines
    if _DATE_ONLY.match(text):
        return None  # a date line (the signature) is the SIGNED-* rules' business
    for sentence in _SENTENCE.findall(text):
        rest = _LEAD.sub("", sentence, count=1)
        match = _STARTS_WITH_YEAR.match(rest)
        if not match:
            continue
        said = int(match.group(1))
        after = rest[match.end() :]
        if said < year and not _SPAN.match(after) and not _HISTORY.search(rest[:20]):
            return said, sentence
    return None


@rule(
    "YEAR-MISMATCH",
    "warning",
    "标题、统计期限与正文所称年度应一致（正文以上一年度开头的段落疑为沿用旧稿）",
    also=("error",),
)
def check_year_mismatch(report: Report) -> Iterator[Finding]:
    year = report_year(report)
    if year is None:
        return
    in_title = title_year(report)
    if report.year is not None and in_title is not None and in_title != report.year:
        yield finding(
            "YEAR-MISMATCH",
            f"标题所称{in_title}年度与报告年度{report.year}年不一致",
            severity="error",
            place=Place(excerpt=_excerpt(report.title or "")),
            expected=report.year,
            actual=in_title,
        )
    lines = list(body_lines(report))
    for line in lines:
        for match in _PERIOD.finditer(line.text):
            start = int(match.group(1))
            end = int(match.group(2) or start)
            if start == year and end == year:
                continue
            period = f"{start}年1月1日至{end}年12月31日"
            yield finding(
                "YEAR-MISMATCH",
                f"统计期限为{period}，与标题所称{year}年度不一致",
                severity="error",
                place=_place(line, match.group(0)),
                expected=year,
                actual=start if start != year else end,
            )
    for line in lines:
        stale = _stale_sentence(line.text, year)
        if stale is None:
            continue
        said, sentence = stale
        where = "前言" if line.section is None else f"第{line.section}部分"
        yield finding(
            "YEAR-MISMATCH",
            f"{year}年度报告{where}中的段落以“{said}年”开头，疑为沿用往年报告的文字，请核对年份",
            place=_place(line, sentence),
            expected=year,
            actual=said,
        )


# --- signature -----------------------------------------------------------------------------------


def _signature_place(report: Report) -> Place:
    where = report.provenance.get("signed_on")
    excerpt = (where.text if where and where.text else None) or chinese_date(report.signed_on) or None
    return Place(line=where.line if where else None, page=where.page if where else None, excerpt=excerpt)


@rule("SIGNED-BEFORE-YEAR-END", "error", "落款日期应在所报告年度结束之后")
def check_signed_before_year_end(report: Report) -> Iterator[Finding]:
    year = report_year(report)
    if report.signed_on is None or year is None:
        return
    if report.signed_on <= dt.date(year, 12, 31):
        yield finding(
            "SIGNED-BEFORE-YEAR-END",
            f"落款日期{chinese_date(report.signed_on)}早于{year}年度结束，年度报告只能在次年编制发布；"
            f"疑为沿用上年落款或年份笔误",
            place=_signature_place(report),
            expected=f"{year + 1}年1月1日以后",
            actual=report.signed_on.isoformat(),
        )


@rule("SIGNED-LATE", "warning", "落款日期晚于法定发布期限（部门1月31日，本级政府3月31日）")
def check_signed_late(report: Report) -> Iterator[Finding]:
    year = report_year(report)
    if report.signed_on is None or year is None:
        return
    from xxgk.deadlines import annual_report_due  # lazily: the calendar tables are not needed to read

    due = annual_report_due(year, consolidated=report.consolidated)
    if report.signed_on > due:
        who = "本级人民政府年度报告" if report.consolidated else "政府部门年度报告"
        yield finding(
            "SIGNED-LATE",
            f"落款日期{chinese_date(report.signed_on)}晚于{who}的发布期限{chinese_date(due)}"
            f"（《中华人民共和国政府信息公开条例》第四十九条）；落款为迟发的佐证，以实际发布日期为准",
            place=_signature_place(report),
            expected=due.isoformat(),
            actual=report.signed_on.isoformat(),
        )


@rule("SIGNED-MISSING", "info", "未读到落款日期，无法核对编制时间")
def check_signed_missing(report: Report) -> Iterator[Finding]:
    if report.signed_on is None:
        yield finding("SIGNED-MISSING", "未读到报告的落款日期，无法核对是否在年度结束后、法定期限内编制")


# --- text and tables -----------------------------------------------------------------------------

_NO_APPLICATIONS = (
    re.compile(r"(?:未|没有)(?:收到|受理|接到|接收到?)[^。；！？，,\n]{0,20}?申请(?!人)"),
    re.compile(r"无(?:政府信息公开|信息公开|公开|依)?申请(?!人)"),
    re.compile(r"(?:收到|受理)[^。；！？，,\n]{0,20}?申请[^。；！？，,\n\d]{0,6}?(?<!\d)(?:0|零)\s*件"),
)
_CLAUSE = re.compile(r"[^。；！？，,;!?]+")
# Clauses about 复议/诉讼/投诉 speak of other things that mention 申请.
_OTHER_MATTERS = re.compile(r"复议|诉讼|投诉|举报|信访")


@rule("TEXT-NO-APPLICATIONS", "error", "正文称未收到申请，而表三本年新收申请总计不为0")
def check_text_no_applications(report: Report) -> Iterator[Finding]:
    new_total = report.table3.get("new", {}).get(TOTAL)
    if not isinstance(new_total, int) or new_total <= 0:
        return
    for line in body_lines(report):
        if "申请" not in line.text:
            continue  # each of _NO_APPLICATIONS needs the word
        for clause in _CLAUSE.findall(line.text):
            if _OTHER_MATTERS.search(clause):
                continue
            if any(p.search(clause) for p in _NO_APPLICATIONS):
                yield finding(
                    "TEXT-NO-APPLICATIONS",
                    f"正文称“{_excerpt(clause, 30)}”，而表三「一、本年新收政府信息公开申请数量」"
                    f"总计为{new_total}，文字与表格不一致",
                    place=Place(
                        table="table3", row="new", column=TOTAL, line=line.line, excerpt=_excerpt(clause)
                    ),
                    expected=0,
                    actual=new_total,
                )
                return


@rule("SIX-NO-FEE-STATEMENT", "warning", "第六部分应说明信息处理费收取情况（国办函〔2020〕109号）")
def check_six_fee_statement(report: Report) -> Iterator[Finding]:
    year = report_year(report)
    six = report.section(6)
    # 信息处理费 exists from 2021 (国办函〔2020〕109号, 自2021年1月1日起施行).
    if six is None or (year is not None and year < 2021):
        return
    if "信息处理费" not in key_form(f"{six.heading}{six.text}"):
        yield finding(
            "SIX-NO-FEE-STATEMENT",
            "第六部分「其他需要报告的事项」未说明按《政府信息公开信息处理费管理办法》"
            "（国办函〔2020〕109号）收取信息处理费的情况（未收取的也宜写明）",
            place=Place(line=six.line, excerpt=_excerpt(six.heading)),
        )
