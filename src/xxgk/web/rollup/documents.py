"""The documents of a campaign: the consolidated report of a government (engine JSON, rendered by
the engine) and the 通报 draft (DOCX in the 公文 style of `xxgk.render.docx`), both with charts.

本级 is the sum of the government's parts that are not themselves governments (its departments,
vertical units, others); 本行政区域 adds the subordinate governments and zones.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt

from xxgk import indicators
from xxgk.checks import consolidated, run_checks
from xxgk.findings import Finding
from xxgk.render import docx as house
from xxgk.render import render
from xxgk.render.document import chinese_date
from xxgk.report import Report
from xxgk.template.describe import describe_cell
from xxgk.web.orgs.actors import Actor
from xxgk.web.rollup import charts, checking, selectors
from xxgk.web.rollup.consolidation import Consolidation, consolidate
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import (
    Campaign,
    ConsolidatedReport,
    Enrolment,
    Review,
    Scope,
    Submission,
    Verdict,
)

CHART_WIDTH = Mm(150)


def _parts(enrolment: Enrolment) -> tuple[dict[str, Report], dict[str, Report], list[str]]:
    """The parts of `enrolment` that year: (本级 parts, all parts, names of units without a report)."""
    own: dict[str, Report] = {}
    region: dict[str, Report] = {}
    missing: list[str] = []
    for child in Enrolment.objects.filter(parent=enrolment.unit, year=enrolment.year).select_related("unit"):
        part = selectors.part_of(child)
        if part is None:
            missing.append(child.unit.name)
            continue
        report = Report.model_validate(part.current_version.report)
        region[child.unit.name] = report
        if not child.is_government:
            own[child.unit.name] = report
    return own, region, missing


def build_consolidated(
    campaign: Campaign, enrolment: Enrolment
) -> tuple[list[tuple[Scope, Consolidation, list[str], list[Finding]]], int, list[str]]:
    """Sum the parts into the 本级 and the 本行政区域 report and check both (nothing is kept here):
    per scope (scope, result, units left out, findings); the number of parts; units without a report."""
    if not enrolment.consolidates or enrolment.year != campaign.year:
        raise RollupError(f"「{enrolment.unit}」不是本年度须汇总发布年度报告的政府。")
    own, region, missing = _parts(enrolment)
    if not region:
        raise RollupError("尚无下级单位报送，无法汇总。")
    built = []
    for scope, parts in ((Scope.OWN, own), (Scope.REGION, region)):
        result = consolidate(parts, organization=enrolment.unit.name, year=campaign.year)
        left_out = [*missing, *result.left_out]
        found = run_checks(result.report) + consolidated(result.report, dict(parts), missing=left_out)
        built.append((scope, result, left_out, found))
    return built, len(region), missing


def consolidated_docx(item: ConsolidatedReport) -> bytes:
    """The engine's DOCX of the consolidated report, with the outcome chart and the parts listed."""
    report = Report.model_validate(item.report)
    doc = Document(io.BytesIO(render(report, "docx")))
    _heading(doc, f"附：{item.get_scope_display()}汇总说明")
    _paragraph(doc, f"本报告由以下{len(item.included)}个单位的年度报告汇总：{'、'.join(item.included)}。")
    if item.missing:
        _paragraph(doc, f"以下单位尚未报送或无法汇总，未计入：{'、'.join(item.missing)}。")
    _picture(
        doc,
        _outcome_chart(
            report, f"{report.organization}{report.year}年度申请办理结果（{item.get_scope_display()}）"
        ),
    )
    return _save(doc)


def _outcome_chart(report: Report, title: str) -> bytes:
    mix = indicators.outcome_mix(report)
    total = sum(n for _, n in mix)
    items = [(label, float(n), f"{n}件" + (f"（{n / total:.1%}）" if total else "")) for label, n in mix]
    return charts.bar_chart(title, items)


# --- the 通报 --------------------------------------------------------------------------------


def _notice_findings(submission: Submission) -> list[tuple[str, str]]:
    """(category, text) of what the 通报 says about one unit: dates first, then the findings that
    failed and were not dismissed."""
    items = [(checking.category(f.code), f.message_zh) for f in selectors.deadline_flags(submission)]
    for f in submission.findings.filter(superseded=False, verdict=Verdict.FAIL).exclude(
        review=Review.DISMISSED
    ):
        if f.severity in {"error", "warning"}:
            table = f.place.get("table")
            items.append(
                (checking.category(f.code), f"{describe_cell(table)}{f.message}" if table else f.message)
            )
    order = {name: i for i, name in enumerate(checking.CATEGORIES)}
    return sorted(items, key=lambda item: order[item[0]])


