"""The demo: a published 2025 report and a 2026 draft for each agency with applications."""

from __future__ import annotations

import pytest

from xxgk.web.annual.assembly import assembled_report
from xxgk.web.annual.checking import check_report
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.annual.selectors import published_report
from xxgk.web.demo import load_demo
from xxgk.web.remedies.models import Remedy

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_2025_and_drafts_2026(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    context = load_demo()
    jgsw = context.orgs["jgsw"]
    report = published_report(jgsw, 2025)
    assert report is not None and report.table3["new"]["total"] > 0
    assert report.table4["suit_direct"]["pending"] == 1  # pending over the year end
    assert not PublishedVersion.objects.filter(year=2026).exists()
    draft = assembled_report(jgsw, 2026)
    assert draft.table3["carried_in"] == report.table3["carried_out"]
    assert draft.table4["suit_direct"]["corrected"] == 1
    assert not [f for f in check_report(draft, report) if f.code in ("X-CARRY-OVER", "X-PENDING")]
    again = load_demo()  # idempotent
    assert again.created == 0
    assert PublishedVersion.objects.filter(year=2025).count() == 4
    assert Remedy.objects.count() == 6
