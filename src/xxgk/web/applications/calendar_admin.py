"""The working-day calendar table (法定节假日 and 调休 entered by the system administrator) and the
due dates it moves: every change recomputes the cached due date of the open cases."""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction

from xxgk import deadlines as core
from xxgk.web.applications import audit_codes
from xxgk.web.applications import transitions as tr
from xxgk.web.applications.calendar_table import current_calendar
from xxgk.web.applications.case_deadline import core_events, deadline_for
from xxgk.web.applications.errors import InvalidInput
from xxgk.web.applications.models import AnnouncedYear, Application, CalendarOverride
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor

log = logging.getLogger(__name__)


def _require_calendar_admin(actor: Actor) -> None:
    if not (actor is not None and actor.is_superuser and actor.is_active):
        from xxgk.web.orgs.errors import RoleRequired

        raise RoleRequired("系统管理员")


def set_calendar_day(*, actor: Actor, day: date, is_workday: bool, note: str) -> int:
    """Add or change one override; returns how many open cases' due dates changed."""
    _require_calendar_admin(actor)
    if not note.strip():
        raise InvalidInput("empty note", "请填写说明（如节日名称或调整原因）。")
    with transaction.atomic():
        row, _ = CalendarOverride.objects.update_or_create(
            day=day, defaults={"is_workday": is_workday, "note": note.strip()}
        )
        changed = refresh_due_dates()
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
            raise InvalidInput("no such override", f"{day} 没有调整记录。")
        before = {"day": day.isoformat(), "is_workday": row.is_workday, "note": row.note}
        row.delete()
        changed = refresh_due_dates()
        record(
            actor=actor,
            action=audit_codes.CALENDAR_CHANGE,
            object_type="applications.calendaroverride",
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
        changed = refresh_due_dates()
        record(
            actor=actor,
            action=audit_codes.CALENDAR_CHANGE,
            object_type="applications.announcedyear",
            object_id=str(year),
            after={"year": year, "announced": announced, "recomputed": changed},
        )
    return changed


def refresh_due_dates() -> int:
    """Recompute the cached due date of every open case from its events (after a calendar change);
    returns how many changed. Does not bump `version`: nothing a user edits changed."""
    calendar = current_calendar()
    cases = Application.objects.filter(received_on__isnull=False, state__in=list(tr.OPEN_STATES)).only(
        "id", "due_on", "due_provisional"
    )
    # One UPDATE per distinct new value: few (due dates cluster), however many cases move.
    changed: dict[tuple[date | None, bool], list[int]] = {}
    for case in cases.prefetch_related("events"):
        try:
            deadline = deadline_for(core_events(case), calendar)
        except core.DeadlineError:
            log.warning("case %s: its events no longer give a deadline", case.pk)
            continue
        due = deadline.due if deadline else None
        provisional = bool(deadline and deadline.provisional)
        if (due, provisional) != (case.due_on, case.due_provisional):
            changed.setdefault((due, provisional), []).append(case.pk)
    for (due, provisional), ids in changed.items():
        for start in range(0, len(ids), 1000):  # within any database's bound-parameter limit
            Application.objects.filter(pk__in=ids[start : start + 1000]).update(
                due_on=due, due_provisional=provisional
            )
    return sum(len(ids) for ids in changed.values())
