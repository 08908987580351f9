"""The report assembled from data: each table's counts on a small history computed by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import factories.annual as factories
from xxgk.web.annual.assembly import assembled_report, assembled_reports, prefilled_sections
from xxgk.web.annual.models import Draft, YearlyFigures
from xxgk.web.annual.table3 import cell_condition
from xxgk.web.applications.models import Application
from xxgk.web.remedies.models import Remedy

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    org = factories.organisation()
    app = factories.application
    app(org, received=D(2022, 12, 20), concluded=D(2023, 1, 5), outcome="granted")  # carried in
    app(org, kind="commercial", received=D(2023, 3, 1), concluded=D(2023, 3, 20), outcome="partial")
    app(org, received=D(2023, 12, 28))  # new, carried out
    app(org, received=D(2023, 6, 1), concluded=D(2024, 1, 10), outcome="denied.state_secret")
    app(org, received=None)  # receipt not confirmed: counted nowhere
    app(org, kind="research", received=D(2021, 5, 1), concluded=D(2021, 6, 1), outcome="granted")
    case = factories.remedy
    case(org, filed=D(2022, 11, 1), decided=D(2023, 2, 1), result="upheld")
    case(org, filed=D(2023, 5, 1))
    case(org, kind="suit_direct", filed=D(2023, 7, 1), decided=D(2024, 3, 1), result="corrected")
    case(org, filed=D(2022, 1, 1), decided=D(2022, 6, 1), result="other")
    voided = case(org, filed=D(2023, 1, 10))
    Remedy.objects.filter(pk=voided.pk).update(voided=True, void_reason="重复登记")
    return org


def test_table3_counts_by_receipt_and_conclusion(org) -> None:
    t3 = assembled_report(org, 2023).table3
    assert t3["new"] == {**_zeros(), "natural_person": 2, "commercial": 1, "total": 3}
    assert t3["carried_in"] == {**_zeros(), "natural_person": 1, "total": 1}
    assert t3["granted"] == {**_zeros(), "natural_person": 1, "total": 1}
    assert t3["partial"] == {**_zeros(), "commercial": 1, "total": 1}
    assert t3["total"] == {**_zeros(), "natural_person": 1, "commercial": 1, "total": 2}
    assert t3["carried_out"] == {**_zeros(), "natural_person": 2, "total": 2}
    assert t3["denied.state_secret"]["total"] == 0
    assert set(t3["other"].values()) == {None}  # the short （六） row is not printed


def test_next_year_starts_from_this_years_carried_out(org) -> None:
    t3 = assembled_report(org, 2024).table3
    assert t3["carried_in"]["natural_person"] == 2
    assert t3["denied.state_secret"]["natural_person"] == 1
    assert t3["carried_out"]["natural_person"] == 1
    assert t3["new"]["total"] == 0


def test_table4_counts_pending_cases_in_every_year_they_stay_open(org) -> None:
    t4 = assembled_report(org, 2023).table4
    assert t4["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    assert t4["suit_direct"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert t4["suit_after_review"]["total"] == 0
    t4 = assembled_report(org, 2024).table4
    assert t4["suit_direct"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert t4["review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}


def test_table2_takes_the_yearly_figures_and_leaves_missing_ones_blank(org) -> None:
    assert assembled_report(org, 2023).table2["licensing"] == {"decisions": None}
    YearlyFigures.objects.create(organisation=org, year=2023, licensing=12, fees=Decimal("1.25"))
    t2 = assembled_report(org, 2023).table2
    assert t2["licensing"] == {"decisions": 12}
    assert t2["penalty"] == {"decisions": None}
    assert t2["fees"] == {"amount": Decimal("1.25")}
    assert t2["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}


def test_sections_come_from_the_draft_or_from_the_data(org) -> None:
    report = assembled_report(org, 2023)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    one = report.section(1).text
    assert "共收到政府信息公开申请3件，上年结转1件" in one
    assert "予以公开1件、部分公开1件" in one
    assert "结转下年度继续办理2件" in one
    assert "被申请行政复议2件，被提起行政诉讼1件" in one
    assert report.section(6).text == "2023年度，本机关未收取信息处理费。无其他需要报告的事项。"
    Draft.objects.create(organisation=org, year=2023, overview="本机关自行撰写。", signed_on=D(2024, 1, 15))
    report = assembled_report(org, 2023)
    assert report.section(1).text == "本机关自行撰写。"
    assert report.signed_on == D(2024, 1, 15)
    assert prefilled_sections(org, 2023)[1] == one


def test_a_year_without_applications_says_so(org) -> None:
    one = assembled_report(org, 2025).section(1).text
    assert "2025年，本机关未收到新的政府信息公开申请" in one


def test_drill_down_lists_exactly_the_counted_applications(org) -> None:
    rows = Application.objects.filter(cell_condition("carried_out", "natural_person", 2023), organisation=org)
    assert sorted(a.received_on for a in rows) == [D(2023, 6, 1), D(2023, 12, 28)]
    rows = Application.objects.filter(cell_condition("new", "total", 2023), organisation=org)
    assert rows.count() == 3


def test_many_agencies_in_one_pass_equal_one_by_one(org) -> None:
    other = factories.organisation("测试县财政局", "11360902014451051X")
    factories.application(other, received=D(2023, 2, 2))
    both = assembled_reports([org, other], 2023)
    assert both[org.pk] == assembled_report(org, 2023)
    assert both[other.pk].table3["new"]["total"] == 1
    assert both[other.pk].table3["carried_out"]["total"] == 1


def _zeros() -> dict[str, int]:
    return dict.fromkeys(
        ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"),
        0,
    )


def test_fee_amounts_are_printed_as_meant(org) -> None:
    YearlyFigures.objects.create(organisation=org, year=2022, fees=Decimal("100"))
    YearlyFigures.objects.create(organisation=org, year=2023, fees=Decimal("0.0125"))
    assert str(assembled_report(org, 2022).table2["fees"]["amount"]) == "100"
    assert str(assembled_report(org, 2023).table2["fees"]["amount"]) == "0.0125"


def test_section_six_states_the_processing_fees_paid_in_the_year(org) -> None:
    from xxgk.web.applications.models import FeeNotice

    case = Application.objects.filter(organisation=org, received_on=D(2023, 3, 1)).get()
    for paid, amount in ((D(2023, 4, 2), Decimal("100.00")), (D(2023, 5, 1), Decimal("12.50")), (None, 30)):
        FeeNotice.objects.create(
            application=case,
            method="per_page",
            quantity=120,
            amount=amount,
            issued_on=D(2023, 3, 25),
            pay_by=D(2023, 4, 15),
            paid_on=paid,
        )
    six = assembled_report(org, 2023).section(6).text
    assert six == (
        "2023年度，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        "收取信息处理费2笔，共计112.50元。无其他需要报告的事项。"
    )
    assert "未收取信息处理费" in assembled_report(org, 2024).section(6).text


def test_the_overview_names_the_channels_used(org) -> None:
    from xxgk.web.annual import drafting

    report = assembled_report(org, 2023)
    text = drafting.overview(
        "测试局",
        2023,
        report.table2,
        report.table3,
        report.table4,
        {"政府网站": 12, "政务微博": 0, "公开栏": 3},
    )
    assert "2023年，本机关通过政府网站12条、公开栏3条主动公开政府信息。" in text
    assert "主动公开政府信息。" not in drafting.overview(
        "测试局", 2023, report.table2, report.table3, report.table4
    )
