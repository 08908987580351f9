"""Notices reach the applicant: each 补正, 征求意见, 延期 and 收费 notice is on the status page with
what to do, by when, the amount and its DOCX (number + secret only), and is e-mailed after commit."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from xxgk.web.applications import services
from xxgk.web.applications.models import Application, Letter

pytestmark = pytest.mark.django_db

FORM = {
    "applicant_kind": "natural_person",
    "name": "李小红",
    "id_type": "id_card",
    "id_number": "360902198805052220",
    "phone": "13607951111",
    "email": "lxh@example.com",
    "description": "2025年市行政中心食堂承包合同。",
    "info_form": "electronic",
    "delivery": "email",
    "confirm": "on",
}


def _apply(demo, **extra) -> tuple[Application, str]:
    client = Client()
    page = client.get(reverse("portal:applying:form")).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    data = {**FORM, "organisation": demo.orgs["jgsw"].pk, "form_token": token, **extra}
    page = client.post(reverse("portal:applying:form"), data, follow=True).content.decode()
    number = re.search(r'id="tracking-number">([^<]+)<', page).group(1)
    secret = re.search(r'id="tracking-secret">([^<]+)<', page).group(1)
    return Application.objects.get(number=number), secret


def _status(case: Application, secret: str) -> str:
    data = {"number": case.number, "secret": secret}
    return Client().post(reverse("portal:applying:track"), data).content.decode()


def test_every_notice_is_on_the_status_page_and_mailed(demo, django_capture_on_commit_callbacks) -> None:
    users, today = demo.users, timezone.localdate()
    case, secret = _apply(demo)
    with django_capture_on_commit_callbacks(execute=True):
        case = services.confirm_receipt(
            actor=users["jgsw_dengji"], application=case, version=case.version, received_on=today
        )
        case = services.request_correction(
            actor=users["jgsw_chengban"],
            application=case,
            version=case.version,
            on=today,
            what="请写明合同的签订年份",
            respond_by=today + timedelta(days=15),
        )
    page = _status(case, secret)
    assert "补正申请告知书" in page and "请写明合同的签订年份" in page
    assert f"{today + timedelta(days=15):%Y-%m-%d}前" in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lxh@example.com"]
    assert case.number in mail.outbox[0].subject and "补正" in mail.outbox[0].subject
    assert secret not in mail.outbox[0].body and secret.replace("-", "") not in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        case = services.receive_correction(
            actor=users["jgsw_chengban"], application=case, version=case.version, on=today
        )
        case = services.start_consultation(
            actor=users["jgsw_chengban"], application=case, version=case.version, on=today, consulted="某公司"
        )
        case = services.end_consultation(
            actor=users["jgsw_chengban"], application=case, version=case.version, on=today
        )
        case = services.extend(
            actor=users["jgsw_qianfa"],
            application=case,
            version=case.version,
            on=today,
            days=10,
            reason="需调取档案。",
        )
        # 国办函〔2020〕109号 按量计收: 1–30 pages free, 31–100 pages 10 yuan a page: 40 pages → 100 yuan.
        case = services.issue_fee_notice(
            actor=users["jgsw_chengban"],
            application=case,
            version=case.version,
            on=today,
            method="per_page",
            quantity=40,
        )
    page = _status(case, secret)
    assert "征求第三方意见" in page and "某公司" not in page  # the third party is not named to the applicant
    assert (
        "延期答复告知书" in page
        and "10个工作日" in page
        and "延长后的答复期限" in page
        and "暂停计算中" in page
    )
    assert "收费通知书" in page and "100元" in page and "按量计收（40页）" in page
    assert "缴纳方式" in page and "非税收入" in page
    subjects = [m.subject for m in mail.outbox]
    assert len(mail.outbox) == 4 and any("延期" in s for s in subjects) and any("收费" in s for s in subjects)
    assert "100元" in mail.outbox[-1].body and "缴纳方式" in mail.outbox[-1].body

    fee_letter = case.letters.get(kind="fee")
    client = Client()
    download = client.post(
        reverse("portal:applying:letter"), {"number": case.number, "secret": secret, "letter": fee_letter.pk}
    )
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK")
    assert "attachment" in download["Content-Disposition"]
    other, _ = _apply(demo)
    foreign = Letter.objects.create(application=other, kind="fee", body="x", issued_on=today)
    refused = client.post(
        reverse("portal:applying:letter"), {"number": case.number, "secret": secret, "letter": foreign.pk}
    )
    assert refused.status_code == 404
    wrong = client.post(
        reverse("portal:applying:letter"), {"number": case.number, "secret": "nope", "letter": fee_letter.pk}
    )
    assert wrong.status_code == 404


def test_no_address_no_mail_and_no_mail_on_rollback(demo, django_capture_on_commit_callbacks) -> None:
    users, today = demo.users, timezone.localdate()
    case, _ = _apply(demo, email="", delivery="pick_up")
    with django_capture_on_commit_callbacks(execute=True):
        case = services.confirm_receipt(
            actor=users["jgsw_dengji"], application=case, version=case.version, received_on=today
        )
        services.request_correction(
            actor=users["jgsw_chengban"],
            application=case,
            version=case.version,
            on=today,
            what="请写明文号",
            respond_by=today + timedelta(days=15),
        )
    assert mail.outbox == []
    mailed, _ = _apply(demo)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mailed = services.confirm_receipt(
            actor=users["jgsw_dengji"], application=mailed, version=mailed.version, received_on=today
        )
        with pytest.raises(Exception):  # noqa: B017  (a stale version: the transition rolls back)
            services.request_correction(
                actor=users["jgsw_chengban"],
                application=mailed,
                version=mailed.version - 1,
                on=today,
                what="请写明文号",
                respond_by=today + timedelta(days=15),
            )
    assert callbacks == [] and mail.outbox == []
