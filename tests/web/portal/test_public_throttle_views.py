"""The public look-ups through their pages: failures are counted per real client behind the trusted
proxy, and a correct number + secret always shows the case, even with the failure bucket full."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.web.applications.intake import ApplicantData
from xxgk.web.applications.services import submit_online
from xxgk.web.applications.throttle import LIMITS
from xxgk.web.consultations import services as consultations

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.1"
PERSON = ApplicantData(
    applicant_kind="natural_person",
    name="李小红",
    id_type="id_card",
    id_number="360902198805052220",
    phone="13607951111",
    description="2025年市行政中心食堂承包合同",
    info_form="electronic",
    delivery="email",
    email="lxh@example.com",
)


@pytest.fixture
def behind_proxy(settings) -> None:
    settings.XXGK_TRUSTED_PROXY_HEADER, settings.XXGK_TRUSTED_PROXIES = "X-Forwarded-For", 1


def _post(url: str, number: str, secret: str, citizen: str) -> str:
    response = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=citizen).post(
        url, {"number": number, "secret": secret}
    )
    return response.content.decode()


def _application(demo) -> tuple[str, str]:
    intake = submit_online(organisation=demo.orgs["jgsw"], data=PERSON, uploads=(), client="setup")
    return intake.application.number, intake.secret


def _question(demo) -> tuple[str, str]:
    asker = consultations.Asker(name="张三丰", phone="13812345678", email="zhang@example.com")
    asked = consultations.ask_online(
        organisation=demo.orgs["jgsw"], question="如何申请？", asker=asker, client="s"
    )
    return asked.consultation.number, asked.secret


@pytest.mark.parametrize(
    ("url", "make", "shown"),
    [
        (reverse("portal:applying:track"), _application, "待确认收到"),
        ("/ask/track/", _question, "咨询编号"),
    ],
)
def test_failures_are_counted_per_citizen_and_a_correct_secret_always_passes(
    demo, behind_proxy, url, make, shown
) -> None:
    number, secret = make(demo)
    for _ in range(LIMITS["track"]):
        assert "操作过于频繁" not in _post(url, number, "guess", "203.0.113.1")
    assert "操作过于频繁" in _post(url, number, "guess", "203.0.113.1")
    # The same citizen with the right secret: shown, not refused.
    assert shown in _post(url, number, secret, "203.0.113.1")
    # Another citizen behind the same proxy has a bucket of their own.
    page = _post(url, number, "guess", "203.0.113.2")
    assert "操作过于频繁" not in page
    assert "查询码不正确" in page
