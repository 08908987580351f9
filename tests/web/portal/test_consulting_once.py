"""The 咨询 form follows the application form's anti-duplicate rule (`portal.once`): a refresh, a
double click or a replayed POST sends one question, and the number and secret are shown again."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from xxgk.web.applications.tracking import hash_secret
from xxgk.web.consultations.models import Consultation

pytestmark = pytest.mark.django_db

FORM = {"question": "贵单位的政府信息公开指南在哪里可以查到？", "name": "王五", "phone": "13907951234"}


def _token(client: Client) -> str:
    page = client.get(reverse("portal:consulting:form")).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def _ask(client: Client, org, token: str) -> str:
    data = {**FORM, "organisation": org.pk, "form_token": token}
    response = client.post(reverse("portal:consulting:form"), data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def _keys(page: str) -> tuple[str, str]:
    number = re.search(r'id="tracking-number">([^<]+)<', page).group(1)
    secret = re.search(r'id="tracking-secret">([^<]+)<', page).group(1)
    return number, secret


def test_a_replayed_question_returns_the_one_already_sent(demo) -> None:
    client = Client()
    token = _token(client)
    first = _keys(_ask(client, demo.orgs["jgsw"], token))
    again = _keys(_ask(client, demo.orgs["jgsw"], token))  # refresh / double click
    assert again == first and Consultation.objects.count() == 1
    question = Consultation.objects.get()
    assert question.number == first[0] and question.secret_hash == hash_secret(first[1])
    refreshed = client.get(reverse("portal:consulting:submitted")).content.decode()
    assert _keys(refreshed) == first
    # Another session replaying the token sees no secret and sends nothing new.
    stranger = Client()
    page = stranger.post(
        reverse("portal:consulting:form"), {**FORM, "organisation": demo.orgs["jgsw"].pk, "form_token": token}
    )
    assert Consultation.objects.count() == 1 and first[1] not in page.content.decode()


def test_two_forms_send_two_questions(demo) -> None:
    client = Client()
    first = _keys(_ask(client, demo.orgs["jgsw"], _token(client)))
    second = _keys(_ask(client, demo.orgs["jgsw"], _token(client)))
    assert first[0] != second[0] and Consultation.objects.count() == 2


def test_an_unknown_form_token_sends_nothing(demo) -> None:
    client = Client()
    _token(client)
    page = _ask(client, demo.orgs["jgsw"], "forged")
    assert "表单已过期" in page and Consultation.objects.count() == 0


def test_the_submitted_page_without_a_submission_goes_back_to_the_form(demo) -> None:
    response = Client().get(reverse("portal:consulting:submitted"))
    assert response.status_code == 302 and response["Location"] == reverse("portal:consulting:form")
