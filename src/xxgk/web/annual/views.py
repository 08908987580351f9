"""Staff pages of the annual report: the reports by agency and year, one report with its checks
and drill-down, the draft, the yearly figures, publication, and the cases behind a number."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from xxgk.template.describe import describe_cell
from xxgk.web.annual import presentation, selectors, services
from xxgk.web.annual.checking import check_report
from xxgk.web.annual.errors import PublishBlocked
from xxgk.web.annual.files import CONTENT_TYPES, report_response
from xxgk.web.annual.forms import DraftForm, FiguresForm, ImportForm, PublishForm
from xxgk.web.annual.models import YearlyFigures
from xxgk.web.applications.masking import mask, may_see_personal
from xxgk.web.applications.models import Application, State
from xxgk.web.orgs.models import Organisation
from xxgk.web.orgs.scoping import has_role, require_role, visible_orgs
from xxgk.web.orgs.selectors import organisation_for
from xxgk.web.remedies.models import Remedy
from xxgk.web.remedies.selectors import counted_remedies


@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    years = [y for y in (this_year, this_year - 1, this_year - 2) if y >= services.FIRST_YEAR]
    orgs = list(visible_orgs(request.user).order_by("path"))
    published = selectors.latest_numbers(orgs, years)
    rows = [(org, [(year, published.get((org.pk, year))) for year in years]) for org in orgs]
    return render(request, "annual/index.html", {"rows": rows, "years": years})


def _org_year(request: HttpRequest, org_id: int, year: int) -> Organisation:
    org = organisation_for(request.user, org_id)
    try:
        services.check_year(year)
    except ValidationError:
        raise Http404("没有该年度的报告。") from None
    return org


@login_required
def report_detail(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    org = _org_year(request, org_id, year)
    report = selectors.assembled_report(org, year)
    findings = check_report(report, selectors.published_report(org, year - 1))

    can_edit = has_role(request.user, org, services.EDIT_ROLES)

    def link(table: str, row: str, column: str) -> str | None:
        if table != "table2":
            return reverse("annual:cases", args=(org.pk, year, table, row, column))
        if row not in YearlyFigures.ROWS:  # 规章、行政规范性文件: the registry's documents
            return f"{reverse('publishing:registry')}?org={org.pk}"
        return reverse("annual:figures", args=(org.pk, year)) if can_edit else None

    context: dict[str, Any] = {
        "org": org,
        "year": year,
        "report": report,
        "tables": presentation.grid_tables(report, link),
        "table2": presentation.listed_table2(report, link),
        "findings": findings,
        "errors": [f for f in findings if f.is_error],
        "versions": selectors.versions_of(org, year),
        "can_edit": can_edit,
        "can_publish": has_role(request.user, org, services.PUBLISH_ROLES),
        "year_over": timezone.localdate() > dt.date(year, 12, 31),
        "can_override": has_role(request.user, org, services.OVERRIDE_ROLE),
        "publish_form": PublishForm(),
        "downloads": list(CONTENT_TYPES),
    }
    return render(request, "annual/detail.html", context)


@login_required
def draft_edit(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    org = _org_year(request, org_id, year)
    require_role(request.user, org, services.EDIT_ROLES)
    draft = selectors.draft_of(org, year)
    made = selectors.prefilled_sections(org, year)
    initial = {
        "version": draft.version if draft else 0,
        "overview": (draft.overview if draft else "") or made[1],
        "problems": (draft.problems if draft else "") or made[5],
        "other_matters": (draft.other_matters if draft else "") or made[6],
        "signed_on": draft.signed_on if draft else None,
    }
    form = DraftForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_draft(
                actor=request.user,
                organisation=org,
                year=year,
                version=data["version"],
                overview=data["overview"],
                problems=data["problems"],
                other_matters=data["other_matters"],
                signed_on=data["signed_on"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "草稿已保存。")
            return redirect("annual:detail", org.pk, year)
    return render(request, "annual/draft.html", {"org": org, "year": year, "form": form, "made": made})


@login_required
def figures_edit(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    org = _org_year(request, org_id, year)
    require_role(request.user, org, services.EDIT_ROLES)
    figures = selectors.figures_of(org, year)
    initial = {"version": figures.version if figures else 0}
    form = FiguresForm(request.POST or None, instance=figures or YearlyFigures(), initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {key: form.cleaned_data[key] for key in YearlyFigures.ROWS}
        try:
            services.save_figures(
                actor=request.user,
                organisation=org,
                year=year,
                version=form.cleaned_data["version"],
                **values,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "年度统计数据已保存。")
            return redirect("annual:detail", org.pk, year)
    context = {"org": org, "year": year, "form": form, "import_form": ImportForm()}
    return render(request, "annual/figures.html", context)


@login_required
@require_POST
def figures_import(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    org = _org_year(request, org_id, year)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要导入的 XLSX 文件。")
        return redirect("annual:figures", org.pk, year)
    try:
        services.import_figures(
            actor=request.user, organisation=org, year=year, data=form.cleaned_data["file"].read()
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("annual:figures", org.pk, year)
    messages.success(request, "已从工作簿导入年度统计数据。")
    return redirect("annual:detail", org.pk, year)


@login_required
@require_POST
def publish(request: HttpRequest, org_id: int, year: int) -> HttpResponse:
    org = _org_year(request, org_id, year)
    form = PublishForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        version = services.publish(
            actor=request.user,
            organisation=org,
            year=year,
            override_reason=data.get("override_reason", ""),
            correction_reason=data.get("correction_reason", ""),
        )
    except PublishBlocked as exc:
        messages.error(request, exc.messages[0])
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        what = "更正版本" if version.is_correction else "报告"
        messages.success(request, f"{year}年度{what}已发布（第{version.number}版）。")
    return redirect("annual:detail", org.pk, year)


@login_required
def download(request: HttpRequest, org_id: int, year: int, fmt: str) -> HttpResponse:
    org = _org_year(request, org_id, year)
    if fmt not in CONTENT_TYPES:
        raise Http404("不支持该格式。")
    return report_response(selectors.assembled_report(org, year), fmt, f"{org.name}{year}年度报告（草稿）")


@login_required
def cases(request: HttpRequest, org_id: int, year: int, table: str, row: str, column: str) -> HttpResponse:
    """The cases one number of the report counts (staff only; names only for the agency's staff)."""
    org = _org_year(request, org_id, year)
    personal = may_see_personal(request.user, org)
    report = selectors.assembled_report(org, year)
    year_end = dt.date(year, 12, 31)
    items: list[tuple[Application, str, str]] | list[tuple[Remedy, str, str]]
    try:
        if table == "table3":
            apps = selectors.counted_applications(request.user, org, year, row, column)
            items = [
                (a, a.name if personal else mask("name", a.name), _outcome_on(a, year_end)) for a in apps
            ]
        elif table == "table4":
            cases = counted_remedies(request.user, org, year, row, column)
            items = [
                (r, r.claimant_name if personal else mask("name", r.claimant_name), r.status_on(year_end))
                for r in cases
            ]
        else:
            raise KeyError(table)
        value = report.cell(table, row, column)
    except KeyError:
        raise Http404("报告中没有该数字。") from None
    context = {
        "org": org,
        "year": year,
        "table": table,
        "cell": describe_cell(table, row, column),
        "value": value,
        "items": items,
    }
    return render(request, "annual/cases.html", context)


def _outcome_on(application: Application, day: dt.date) -> str:
    """The outcome if the case had concluded by `day`, else 办理中 (as table 三 counts it)."""
    if application.concluded_on is not None and application.concluded_on <= day:
        return application.get_outcome_display()
    return State.REGISTERED.label


def _add_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
