"""The consolidated report (本级 and 本行政区域, engine JSON, checked) and the 通报 DOCX with charts."""

from __future__ import annotations

import io

import pytest
from docx import Document

from factories.rollup import CITY, PARTS, mini, sample, send
from xxgk.report import Report
from xxgk.web.orgs.errors import RoleRequired
from xxgk.web.orgs.models import OrgKind
from xxgk.web.rollup import documents, services
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import Enrolment, Scope


def _text(docx: bytes) -> str:
    doc = Document(io.BytesIO(docx))
    return "\n".join(p.text for p in doc.paragraphs)


def _images(docx: bytes) -> int:
    doc = Document(io.BytesIO(docx))
    return sum(1 for rel in doc.part.rels.values() if "image" in rel.reltype)


@pytest.mark.django_db
def test_consolidated_report_sums_the_parts_and_lists_the_missing_one() -> None:
    m = mini()
    county = services.register_unit(
        actor=m.supervisor,
        office=m.context.orgs["office"],
        year=2025,
        name="宜春市袁州区人民政府",
        kind=OrgKind.COUNTY_GOVERNMENT,
        parent=m.submission(CITY).enrolment.unit,
    )
    reports = {name: sample(name, 2025) for name in (*PARTS[:2], county.unit.name)}
    for name, report in reports.items():
        send(m.supervisor, m.submission(name), report)
    city = Enrolment.objects.get(unit__name=CITY, year=2025)
    own, region = services.generate_consolidated(
        actor=m.supervisor, campaign=m.campaigns[2025], enrolment=city
    )
    assert own.scope == Scope.OWN and region.scope == Scope.REGION
    assert set(region.included) == set(reports) and region.missing == [PARTS[2]]
    assert set(own.included) == set(PARTS[:2])  # the county is not 本级
    summed = Report.model_validate(region.report)
    assert summed.consolidated and summed.organization == CITY
    expected = sum(r.table3["new"]["total"] for r in reports.values())
    assert summed.table3["new"]["total"] == expected
    assert (
        Report.model_validate(own.report).table3["new"]["total"]
        == expected - reports[county.unit.name].table3["new"]["total"]
    )
    assert [f["code"] for f in region.findings if f["code"].startswith("X-CONSOLIDATED")] == [
        "X-CONSOLIDATED-INCOMPLETE"
    ]
    docx = documents.consolidated_docx(region)
    assert "汇总说明" in _text(docx) and PARTS[2] in _text(docx)
    assert _images(docx) == 1


@pytest.mark.django_db
def test_consolidation_is_refused_without_parts_or_for_a_department() -> None:
    m = mini()
    city = Enrolment.objects.get(unit__name=CITY, year=2025)
    with pytest.raises(RollupError, match="尚无下级单位报送"):
        services.generate_consolidated(actor=m.supervisor, campaign=m.campaigns[2025], enrolment=city)
    department = Enrolment.objects.get(unit__name=PARTS[0], year=2025)
    with pytest.raises(RollupError, match="不是本年度须汇总"):
        services.generate_consolidated(actor=m.supervisor, campaign=m.campaigns[2025], enrolment=department)


@pytest.mark.django_db
def test_notice_lists_per_unit_what_was_found_with_charts() -> None:
    m = mini()
    wrong = sample(PARTS[0], 2025).model_dump()
    wrong["table3"]["granted"]["natural_person"] += 1
    send(m.supervisor, m.submission(PARTS[0]), Report.model_validate(wrong))
    send(m.supervisor, m.submission(PARTS[1]), sample(PARTS[1], 2025))
    notice = services.generate_notice(actor=m.supervisor, campaign=m.campaigns[2025])
    text = _text(bytes(notice.docx))
    assert "关于2025年度政府信息公开工作年度报告报送和检查情况的通报" in text
    assert "本次应报送单位4个，已报送2个" in text
    unit_section = text.split(PARTS[0], 1)[1]
    assert "表格数据错误：表三「" in unit_section
    assert PARTS[2] in text and "仍未报送" in text  # the missing unit is named with its lateness
    assert _images(bytes(notice.docx)) == 2
    with pytest.raises(RoleRequired):
        services.generate_notice(actor=m.context.users["jgsw_chengban"], campaign=m.campaigns[2025])


@pytest.mark.django_db
def test_a_unit_that_moved_counts_under_its_parent_of_that_year() -> None:
    m = mini()
    office, city_unit = m.context.orgs["office"], m.submission(CITY).enrolment.unit
    county = services.register_unit(
        actor=m.supervisor,
        office=office,
        year=2025,
        name="宜春市袁州区人民政府",
        kind=OrgKind.COUNTY_GOVERNMENT,
        parent=city_unit,
        consolidates=True,
    )
    mover = services.register_unit(
        actor=m.supervisor,
        office=office,
        year=2025,
        name="宜春市袁州区税务分局",
        kind=OrgKind.VERTICAL,
        parent=county.unit,
    )
    services.register_unit(  # the year before it stood directly under the city
        actor=m.supervisor,
        office=office,
        year=2024,
        name=mover.unit.name,
        kind=OrgKind.VERTICAL,
        parent=city_unit,
    )
    services.open_campaign(actor=m.supervisor, office=office, year=2024)
    for year in (2024, 2025):
        send(m.supervisor, m.submission(mover.unit.name, year), sample(mover.unit.name, year))
    city_2024 = Enrolment.objects.get(unit__name=CITY, year=2024)
    _own, region = services.generate_consolidated(
        actor=m.supervisor, campaign=m.campaigns[2024], enrolment=city_2024
    )
    assert mover.unit.name in region.included
    _own, county_region = services.generate_consolidated(
        actor=m.supervisor, campaign=m.campaigns[2025], enrolment=county
    )
    assert county_region.included == [mover.unit.name]
