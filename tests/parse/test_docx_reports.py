"""End to end: the DOCX made from the 平潭 2024 page → read_docx → map_document → its figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from support.guanweihui_2024 import TABLE2, TABLE3, TABLE4, cells
from support.real_inputs import REPORTS
from xxgk.parse.detect import read_report
from xxgk.parse.docx import read_docx
from xxgk.parse.errors import ReportReadError
from xxgk.parse.mapper import map_document

DOCX = REPORTS / "pingtan-2024-guanweihui.docx"


@pytest.mark.parametrize("via", ["map_document", "read_report"])
def test_guanweihui_docx(via: str) -> None:
    data = DOCX.read_bytes()
    report = (
        map_document(read_docx(data, source=DOCX.name))
        if via == "map_document"
        else read_report(data, DOCX.name)
    )
    assert report.source_format == "docx"
    assert report.template == "2021"
    assert report.year == 2024
    assert report.organization == "平潭综合实验区"
    assert report.consolidated  # the 实验区's own report, compiled by the 管委会
    assert report.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert report.signed_on is None
    assert report.other_row == "split"
    for table, nonzero, skip in (
        (report.table2, TABLE2, ()),
        (report.table3, TABLE3, ("other",)),
        (report.table4, TABLE4, ()),
    ):
        got = cells(table, skip)
        assert {k: v for k, v in got.items() if v != 0} == nonzero
        assert all(v == 0 and v is not None for k, v in got.items() if k not in nonzero)
    assert report.table2["fees"]["amount"] == Decimal("18651.06")
    assert set(report.table3["other"].values()) == {None}
    assert len(report.table3) == 26  # the 26 row keys of the 2021 template
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]


def test_broken_docx_is_a_read_error_through_read_report() -> None:
    data = DOCX.read_bytes()
    with pytest.raises(ReportReadError):
        read_report(data[: len(data) // 2], "truncated.docx")
