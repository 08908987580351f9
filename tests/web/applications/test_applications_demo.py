"""The demo applications: every outcome and applicant kind, open cases at year end, idempotent,
deterministic."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Q

from xxgk.web.applications import demo as applications_demo
from xxgk.web.applications.models import APPLICANT_KIND_CHOICES, OUTCOME_KEYS, Application
from xxgk.web.calendar.selectors import current_calendar

pytestmark = pytest.mark.django_db


def _open_on(day: date):
    return Application.objects.filter(received_on__lte=day).filter(
        Q(concluded_on__isnull=True) | Q(concluded_on__gt=day)
    )


def test_demo_covers_outcomes_kinds_and_year_end(demo) -> None:
    applications_demo.load(demo)
    cases = Application.objects.all()
    assert cases.count() == sum(n + m for _, _, n, m in applications_demo.AGENCIES)
    concluded_2025 = cases.filter(concluded_on__year=2025)
    assert set(concluded_2025.values_list("outcome", flat=True)) == OUTCOME_KEYS
    assert set(cases.values_list("applicant_kind", flat=True)) == {key for key, _ in APPLICANT_KIND_CHOICES}
    assert _open_on(date(2025, 12, 31)).count() >= 4 * 3
    assert cases.filter(received_on__year=2026).exists()
    assert cases.filter(concluded_on__isnull=True, received_on__gte=applications_demo.OPEN_2026_FROM).exists()
    # Every concluded case carries its outcome and nothing else is counted as concluded.
    assert not cases.filter(concluded_on__isnull=False, outcome="").exists()
    assert not cases.filter(concluded_on__isnull=True).exclude(outcome="").exists()


def test_demo_is_idempotent(demo) -> None:
    applications_demo.load(demo)
    created, count = demo.created, Application.objects.count()
    applications_demo.load(demo)
    assert (demo.created, Application.objects.count()) == (created, count)


def test_demo_is_deterministic(demo) -> None:
    calendar = current_calendar()

    def summary():
        return [
            (p.case.number, p.case.outcome, p.case.applicant_kind, p.case.name, p.case.concluded_on)
            for p in applications_demo._plans(demo, calendar)
        ]

    assert summary() == summary()
