"""Helpers of the rollup tests."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.test import Client

from xxgk.report import Report
from xxgk.sample import balanced_report
from xxgk.web.audit.models import AuditEvent
from xxgk.web.demo import DemoContext
from xxgk.web.orgs import demo as orgs_demo
from xxgk.web.orgs.models import OrgKind
from xxgk.web.rollup import services
from xxgk.web.rollup.demo import unit_texts, with_texts
from xxgk.web.rollup.models import Campaign, Submission

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


def table_page_png(folder: Path, name: str = "page") -> Path:
    """Page 4 of the 淮安 report (table 三) as a 150 dpi greyscale PNG made by poppler's pdftoppm, as a
    unit's scan or photo of its report; printed there: 本年新收 自然人 3001, 总计 3119 (hand-read)."""
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-f", "4", "-l", "4", "-singlefile",
         str(REPORTS / "huaian-2024-szf.pdf"), str(folder / name)],
        check=True,
    )  # fmt: skip
    return folder / f"{name}.png"


def actions_on(submission: Submission) -> list[str]:
    """The audit trail of a submission: its action codes, oldest first."""
    return list(
        AuditEvent.objects.filter(object_type="rollup.submission", object_id=str(submission.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def submission_of(campaign: Campaign, name: str) -> Submission:
    return Submission.objects.get(campaign=campaign, enrolment__unit__name=name)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Mini:
    """A small register: 宜春市人民政府 (consolidating) with three parts, for 2024 and 2025."""

    context: DemoContext
    campaigns: dict[int, Campaign]

    @property
    def supervisor(self) -> Any:
        return self.context.users["zwgk_jiandu"]

    def submission(self, name: str, year: int = 2025) -> Submission:
        return Submission.objects.get(campaign=self.campaigns[year], enrolment__unit__name=name)


PARTS = ("宜春市机关事务管理中心", "宜春市自然资源局", "宜春市财政局")
CITY = "宜春市人民政府"


def mini() -> Mini:
    context = DemoContext()
    orgs_demo.load(context)
    office, actor = context.orgs["office"], context.users["zwgk_jiandu"]
    campaigns = {}
    for year in (2024, 2025):
        city = services.register_unit(
            actor=actor,
            office=office,
            year=year,
            name=CITY,
            kind=OrgKind.CITY_GOVERNMENT,
            organisation=context.orgs["city"],
            consolidates=True,
        )
        for name, key in zip(PARTS, ("jgsw", "zrzy", None), strict=True):
            services.register_unit(
                actor=actor,
                office=office,
                year=year,
                name=name,
                kind=OrgKind.DEPARTMENT,
                parent=city.unit,
                organisation=context.orgs[key] if key else None,
            )
        campaigns[year] = services.open_campaign(actor=actor, office=office, year=year)
    return Mini(context, campaigns)


def sample(name: str, year: int, previous: Report | None = None, seed: int = 0) -> Report:
    """A balanced report with texts of its own (no accidental 雷同)."""
    report = balanced_report(
        random.Random(f"{name}{year}{seed}"), year=year, organization=name, previous=previous
    )
    return with_texts(report, unit_texts(name, year, report.table3["new"]["total"] or 0))


def send(actor: Any, submission: Submission, report: Report, on: dt.date | None = None) -> Submission:
    """Prepare `report` as the draft and submit it."""
    services.prepare_from_report(actor=actor, submission=submission, report=report)
    submission.refresh_from_db()
    services.submit(actor=actor, submission=submission, on=on)
    submission.refresh_from_db()
    return submission
