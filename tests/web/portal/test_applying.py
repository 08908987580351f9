"""The public form and the status page: number + secret, nothing for anyone else, throttled."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from xxgk.web.applications import services
from xxgk.web.applications.models import Application, Attachment, State
from xxgk.web.applications.throttle import LIMITS
from xxgk.web.applications.tracking import hash_secret

pytestmark = pytest.mark.django_db

FORM = {
    "applicant_kind": "natural_person",
    "name": "李小红",
    "id_type": "id_card",
    "id_number": "360902198805052222",
    "phone": "13607951111",
    "email": "lxh@example.com",
    "description": "2025年市行政中心食堂承包合同",
    "info_form": "electronic",
    "delivery": "email",
    "confirm": "on",
}


def _submit(client: Client, org, **extra) -> str:
    response = client.post(reverse("portal:applying:form"), {**FORM, "organisation": org.pk, **extra})
    assert response.status_code == 200
    return response.content.decode()


def _keys(page: str) -> tuple[str, str]:
    number = re.search(r'id="tracking-number">([^<]+)<', page).group(1)
    secret = re.search(r'id="tracking-secret">([^<]+)<', page).group(1)
    return number, secret


def test_online_application_is_stored_with_only_the_secrets_hash(demo) -> None:
    page = _submit(Client(), demo.orgs["jgsw"])
    number, secret = _keys(page)
    case = Application.objects.get(number=number)
    assert case.state == State.SUBMITTED and case.received_on is None and case.channel == "online"
    assert case.secret_hash == hash_secret(secret) and secret not in case.secret_hash


def test_status_page_needs_the_right_secret(demo) -> None:
    number, secret = _keys(_submit(Client(), demo.orgs["jgsw"]))
    client = Client()
    right = client.post(
        reverse("portal:applying:track"), {"number": number, "secret": secret}
    ).content.decode()
    assert "待确认收到" in right and "李**" in right
    for bad in ({"number": number, "secret": secret + "x"}, {"number": "20250101000000", "secret": secret}):
        page = client.post(reverse("portal:applying:track"), bad).content.decode()
        assert "受理编号或查询码不正确。" in page
        assert "待确认收到" not in page and "李" not in page


def test_tracking_is_throttled_after_repeated_failures(demo) -> None:
    number, secret = _keys(_submit(Client(), demo.orgs["jgsw"]))
    client = Client()
    for _ in range(LIMITS["track"]):
        client.post(reverse("portal:applying:track"), {"number": number, "secret": "guess"})
    page = client.post(
        reverse("portal:applying:track"), {"number": number, "secret": secret}
    ).content.decode()
    assert "操作过于频繁" in page and "待确认收到" not in page


def test_the_form_explains_missing_fields_in_chinese(demo) -> None:
    response = Client().post(reverse("portal:applying:form"), {"organisation": demo.orgs["jgsw"].pk})
    page = response.content.decode()
    assert "这个字段是必填项。" in page and "请确认所填信息真实有效。" in page
    assert Application.objects.count() == 0


def test_email_delivery_needs_an_address(demo) -> None:
    page = _submit(Client(), demo.orgs["jgsw"], email="")
    assert "请填写电子邮箱" in page and Application.objects.count() == 0


def test_attachments_are_checked_by_content(demo) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("证明.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    page = _submit(Client(), demo.orgs["jgsw"], attachments=fake)
    assert "类型不支持" in page and Application.objects.count() == 0
    real = SimpleUploadedFile("证明.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    number, _ = _keys(_submit(Client(), demo.orgs["jgsw"], attachments=real))
    assert Attachment.objects.get(application__number=number).filename == "证明.pdf"


def test_reply_is_shown_and_downloadable_with_the_secret(demo) -> None:
    number, secret = _keys(_submit(Client(), demo.orgs["jgsw"]))
    users = demo.users
    case = Application.objects.get(number=number)
    case = services.confirm_receipt(
        actor=users["jgsw_dengji"], application=case, version=case.version, received_on=timezone.localdate()
    )
    case = services.draft_reply(
        actor=users["jgsw_chengban"], application=case, version=case.version, outcome="granted"
    )
    case = services.review(actor=users["jgsw_shenhe"], application=case, version=case.version)
    case = services.approve(actor=users["jgsw_qianfa"], application=case, version=case.version)
    services.send_reply(
        actor=users["jgsw_chengban"], application=case, version=case.version, on=timezone.localdate()
    )
    client = Client()
    page = client.post(
        reverse("portal:applying:track"), {"number": number, "secret": secret}
    ).content.decode()
    assert "（一）予以公开" in page and "第三十六条第（二）项" in page
    download = client.post(reverse("portal:applying:letter"), {"number": number, "secret": secret})
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK")
    wrong = client.post(reverse("portal:applying:letter"), {"number": number, "secret": "nope"})
    assert wrong.status_code == 404
