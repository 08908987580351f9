"""End to end: the DOCX made from the 平潭 2024 page → read_docx → map_document → its figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from real_inputs import REPORTS
from xxgk.parse.detect import read_report
from xxgk.parse.docx import read_docx
from xxgk.parse.errors import ReportReadError
from xxgk.parse.mapper import map_document

DOCX = REPORTS / "pingtan-2024-guanweihui.docx"


# Every non-zero figure of the report (the same as pingtan-2024-guanweihui.html).
TABLE2 = {
    ("normative_documents", "issued"): 62,
    ("normative_documents", "repealed"): 33,
    ("normative_documents", "in_force"): 440,
    ("licensing", "decisions"): 4529,
    ("penalty", "decisions"): 1100,
    ("coercion", "decisions"): 65,
    ("fees", "amount"): Decimal("18651.06"),
}
TABLE3 = {
    ("new", "natural_person"): 217,
    ("new", "commercial"): 1,
    ("new", "total"): 218,
    ("granted", "natural_person"): 71,
    ("granted", "total"): 71,
    ("partial", "natural_person"): 29,
    ("partial", "total"): 29,
    ("denied.state_secret", "natural_person"): 4,
    ("denied.state_secret", "total"): 4,
    ("denied.third_party", "natural_person"): 3,
    ("denied.third_party", "total"): 3,
    ("denied.internal_affairs", "natural_person"): 32,
    ("denied.internal_affairs", "total"): 32,
    ("unavailable.not_held", "natural_person"): 75,
    ("unavailable.not_held", "total"): 75,
    ("not_processed.repeat", "natural_person"): 1,
    ("not_processed.repeat", "total"): 1,
    ("other.no_correction", "natural_person"): 1,
    ("other.no_correction", "total"): 1,
    ("other.other", "natural_person"): 1,
    ("other.other", "commercial"): 1,
    ("other.other", "total"): 2,
    ("total", "natural_person"): 217,
    ("total", "commercial"): 1,
    ("total", "total"): 218,
}
TABLE4 = {
    ("review", "upheld"): 2,
    ("review", "corrected"): 1,
    ("review", "other"): 3,
    ("review", "pending"): 1,
    ("review", "total"): 7,
    ("suit_after_review", "upheld"): 13,
    ("suit_after_review", "corrected"): 2,
    ("suit_after_review", "other"): 4,
    ("suit_after_review", "total"): 19,
}


def cells(
    data: dict[str, dict[str, object]], skip_rows: tuple[str, ...] = ()
) -> dict[tuple[str, str], object]:
    return {
        (row, col): v for row, values in data.items() if row not in skip_rows for col, v in values.items()
    }


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
