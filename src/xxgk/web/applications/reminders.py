"""Deadline reminders of cases: each handler is mailed the open cases due soon or overdue."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from xxgk.web import reminders
from xxgk.web.applications import audit_codes
from xxgk.web.applications.models import Application
from xxgk.web.applications.selectors import reminder_cases
from xxgk.web.orgs.models import User

REMINDER_WORKING_DAYS = 3


def send_reminders(today: date | None = None) -> int:
    """E-mail each handler the open cases due within `REMINDER_WORKING_DAYS` working days or overdue;
    returns the number of e-mails sent. Mails name cases by number only (no applicant data)."""
    today = today or timezone.localdate()
    by_handler: dict[User, list[Application]] = {}
    for case in reminder_cases(today, REMINDER_WORKING_DAYS):
        assert case.handler is not None  # reminder_cases: handler__isnull=False
        by_handler.setdefault(case.handler, []).append(case)
    return reminders.send(
        (
            reminders.Reminder(
                handler,
                f"政府信息公开申请办理期限提醒（{len(cases)}件）",
                "以下申请即将到期或已逾期，请及时办理：",
                [
                    reminders.due_line(
                        c.number, c.due_on, today, agency=c.organisation.name, provisional=c.due_provisional
                    )
                    for c in cases
                ],
            )
            for handler, cases in by_handler.items()
        ),
        action=audit_codes.REMINDERS_SENT,
        today=today,
    )
