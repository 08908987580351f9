"""Reminders: one mail per handler with cases due soon or overdue, numbers only, no personal data."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from typer.testing import CliRunner

from xxgk.cli.main import app
from xxgk.web.applications.reminders import send_reminders

pytestmark = pytest.mark.django_db


def test_one_mail_per_handler_with_numbers_only(staff) -> None:
    staff.handler.email = "liuyang@example.com"
    staff.handler.save()
    due_soon = staff.register(received_on=date(2025, 3, 3))  # due 2025-03-31
    later = staff.register(received_on=date(2025, 3, 24))  # due 2025-04-22
    assert send_reminders(date(2025, 3, 27)) == 1
    (message,) = mail.outbox
    assert message.to == ["liuyang@example.com"]
    assert due_soon.number in message.body and later.number not in message.body
    assert "张小明" not in message.body and "13907950000" not in message.body


def test_overdue_cases_are_flagged(staff) -> None:
    staff.handler.email = "liuyang@example.com"
    staff.handler.save()
    case = staff.register(received_on=date(2025, 3, 3))
    assert send_reminders(date(2025, 4, 2)) == 1
    assert f"{case.number}" in mail.outbox[0].body and "已逾期" in mail.outbox[0].body


def test_handlers_without_email_get_nothing(staff) -> None:
    staff.register(received_on=date(2025, 3, 3))
    assert send_reminders(date(2025, 3, 28)) == 0
    assert mail.outbox == []


def test_remind_command(staff, settings) -> None:
    staff.handler.email = "liuyang@example.com"
    staff.handler.save()
    staff.register(received_on=date(2025, 3, 3))
    result = CliRunner().invoke(app, ["remind", "--today", "2025-03-28"])
    assert result.exit_code == 0, result.output
    assert "已发送 1 封提醒邮件。" in result.output
    bad = CliRunner().invoke(app, ["remind", "--today", "2025-13-01"])
    assert bad.exit_code == 2
