"""The data contract the annual report aggregates on."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.web.applications.models import APPLICANT_KIND_CHOICES, OUTCOME_KEYS, Application, Channel


def test_applicant_kinds_are_table3_columns_without_total() -> None:
    assert [key for key, _ in APPLICANT_KIND_CHOICES] == [
        "natural_person",
        "commercial",
        "research",
        "social_welfare",
        "legal_service",
        "other_org",
    ]


def test_outcomes_are_the_leaf_result_rows() -> None:
    assert len(OUTCOME_KEYS) == 2 + 8 + 3 + 5 + 3
    assert "other" not in OUTCOME_KEYS and "total" not in OUTCOME_KEYS
    assert {"granted", "partial", "denied.inquiry", "other.no_fee", "other.other"} <= OUTCOME_KEYS


def _application(org, **fields) -> Application:
    values = dict(
        organisation=org,
        number="T1",
        channel=Channel.LETTER,
        submitted_at=timezone.now(),
        applicant_kind="natural_person",
        name="张三",
        id_type="id_card",
        id_number="110101199003077777",
        phone="13800000000",
        description="某文件",
        info_form="paper",
        delivery="post",
    )
    values.update(fields)
    return Application(**values)


@pytest.mark.django_db
def test_outcome_and_concluded_on_go_together(demo) -> None:
    org = demo.orgs["jgsw"]
    with pytest.raises(IntegrityError), transaction.atomic():
        _application(org, outcome="granted").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _application(org, concluded_on=date(2025, 3, 1)).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _application(org, outcome="other", concluded_on=date(2025, 3, 1)).save()
    _application(org, outcome="granted", concluded_on=date(2025, 3, 1)).save()
