"""The annual report assembled from live data: one grouped query per table, for one agency or
for many at once (the many-agency form is what the rollup and `xxgk annual` use).

Table 三 from the applications (`table3`), table 四 from the remedies (`remedies.selectors`),
table 二 from the registry of 规章/行政规范性文件 (publishing) and the yearly figures; sections
一、五、六 from the staff's draft, or drafts made from the data where nothing is written yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Sum

from xxgk.report import Report, SectionText
from xxgk.template import GB2021
from xxgk.web.annual import drafting
from xxgk.web.annual.models import Draft, YearlyFigures
from xxgk.web.annual.table3 import table3_counts
from xxgk.web.applications.models import FeeNotice
from xxgk.web.consultations.selectors import yearly_counts_by_name
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing.models import Channel
from xxgk.web.publishing.selectors import channel_counts, registry_table2
from xxgk.web.remedies.selectors import table4_counts

_T2 = GB2021.table2


def title(organisation: Organisation, year: int) -> str:
    return f"{organisation.name}{year}年政府信息公开工作年度报告"


def preamble(year: int) -> str:
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》和{GB2021.issued_by}要求编制。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    )


def assembled_reports(
    organisations: Iterable[Organisation], year: int, *, use_drafts: bool = True
) -> dict[int, Report]:
    """Each organisation's report on `year`, by organisation id. Scoping is the caller's.
    `use_drafts=False` ignores the staff's text and date of signing (the drafts made from data)."""
    orgs = list(organisations)
    ids = [org.pk for org in orgs]
    table3 = table3_counts(ids, year)
    table4 = table4_counts(ids, year)
    figures = {f.organisation_id: f for f in YearlyFigures.objects.filter(organisation_id__in=ids, year=year)}
    drafts = (
        {d.organisation_id: d for d in Draft.objects.filter(organisation_id__in=ids, year=year)}
        if use_drafts
        else {}
    )
    fees = _fees(ids, year)
    consultations = yearly_counts_by_name(ids, year)
    reports = {}
    for org in orgs:
        table2 = _table2(registry_table2([org.pk], year), figures.get(org.pk))
        draft = drafts.get(org.pk)
        written = {
            number: getattr(draft, field) if draft is not None else ""
            for number, field in Draft.SECTION_FIELDS.items()
        }
        made = {
            1: drafting.overview(
                org.name,
                year,
                table2,
                table3[org.pk],
                table4[org.pk],
                _channels(org.pk, year),
                consultations[org.pk],
            ),
            5: drafting.problems(year),
            6: drafting.other_matters(year, *fees.get(org.pk, (0, Decimal(0)))),
        }
        sections = [
            SectionText(
                number=section.number,
                heading=section.heading,
                text=(written.get(section.number) or "").strip() or made.get(section.number, ""),
            )
            for section in GB2021.sections
        ]
        reports[org.pk] = Report(
            organization=org.name,
            year=year,
            title=title(org, year),
            signed_on=draft.signed_on if draft is not None else None,
            template=GB2021.key,
            other_row="split",
            preamble=preamble(year),
            sections=sections,
            table2=table2,
            table3=table3[org.pk],
            table4=table4[org.pk],
            source_format="data",
        )
    return reports


def assembled_report(organisation: Organisation, year: int) -> Report:
    return assembled_reports([organisation], year)[organisation.pk]


def prefilled_sections(organisation: Organisation, year: int) -> dict[int, str]:
    """The drafts made from data for sections 一、五、六 (what an empty field falls back to)."""
    report = assembled_reports([organisation], year, use_drafts=False)[organisation.pk]
    return {number: section.text for number in Draft.SECTION_FIELDS if (section := report.section(number))}


def _channels(org_id: int, year: int) -> dict[str, int]:
    """Items published in `year` per channel, by the channel's Chinese name."""
    return {Channel(key).label: n for key, n in channel_counts([org_id], year).items()}


def _table2(registry: dict[str, dict[str, int]], figures: YearlyFigures | None) -> dict:
    table: dict[str, dict] = {key: dict(values) for key, values in registry.items()}
    for key in YearlyFigures.ROWS:
        column = _T2.columns_of(_T2.row(key))[0].key
        value = getattr(figures, key) if figures is not None else None
        table[key] = {column: _plain_amount(value) if isinstance(value, Decimal) else value}
    return table


def _plain_amount(value: Decimal) -> Decimal:
    """12.5000 → 12.5, 3.0000 → 3 (the column keeps four places; the report prints what is meant)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _fees(ids: list[int], year: int) -> dict[int, tuple[int, Decimal]]:
    """信息处理费 actually paid in `year`, per organisation: (number of payments, yuan)."""
    rows = (
        FeeNotice.objects.filter(application__organisation_id__in=ids, paid_on__year=year)
        .values("application__organisation_id")
        .order_by()
        .annotate(n=Count("pk"), amount=Sum("amount"))
    )
    return {row["application__organisation_id"]: (row["n"], row["amount"] or Decimal(0)) for row in rows}
