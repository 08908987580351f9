"""Reads of applications, already limited to what the user may see (`orgs.scoping.scope`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from xxgk import deadlines
from xxgk.deadlines import CaseDeadline, DeadlineError, EventKind
from xxgk.web.applications.case_deadline import core_events, deadline_for
from xxgk.web.applications.models import (
    Application,
    Attachment,
    Letter,
    State,
)
from xxgk.web.applications.tracking import secret_matches
from xxgk.web.applications.transitions import OPEN_STATES
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Organisation, Role, User
from xxgk.web.orgs.scoping import get_visible, scope, visible_orgs
from xxgk.workdays import add_working_days

WORK_LIST_WORKING_DAYS = 5


def applications_for(user: Actor) -> QuerySet[Application]:
    return scope(Application.objects.select_related("organisation", "handler"), user)


def application_for(user: Actor, pk: int) -> Application:
    """One visible case, or NotVisible (404)."""
    return get_visible(Application.objects.select_related("organisation", "handler"), user, pk=pk)


def letter_for(user: Actor, pk: int) -> Letter:
    return get_visible(
        Letter.objects.select_related("application__organisation"),
        user,
        org_field="application__organisation",
        pk=pk,
    )


def _open(queryset: QuerySet[Application]) -> QuerySet[Application]:
    return queryset.filter(received_on__isnull=False, state__in=list(OPEN_STATES))


def open_cases(user: Actor) -> QuerySet[Application]:
    return _open(applications_for(user))


def awaiting_receipt(user: Actor) -> QuerySet[Application]:
    """Online applications whose receipt date staff have not confirmed yet."""
    return applications_for(user).filter(state=State.SUBMITTED).order_by("submitted_at")


def due_within(user: Actor, today: date, working_days: int = WORK_LIST_WORKING_DAYS) -> QuerySet[Application]:
    """Open cases due from today up to `working_days` working days ahead."""
    horizon = add_working_days(today, working_days, calendar=current_calendar()).due
    return open_cases(user).filter(due_on__gte=today, due_on__lte=horizon).order_by("due_on", "id")


def overdue(user: Actor, today: date) -> QuerySet[Application]:
    return open_cases(user).filter(due_on__lt=today).order_by("due_on", "id")


def by_handler(user: Actor, handler: Any) -> QuerySet[Application]:
    """Open cases of one handler (`handler` None: the unassigned ones)."""
    return open_cases(user).filter(handler=handler).order_by("due_on", "id")


def handler_load(user: Actor, today: date) -> list[dict[str, Any]]:
    """Open cases per handler (and unassigned), with how many are overdue: the "by handler" list."""
    rows = (
        open_cases(user)
        .values("handler", "handler__username", "handler__last_name", "handler__first_name")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due_on__lt=today)))
        .order_by("-overdue", "-open")
    )
    return [
        {
            "handler": row["handler"],
            "name": f"{row['handler__last_name']}{row['handler__first_name']}（{row['handler__username']}）"
            if row["handler"]
            else "未指定承办人",
            "open": row["open"],
            "overdue": row["overdue"],
        }
        for row in rows
    ]


def consultation_due(application: Application) -> date | None:
    """While a consultation is open: the last day of the third party's 15 working days (第三十二条)."""
    if application.state != State.CONSULTING:
        return None
    started = application.events.filter(kind=EventKind.CONSULTATION_STARTED).order_by("-on", "-id").first()
    if started is None:
        return None
    return deadlines.third_party_opinion_due(started.on, current_calendar()).due


def search(
    user: Actor, *, state: str = "", organisation: int | None = None, query: str = ""
) -> QuerySet[Application]:
    """The case list with its filters; `query` matches the tracking number only (not personal data)."""
    cases = applications_for(user)
    if state == "open":
        cases = _open(cases)
    elif state:
        cases = cases.filter(state=state)
    if organisation:
        cases = cases.filter(organisation_id=organisation)
    if query.strip():
        cases = cases.filter(number__icontains=query.strip())
    return cases


def case_deadline_of(application: Application) -> CaseDeadline | None:
    """The live deadline with its explanation (None before receipt, or if the log is inconsistent)."""
    try:
        return deadline_for(core_events(application), current_calendar())
    except DeadlineError:
        return None


def reminder_cases(today: date, working_days: int) -> QuerySet[Application]:
    """Open cases with a handler, due within `working_days` working days or overdue (every agency)."""
    horizon = add_working_days(today, working_days, calendar=current_calendar()).due
    return (
        _open(Application.objects.select_related("organisation", "handler"))
        .filter(handler__isnull=False, due_on__lte=horizon)
        .order_by("handler_id", "due_on")
    )


def tracked(number: str, secret: str) -> Application | None:
    """The case with this tracking number if `secret` is its secret; None otherwise (no hint which)."""
    case = Application.objects.select_related("organisation").filter(number=number.strip()).first()
    if case is None or not secret_matches(case.secret_hash, secret.strip()):
        return None
    return case


def work_counts(user: Actor, today: date) -> dict[str, int]:
    """Numbers for the dashboard widget."""
    mine = Q(handler=user) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
    return {
        "awaiting_receipt": awaiting_receipt(user).count(),
        "due_soon": due_within(user, today).count(),
        "overdue": overdue(user, today).count(),
        "mine": open_cases(user).filter(mine).count(),
    }


def attachment_for(user: Actor, pk: int) -> Attachment:
    return get_visible(
        Attachment.objects.select_related("application__organisation"),
        user,
        org_field="application__organisation",
        pk=pk,
    )


def registering_orgs(user: Actor) -> QuerySet[Organisation]:
    """The organisations where `user` may register applications (登记 or 承办 there)."""
    staff = acting_user(user)
    if staff is None:
        return Organisation.objects.none()
    if staff.is_superuser:
        return visible_orgs(staff)
    return (
        visible_orgs(staff)
        .filter(memberships__user=staff, memberships__role__in=[Role.REGISTRAR, Role.HANDLER])
        .distinct()
    )


def handlers_of(organisation: Organisation) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True, memberships__organisation=organisation, memberships__role=Role.HANDLER
    ).distinct()
