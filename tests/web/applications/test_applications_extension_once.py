"""The extension form is offered until the one extension (第三十三条第二款) has been used."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from factories.applications import Staff, fresh
from xxgk.web.applications import services

pytestmark = pytest.mark.django_db


def test_extension_form_disappears_after_the_extension(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    client = Client()
    client.force_login(staff.approver)
    url = reverse("applications:detail", args=[case.pk])
    action = reverse("applications:transition", args=[case.pk, "extend"])
    assert action in client.get(url).content.decode()
    services.extend(
        actor=staff.approver,
        application=case,
        version=case.version,
        on=date(2025, 3, 10),
        days=20,
        reason="需调取档案",
    )
    case = fresh(case)
    page = client.get(url).content.decode()
    assert action not in page and "延长答复期限" in page  # the history still names the extension
