"""The kinds of background job of the platform (registered when the jobs app is ready)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from xxgk.web.jobs.registry import Progress, define


@define("parse_corpus", "读取上传的年报文件")
def parse_corpus(progress: Progress, *, directory: str, output: str) -> dict[str, Any]:
    """Read every report file under `directory` into the long-format CSV `output` (rewritten whole)."""
    from xxgk.corpus import expand, read_many
    from xxgk.render.tabular import write_csv

    files = expand([Path(directory)])
    outcomes = []
    for i, outcome in enumerate(read_many(files), start=1):
        outcomes.append(outcome)
        progress(i, len(files), f"已读取 {i}/{len(files)} 个文件")
    reports = [o.report for o in outcomes if o.report is not None]
    rows = write_csv(reports, Path(output))
    failed = [{"file": o.path, "error": o.error_zh} for o in outcomes if o.report is None]
    return {"reports": len(reports), "rows": rows, "failed": failed, "output": output}


@define("rollup_ocr", "OCR 识别上传的年报扫描件")
def rollup_ocr(progress: Progress, *, submission: int, actor: int | None) -> dict[str, Any]:
    from xxgk.web.rollup.drafts import read_queued_scan

    return read_queued_scan(
        submission, actor, lambda done, total: progress(done, total, f"已识别 {done}/{total} 页")
    )


@define("opendata", "重新生成年度报告批量数据")
def opendata(progress: Progress, *, year: int) -> dict[str, Any]:
    from xxgk.web.api import bulk

    bundle = bulk.build(year, progress)
    return {"year": year, "reports": bundle.reports, "sha256": bundle.sha256, "size": bundle.size}


@define("reminders", "到期提醒邮件")
def reminders(progress: Progress) -> dict[str, Any]:
    from django.utils import timezone

    from xxgk.web.applications.reminders import send_reminders
    from xxgk.web.consultations.services import send_reminders as send_consultation_reminders

    today = timezone.localdate()
    return {"emails": send_reminders(today), "consultation_emails": send_consultation_reminders(today)}


@define("publish_due", "定时发布")
def publish_due(progress: Progress) -> dict[str, Any]:
    from django.utils import timezone

    from xxgk.web.publishing.issuing import publish_due as publish

    return {"published": publish(timezone.now())}


@define("scan", "夜间检查（逾期、目录更新、规范性文件有效期）")
def scan(progress: Progress) -> dict[str, Any]:
    from django.utils import timezone

    from xxgk.web.orgs.models import Organisation
    from xxgk.web.publishing.scan import scan as scan_one

    today = timezone.localdate()
    orgs = list(Organisation.objects.filter(is_active=True).order_by("path"))
    counts: dict[str, int] = {}
    for i, org in enumerate(orgs, start=1):
        findings = scan_one(org, today=today)
        if findings:
            counts[org.name] = len(findings)
        progress(i, len(orgs), f"已检查 {i}/{len(orgs)} 个机关")
    return {"agencies": len(orgs), "findings_by_agency": counts}


@define("render_year", "批量生成年度报告文件")
def render_year(progress: Progress, *, year: int, fmt: str = "pdf") -> dict[str, Any]:
    """Every published report of `year` rendered to `fmt`, in one ZIP under MEDIA_ROOT/opendata."""
    import os
    import tempfile
    import zipfile

    from django.conf import settings

    from xxgk.render import render
    from xxgk.report import Report
    from xxgk.web.api.published import latest_versions

    versions = list(
        latest_versions().filter(year=year).select_related("organisation").order_by("organisation__path")
    )
    folder = Path(settings.MEDIA_ROOT) / "opendata"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{year}-{fmt}.zip"
    handle, temp = tempfile.mkstemp(dir=folder, suffix=".zip.part")
    with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, version in enumerate(versions, start=1):
            data = render(Report.model_validate(version.report), fmt)
            archive.writestr(f"{version.organisation_id}-{version.organisation.name}-{year}.{fmt}", data)
            progress(i, len(versions), f"已生成 {i}/{len(versions)} 份")
    os.replace(temp, target)
    return {"year": year, "format": fmt, "reports": len(versions), "file": str(target)}
