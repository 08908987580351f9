"""The rules beyond arithmetic, on hand-built reports (the seed report's text among them)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from xxgk.checks import describe_rules, run_checks
from xxgk.checks.cells import unused_rows
from xxgk.findings import Finding, Place
from xxgk.report import Provenance, Report, SectionText, empty_tables
from xxgk.sample import balanced_report
from xxgk.template import GB2021

ORG = "宜春市机关事务管理中心"

SEED_SECTIONS = {
    1: "2022年宜春市机关事务管理中心坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实"
    "《中华人民共和国政府信息公开条例》以及省、市有关政府信息公开文件精神，扎实做好政府信息公开工作。\n"
    "加强领导，健全信息公开组织体系\n"
    "中心党组高度重视政府信息公开工作。截止2023年底，我中心政府信息公开工作运行正常。\n"
    "（二）完善制度，规范流程\n"
    "为确保信息公开效果，我中心从建章立制和规范流程入手，明确责任，注重落实。\n"
    "2023年，我中心未收到申请公开信息。",
    2: "第二十条第（一）项\n信息内容\n本年制发件数",
    3: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    4: "行政复议\n行政诉讼",
    5: "2023年，在全面推进政务公开工作中还存在一些问题和不足。\n"
    "（一）严格工作责任。进一步加强对政务公开工作的领导和监督。",
    6: "2023年度，我中心无收取信息处理费情况。\n\n宜春市机关事务管理中心\n                2023年1月19日",
}
SEED_HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
SEED_LINES = {1: 5, 2: 15, 3: 67, 4: 332, 5: 377, 6: 387}


def zero_tables(other_row: str = "short") -> dict:
    tables = empty_tables(GB2021)
    probe = Report(other_row=other_row)
    for key, data in tables.items():
        skip = unused_rows(probe, GB2021.table(key))
        for row, values in data.items():
            if row not in skip:
                data[row] = dict.fromkeys(values, 0)
    return tables


def seed_like(**changes) -> Report:
    fields = {
        "organization": ORG,
        "year": 2023,
        "title": f"{ORG}\n2023年政府信息公开工作年度报告",
        "signed_on": dt.date(2023, 1, 19),
        "other_row": "short",
        "preamble": "本报告依据《中华人民共和国政府信息公开条例》、国办公开办函〔2021〕30号等文件要求编制。"
        "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "sections": [
            SectionText(number=n, heading=SEED_HEADINGS[n], text=SEED_SECTIONS[n], line=SEED_LINES[n])
            for n in range(1, 7)
        ],
        **zero_tables("short"),
        "source_format": "text",
    }
    fields.update(changes)
    return Report(**fields)


def codes(report: Report) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in run_checks(report)]


def with_section(report: Report, number: int, text: str) -> Report:
    copy = report.model_copy(deep=True)
    copy.sections[number - 1] = copy.sections[number - 1].model_copy(update={"text": text})
    return copy


# --- the seed report ---------------------------------------------------------------------------


def test_seed_like_report_gives_exactly_the_two_real_findings():
    found = run_checks(seed_like())
    assert [(f.code, f.severity) for f in found] == [
        ("YEAR-MISMATCH", "warning"),
        ("SIGNED-BEFORE-YEAR-END", "error"),
    ]
    year = found[0]
    assert year.place.line == 6
    assert year.place.excerpt.startswith("2022年宜春市机关事务管理中心坚持")
    assert (year.expected, year.actual) == (2023, 2022)
    signed = found[1]
    assert signed.actual == "2023-01-19"
    assert "2023年1月19日" in signed.message_zh


def test_parser_findings_come_first_and_are_not_repeated():
    parsed = Finding("PARSE-UNREADABLE", "warning", "无法识别", Place(line=3))
    again = Finding("SIGNED-BEFORE-YEAR-END", "error", "解析器已发现", Place(excerpt="2023年1月19日"))
    found = run_checks(seed_like(findings=[parsed, again]))
    assert [f.code for f in found] == ["PARSE-UNREADABLE", "SIGNED-BEFORE-YEAR-END", "YEAR-MISMATCH"]


# --- year --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度收到申请较2022年增长10%。",
        "2024年，我们将进一步规范公开流程。",
        "2022年以来，中心持续完善制度。",
        "2021年至2023年，中心连续三年获评先进。",
        "2019年修订的《中华人民共和国政府信息公开条例》施行后，中心及时调整工作机制。",
        "2023年12月31日",
    ],
)
def test_mentions_of_other_years_that_are_not_stale_copies(sentence):
    report = with_section(seed_like(signed_on=dt.date(2024, 1, 19)), 1, f"中心扎实推进公开工作。\n{sentence}")
    assert codes(report) == []


@pytest.mark.parametrize(
    "text",
    [
        "2022年，中心认真贯彻落实条例。",
        "（一）2022年中心主动公开信息120条。",
        "中心重视公开工作。2022年度中心共发布信息80条。",
    ],
)
def test_a_sentence_opening_with_last_year_is_a_warning(text):
    report = with_section(seed_like(signed_on=dt.date(2024, 1, 19)), 1, text)
    assert codes(report) == [("YEAR-MISMATCH", "warning")]


def test_statistics_period_of_another_year_is_an_error():
    report = seed_like(
        signed_on=dt.date(2024, 1, 19),
        preamble="本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
        sections=[
            s.model_copy(update={"text": "中心扎实推进公开工作。"}) if s.number == 1 else s
            for s in seed_like().sections
        ],
    )
    found = run_checks(report)
    assert [(f.code, f.severity, f.expected, f.actual) for f in found] == [
        ("YEAR-MISMATCH", "error", 2023, 2022)
    ]
    assert "2022年1月1日至2022年12月31日" in found[0].message_zh


def test_short_period_form_is_read():
    report = seed_like(signed_on=dt.date(2024, 1, 19), preamble="统计期限为2022年1月1日至12月31日。")
    report = with_section(report, 1, "中心扎实推进公开工作。")
    assert codes(report) == [("YEAR-MISMATCH", "error")]


def test_title_year_differing_from_report_year_is_an_error():
    report = with_section(
        seed_like(signed_on=dt.date(2024, 1, 19), title="2022年政府信息公开工作年度报告"), 1, ""
    )
    assert ("YEAR-MISMATCH", "error") in codes(report)


# --- signature ----------------------------------------------------------------------------------


def quiet(**changes) -> Report:
    return with_section(seed_like(**changes), 1, "中心扎实推进公开工作。")


@pytest.mark.parametrize(
    ("signed_on", "consolidated", "expected"),
    [
        (dt.date(2023, 12, 31), False, [("SIGNED-BEFORE-YEAR-END", "error")]),
        (dt.date(2024, 1, 1), False, []),
        (dt.date(2024, 1, 31), False, []),
        (dt.date(2024, 2, 1), False, [("SIGNED-LATE", "warning")]),
        (dt.date(2024, 3, 31), True, []),
        (dt.date(2024, 4, 1), True, [("SIGNED-LATE", "warning")]),
        (None, False, [("SIGNED-MISSING", "info")]),
    ],
)
def test_signing_date(signed_on, consolidated, expected):
    assert codes(quiet(signed_on=signed_on, consolidated=consolidated)) == expected


def test_signature_place_comes_from_provenance():
    report = quiet(provenance={"signed_on": Provenance(line=392, text="2023年1月19日")})
    (f,) = run_checks(report)
    assert (f.code, f.place.line, f.place.excerpt) == ("SIGNED-BEFORE-YEAR-END", 392, "2023年1月19日")


# --- structure ----------------------------------------------------------------------------------


def test_missing_sections_are_errors_one_each():
    report = quiet(signed_on=dt.date(2024, 1, 19))
    report.sections = [s for s in report.sections if s.number not in (4, 6)]
    found = run_checks(report)
    assert [(f.code, f.expected) for f in found] == [
        ("SECTIONS-MISSING", "四、政府信息公开行政复议、行政诉讼情况"),
        ("SECTIONS-MISSING", "六、其他需要报告的事项"),
    ]


def test_sections_out_of_order_is_a_warning():
    report = quiet(signed_on=dt.date(2024, 1, 19))
    report.sections = [report.sections[i] for i in (0, 1, 2, 4, 3, 5)]
    found = run_checks(report)
    assert [(f.code, f.severity, f.place.line) for f in found] == [
        ("SECTIONS-ORDER", "warning", SEED_LINES[4])
    ]


def test_a_missing_table_is_one_error_and_a_missing_row_one_each():
    report = quiet(signed_on=dt.date(2024, 1, 19))
    report.table4 = empty_tables(GB2021)["table4"]
    report.table2["penalty"]["decisions"] = None
    found = run_checks(report)
    assert [(f.code, f.place.table, f.place.row) for f in found] == [
        ("TABLE-ROWS-MISSING", "table2", "penalty"),
        ("TABLE-ROWS-MISSING", "table4", None),
    ]
    # Says what is known: nothing of the row was read (it may be printed with digits no row took).
    assert all("未读到" in f.message_zh and "无任何数字" not in f.message_zh for f in found)


def test_a_row_the_parser_could_not_read_is_not_a_missing_row():
    report = quiet(signed_on=dt.date(2024, 1, 19))
    report.table2["penalty"]["decisions"] = None
    unreadable = Finding(
        "P-UNREADABLE", "error", "无法读出", Place(table="table2", row="penalty", column="decisions")
    )
    report.findings = [unreadable]
    assert codes(report) == [("P-UNREADABLE", "error")]  # the parser said why the cell is empty


def test_only_the_first_line_of_a_section_has_a_known_line_number():
    report = with_section(
        seed_like(signed_on=dt.date(2024, 1, 19)), 1, "中心扎实推进公开工作。\n2022年，中心认真贯彻落实条例。"
    )
    (f,) = run_checks(report)
    assert (f.code, f.place.line, f.place.excerpt) == (
        "YEAR-MISMATCH",
        None,
        "2022年，中心认真贯彻落实条例。",
    )
    assert "第1部分" in f.message_zh


def test_a_row_printed_blank_is_a_format_warning_not_a_missing_row():
    report = quiet(signed_on=dt.date(2024, 1, 19))
    report.table2["penalty"]["decisions"] = None
    report.provenance["table2.penalty.decisions"] = Provenance(line=60, text="/")
    assert codes(report) == [("CELL-BLANK", "warning")]


@pytest.mark.parametrize(
    ("year", "severity"), [(2021, "error"), (2023, "error"), (2020, "info"), (2019, "info")]
)
def test_trial_template_outdated_from_2021(year, severity):
    report = balanced_report(random.Random(1), year=year, template="2019")
    assert codes(report) == [("TEMPLATE-OUTDATED", severity)]


# --- text vs tables -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023年，我中心未收到申请公开信息。",
        "本年度没有收到政府信息公开申请。",
        "本年度无政府信息公开申请。",
        "全年无依申请公开事项，共收到政府信息公开申请0件。",
    ],
)
def test_text_saying_no_applications_against_a_nonzero_table(text):
    report = quiet(signed_on=dt.date(2024, 1, 19))
    report = with_section(report, 1, text)
    report.table3["new"]["natural_person"] = report.table3["new"]["total"] = 2
    report.table3["granted"]["natural_person"] = report.table3["granted"]["total"] = 2
    report.table3["total"]["natural_person"] = report.table3["total"]["total"] = 2
    found = run_checks(report)
    assert [(f.code, f.severity, f.expected, f.actual) for f in found] == [
        ("TEXT-NO-APPLICATIONS", "error", 0, 2)
    ]
    assert found[0].place.line == SEED_LINES[1] + 1


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收到因政府信息公开申请引发的行政复议、行政诉讼。",
        "共收到政府信息公开申请2件，无申请人逾期不补正的情况。",
        "作出补正告知，目前未收到该申请人提交的补正，结转下年度办理。",
        "无正当理由大量反复申请的情形未发生，共收到申请10件。",
    ],
)
def test_text_about_other_matters_is_not_a_contradiction(text):
    report = with_section(quiet(signed_on=dt.date(2024, 1, 19)), 1, text)
    for row in ("new", "granted", "total"):
        report.table3[row]["natural_person"] = report.table3[row]["total"] = 2
    assert codes(report) == []


def test_table_saying_none_while_the_text_reports_some_is_not_a_finding():
    report = with_section(quiet(signed_on=dt.date(2024, 1, 19)), 1, "本年度共收到政府信息公开申请3件。")
    assert codes(report) == []


def test_section_six_without_information_fee_is_a_warning():
    report = with_section(quiet(signed_on=dt.date(2024, 1, 19)), 6, "无其他需要报告的事项。")
    found = run_checks(report)
    assert [(f.code, f.severity, f.place.line) for f in found] == [
        ("SIX-NO-FEE-STATEMENT", "warning", SEED_LINES[6])
    ]


# --- the registry -------------------------------------------------------------------------------


def test_every_rule_is_listed_once_with_a_chinese_title():
    rules = describe_rules()
    assert len({r["code"] for r in rules}) == len(rules)
    assert all(r["title_zh"] and r["severity"] in ("error", "warning", "info") for r in rules)
    assert [r["scope"] for r in rules] == sorted(
        (r["scope"] for r in rules), key=["report", "years", "units", "campaign"].index
    )
    assert {
        "T3-BALANCE",
        "T3-RESULT-SUM",
        "T3-ROW-SUM",
        "T4-BLOCK-SUM",
        "CELL-NEGATIVE",
        "CELL-NOT-INTEGER",
        "CELL-BLANK",
        "T3-OTHER-MIXED",
        "YEAR-MISMATCH",
        "SIGNED-BEFORE-YEAR-END",
        "SIGNED-LATE",
        "SIGNED-MISSING",
        "SECTIONS-MISSING",
        "SECTIONS-ORDER",
        "TEXT-NO-APPLICATIONS",
        "SIX-NO-FEE-STATEMENT",
        "TEMPLATE-OUTDATED",
        "TABLE-ROWS-MISSING",
        "X-CARRY-OVER",
        "X-IN-FORCE",
        "X-PENDING",
        "X-CONSOLIDATED-SUM",
        "X-CONSOLIDATED-INCOMPLETE",
        "X-COPIED-PREVIOUS",
        "X-COPIED-UNIT",
        "X-SUBMITTED-LATE",
        "X-NOT-SUBMITTED",
        "X-PUBLISHED-LATE",
        "X-NOT-PUBLISHED",
    } <= {r["code"] for r in rules}
