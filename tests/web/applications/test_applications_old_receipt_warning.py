"""A case received long ago is registered, with a warning to check the date; a recent one is not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from factories.applications import Staff

pytestmark = pytest.mark.django_db


def _register(staff: Staff, received_on: str) -> str:
    client = Client()
    client.force_login(staff.registrar)
    form = {
        "organisation": staff.org.pk,
        "channel": "letter",
        "received_on": received_on,
        "applicant_kind": "commercial",
        "name": "宜春某某物业有限公司",
        "id_type": "credit_code",
        "id_number": "91360900MA35XXXX0X",
        "phone": "0795-1234567",
        "address": "宜春市某路2号",
        "description": "物业招标文件",
        "info_form": "paper",
        "delivery": "post",
    }
    response = client.post(reverse("applications:register"), form, follow=True)
    assert response.redirect_chain, response.content.decode()[:2000]
    return response.content.decode()


def test_a_receipt_years_ago_is_registered_with_a_warning(staff: Staff) -> None:
    page = _register(staff, "2020-01-01")
    assert "已登记" in page and "收到申请日期为 2020-01-01" in page and "请核对日期是否填写正确" in page


def test_a_recent_receipt_has_no_warning(staff: Staff) -> None:
    page = _register(staff, (timezone.localdate() - timedelta(days=3)).isoformat())
    assert "已登记" in page and "请核对日期" not in page
