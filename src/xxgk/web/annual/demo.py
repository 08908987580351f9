"""Demo annual reports: for each demo agency with applications, the 2024 and 2025 reports published
(assembled from the demo data, checked, signed in January of the next year) and a 2026 draft.
The supervising office's demo campaign submits these very versions (`xxgk.web.rollup.demo`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xxgk.template import TOTAL
from xxgk.web.annual import selectors, services
from xxgk.web.annual.models import Draft, PublishedVersion, YearlyFigures
from xxgk.web.applications.models import Application
from xxgk.web.demo import DemoContext
from xxgk.web.demo.texts import unit_texts

PUBLISHED_YEARS, DRAFT_YEAR = (2024, 2025), 2026
PUBLISHED_YEAR = PUBLISHED_YEARS[-1]
SIGNED_ON = date(2026, 1, 20)
# org key → (行政许可, 行政处罚, 行政强制, 行政事业性收费 万元) for 2024, 2025 and 2026.
FIGURES = {
    "jgsw": ((14, 0, 0, Decimal("0")), (12, 0, 0, Decimal("0")), (9, 0, 0, Decimal("0"))),
    "zrzy": (
        (371, 45, 7, Decimal("1302.1")),
        (356, 41, 6, Decimal("1250.36")),
        (302, 33, 4, Decimal("1084.5")),
    ),
    "jyj": ((131, 4, 0, Decimal("2.6")), (128, 3, 0, Decimal("2.4")), (97, 1, 0, Decimal("1.8"))),
    "cihua": ((0, 0, 0, Decimal("0")), (0, 0, 0, Decimal("0")), (0, 0, 0, Decimal("0"))),
}


def load(context: DemoContext) -> None:
    actor = context.users["admin"]
    for key, years in FIGURES.items():
        org = context.orgs[key]
        if not Application.objects.filter(organisation=org).exists():
            continue
        for year, (licensing, penalty, coercion, fees) in zip(
            (*PUBLISHED_YEARS, DRAFT_YEAR), years, strict=True
        ):
            _, created = YearlyFigures.objects.get_or_create(
                organisation=org,
                year=year,
                defaults={"licensing": licensing, "penalty": penalty, "coercion": coercion, "fees": fees},
            )
            context.count(created)
        _, created = Draft.objects.get_or_create(organisation=org, year=DRAFT_YEAR)
        context.count(created)
        for year in PUBLISHED_YEARS:
            new_total = selectors.assembled_report(org, year).table3["new"][TOTAL] or 0
            texts = unit_texts(org.name, year, int(new_total))  # each agency writes its own text
            _, created = Draft.objects.get_or_create(
                organisation=org,
                year=year,
                defaults={
                    "signed_on": SIGNED_ON.replace(year=year + 1),
                    "overview": texts[1],
                    "problems": texts[5],
                },
            )
            context.count(created)
            if not PublishedVersion.objects.filter(organisation=org, year=year).exists():
                services.publish(actor=actor, organisation=org, year=year)
                context.count(True)