def notice_docx(campaign: Campaign, rows: list[selectors.BoardRow], actor: Actor) -> tuple[bytes, int]:
    doc = house.new_document()  # the house 公文 page, styles and fonts
    office = campaign.office.name
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(28)
    house.set_run_font(
        title.add_run(f"关于{campaign.year}年度政府信息公开工作年度报告报送和检查情况的通报（征求意见稿）"),
        house.TITLE_FONT,
        house.TITLE_SIZE,
    )
    addressee = doc.add_paragraph()
    house.set_run_font(addressee.add_run("各有关单位："), house.BODY_FONT, house.BODY_SIZE)
    submitted = [r for r in rows if r.submission.first_submitted_on]
    late = [r for r in rows if r.late]
    published = [r for r in rows if r.publication.published_on]
    _paragraph(
        doc,
        f"根据《中华人民共和国政府信息公开条例》第四十九条、第五十条规定，{office}组织开展了{campaign.year}年度"
        f"政府信息公开工作年度报告的报送和检查工作。现将有关情况通报如下。",
    )
    _heading(doc, "一、总体情况")
    _paragraph(
        doc,
        f"本次应报送单位{len(rows)}个，已报送{len(submitted)}个，其中逾期报送或逾期未报{len(late)}个；"
        f"已公开{len(published)}个。",
    )
    _heading(doc, "二、发现的主要问题")
    listed = 0
    for row in rows:
        items = _notice_findings(row.submission)
        if not items:
            continue
        listed += 1
        _paragraph(
            doc, f"（{_chinese_number(listed)}）{row.submission.enrolment.unit.name}", font=house.HEADING_FONT
        )
        for i, (name, text) in enumerate(items, start=1):
            _paragraph(doc, f"{i}.{name}：{text}")
    if not listed:
        _paragraph(doc, "本次检查未发现需要通报的问题。")
    _heading(doc, "三、整改要求")
    _paragraph(
        doc,
        "请上述单位对照通报问题逐项整改，更正后重新公开年度报告，并将整改情况报"
        f"{office}。{office}将对整改情况进行复核。",
    )
    _heading(doc, "附：图表")
    counts = selectors.status_counts(rows)
    _picture(doc, charts.bar_chart("各单位报送状态", [(label, float(n), f"{n}个") for label, n in counts]))
    # One bar per unit, in as many pictures as a page holds.
    rate_rows, _ = selectors.indicator_table(actor, campaign)
    rates = [
        (row.submission.enrolment.unit.name, _float(v), v.display())
        for row in rate_rows
        if (v := row.values["disclosed_rate"]) is not None
    ]
    if rates:
        for png in charts.bar_charts(
            "各单位实质公开率",
            rates,
            maximum=1.0,
            note=f"实质公开率 = {indicators.BY_KEY['disclosed_rate'].formula_zh}；办结不足{indicators.MIN_SAMPLE}件的标注样本不足",
        ):
            _picture(doc, png)
    doc.add_paragraph()
    for text in (office, chinese_date(timezone.localdate())):
        line = doc.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.right_indent = house.BODY_SIZE * 4
        house.set_run_font(line.add_run(text), house.BODY_FONT, house.BODY_SIZE)
    return _save(doc), listed


def _float(value: indicators.Value) -> float | None:
    return float(value.value) if value.value is not None and not value.small_sample else None


_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _heading(doc: DocxDocument, text: str) -> None:
    paragraph = _paragraph(doc, text, font=house.HEADING_FONT)
    paragraph.paragraph_format.keep_with_next = True


def _paragraph(doc: DocxDocument, text: str, *, font: str = house.BODY_FONT) -> Any:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = house.BODY_SIZE * 2
    house.set_run_font(paragraph.add_run(text), font, house.BODY_SIZE)
    return paragraph


def _picture(doc: DocxDocument, png: bytes) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.add_run().add_picture(io.BytesIO(png), width=CHART_WIDTH)


def _save(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
