"""Reads of the calendar table, and the table as a `WorkCalendar` for the core's date arithmetic."""

from __future__ import annotations

from django.db.models import QuerySet

from xxgk.web.calendar.models import AnnouncedYear, CalendarOverride
from xxgk.workdays import Override, WorkCalendar


def current_calendar() -> WorkCalendar:
    """chinesecalendar plus every override and announced year in the database, read now."""
    overrides = {
        row.day: Override(is_workday=row.is_workday, note=row.note) for row in CalendarOverride.objects.all()
    }
    years = AnnouncedYear.objects.values_list("year", flat=True)
    return WorkCalendar(overrides, announced_years=list(years))


def calendar_overrides() -> QuerySet[CalendarOverride]:
    return CalendarOverride.objects.all()


def announced_years() -> QuerySet[AnnouncedYear]:
    return AnnouncedYear.objects.all()
