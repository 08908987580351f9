"""Reads of consultations, already limited to what the user may see (`orgs.scoping.scope`), plus
the public reads (tracking, published FAQ) and the yearly counts for section 一 and the API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet

from xxgk.deadlines import CONSULTATION_ANSWER_WORKING_DAYS, consultation_answer_due
from xxgk.web.applications.masking import mask, may_see_personal
from xxgk.web.applications.tracking import secret_matches
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.consultations.models import AnswerPeriod, Channel, Consultation, Status
from xxgk.web.consultations.services import STAFF_ROLES, answer_period
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Membership, Organisation, Role, User
from xxgk.web.orgs.scoping import get_visible, has_role, scope, visible_orgs
from xxgk.web.publishing.models import Publication
from xxgk.web.publishing.models import State as PublicationState
from xxgk.workdays import add_working_days, explain_zh

WORK_LIST_WORKING_DAYS = 2
PERSONAL_FIELDS = ("name", "phone", "email")
OUTCOME_ORDER = (Status.ANSWERED, Status.CONVERTED, Status.PENDING)
"""How section 一 lists outcomes: the settled ones first."""


def consultations_for(user: Actor) -> QuerySet[Consultation]:
    return scope(Consultation.objects.select_related("organisation", "answered_by", "application"), user)


def consultation_for(user: Actor, pk: int) -> Consultation:
    """One visible question, or NotVisible (404)."""
    return get_visible(
        Consultation.objects.select_related("organisation", "answered_by", "application"), user, pk=pk
    )


def pending(user: Actor) -> QuerySet[Consultation]:
    return consultations_for(user).filter(status=Status.PENDING).order_by("due_on", "id")


def due_soon(user: Actor, today: date, working_days: int = WORK_LIST_WORKING_DAYS) -> QuerySet[Consultation]:
    horizon = add_working_days(today, working_days, calendar=current_calendar()).due
    return pending(user).filter(due_on__gte=today, due_on__lte=horizon)


def overdue(user: Actor, today: date) -> QuerySet[Consultation]:
    return pending(user).filter(due_on__lt=today)


def work_counts(user: Actor, today: date) -> dict[str, int]:
    return {
        "pending": pending(user).count(),
        "due_soon": due_soon(user, today).count(),
        "overdue": overdue(user, today).count(),
    }


def personal_view(consultation: Consultation, user: Actor) -> dict[str, str]:
    """The asker's contact as `user` may see it (masked but for the answering agency's staff)."""
    visible = may_see_personal(user, consultation.organisation)
    return {
        field: getattr(consultation, field) if visible else mask(field, getattr(consultation, field))
        for field in PERSONAL_FIELDS
    }


def may_handle(user: Actor, consultation: Consultation) -> bool:
    return has_role(user, consultation.organisation, STAFF_ROLES)


def due_explanation(consultation: Consultation) -> list[str]:
    """How the due date was counted, day by day in summary (the agency's current period)."""
    due = consultation_answer_due(
        consultation.received_on, current_calendar(), answer_period(consultation.organisation)
    )
    return explain_zh(due)


def tracked(number: str, secret: str) -> Consultation | None:
    """The question with this number if `secret` is its secret; None otherwise (no hint which)."""
    row = (
        Consultation.objects.select_related("organisation", "application")
        .filter(number=number.strip())
        .first()
    )
    if row is None or not secret_matches(row.secret_hash, secret.strip()):
        return None
    return row


def reminder_questions(today: date, working_days: int) -> QuerySet[Consultation]:
    """Pending questions due within `working_days` working days or overdue (every agency)."""
    horizon = add_working_days(today, working_days, calendar=current_calendar()).due
    return (
        Consultation.objects.select_related("organisation")
        .filter(status=Status.PENDING, due_on__lte=horizon)
        .order_by("organisation_id", "due_on")
    )


def staff_to_remind(organisation: Organisation) -> QuerySet[User]:
    ids = Membership.objects.filter(organisation=organisation, role__in=STAFF_ROLES).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).exclude(email="").order_by("pk")


def staff_orgs(user: Actor) -> QuerySet[Organisation]:
    """Agencies where `user` may log and answer questions."""
    return _orgs_with_roles(user, STAFF_ROLES)


def admin_orgs(user: Actor) -> QuerySet[Organisation]:
    """Agencies whose answer period `user` may set (their administrators)."""
    return _orgs_with_roles(user, (Role.ADMIN,))


def _orgs_with_roles(user: Actor, roles: Iterable[str]) -> QuerySet[Organisation]:
    orgs = visible_orgs(user)
    person = acting_user(user)
    if person is None:
        return orgs.none()
    if person.is_superuser:
        return orgs
    ids = Membership.objects.filter(user=person, role__in=list(roles)).values("organisation_id")
    return orgs.filter(pk__in=ids)


@dataclass(frozen=True)
class PeriodRow:
    organisation: Organisation
    working_days: int
    is_default: bool
    # How a question received today would be counted: the same explanation as on a question's page.
    example: list[str]


def answer_periods(organisations: Iterable[Organisation], today: date) -> list[PeriodRow]:
    own = {
        row.organisation_id: row.working_days
        for row in AnswerPeriod.objects.filter(organisation__in=list(organisations))
    }
    calendar = current_calendar()
    rows = []
    for org in organisations:
        days = own.get(org.pk, CONSULTATION_ANSWER_WORKING_DAYS)
        example = explain_zh(consultation_answer_due(today, calendar, days))
        rows.append(PeriodRow(org, days, org.pk not in own, example))
    return rows


def yearly_counts(organisation_ids: Iterable[int], year: int) -> dict[int, dict[str, dict[str, int]]]:
    """Questions received in `year`, per organisation: {"channel": {key: n}, "status": {key: n},
    "total": {"total": n}}, every key present (zero when none). One grouped query."""
    ids = list(organisation_ids)
    counts: dict[int, dict[str, dict[str, int]]] = {
        pk: {
            "channel": dict.fromkeys(Channel.values, 0),
            "status": dict.fromkeys(Status.values, 0),
            "total": {"total": 0},
        }
        for pk in ids
    }
    rows = (
        Consultation.objects.filter(organisation_id__in=ids, received_on__year=year)
        .values("organisation_id", "channel", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        org = counts[row["organisation_id"]]
        org["channel"][row["channel"]] += row["n"]
        org["status"][row["status"]] += row["n"]
        org["total"]["total"] += row["n"]
    return counts


def published_faq(organisation: Organisation | None = None) -> QuerySet[Publication]:
    """常见问题 made from answers and published (through the review chain), newest first."""
    faq_ids = Consultation.objects.filter(faq__isnull=False).values("faq_id")
    rows = Publication.objects.filter(pk__in=faq_ids, state=PublicationState.PUBLISHED).select_related(
        "organisation"
    )
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.order_by("-published_at", "-id")


def yearly_counts_by_name(organisation_ids: Iterable[int], year: int) -> dict[int, dict[str, dict[str, int]]]:
    """`yearly_counts` keyed by the Chinese names section 一 prints: {"channel": {"电话": n},
    "outcome": {"已答复": n}} per organisation."""
    return {
        pk: {
            "channel": {Channel(key).label: n for key, n in counts["channel"].items()},
            "outcome": {status.label: counts["status"][status] for status in OUTCOME_ORDER},
        }
        for pk, counts in yearly_counts(organisation_ids, year).items()
    }
