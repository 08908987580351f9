"""The staff page where an agency's administrator sets the consultation answer period."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.deadlines import CONSULTATION_ANSWER_WORKING_DAYS
from xxgk.web.audit.models import AuditEvent
from xxgk.web.consultations import audit_codes
from xxgk.web.consultations.models import AnswerPeriod
from xxgk.web.demo import DemoContext

pytestmark = pytest.mark.django_db
URL = reverse("consultations:period")


def _client(demo: DemoContext, username: str) -> Client:
    client = Client()
    client.force_login(demo.users[username])
    return client


def test_the_administrator_sees_the_default_and_how_it_is_counted(demo: DemoContext) -> None:
    page = _client(demo, "jgsw_admin").get(URL).content.decode()
    assert demo.orgs["jgsw"].name in page
    assert f"{CONSULTATION_ANSWER_WORKING_DAYS} 个工作日（默认）" in page
    assert "次日起算" in page and "调休" in page
    assert demo.orgs["city"].name not in page  # another agency's period is not theirs to set


def test_setting_the_period_is_saved_and_audited(demo: DemoContext) -> None:
    client = _client(demo, "jgsw_admin")
    response = client.post(URL, {"organisation": demo.orgs["jgsw"].pk, "working_days": "7"}, follow=True)
    assert "已将" in response.content.decode() and "7 个工作日" in response.content.decode()
    assert AnswerPeriod.objects.get(organisation=demo.orgs["jgsw"]).working_days == 7
    event = AuditEvent.objects.get(action=audit_codes.SET_PERIOD)
    assert event.organisation == demo.orgs["jgsw"] and event.actor == demo.users["jgsw_admin"]


@pytest.mark.parametrize(
    ("value", "error"), [("0", "1 至 60"), ("61", "1 至 60"), ("三", "整数"), ("", "请填写")]
)
def test_a_period_out_of_range_is_refused_in_chinese(demo: DemoContext, value: str, error: str) -> None:
    page = _client(demo, "jgsw_admin").post(
        URL, {"organisation": demo.orgs["jgsw"].pk, "working_days": value}
    )
    assert error in page.content.decode() and not AnswerPeriod.objects.exists()


def test_only_the_agency_administrator_may_set_it(demo: DemoContext) -> None:
    assert _client(demo, "jgsw_chengban").get(URL).status_code == 403
    other = {"organisation": demo.orgs["city"].pk, "working_days": "9"}
    _client(demo, "jgsw_admin").post(URL, other)
    assert not AnswerPeriod.objects.exists()
