"""Changes to the calendar table, by the system administrator only. Each runs in one transaction
with its audit event and the `calendar_changed` receivers (which recompute due dates), and returns
how many records those receivers changed."""

from __future__ import annotations

from datetime import date
from typing import cast

from django.db import transaction

from xxgk.web.audit.services import record
from xxgk.web.calendar import audit_codes
from xxgk.web.calendar.errors import CalendarError
from xxgk.web.calendar.models import AnnouncedYear, CalendarOverride
from xxgk.web.calendar.signals import calendar_changed
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.errors import RoleRequired


def _require_calendar_admin(actor: Actor) -> None:
    if not (actor is not None and actor.is_superuser and actor.is_active):
        raise RoleRequired("系统管理员")


def _announce_change() -> int:
    """Send `calendar_changed`; how many records its receivers changed (each returns an int)."""
    return sum(cast(int, changed) for _receiver, changed in calendar_changed.send(sender=CalendarOverride))


def set_calendar_day(*, actor: Actor, day: date, is_workday: bool, note: str) -> int:
    """Add or change one override."""
    _require_calendar_admin(actor)
    if not note.strip():
        raise CalendarError("empty note", "请填写说明（如节日名称或调整原因）。")
    with transaction.atomic():
        row, _ = CalendarOverride.objects.update_or_create(
            day=day, defaults={"is_workday": is_workday, "note": note.strip()}
        )
        changed = _announce_change()
        record(
            actor=actor,
            action=audit_codes.CALENDAR_CHANGE,
            obj=row,
            after={"day": day.isoformat(), "is_workday": is_workday, "note": row.note, "recomputed": changed},
        )
    return changed


def remove_calendar_day(*, actor: Actor, day: date) -> int:
    _require_calendar_admin(actor)
    with transaction.atomic():
        row = CalendarOverride.objects.filter(day=day).first()
        if row is None:
            raise CalendarError("no such override", f"{day} 没有调整记录。")
        before = {"day": day.isoformat(), "is_workday": row.is_workday, "note": row.note}
        row.delete()
        changed = _announce_change()
        record(
            actor=actor,
            action=audit_codes.CALENDAR_CHANGE,
            object_type=CalendarOverride._meta.label_lower,
            object_id=day.isoformat(),
            before=before,
            after={"recomputed": changed},
        )
    return changed


def set_year_announced(*, actor: Actor, year: int, announced: bool, source: str = "") -> int:
    """Mark a year's 放假安排 as completely entered (its dates stop being 暂定), or unmark it."""
    _require_calendar_admin(actor)
    with transaction.atomic():
        if announced:
            AnnouncedYear.objects.update_or_create(year=year, defaults={"source": source.strip()})
        else:
            AnnouncedYear.objects.filter(year=year).delete()
        changed = _announce_change()
        record(
            actor=actor,
            action=audit_codes.CALENDAR_CHANGE,
            object_type=AnnouncedYear._meta.label_lower,
            object_id=str(year),
            after={"year": year, "announced": announced, "recomputed": changed},
        )
    return changed
