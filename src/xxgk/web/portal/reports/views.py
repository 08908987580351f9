"""Public pages of the annual reports: every agency's published reports by year, one report (its
latest version, or an earlier one with ?v=N) with its 更正说明, and the downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from markupsafe import Markup

from xxgk.render.html import render_fragment, report_css
from xxgk.report import Report
from xxgk.web.annual import selectors
from xxgk.web.annual.files import report_response
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.orgs.models import Organisation

# The files offered to the public (HTML is the page itself).
DOWNLOADS = ("docx", "pdf", "xlsx")


def report_list(request: HttpRequest) -> HttpResponse:
    years = selectors.published_years()
    agencies = Organisation.objects.filter(pk__in=years, is_active=True).order_by("path")
    rows = [(org, years[org.pk]) for org in agencies]
    return render(request, "portal/reports/list.html", {"rows": rows})


def _version(request: HttpRequest, org_id: int, year: int) -> tuple[Organisation, PublishedVersion]:
    org = get_object_or_404(Organisation, pk=org_id, is_active=True)
    wanted = request.GET.get("v", "")
    if wanted:
        version = selectors.version_of(org, year, int(wanted)) if wanted.isdigit() else None
    else:
        version = selectors.latest_version(org, year)
    if version is None:
        raise Http404("该机关尚未公开该年度的报告。")
    return org, version


def report_page(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    org, version = _version(request, org_id, year)
    report = Report.model_validate(version.report)
    context = {
        "org": org,
        "year": year,
        "version": version,
        "versions": selectors.versions_of(org, year),
        "report_html": Markup(render_fragment(report)),
        "report_css": Markup(report_css()),
        "downloads": DOWNLOADS,
    }
    return render(request, "portal/reports/report.html", context)


def report_file(request: HttpRequest, org_id: int, year: int, fmt: str) -> HttpResponse:
    if fmt not in DOWNLOADS:
        raise Http404("不提供该格式。")
    org, version = _version(request, org_id, year)
    suffix = f"（第{version.number}版）" if version.is_correction else ""
    return report_response(
        Report.model_validate(version.report),
        fmt,
        f"{org.name}{year}年政府信息公开工作年度报告{suffix}",
        cache_key=f"annual-published-{version.pk}-{version.published_at.timestamp()}",
    )
