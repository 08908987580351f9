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
    "id_number": "360902198805052220",
    "phone": "13607951111",
    "email": "lxh@example.com",
    "description": "2025年市行政中心食堂承包合同",
    "info_form": "electronic",
    "delivery": "email",
    "confirm": "on",
}


def _token(client: Client) -> str:
    page = client.get(reverse("portal:applying:form")).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def _submit(client: Client, org, token: str | None = None, **extra) -> str:
    data = {**FORM, "organisation": org.pk, "form_token": token or _token(client), **extra}
    response = client.post(reverse("portal:applying:form"), data, follow=True)
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
    number, _ = _keys(_submit(Client(), demo.orgs["jgsw"]))
    client = Client()
    for _ in range(LIMITS["track"]):
        client.post(reverse("portal:applying:track"), {"number": number, "secret": "guess"})
    page = client.post(
        reverse("portal:applying:track"), {"number": number, "secret": "guess"}
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
    assert 'id="public-outcome">予以公开<' in page and "第三十六条第（二）项" in page
    download = client.post(reverse("portal:applying:letter"), {"number": number, "secret": secret})
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK")
    wrong = client.post(reverse("portal:applying:letter"), {"number": number, "secret": "nope"})
    assert wrong.status_code == 404


def test_a_replayed_submission_returns_the_case_already_created(demo) -> None:
    client = Client()
    token = _token(client)
    first = _keys(_submit(client, demo.orgs["jgsw"], token=token))
    again = _keys(_submit(client, demo.orgs["jgsw"], token=token))  # refresh / double click
    assert again == first and Application.objects.count() == 1
    refreshed = client.get(reverse("portal:applying:submitted")).content.decode()
    assert _keys(refreshed) == first
    # Another session replaying the token sees the number, never the secret, and no new case.
    stranger = Client()
    page = stranger.post(reverse("portal:applying:form"), {**FORM, "form_token": token}, follow=True)
    assert Application.objects.count() == 1 and first[1] not in page.content.decode()


def test_an_unknown_form_token_creates_nothing(demo) -> None:
    client = Client()
    _token(client)
    data = {**FORM, "organisation": demo.orgs["jgsw"].pk, "form_token": "forged"}
    page = client.post(reverse("portal:applying:form"), data).content.decode()
    assert "表单已过期" in page and Application.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("id_number", "123", "居民身份证号码不正确"),
        ("id_number", "360902198805052222", "居民身份证号码不正确"),  # check character is 0
        ("id_number", "360902198802302220", "居民身份证号码不正确"),  # 30 February
        ("phone", "abc", "联系电话不正确"),
        ("phone", "1234567", "联系电话不正确"),
        ("postcode", "33600", "邮政编码应为6位数字"),
    ],
)
def test_personal_data_is_checked_field_by_field(demo, field: str, value: str, error: str) -> None:
    page = _submit(Client(), demo.orgs["jgsw"], **{field: value})
    assert error in page and Application.objects.count() == 0


@pytest.mark.parametrize(
    "extra",
    [
        {"id_number": "36090219880505009x"},  # Σ(digit×weight) = 299 ≡ 2 (mod 11) → X, typed lower-case
        {"phone": "0795-3202210"},
        {"phone": "+86 138 0013 8000"},
        {"phone": "(0795)3202210转123"},
        {"id_type": "passport", "id_number": "E12345678"},  # other documents: free text
        {"postcode": "336000"},
    ],
)
def test_valid_personal_data_is_accepted(demo, extra: dict[str, str]) -> None:
    number, _ = _keys(_submit(Client(), demo.orgs["jgsw"], **extra))
    case = Application.objects.get(number=number)
    assert case.id_number == extra.get("id_number", FORM["id_number"]).upper() or extra.get("id_type")


def test_tracking_secret_is_grouped_unambiguous_and_forgiving(demo) -> None:
    number, secret = _keys(_submit(Client(), demo.orgs["jgsw"]))
    groups = secret.split("-")
    assert len(groups) == 5 and all(len(g) == 4 for g in groups)
    assert not set(secret.replace("-", "")) & set("01OILl_-")
    for typed in (secret, secret.replace("-", "").lower(), " ".join(groups)):
        page = Client().post(reverse("portal:applying:track"), {"number": number, "secret": typed})
        assert "待确认收到" in page.content.decode()


def test_secrets_issued_before_the_new_alphabet_still_work(demo) -> None:
    import hashlib

    number, _ = _keys(_submit(Client(), demo.orgs["jgsw"]))
    legacy = "iUFjB0CelySZ1Jga"  # a token_urlsafe secret, hashed as typed
    Application.objects.filter(number=number).update(secret_hash=hashlib.sha256(legacy.encode()).hexdigest())
    page = Client().post(reverse("portal:applying:track"), {"number": number, "secret": legacy})
    assert "待确认收到" in page.content.decode()
