"""The dashboard shows the registered widgets and navigation the user may use."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from xxgk.web.demo import DemoContext


def test_dashboard_lists_roles_and_recent_events_in_chinese(demo: DemoContext) -> None:
    client = Client()
    client.force_login(demo.users["zrzy_chengban"])
    page = client.get(reverse("ui:dashboard")).content.decode()
    assert "我的机关与角色" in page
    assert "宜春市自然资源局</a>：登记、承办" in page
    assert "最近操作" in page
    assert 'aria-current="page">工作台' in page
    assert "系统管理" not in page


def test_staff_flag_adds_the_admin_link(demo: DemoContext) -> None:
    client = Client()
    client.force_login(demo.users["admin"])
    assert "系统管理" in client.get(reverse("ui:dashboard")).content.decode()


def test_site_root_is_the_public_portal_listing_agencies(demo: DemoContext) -> None:
    page = Client().get("/").content.decode()
    jgsw = demo.orgs["jgsw"]
    assert f'<a href="{reverse("portal:column_home", args=[jgsw.pk])}">{jgsw.name}</a>' in page
    for url in ("ui:dashboard", "portal:applying:form", "portal:applying:track", "portal:reports"):
        assert f'href="{reverse(url)}"' in page


def test_error_pages_are_in_chinese(demo: DemoContext) -> None:
    client = Client()
    client.force_login(demo.users["zwgk_jiandu"])
    not_found = client.get("/staff/orgs/999999/").content.decode()
    assert "未找到该页面" in not_found
    forbidden = client.get(reverse("orgs:edit_contact", args=[demo.orgs["jgsw"].pk])).content.decode()
    assert "此操作需要「管理员」角色" in forbidden
