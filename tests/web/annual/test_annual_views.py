"""Staff pages of the annual report: who sees what, drill-down with masking, draft, publication."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import factories.annual as factories
from xxgk.web.annual.models import Draft, PublishedVersion

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def org(demo):
    org = demo.orgs["jgsw"]
    case = factories.application(org, received=D(2024, 12, 30))
    case.name = "王小明"
    case.save(update_fields=["name"])
    factories.remedy(org, filed=D(2024, 4, 1))
    return org


def _client(demo, username: str) -> Client:
    client = Client()
    client.force_login(demo.users[username])
    return client


def _cell(org, table: str, row: str, column: str) -> str:
    return reverse("annual:cases", args=(org.pk, 2024, table, row, column))


def test_the_report_page_links_every_number_to_its_cases(demo, org) -> None:
    page = _client(demo, "jgsw_shenhe").get(reverse("annual:detail", args=(org.pk, 2024)))
    assert page.status_code == 200
    html = page.content.decode()
    assert "宜春市机关事务管理中心2024年政府信息公开工作年度报告" in html
    assert f'href="{_cell(org, "table3", "carried_out", "natural_person")}"' in html
    assert f'href="{_cell(org, "table4", "review", "pending")}"' in html
    assert "核查结果" in html
    assert f'href="{reverse("annual:figures", args=(org.pk, 2024))}"' in html
    assert f'href="{reverse("publishing:registry")}?org={org.pk}"' in html


def test_drill_down_shows_names_to_the_agencys_staff_only(demo, org) -> None:
    url = _cell(org, "table3", "carried_out", "natural_person")
    own = _client(demo, "jgsw_chengban").get(url).content.decode()
    assert "王小明" in own and "1件" in own
    supervisor = _client(demo, "zwgk_jiandu").get(url).content.decode()
    assert "王小明" not in supervisor and "王**" in supervisor
    assert _client(demo, "jyj_chengban").get(url).status_code == 404
    remedies = _client(demo, "zwgk_jiandu").get(_cell(org, "table4", "review", "pending")).content.decode()
    assert "李四" not in remedies and "李*" in remedies


def test_unknown_cells_and_years_are_not_found(demo, org) -> None:
    client = _client(demo, "jgsw_chengban")
    assert client.get(_cell(org, "table3", "nonsense", "total")).status_code == 404
    assert client.get(_cell(org, "table9", "new", "total")).status_code == 404
    assert client.get(reverse("annual:detail", args=(org.pk, 2019))).status_code == 404


def test_the_draft_form_starts_from_the_data_and_saves(demo, org) -> None:
    client = _client(demo, "jgsw_chengban")
    url = reverse("annual:draft", args=(org.pk, 2024))
    page = client.get(url).content.decode()
    assert "2024年，本机关共收到政府信息公开申请1件" in page
    response = client.post(
        url,
        {
            "version": 0,
            "overview": "自拟总体情况。",
            "problems": "",
            "other_matters": "",
            "signed_on": "2025-01-20",
        },
    )
    assert response.status_code == 302
    assert Draft.objects.get(organisation=org, year=2024).overview == "自拟总体情况。"
    bad = client.post(
        url, {"version": 1, "overview": "", "problems": "", "other_matters": "", "signed_on": "2024-06-01"}
    )
    assert "落款日期须在2024年度结束之后" in bad.content.decode()


def test_supervisors_read_but_do_not_edit(demo, org) -> None:
    client = _client(demo, "zwgk_jiandu")
    assert client.get(reverse("annual:detail", args=(org.pk, 2024))).status_code == 200
    assert client.get(reverse("annual:draft", args=(org.pk, 2024))).status_code == 403
    assert client.post(reverse("annual:publish", args=(org.pk, 2024))).status_code == 403
    assert not PublishedVersion.objects.exists()


def test_publishing_from_the_page(demo, org) -> None:
    factories.figures_and_draft(demo, org, 2024, licensing=0, signed_on=D(2025, 1, 20))
    client = _client(demo, "jgsw_shenhe")
    response = client.post(reverse("annual:publish", args=(org.pk, 2024)), follow=True)
    assert "2024年度报告已发布（第1版）" in response.content.decode()
    assert PublishedVersion.objects.filter(organisation=org, year=2024).count() == 1


def test_draft_downloads(demo, org) -> None:
    client = _client(demo, "jgsw_chengban")
    response = client.get(reverse("annual:download", args=(org.pk, 2024, "json")))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert b'"organization": "\\u5b9c' in response.content or "宜春市".encode() in response.content
    assert client.get(reverse("annual:download", args=(org.pk, 2024, "exe"))).status_code == 404


def test_the_dashboard_shows_last_years_report_of_ones_own_agencies(demo, org) -> None:
    year = timezone.localdate().year - 1
    html = _client(demo, "jgsw_chengban").get(reverse("ui:dashboard")).content.decode()
    assert f"宜春市机关事务管理中心{year}年度报告</a>：未发布" in html
    supervisor = _client(demo, "zwgk_jiandu").get(reverse("ui:dashboard")).content.decode()
    assert f"{year}年度报告</a>" not in supervisor


def test_no_publish_button_before_the_year_is_over(demo, org) -> None:
    year = timezone.localdate().year
    html = _client(demo, "jgsw_qianfa").get(reverse("annual:detail", args=(org.pk, year))).content.decode()
    assert f"{year}年度结束后，方可发布本年度报告。" in html
    assert reverse("annual:publish", args=(org.pk, year)) not in html
    last = _client(demo, "jgsw_qianfa").get(reverse("annual:detail", args=(org.pk, 2024))).content.decode()
    assert reverse("annual:publish", args=(org.pk, 2024)) in last


def test_drill_down_shows_each_case_as_it_stood_at_the_year_end(demo, org) -> None:
    from xxgk.web.remedies.models import Remedy

    Remedy.objects.filter(organisation=org).update(decided_on=D(2025, 3, 1), result="corrected")
    html = _client(demo, "jgsw_chengban").get(_cell(org, "table4", "review", "pending")).content.decode()
    assert "<td>尚未审结</td>" in html and "<td>结果纠正</td>" not in html
    html = _client(demo, "jgsw_chengban").get(_cell(org, "table3", "carried_out", "total")).content.decode()
    assert "<td>办理中</td>" in html
