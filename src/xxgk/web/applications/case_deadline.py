"""A case's stored events as the core's event values, and the deadline derived from them."""

from __future__ import annotations

from collections.abc import Iterable

from xxgk.deadlines import (
    EVENT_TYPES,
    CaseDeadline,
    CaseEvent,
    ConsultationStarted,
    CorrectionRequested,
    EventKind,
    Extended,
    Paused,
    Received,
    due_date_for,
)
from xxgk.web.applications.models import Application
from xxgk.web.applications.models import CaseEvent as CaseEventRow
from xxgk.workdays import WorkCalendar


def to_core(row: CaseEventRow) -> CaseEvent:
    """One stored row as the core's frozen event."""
    kind = EventKind(row.kind)
    if kind is EventKind.CORRECTION_REQUESTED:
        return CorrectionRequested(row.on, respond_by=row.respond_by)
    if kind is EventKind.CONSULTATION_STARTED:
        return ConsultationStarted(row.on, consulted=row.consulted or "第三方")
    if kind is EventKind.EXTENDED:
        return Extended(row.on, days=row.days or 0, reason=row.reason)
    if kind is EventKind.PAUSED:
        return Paused(row.on, reason=row.reason)
    return EVENT_TYPES[kind](row.on)  # type: ignore[call-arg]


def row_fields(event: CaseEvent) -> dict[str, object]:
    """The columns of a stored row for a core event (inverse of `to_core`)."""
    fields: dict[str, object] = {"kind": event.kind.value, "on": event.on}
    match event:
        case CorrectionRequested():
            fields["respond_by"] = event.respond_by
        case ConsultationStarted():
            fields["consulted"] = event.consulted
        case Extended():
            fields["days"], fields["reason"] = event.days, event.reason
        case Paused():
            fields["reason"] = event.reason
    return fields


def core_events(application: Application) -> list[CaseEvent]:
    return [to_core(row) for row in application.events.all()]


def deadline_for(events: Iterable[CaseEvent], calendar: WorkCalendar) -> CaseDeadline | None:
    """The deadline, or None before the receipt is confirmed (no clock runs yet)."""
    events = list(events)
    if not any(isinstance(event, Received) for event in events):
        return None
    return due_date_for(events, calendar)
