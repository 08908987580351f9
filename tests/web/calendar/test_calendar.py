"""The working-day calendar app: the system administrator's page, the audit trail of its changes
(events logged before the table moved out of the applications app stay readable), and the
independence that was the point of the move."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

import xxgk.web
from xxgk.web.audit.models import AuditEvent
from xxgk.web.audit.services import record
from xxgk.web.calendar import services
from xxgk.web.calendar.models import CalendarOverride
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.demo import DemoContext

pytestmark = pytest.mark.django_db
WEB = Path(xxgk.web.__file__).parent


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_is_for_system_administrators_and_changes_the_calendar(demo: DemoContext) -> None:
    assert _client(demo.users["jgsw_admin"]).get(reverse("workcalendar:calendar")).status_code == 403
    client = _client(demo.users["admin"])
    assert client.get(reverse("workcalendar:calendar")).status_code == 200
    page = client.post(
        reverse("workcalendar:calendar_change"),
        {"action": "set_day", "day": "2025-03-10", "is_workday": "0", "note": "本地节日"},
        follow=True,
    ).content.decode()
    assert "工作日历已更新" in page and "本地节日" in page
    assert not current_calendar().is_workday(date(2025, 3, 10))


def test_a_refused_form_is_explained_and_writes_nothing(demo: DemoContext) -> None:
    page = (
        _client(demo.users["admin"])
        .post(
            reverse("workcalendar:calendar_change"),
            {"action": "set_day", "day": "不是日期", "is_workday": "0", "note": "本地节日"},
            follow=True,
        )
        .content.decode()
    )
    assert "日期：请输入有效日期" in page
    assert not CalendarOverride.objects.exists()
    assert not AuditEvent.objects.filter(action="workcalendar.calendar_change").exists()


def test_a_change_is_audited_with_chinese_labels(demo: DemoContext) -> None:
    services.set_year_announced(actor=demo.users["admin"], year=2027, announced=True, source="国办发明电")
    event = AuditEvent.objects.get(action="workcalendar.calendar_change")
    assert event.action_label == "修改工作日历"
    assert ("是否已公布", None, "是") in event.labelled_changes


def test_events_logged_before_the_move_read_as_before(demo: DemoContext) -> None:
    record(
        actor=demo.users["admin"],
        action="applications.calendar_change",
        object_type="applications.calendaroverride",
        object_id="2025-03-10",
        after={"is_workday": False, "recomputed": 3},
    )
    event = AuditEvent.objects.get(action="applications.calendar_change")
    assert event.action_label == "修改工作日历"
    assert set(event.labelled_changes) == {("是否工作日", None, "否"), ("重新计算期限的案件数", None, 3)}


def _web_apps_imported_by(package: str) -> set[str]:
    apps: set[str] = set()
    for path in (WEB / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("xxgk.web."):
                apps.add(node.module.split(".")[2])  # type: ignore[union-attr]
    return apps - {package}


def test_the_calendar_depends_on_no_case_app_and_publishing_not_on_applications() -> None:
    assert _web_apps_imported_by("calendar") <= {"audit", "orgs", "ui"}
    assert "applications" not in _web_apps_imported_by("publishing")
