"""Demo data of rollup: 宜春市's register of 25 reporting units (the demo organisations on the
platform and the other departments off it), the 2024 campaign closed and the 2025 campaign with
every status, a late unit, a copied-text pair and a carry-over break.

A unit that published its report in the annual-report app (`xxgk.web.annual.demo`) submits that
very version, linked to it, so the campaign, /reports/ and the API show one set of figures. The
other units' reports come from `xxgk.sample.balanced_report` (so only the planted faults are found,
all of them on units off the platform), with texts varied per unit and year so that nobody copies
by accident; a government's report is the sum of its parts'. Everything goes through the
services (audited), dated as it would have happened; the load is skipped once the 2025 campaign exists.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from xxgk.report import Report, SectionText
from xxgk.sample import balanced_report
from xxgk.template import TOTAL
from xxgk.web.annual import selectors as annual_selectors
from xxgk.web.demo import DemoContext
from xxgk.web.demo.texts import rng as _rng
from xxgk.web.demo.texts import unit_texts
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import OrgKind
from xxgk.web.rollup import services
from xxgk.web.rollup.consolidation import consolidate
from xxgk.web.rollup.models import Campaign, Enrolment, ReportingUnit, Submission

YEARS = (2024, 2025)
CITY = "宜春市人民政府"
YUANZHOU = "宜春市袁州区人民政府"

# name, kind, parent, platform org key, consolidates
UNITS: list[tuple[str, OrgKind, str | None, str | None, bool]] = [
    (CITY, OrgKind.CITY_GOVERNMENT, None, "city", True),
    ("宜春市人民政府办公室", OrgKind.DEPARTMENT, CITY, "office", False),
    ("宜春市机关事务管理中心", OrgKind.DEPARTMENT, CITY, "jgsw", False),
    ("宜春市自然资源局", OrgKind.DEPARTMENT, CITY, "zrzy", False),
    ("宜春市教育局", OrgKind.DEPARTMENT, CITY, "jyj", False),
    ("宜春市发展和改革委员会", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市财政局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市公安局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市民政局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市人力资源和社会保障局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市生态环境局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市住房和城乡建设局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市交通运输局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市农业农村局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市卫生健康委员会", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市市场监督管理局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市应急管理局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春市文化广电新闻出版旅游局", OrgKind.DEPARTMENT, CITY, None, False),
    ("宜春经济技术开发区管理委员会", OrgKind.DEVELOPMENT_ZONE, CITY, "kfq", False),
    ("国家税务总局宜春市税务局", OrgKind.VERTICAL, CITY, "tax", False),
    (YUANZHOU, OrgKind.COUNTY_GOVERNMENT, CITY, "yzq", True),
    ("宜春市袁州区慈化镇人民政府", OrgKind.TOWNSHIP, YUANZHOU, "cihua", False),
    ("宜春市袁州区灵泉街道办事处", OrgKind.TOWNSHIP, YUANZHOU, "lingquan", False),
    ("宜春市袁州区财政局", OrgKind.DEPARTMENT, YUANZHOU, None, False),
    ("宜春市袁州区教育体育局", OrgKind.DEPARTMENT, YUANZHOU, None, False),
]

# The 2025 campaign as the demo shows it.
NOT_SUBMITTED = {"宜春市应急管理局", "宜春市文化广电新闻出版旅游局", "宜春市袁州区教育体育局"}
RETURNED = "宜春市住房和城乡建设局"
RETURN_REASON = "表三「（七）总计」与各项办理结果之和不符，请核对表三后重新报送。"
CARRY_OVER_BREAK = "宜春市公安局"
COPIED_PAIR = ("宜春市民政局", "宜春市人力资源和社会保障局")
LATE = "国家税务总局宜春市税务局"
LATE_ON = dt.date(2026, 2, 10)
REVIEWED = {LATE, YUANZHOU, "宜春市财政局"}
SUBMITTED_ONLY = {CARRY_OVER_BREAK, *COPIED_PAIR, CITY}
# Planted so that the board shows them: carry-over differs by this much on 自然人.
CARRY_OVER_GAP = 2


def with_texts(report: Report, texts: dict[int, str]) -> Report:
    sections = [
        SectionText(number=s.number, heading=s.heading, text=texts.get(s.number, s.text), line=s.line)
        for s in report.sections
    ]
    return report.model_copy(update={"sections": sections})


def _reports(year: int, previous: dict[str, Report], published: dict[str, Report]) -> dict[str, Report]:
    """Every unit's report on `year`: the published one where the unit published on the platform,
    else a sample; a consolidating government's is the sum of all its parts' reports."""
    made: dict[str, Report] = {}
    for name, _kind, _parent, _org, consolidates in UNITS:
        if consolidates:
            continue
        if name in published:
            made[name] = published[name]
            continue
        base = balanced_report(
            _rng("report", name, year), year=year, organization=name, previous=previous.get(name)
        )
        made[name] = with_texts(base, unit_texts(name, year, int(base.table3["new"][TOTAL] or 0)))
    if year == YEARS[-1]:
        made = _plant_faults(made)
    for government in (YUANZHOU, CITY):
        parts = {n: made[n] for n, _k, parent, _o, _c in UNITS if parent == government and n in made}
        summed = consolidate(
            parts, organization=government, year=year, signed_on=dt.date(year + 1, 3, 20)
        ).report
        base = balanced_report(_rng("report", government, year), year=year, organization=government)
        texts = unit_texts(government, year, int(summed.table3["new"][TOTAL] or 0))
        made[government] = summed.model_copy(
            update={
                "sections": with_texts(base, texts).sections,
                "preamble": base.preamble,
                "title": base.title,
            }
        )
    return made


def _plant_faults(made: dict[str, Report]) -> dict[str, Report]:
    """The 2025 faults: a carry-over break, a copied pair, a table error on the returned unit."""
    broken = made[CARRY_OVER_BREAK].model_dump()
    for row in ("carried_in", "carried_out"):  # the year's own identity still holds
        for col in ("natural_person", TOTAL):
            broken["table3"][row][col] += CARRY_OVER_GAP
    made[CARRY_OVER_BREAK] = Report.model_validate(broken)
    source, copier = COPIED_PAIR
    texts = {
        n: made[source].section(n).text.replace(source, copier)  # type: ignore[union-attr]
        for n in (1, 5)
    }
    made[copier] = with_texts(made[copier], texts)
    wrong = made[RETURNED].model_dump()
    wrong["table3"]["granted"]["natural_person"] += 1
    made[RETURNED] = Report.model_validate(wrong)
    return made


def load(context: DemoContext) -> None:
    office = context.orgs["office"]
    if Campaign.objects.filter(office=office, year=YEARS[-1]).exists():
        return
    actor = context.users["zwgk_jiandu"]
    previous: dict[str, Report] = {}
    for year in YEARS:
        units = _register(context, actor, office, year)
        campaign = services.open_campaign(
            actor=actor,
            office=office,
            year=year,
            internal_deadline=dt.date(year + 1, 1, 20),
            internal_deadline_government=dt.date(year + 1, 3, 20),
        )
        context.count(True)
        reports = _reports(year, previous, _published(context, year))
        # Departments report in January, the governments in March after their parts.
        order = [u[0] for u in UNITS if not u[4]] + [YUANZHOU, CITY]
        for i, name in enumerate(order):
            _play(actor, campaign, units[name], reports[name], year, i, last=year == YEARS[-1])
        previous = reports


def _published(context: DemoContext, year: int) -> dict[str, Report]:
    """The reports that units on the platform published on `year`, by unit name."""
    found = {}
    for name, _kind, _parent, org_key, _c in UNITS:
        version = annual_selectors.latest_version(context.orgs[org_key], year) if org_key else None
        if version is not None:
            found[name] = Report.model_validate(version.report)
    return found


def _register(context: DemoContext, actor: Actor, office: Any, year: int) -> dict[str, Enrolment]:
    units: dict[str, Enrolment] = {}
    for order, (name, kind, parent, org_key, consolidates) in enumerate(UNITS):
        units[name] = services.register_unit(
            actor=actor,
            office=office,
            year=year,
            name=name,
            kind=kind,
            parent=ReportingUnit.objects.get(name=parent) if parent else None,
            organisation=context.orgs[org_key] if org_key else None,
            consolidates=consolidates,
            order=order,
        )
        context.count(True)
    return units


def _play(
    actor: Actor, campaign: Campaign, enrolment: Enrolment, report: Report, year: int, i: int, *, last: bool
) -> None:
    """Take one unit's submission through the statuses it has in the demo."""
    name = enrolment.unit.name
    if last and name in NOT_SUBMITTED:
        return
    submission = Submission.objects.get(campaign=campaign, enrolment=enrolment)
    government = enrolment.consolidates
    day = dt.date(year + 1, 3, 10 + i % 8) if government else dt.date(year + 1, 1, 5 + i % 14)
    if last and name == LATE:
        day = LATE_ON
    if services.published_version(submission) is not None:
        services.prepare_from_published(actor=actor, submission=submission)
    elif enrolment.unit.on_platform:
        services.prepare_from_report(actor=actor, submission=submission, report=report)
    else:
        data = json.dumps(report.model_dump(mode="json"), ensure_ascii=False).encode()
        services.prepare_file(
            actor=actor, submission=submission, data=data, filename=f"{name}{year}年度报告.json"
        )
    submission.refresh_from_db()
    services.submit(actor=actor, submission=submission, on=day)
    if last and name == RETURNED:
        services.return_report(
            actor=actor, submission=submission, reason=RETURN_REASON, on=day + dt.timedelta(days=3)
        )
        return
    if last and name in SUBMITTED_ONLY:
        return
    services.approve(actor=actor, submission=submission, on=day + dt.timedelta(days=2))
    if last and name in REVIEWED:
        return
    services.mark_published(actor=actor, submission=submission, on=day + dt.timedelta(days=4))
