"""Demo annual reports: for each demo agency with applications, the 2025 report published
(assembled from the demo data, checked, signed in January 2026) and a 2026 draft."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xxgk.web.annual import services
from xxgk.web.annual.models import Draft, PublishedVersion, YearlyFigures
from xxgk.web.applications.models import Application
from xxgk.web.demo import DemoContext

PUBLISHED_YEAR, DRAFT_YEAR = 2025, 2026
SIGNED_ON = date(2026, 1, 20)
# org key → (行政许可, 行政处罚, 行政强制, 行政事业性收费 万元) for 2025 and 2026.
FIGURES = {
    "jgsw": ((12, 0, 0, Decimal("0")), (9, 0, 0, Decimal("0"))),
    "zrzy": ((356, 41, 6, Decimal("1250.36")), (302, 33, 4, Decimal("1084.5"))),
    "jyj": ((128, 3, 0, Decimal("2.4")), (97, 1, 0, Decimal("1.8"))),
    "cihua": ((0, 0, 0, Decimal("0")), (0, 0, 0, Decimal("0"))),
}


def load(context: DemoContext) -> None:
    actor = context.users["admin"]
    for key, years in FIGURES.items():
        org = context.orgs[key]
        if not Application.objects.filter(organisation=org).exists():
            continue
        for year, (licensing, penalty, coercion, fees) in zip(
            (PUBLISHED_YEAR, DRAFT_YEAR), years, strict=True
        ):
            _, created = YearlyFigures.objects.get_or_create(
                organisation=org,
                year=year,
                defaults={"licensing": licensing, "penalty": penalty, "coercion": coercion, "fees": fees},
            )
            context.count(created)
        _, created = Draft.objects.get_or_create(
            organisation=org, year=PUBLISHED_YEAR, defaults={"signed_on": SIGNED_ON}
        )
        context.count(created)
        _, created = Draft.objects.get_or_create(organisation=org, year=DRAFT_YEAR)
        context.count(created)
        if not PublishedVersion.objects.filter(organisation=org, year=PUBLISHED_YEAR).exists():
            services.publish(actor=actor, organisation=org, year=PUBLISHED_YEAR)
            context.count(True)
