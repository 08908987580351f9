"""Table 二's yearly figures imported from XLSX: a plain sheet, the renderer's own table, bad files."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from xxgk.render import render
from xxgk.web.annual import services
from xxgk.web.annual.assembly import assembled_report
from xxgk.web.annual.figures_xlsx import read_figures

pytestmark = pytest.mark.django_db


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_plain_two_column_sheet() -> None:
    data = _xlsx([["项目", "数量"], ["行政许可", 120], ["行政处罚", "7"], ["行政事业性收费", 3.5]])
    assert read_figures(data) == {"licensing": 120, "penalty": 7, "fees": Decimal("3.5")}


def test_the_renderers_table_two_reads_back(demo) -> None:
    org = demo.orgs["jgsw"]
    services.save_figures(
        actor=demo.users["jgsw_chengban"],
        organisation=org,
        year=2024,
        version=0,
        licensing=31,
        penalty=2,
        coercion=1,
        fees=Decimal("12.5"),
    )
    workbook = render(assembled_report(org, 2024), "xlsx")
    assert read_figures(workbook) == {"licensing": 31, "penalty": 2, "coercion": 1, "fees": Decimal("12.5")}


def test_import_keeps_figures_not_in_the_file(demo) -> None:
    org, actor = demo.orgs["jgsw"], demo.users["jgsw_chengban"]
    services.save_figures(actor=actor, organisation=org, year=2024, version=0, licensing=1, coercion=4)
    figures = services.import_figures(actor=actor, organisation=org, year=2024, data=_xlsx([["行政许可", 9]]))
    assert (figures.licensing, figures.coercion, figures.version) == (9, 4, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a workbook", "不是有效的 XLSX"),
        (_xlsx([["无关", 1]]), "未找到"),
        (_xlsx([["行政处罚", -1]]), "不能为负数"),
        (_xlsx([["行政许可", 1.5]]), "须为整数"),
        (_xlsx([["行政强制", "若干"]]), "不是数字"),
    ],
)
def test_bad_files_say_why_in_chinese(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read_figures(data)


def test_nothing_is_written_when_the_file_is_bad(demo) -> None:
    org = demo.orgs["jgsw"]
    with pytest.raises(ValidationError):
        services.import_figures(
            actor=demo.users["jgsw_chengban"], organisation=org, year=2024, data=_xlsx([["行政许可", -3]])
        )
    assert assembled_report(org, 2024).table2["licensing"]["decisions"] is None
