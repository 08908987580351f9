"""The public list of annual reports: published versions only, corrections explained, downloads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

import factories.annual as factories
from xxgk.web.annual import services

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo):
    """Only the demo organisations and users: the counts asserted are the test's own."""
    return demo


@pytest.fixture
def published(demo):
    org = demo.orgs["jgsw"]
    case = factories.application(org, received=D(2024, 5, 1), concluded=D(2024, 5, 20), outcome="granted")
    case.name = "王小明"
    case.save(update_fields=["name"])
    factories.figures_and_draft(demo, org, 2024, licensing=2, signed_on=D(2025, 1, 20))
    services.publish(actor=demo.users["jgsw_qianfa"], organisation=org, year=2024)
    return org


def test_the_list_shows_published_years_only(demo, published) -> None:
    html = Client().get(reverse("portal:reports")).content.decode()
    assert "宜春市机关事务管理中心" in html
    assert reverse("portal:report", args=(published.pk, 2024)) in html
    assert "宜春市教育局" not in html


def test_the_report_page_shows_the_published_snapshot(demo, published) -> None:
    factories.application(published, received=D(2024, 6, 1))  # entered after publication
    html = Client().get(reverse("portal:report", args=(published.pk, 2024))).content.decode()
    assert "xxgk-report" in html and "王小明" not in html
    assert "更正说明" not in html
    assert html.count("<h1") == 1  # the report's own title, not a second heading above it
    assert Client().get(reverse("portal:report", args=(published.pk, 2023))).status_code == 404
    assert Client().get(reverse("portal:report", args=(published.pk, 2024)) + "?v=7").status_code == 404


def test_a_correction_is_explained_publicly(demo, published) -> None:
    factories.application(published, received=D(2024, 6, 1))
    services.publish(
        actor=demo.users["jgsw_qianfa"], organisation=published, year=2024, correction_reason="补录一件申请"
    )
    html = Client().get(reverse("portal:report", args=(published.pk, 2024))).content.decode()
    assert "更正说明" in html and "补录一件申请" in html
    assert "由0更正为1" in html
    first = Client().get(reverse("portal:report", args=(published.pk, 2024)) + "?v=1").content.decode()
    assert "正在查看：第1版" in first


@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"),
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("pdf", "application/pdf", b"%PDF"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ],
)
def test_downloads(demo, published, fmt, content_type, magic) -> None:
    response = Client().get(reverse("portal:report_file", args=(published.pk, 2024, fmt)))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response.content.startswith(magic)
    assert "attachment" in response["Content-Disposition"]


def test_unknown_formats_are_not_offered(demo, published) -> None:
    assert Client().get(reverse("portal:report_file", args=(published.pk, 2024, "json"))).status_code == 404
