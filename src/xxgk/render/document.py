"""What every renderer prints, in order: title, preamble, six sections with their tables, signature."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from xxgk.render.layout import Grid, layout_report
from xxgk.report import Report

# The report's own title when the model has none: 「单位」+「2023年」+ this.
DEFAULT_TITLE_SUFFIX = "政府信息公开工作年度报告"


@dataclass(frozen=True)
class DocumentSection:
    number: int
    heading: str
    paragraphs: tuple[str, ...]
    # The table printed in this section (tables 二/三/四 in sections 二/三/四).
    grid: Grid | None = None


@dataclass(frozen=True)
class ReportDocument:
    title: str
    preamble: tuple[str, ...]
    sections: tuple[DocumentSection, ...]
    organization: str
    signed_on: str


def chinese_date(day: dt.date | None) -> str:
    """2024-01-26 → 2024年1月26日 (the form a 公文 prints); None → ''."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def paragraphs(text: str) -> tuple[str, ...]:
    """Non-empty lines of a text block, stripped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def report_title(report: Report) -> str:
    if report.title:
        return report.title
    year = f"{report.year}年" if report.year else ""
    return f"{report.organization or ''}{year}{DEFAULT_TITLE_SUFFIX}"


def build_document(report: Report) -> ReportDocument:
    """The report in print order, with each table placed in the section whose heading is its title."""
    tpl = report.spec
    grids = layout_report(report)
    table_of_section = {
        section.number: grids[table.key]
        for table in tpl.tables
        for section in tpl.sections
        if section.heading == table.title
    }
    sections = []
    for spec in tpl.sections:
        given = report.section(spec.number)
        sections.append(
            DocumentSection(
                number=spec.number,
                heading=given.heading if given and given.heading else spec.heading,
                paragraphs=paragraphs(given.text) if given else (),
                grid=table_of_section.get(spec.number),
            )
        )
    return ReportDocument(
        title=report_title(report),
        preamble=paragraphs(report.preamble),
        sections=tuple(sections),
        organization=report.organization or "",
        signed_on=chinese_date(report.signed_on),
    )
