"""Random multi-year case histories always give reports that pass every rule of the engine, and
each year's 上年结转 equals the year before's 结转下年度 (column by column)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factories.annual as factories
from xxgk.web.annual import services
from xxgk.web.annual.assembly import assembled_report
from xxgk.web.annual.checking import check_report
from xxgk.web.annual.models import Draft, YearlyFigures
from xxgk.web.annual.selectors import published_report
from xxgk.web.annual.table3 import APPLICANT_COLUMNS, RESULT_ROWS
from xxgk.web.applications.models import Application
from xxgk.web.orgs.models import User
from xxgk.web.remedies.choices import KIND_CHOICES, RESULT_CHOICES
from xxgk.web.remedies.models import Remedy

FIRST, LAST = 2021, 2024
START = dt.date(FIRST, 1, 1)
SPAN = (dt.date(LAST, 12, 31) - START).days

days = st.integers(min_value=0, max_value=SPAN)
# A case: applicant kind, receipt day (None: receipt not yet confirmed), days until concluded
# (None: still open; pauses and extensions only move this), outcome.
cases = st.tuples(
    st.sampled_from(APPLICANT_COLUMNS),
    st.one_of(st.none(), days, days, days),
    st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
    st.sampled_from(RESULT_ROWS),
)
remedies = st.tuples(
    st.sampled_from([key for key, _ in KIND_CHOICES]),
    days,
    st.one_of(st.none(), st.integers(min_value=0, max_value=500)),
    st.sampled_from([key for key, _ in RESULT_CHOICES]),
    st.sampled_from((False, False, False, True)),  # voided (a wrong entry)
)


def _day(offset: int | None) -> dt.date | None:
    return None if offset is None else START + dt.timedelta(days=offset)


def _write(org, history, appeals) -> None:
    Application.objects.bulk_create(
        factories.application(
            org,
            kind=kind,
            received=_day(received),
            concluded=_day(received + after) if received is not None and after is not None else None,
            outcome=outcome,
            save=False,
        )
        for kind, received, after, outcome in history
    )
    Remedy.objects.bulk_create(
        factories.remedy(
            org,
            kind=kind,
            filed=_day(filed),
            decided=_day(filed + after) if after is not None else None,
            result=result,
            voided=voided,
            save=False,
        )
        for kind, filed, after, result, voided in appeals
    )
    for year in range(FIRST, LAST + 1):
        YearlyFigures.objects.create(
            organisation=org, year=year, licensing=3, penalty=0, coercion=1, fees=Decimal("0.5")
        )
        Draft.objects.create(organisation=org, year=year, signed_on=dt.date(year + 1, 1, 20))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(cases, max_size=40), appeals=st.lists(remedies, max_size=12))
def test_random_histories_give_reports_that_pass_every_rule(history, appeals) -> None:
    with transaction.atomic():
        org = factories.organisation()
        approver = User.objects.create(username="approver", is_superuser=True)
        _write(org, history, appeals)
        previous = None
        for year in range(FIRST, LAST + 1):
            report = assembled_report(org, year)
            findings = check_report(report, previous)
            serious = [f.format_zh() for f in findings if f.severity != "info"]
            assert serious == []
            assert not [f for f in findings if f.code == "X-PENDING"]
            if previous is not None:
                for column in (*APPLICANT_COLUMNS, "total"):
                    assert report.table3["carried_in"][column] == previous.table3["carried_out"][column]
            # Publication runs the same checks against last year's published report: never blocked.
            services.publish(actor=approver, organisation=org, year=year)
            assert published_report(org, year) == report
            previous = report
        transaction.set_rollback(True)
