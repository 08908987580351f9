"""Table 四's counting rule: a case counts in the years it was filed, pending or decided."""

from __future__ import annotations

import datetime as dt

import pytest

from xxgk.web.orgs.models import Organisation, OrgKind
from xxgk.web.remedies.models import Remedy
from xxgk.web.remedies.selectors import table4_counts

D = dt.date
pytestmark = pytest.mark.django_db


def test_a_case_pending_over_two_year_ends_counts_three_times() -> None:
    org = Organisation.objects.create(
        name="测试局", credit_code="11360900014451050X", kind=OrgKind.DEPARTMENT
    )
    Remedy.objects.create(
        organisation=org,
        kind="suit_after_review",
        deciding_body="宜春市中级人民法院",
        filed_on=D(2022, 10, 1),
        decided_on=D(2024, 2, 1),
        result="upheld",
    )
    Remedy.objects.create(
        organisation=org,
        kind="suit_after_review",
        deciding_body="宜春市中级人民法院",
        filed_on=D(2023, 1, 1),
        decided_on=D(2023, 12, 31),
        result="other",
    )
    row = {year: table4_counts([org.pk], year)[org.pk]["suit_after_review"] for year in range(2021, 2026)}
    assert row[2021]["total"] == 0
    assert row[2022] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert row[2023] == {"upheld": 0, "corrected": 0, "other": 1, "pending": 1, "total": 2}
    assert row[2024] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert row[2025]["total"] == 0
