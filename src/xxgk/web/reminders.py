"""Deadline reminder e-mails, once for every app that has work lists (cases, questions): one mail a
person naming the records by number only (no personal data), and one audit entry for the run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.mail import send_mail
from django.db import transaction

from xxgk.web.audit.services import record
from xxgk.web.orgs.models import User


@dataclass(frozen=True)
class Reminder:
    recipient: User
    subject: str  # "政府信息公开申请办理期限提醒（3件）"
    intro: str  # "以下申请即将到期或已逾期，请及时办理："
    lines: list[str]


def due_line(
    number: str, due_on: date | None, today: date, *, agency: str = "", provisional: bool = False
) -> str:
    """`20250301123456（某局）答复期限 2025-03-28（已逾期）（暂定）`, or `ZX… 答复期限 …` without an agency."""
    where = f"（{agency}）" if agency else " "
    overdue = "（已逾期）" if due_on is not None and due_on < today else ""
    return f"{number}{where}答复期限 {due_on}{overdue}{'（暂定）' if provisional else ''}"


def send(reminders: Iterable[Reminder], *, action: str, today: date) -> int:
    """Mail each reminder to a recipient who has an address; returns the number of mails sent."""
    sent = 0
    for reminder in reminders:
        if not reminder.recipient.email:
            continue
        send_mail(
            subject=reminder.subject,
            message=f"{reminder.recipient}：\n\n{reminder.intro}\n\n" + "\n".join(reminder.lines),
            from_email=None,
            recipient_list=[reminder.recipient.email],
        )
        sent += 1
    if sent:
        with transaction.atomic():
            record(
                actor=None,
                action=action,
                object_type="reminders",
                after={"mails": sent, "on": today.isoformat()},
            )
    return sent
