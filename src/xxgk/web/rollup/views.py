"""Pages of the supervising office and of the reporting units: thin, over selectors and services."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from xxgk import indicators
from xxgk.web.rollup import documents, forms, selectors, services
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import Enrolment, Review, Status

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _refusing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A refused action becomes a Chinese message on the page it came from, nothing written."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except RollupError as exc:
            messages.error(request, exc.message_zh)
            return redirect(request.POST.get("next") or request.META.get("HTTP_REFERER") or "rollup:index")

    return wrapper


def _version(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    campaigns = selectors.campaigns_for(request.user)
    supervised = [c for c in campaigns if services.is_supervisor(request.user, c)]
    mine = (
        selectors.submissions_for(request.user).exclude(campaign__in=supervised).order_by("-campaign__year")
    )
    return render(request, "rollup/index.html", {"supervised": supervised, "mine": mine})


@login_required
def board(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_for(request.user, pk)
    rows = selectors.board(request.user, campaign)
    governments = Enrolment.objects.filter(
        pk__in=[r.submission.enrolment_id for r in rows], consolidates=True
    ).select_related("unit")
    context = {
        "campaign": campaign,
        "rows": rows,
        "counts": selectors.status_counts(rows),
        "is_supervisor": services.is_supervisor(request.user, campaign),
        "governments": governments,
        "consolidated": selectors.consolidated_for(request.user, campaign)[:10],
        "notices": selectors.notices_for(request.user, campaign)[:5],
    }
    return render(request, "rollup/board.html", context)


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_for(request.user, pk)
    key = request.GET.get("indicator", "disclosed_rate")
    if key not in indicators.BY_KEY:
        key = "disclosed_rate"
    rows, medians = selectors.indicator_table(request.user, campaign)
    chosen = indicators.BY_KEY[key]
    distribution = [
        {
            "unit": r.submission.enrolment.unit.name,
            "value": _chart_value(r.values[key]),
            "shown": r.values[key].display(),
        }
        for r in rows
    ]
    trends = selectors.trends(request.user, campaign, key)
    trend_years = sorted({year for points in trends.values() for year, _ in points})
    trend_rows = [
        (name, [_trend_cell(dict(points).get(year), chosen.is_rate) for year in trend_years])
        for name, points in trends.items()
    ]
    mix: dict[str, int] = {}
    for report in selectors.reports_in(request.user, campaign).values():
        for label, count in indicators.outcome_mix(report):
            mix[label] = mix.get(label, 0) + count
    context = {
        "campaign": campaign,
        "indicators": indicators.INDICATORS,
        "rows": rows,
        "medians": medians,
        "chosen": chosen,
        "min_sample": indicators.MIN_SAMPLE,
        # One row of the horizontal bar chart per unit, so no label is ever skipped.
        "bar_height": BAR_ROW * max(len(distribution), 1) + BAR_AXIS,
        "trend_years": trend_years,
        "trend_rows": trend_rows,
        "consultations": selectors.consultation_figures(request.user, campaign),
        "chart_data": {
            "indicator": chosen.name_zh,
            "is_rate": chosen.is_rate,
            "distribution": distribution,
            "mix": list(mix.items()),
            "trends": trends,
        },
    }
    return render(request, "rollup/dashboard.html", context)


BAR_ROW, BAR_AXIS = 24, 48  # pixels per unit in the bar chart, and for its axis


def _trend_cell(value: float | None, is_rate: bool) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.1f}%" if is_rate else f"{value:g}"


def _chart_value(value: indicators.Value) -> float | None:
    if not value.rankable or value.value is None:
        return None
    return round(float(value.value) * (100 if value.indicator.is_rate else 1), 2)


@login_required
def submission(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.submission_for(request.user, pk)
    campaign = item.campaign
    is_supervisor = services.is_supervisor(request.user, campaign)
    can_submit = is_supervisor or services.is_unit_staff(request.user, item)
    findings = list(selectors.current_findings(item))
    publication = selectors.publication_of(item)
    context = {
        "item": item,
        "campaign": campaign,
        "is_supervisor": is_supervisor,
        "can_submit": can_submit,
        "editable": can_submit and item.status in {Status.PENDING, Status.SUBMITTED, Status.RETURNED},
        "findings": findings,
        "open_blocking": [f for f in findings if f.blocks_review and f.review != Review.DISMISSED],
        "flags": selectors.deadline_flags(item, publication=publication),
        "publication": publication,
        "changes": item.changes.select_related("actor"),
        "versions": item.versions.all(),
        "published_version": services.published_version(item) if can_submit else None,
        "upload_form": forms.UploadForm(),
        "report": selectors.report_of(item),
        "ocr_job": services.ocr_job(item) if item.ocr_file is not None else None,
    }
    return render(request, "rollup/submission.html", context)


@login_required
@require_POST
@_refusing
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.submission_for(request.user, pk)
    form = forms.UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        raise RollupError("请选择要上传的年度报告文件。")
    file = form.cleaned_data["file"]
    report = services.prepare_file(
        actor=request.user,
        submission=item,
        data=file.read(),
        filename=file.name,
        expected_version=_version(request),
    )
    if report is None:
        messages.info(
            request,
            "该文件是扫描件或图片，已转入后台 OCR 识别（每页约需 5–10 秒）。识别完成后本页将显示结果，"
            "届时请核对读取的数据。",
        )
        return redirect("rollup:submission", pk=item.pk)
    messages.success(request, "文件已读取，请核对下表中的数据（未读出的单元格已标出），确认无误后报送。")
    return redirect("rollup:draft", pk=item.pk)


@login_required
@require_POST
@_refusing
def prepare(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the draft from the current version (to correct it) or from the version the unit
    published on the platform."""
    item = selectors.submission_for(request.user, pk)
    if request.POST.get("source") == "platform":
        services.prepare_from_published(
            actor=request.user, submission=item, expected_version=_version(request)
        )
    else:
        current = selectors.report_of(item)
        if current is None:
            raise RollupError("尚无已报送的版本可供更正。")
        services.prepare_from_report(
            actor=request.user,
            submission=item,
            report=current,
            original=item.current_version.original,
            original_name=item.current_version.original_name,
            expected_version=_version(request),
        )
    return redirect("rollup:draft", pk=item.pk)


