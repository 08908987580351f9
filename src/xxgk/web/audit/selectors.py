"""Reads of the audit log, scoped to the organisations the user may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.scoping import visible_orgs


def events_visible_to(user: Actor) -> QuerySet[AuditEvent]:
    """Events of the user's visible organisations and the user's own, newest first
    (superusers see all, including system events)."""
    events = AuditEvent.objects.select_related("actor", "organisation")
    staff = acting_user(user)
    if staff is None:
        return events.none()
    if not staff.is_superuser:
        events = events.filter(Q(organisation__in=visible_orgs(staff).values("pk")) | Q(actor=staff))
    return events


def events_for_object(user: Actor, obj_type: str, obj_id: str) -> QuerySet[AuditEvent]:
    """The history of one object, as far as the user may see it."""
    return events_visible_to(user).filter(object_type=obj_type, object_id=obj_id)
