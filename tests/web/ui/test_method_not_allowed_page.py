"""GET on a POST-only URL shows the house error page (405, Chinese), not a blank page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.web.orgs.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("logged_in", [False, True])
def test_get_on_a_post_only_url(logged_in: bool) -> None:
    client = Client()
    if logged_in:
        client.force_login(User.objects.create_user(username="staff405", password="x" * 12))
    response = client.get(reverse("ui:logout"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = response.content.decode()
    assert "此地址只接受表单提交" in page and "<html" in page


def test_api_405_stays_json() -> None:
    response = Client().delete("/api/v1/agencies/tree")
    assert response.status_code == 405
    assert "此地址只接受表单提交" not in response.content.decode()