@login_required
@_refusing
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.submission_for(request.user, pk)
    services.require_unit_or_supervisor(request.user, item)
    report = services.draft_report(item)
    if report is None:
        messages.error(request, "尚未读取报告，请先上传文件。")
        return redirect("rollup:submission", pk=item.pk)
    if request.method == "POST":
        cells = {key[5:]: request.POST.get(key, "") for key in request.POST if key.startswith("cell:")}
        report = services.correct_draft(
            actor=request.user, submission=item, cells=cells, expected_version=_version(request)
        )
        if request.POST.get("then") == "submit":
            scan = request.FILES.get("scan")
            services.submit(
                actor=request.user,
                submission=item,
                scan=scan.read() if scan else None,
                scan_name=(scan.name or "") if scan else "",
            )
            messages.success(request, "年度报告已报送，系统已完成核对。")
            return redirect("rollup:submission", pk=item.pk)
        messages.success(request, "更正已保存。")
        return redirect("rollup:draft", pk=item.pk)
    context = {
        "item": item,
        "report": report,
        "tables": forms.cell_tables(report, set(item.draft_unread), set(item.draft_corrected)),
        "unread": len(item.draft_unread),
    }
    return render(request, "rollup/draft.html", context)


@login_required
@require_POST
@_refusing
def move(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.submission_for(request.user, pk)
    action, version = request.POST.get("action"), _version(request)
    if action == "return":
        services.return_report(
            actor=request.user,
            submission=item,
            reason=request.POST.get("reason", ""),
            expected_version=version,
        )
        messages.success(request, "已退回，单位将看到退回理由。")
    elif action == "approve":
        services.approve(actor=request.user, submission=item, expected_version=version)
        messages.success(request, "已审核通过。")
    elif action == "publish":
        services.mark_published(actor=request.user, submission=item, expected_version=version)
        messages.success(request, "已登记为已发布。")
    elif action == "recheck":
        services.recheck(actor=request.user, submission=item)
        messages.success(request, "已重新核对。")
    else:
        raise RollupError("未知操作。")
    return redirect("rollup:submission", pk=item.pk)


@login_required
@require_POST
@_refusing
def finding(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.finding_for(request.user, pk)
    action, version = request.POST.get("action"), _version(request)
    if action in {"confirm", "dismiss"}:
        services.decide_finding(
            actor=request.user,
            finding=item,
            confirm=action == "confirm",
            reason=request.POST.get("reason", ""),
            expected_version=version,
        )
    elif action == "rectify":
        services.advance_rectification(
            actor=request.user, finding=item, note=request.POST.get("note", ""), expected_version=version
        )
    else:
        raise RollupError("未知操作。")
    return redirect(f"{reverse('rollup:submission', args=[item.submission_id])}#finding-{item.pk}")


@login_required
def version_file(request: HttpRequest, pk: int, number: int, kind: str) -> HttpResponse:
    item = selectors.submission_for(request.user, pk)
    version = item.versions.filter(number=number).first()
    if version is None:
        return redirect("rollup:submission", pk=item.pk)
    if kind == "scan" and version.scan:
        return _download(bytes(version.scan), version.scan_name or "scan", "application/octet-stream")
    if kind == "original" and version.original:
        return _download(
            bytes(version.original), version.original_name or "report", "application/octet-stream"
        )
    if kind == "json":
        data = json.dumps(version.report, ensure_ascii=False, indent=2).encode()
        return _download(
            data, f"{item.enrolment.unit.name}{item.campaign.year}年度报告.json", "application/json"
        )
    messages.error(request, "该版本没有此文件。")
    return redirect("rollup:submission", pk=item.pk)


@login_required
@require_POST
@_refusing
def consolidate(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_for(request.user, pk)
    chosen = request.POST.get("enrolment")
    enrolment = (
        None
        if chosen is None
        else selectors.enrolments_for(request.user, year=campaign.year).filter(pk=chosen).first()
    )
    if enrolment is None:
        raise RollupError("请选择要汇总的政府。")
    stored = services.generate_consolidated(actor=request.user, campaign=campaign, enrolment=enrolment)
    missing = stored[-1].missing
    note = f"；{len(missing)}个单位未计入：{'、'.join(missing)}" if missing else ""
    messages.success(request, f"已生成{enrolment.unit}汇总年度报告（本级、本行政区域）{note}。")
    return redirect("rollup:board", pk=campaign.pk)


@login_required
def consolidated_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    item = selectors.consolidated_report_for(request.user, pk)
    name = f"{item.enrolment.unit.name}{item.campaign.year}年度报告（{item.get_scope_display()}汇总）"
    if fmt == "docx":
        return _download(documents.consolidated_docx(item), f"{name}.docx", DOCX)
    return _download(
        json.dumps(item.report, ensure_ascii=False, indent=2).encode(), f"{name}.json", "application/json"
    )


@login_required
def consolidated_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.consolidated_report_for(request.user, pk)
    return render(request, "rollup/consolidated.html", {"item": item, "campaign": item.campaign})


@login_required
@require_POST
@_refusing
def recheck_all(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_for(request.user, pk)
    count = services.recheck_campaign(actor=request.user, campaign=campaign)
    messages.success(request, f"已重新核对全部已报送的报告，共{count}项发现。")
    return redirect("rollup:board", pk=campaign.pk)


@login_required
@require_POST
@_refusing
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_for(request.user, pk)
    made = services.generate_notice(actor=request.user, campaign=campaign)
    messages.success(request, f"已生成通报稿，列出{made.units}个单位的问题。")
    return redirect("rollup:board", pk=campaign.pk)


@login_required
def notice_download(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.notice_for(request.user, pk)
    name = f"{item.campaign.year}年度政府信息公开工作年度报告检查情况通报（征求意见稿）.docx"
    return _download(bytes(item.docx), name, DOCX)
