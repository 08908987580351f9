"""End to end on every real plain-text report: the seed and the 平潭 web captures (tests/data).

Expected values were read by hand from the files (not from the parser's output).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from forms.expected import EXPECTED
from support.real_inputs import REPORTS, SEED
from support.report_asserts import CLEAN_INPUT_FORBIDDEN, HEADINGS_2021, assert_tables, codes
from xxgk.parse.detect import read_report_file

GONGANJU = REPORTS / "pingtan-2021-gonganju.txt"
SUPING = REPORTS / "pingtan-2021-supingpianqu.txt"
JINJING = REPORTS / "pingtan-2020-jinjingpianqu.txt"


def test_seed_report() -> None:
    report = read_report_file(SEED)
    assert report.template == "2021"
    assert report.year == 2023
    assert report.organization == "宜春市机关事务管理中心"
    assert report.signed_on == dt.date(2023, 1, 19)
    assert report.other_row == "short"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    # All zeros; the fee amount is a decimal zero.
    assert_tables(report, {})
    assert report.table2["fees"]["amount"] == Decimal(0)
    assert isinstance(report.table2["fees"]["amount"], Decimal)
    assert report.table3["other"] == dict.fromkeys(report.table3["other"], 0)
    assert all(v is None for v in report.table3["other.other"].values())
    assert not codes(report) & CLEAN_INPUT_FORBIDDEN
    # The seed prints 规范性文件, the older wording of 行政规范性文件.
    assert "P-LABEL-VARIANT" in codes(report)
    assert "2022年" in report.section(1).text
    assert "信息处理费" in report.section(6).text


def test_gonganju_capture_cells_run_together() -> None:
    report = read_report_file(GONGANJU)
    assert report.template == "2021"
    assert report.year == 2021
    assert report.organization == "平潭综合实验区公安局"
    assert report.signed_on == dt.date(2022, 1, 7)
    assert report.other_row == "split"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    # 规章000 · 行政规范性文件002 · 行政处罚141 (one cell) · 一、本年新收…1000001 · 3.其他1000001 …
    assert_tables(report, EXPECTED["pingtan-2021-gonganju"].nonzero)
    assert report.table2["fees"]["amount"] == Decimal(0)
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})
    # The header misprint 本年废纸件数 is a known variant of 本年废止件数.
    assert report.table2["regulations"]["repealed"] == 0


def test_supingpianqu_capture_cells_partly_spaced() -> None:
    report = read_report_file(SUPING)
    assert report.template == "2021"
    assert report.year == 2021
    assert report.organization == "平潭综合实验区苏平片区管理局"
    assert report.signed_on == dt.date(2022, 1, 6)
    assert report.other_row == "split"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    # 行政规范性文件101 · 行政许可3 · `10 0 0 0 01` rows · table 四 `0 00 0 0 0 00 0 0 0 00 00`.
    assert_tables(report, EXPECTED["pingtan-2021-supingpianqu"].nonzero)
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})


def test_jinjingpianqu_2019_trial_format() -> None:
    report = read_report_file(JINJING)
    assert report.template == "2019"
    assert "P-TEMPLATE-2019" in codes(report)
    assert report.year == 2020
    assert report.organization == "平潭综合实验区金井片区管理局"
    assert report.signed_on == dt.date(2021, 1, 26)
    assert report.other_row == "short"
    # The capture drops the 、 of the first heading: 一总体情况.
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.heading for s in report.sections][1:] == HEADINGS_2021[1:]
    # 规范性文件555 · 行政许可`00 0` · 政府集中采购178810055 (采购项目数量 and 采购总金额 run
    # together: 1788|10055, 17881|0055 … cannot be told apart) → both cells empty.
    assert_tables(
        report,
        EXPECTED["pingtan-2020-jinjingpianqu"].nonzero,
        empty=EXPECTED["pingtan-2020-jinjingpianqu"].empty,
    )
    run_together = [f for f in report.findings if f.code == "P-RUN-TOGETHER"]
    assert len(run_together) == 1
    assert "178810055" in run_together[0].message_zh
    assert not codes(report) & CLEAN_INPUT_FORBIDDEN
    assert report.table3["other"] == dict.fromkeys(report.table3["other"], 0)


@pytest.mark.parametrize("path", [SEED, GONGANJU, SUPING, JINJING], ids=lambda p: p.stem)
def test_every_value_has_its_source_text(path: Path) -> None:
    report = read_report_file(path)
    for table in report.spec.tables:
        for row in table.rows:
            for col in table.columns_of(row):
                if report.cell(table.key, row.key, col.key) is not None:
                    assert f"{table.key}.{row.key}.{col.key}" in report.provenance
