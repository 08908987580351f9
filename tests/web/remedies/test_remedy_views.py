"""Remedies pages: entering a case, recording the decision, voiding; masking and 404s."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.web.remedies import services
from xxgk.web.remedies.models import Remedy

pytestmark = pytest.mark.django_db


def _client(demo, username: str) -> Client:
    client = Client()
    client.force_login(demo.users[username])
    return client


def _form(**extra):
    return {
        "kind": "suit_direct",
        "case_number": "（2025）赣0902行初15号",
        "claimant_name": "钱某某",
        "deciding_body": "宜春市袁州区人民法院",
        "filed_on": "2025-04-02",
        "decided_on": "",
        "result": "",
        "note": "",
        "application_number": "",
        **extra,
    }


def test_entering_and_deciding_a_case(demo) -> None:
    org = demo.orgs["jgsw"]
    client = _client(demo, "jgsw_chengban")
    response = client.post(reverse("remedies:new") + f"?org={org.pk}", {**_form(), "org": org.pk})
    case = Remedy.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("remedies:detail", args=(case.pk,))
    response = client.post(
        reverse("remedies:detail", args=(case.pk,)),
        _form(decided_on="2025-09-01", result="upheld", version=case.version),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.result, case.decided_on, case.version) == ("upheld", dt.date(2025, 9, 1), 2)


def test_bad_input_is_explained_and_nothing_is_written(demo) -> None:
    org = demo.orgs["jgsw"]
    client = _client(demo, "jgsw_chengban")
    for form, message in (
        (_form(result="upheld"), "已填写结果的案件须填写审结日期"),
        (_form(application_number="NO-SUCH"), "本机关没有受理编号为「NO-SUCH」的申请"),
    ):
        page = client.post(reverse("remedies:new"), {**form, "org": org.pk})
        assert page.status_code == 200
        assert message in page.content.decode()
    assert not Remedy.objects.exists()


def test_names_are_masked_outside_the_agency_and_other_agencies_see_nothing(demo) -> None:
    case = services.register_remedy(
        actor=demo.users["jgsw_chengban"],
        organisation=demo.orgs["jgsw"],
        kind="review",
        filed_on=dt.date(2025, 2, 1),
        deciding_body="宜春市人民政府",
        claimant_name="钱某某",
    )
    url = reverse("remedies:detail", args=(case.pk,))
    assert "钱某某" in _client(demo, "jgsw_chengban").get(url).content.decode()
    supervisor = _client(demo, "zwgk_jiandu").get(url).content.decode()
    assert "钱某某" not in supervisor and "钱**" in supervisor
    assert "修改或登记审结结果" not in supervisor
    assert _client(demo, "jyj_chengban").get(url).status_code == 404
    assert "钱**" in _client(demo, "zwgk_jiandu").get(reverse("remedies:list")).content.decode()


def test_voiding_from_the_page(demo) -> None:
    case = services.register_remedy(
        actor=demo.users["jgsw_chengban"],
        organisation=demo.orgs["jgsw"],
        kind="review",
        filed_on=dt.date(2025, 2, 1),
        deciding_body="宜春市人民政府",
    )
    client = _client(demo, "jgsw_chengban")
    client.post(reverse("remedies:void", args=(case.pk,)), {"reason": "误录"})
    case.refresh_from_db()
    assert case.voided and case.void_reason == "误录"
