"""What a change to the working-day calendar does to cases: the cached due date of every open case
is recomputed from its events (received by `calendar_changed`, inside the change's transaction)."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from xxgk import deadlines as core
from xxgk.web.applications import transitions as tr
from xxgk.web.applications.case_deadline import core_events, deadline_for
from xxgk.web.applications.models import Application
from xxgk.web.calendar.selectors import current_calendar

log = logging.getLogger(__name__)


def refresh_due_dates(**_signal: Any) -> int:
    """Recompute the cached due date of every open case; returns how many changed. Does not bump
    `version`: nothing a user edits changed."""
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
