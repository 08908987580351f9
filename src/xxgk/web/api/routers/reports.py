"""Published annual reports: the engine JSON as published (latest correction, or an earlier
version), what the checks found at publication, the indicators, and links to the portal's files."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from django.db.models.fields.json import KT
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from xxgk import indicators
from xxgk.report import Report
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.annual.selectors import latest_version, version_of
from xxgk.web.api.errors import COMMON_ERRORS, ApiError
from xxgk.web.api.listing import ListQuery, Page, csv_openapi, csv_response, ordering_of, respond
from xxgk.web.api.lookups import BIG_ID
from xxgk.web.api.published import latest_versions
from xxgk.web.orgs.models import Organisation

router = Router(tags=["年度报告"])


class Links(Schema):
    page: str = Field(description="门户网站上的报告页面（HTML）")
    docx: str
    pdf: str
    xlsx: str
    data: str = Field(description="本接口的报告数据（JSON）")
    findings: str


class ReportSummary(Schema):
    agency_id: int
    agency: str
    year: int
    version: int = Field(description="版本号：1 为首次发布，之后为更正")
    published_at: dt.datetime
    title: str | None
    links: Links


class PublishedReport(ReportSummary):
    correction_reason: str = Field(description="更正原因（更正版本）")
    report: Report = Field(description="年度报告数据（与 xxgk extract 的 JSON 相同）")


class FindingOut(Schema):
    code: str
    severity: str
    message_zh: str
    place: dict[str, Any] = Field(default_factory=dict)
    expected: Any = None
    actual: Any = None


class IndicatorOut(Schema):
    key: str
    name_zh: str
    formula_zh: str
    value: float | None = Field(description="数值；比率为小数（0.5 即 50%）；分母为 0 时为空")
    display: str = Field(description="按页面显示的文字，如 85.7%")
    numerator: int
    denominator: int | None
    small_sample: bool


class ReportFilters(ListQuery):
    agency: int | None = Field(None, ge=1, le=BIG_ID, description="机关 id")
    within: int | None = Field(None, ge=1, le=BIG_ID, description="此机关及其全部下级机关")
    year: int | None = Field(None, ge=2000, le=2100, description="报告年度")
    published_from: dt.date | None = Field(None, description="发布日期不早于")
    published_to: dt.date | None = Field(None, description="发布日期不晚于")
    ordering: ordering_of("year", "published_at", "agency") = "-year"  # type: ignore[valid-type]


class VersionQuery(Schema):
    version: int | None = Field(None, ge=1, le=1000, description="版本号（默认最新版本）")


class FormatQuery(Schema):
    format: str = Field("json", pattern="^(json|csv)$", description="json 或 csv")


def _links(request: HttpRequest, org_id: int, year: int) -> Links:
    def url(name: str, *args: Any) -> str:
        return request.build_absolute_uri(reverse(name, args=args))

    return Links(
        page=url("portal:report", org_id, year),
        docx=url("portal:report_file", org_id, year, "docx"),
        pdf=url("portal:report_file", org_id, year, "pdf"),
        xlsx=url("portal:report_file", org_id, year, "xlsx"),
        data=url("api-v1:report", org_id, year),
        findings=url("api-v1:report_findings", org_id, year),
    )


def _summary(request: HttpRequest, version: PublishedVersion, title: str | None) -> dict[str, Any]:
    return {
        "agency_id": version.organisation_id,
        "agency": version.organisation.name,
        "year": version.year,
        "version": version.number,
        "published_at": version.published_at,
        "title": title,
        "links": _links(request, version.organisation_id, version.year),
    }


@router.get(
    "/reports",
    response={200: Page[ReportSummary], **COMMON_ERRORS},
    openapi_extra=csv_openapi("已公开的年度报告"),
    summary="已公开的年度报告",
)
def list_reports(request: HttpRequest, filters: Query[ReportFilters]) -> dict | HttpResponse:
    rows = latest_versions().select_related("organisation").defer("report", "findings", "changes")
    rows = rows.annotate(title=KT("report__title"))
    if filters.agency is not None:
        rows = rows.filter(organisation_id=filters.agency)
    if filters.within is not None:
        top = Organisation.objects.filter(pk=filters.within, is_active=True).first()
        rows = rows.filter(organisation__path__startswith=top.path) if top else rows.none()
    if filters.year is not None:
        rows = rows.filter(year=filters.year)
    if filters.published_from is not None:
        rows = rows.filter(published_at__date__gte=filters.published_from)
    if filters.published_to is not None:
        rows = rows.filter(published_at__date__lte=filters.published_to)
    return respond(
        rows,
        query=filters,
        ordering=filters.ordering,
        fields={"year": "year", "published_at": "published_at", "agency": "organisation__path"},
        schema=ReportSummary,
        items=lambda rows: [ReportSummary(**_summary(request, v, v.title)) for v in rows],
        filename="reports",
    )


def _published(agency_id: int, year: int, number: int | None = None) -> PublishedVersion:
    org = (
        Organisation.objects.filter(pk=agency_id, is_active=True).first()
        if 0 < agency_id < BIG_ID and 0 < year < 10_000
        else None
    )
    version = None
    if org is not None:
        version = latest_version(org, year) if number is None else version_of(org, year, number)
    if version is None:
        raise ApiError(404, "not_found", "该机关尚未公开该年度的报告（或没有该版本）。")
    return version


@router.get(
    "/reports/{agency_id}/{year}",
    response={200: PublishedReport, **COMMON_ERRORS},
    url_name="report",
    summary="一份已公开的年度报告",
)
def get_report(request: HttpRequest, agency_id: int, year: int, query: Query[VersionQuery]) -> dict[str, Any]:
    version = _published(agency_id, year, query.version)
    report = Report.model_validate(version.report)
    return {
        **_summary(request, version, report.title),
        "correction_reason": version.correction_reason,
        "report": report,
    }


@router.get(
    "/reports/{agency_id}/{year}/findings",
    response={200: list[FindingOut], **COMMON_ERRORS},
    openapi_extra=csv_openapi("发布时的核查结果"),
    url_name="report_findings",
    summary="发布时的核查结果",
)
def report_findings(
    request: HttpRequest, agency_id: int, year: int, query: Query[VersionQuery], fmt: Query[FormatQuery]
) -> list[FindingOut] | HttpResponse:
    version = _published(agency_id, year, query.version)
    items = [FindingOut.model_validate(f) for f in version.findings]
    if fmt.format == "csv":
        return csv_response(items, schema=FindingOut, filename=f"findings-{agency_id}-{year}")
    return items


@router.get(
    "/reports/{agency_id}/{year}/indicators",
    response={200: list[IndicatorOut], **COMMON_ERRORS},
    summary="年度报告的指标",
)
def report_indicators(request: HttpRequest, agency_id: int, year: int) -> list[IndicatorOut]:
    report = Report.model_validate(_published(agency_id, year).report)
    return [_indicator(value) for value in indicators.compute_all(report).values()]


def _indicator(value: indicators.Value) -> IndicatorOut:
    number = value.value
    return IndicatorOut(
        key=value.indicator.key,
        name_zh=value.indicator.name_zh,
        formula_zh=value.indicator.formula_zh,
        value=float(number) if isinstance(number, Fraction) else number,
        display=value.display(),
        numerator=value.numerator,
        denominator=value.denominator,
        small_sample=value.small_sample,
    )
