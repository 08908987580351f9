"""Writes on organisations and roles. Each checks the actor's role, runs in one transaction and
records its audit event."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import login, logout
from django.db import transaction
from django.http import HttpRequest

from xxgk.web.audit.services import record
from xxgk.web.orgs import audit_codes
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Membership, Organisation, Role, User
from xxgk.web.orgs.scoping import require_role

CONTACT_FIELDS = (
    "address",
    "postcode",
    "phone",
    "fax",
    "email",
    "office_hours",
    "review_body",
    "court",
    "fee_payment",
)


def log_in(*, request: HttpRequest, user: User) -> None:
    """Start the staff session of an authenticated user."""
    with transaction.atomic():
        login(request, user)
        record(actor=user, action=audit_codes.LOGIN, obj=user)


def log_out(*, request: HttpRequest) -> None:
    with transaction.atomic():
        if request.user.is_authenticated:
            record(actor=request.user, action=audit_codes.LOGOUT, obj=request.user)
        logout(request)


def note_lockout(*, username: str) -> None:
    """Log that a (real) user name was just locked after repeated failures."""
    user = User.objects.filter(username=username).first()
    if user is not None:
        with transaction.atomic():
            record(actor=None, action=audit_codes.LOCKED_OUT, obj=user)


def update_organisation_contact(*, actor: Actor, organisation: Organisation, **changes: str) -> Organisation:
    """Change the contact details printed on documents (地址、邮编、电话、传真、邮箱、办公时间,
    the 行政复议机关 and court named in reply letters, and how to pay a fee).

    Only the organisation's 管理员 may; raises ValidationError with Chinese messages on bad input."""
    unknown = set(changes) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"not contact fields: {sorted(unknown)}")
    require_role(actor, organisation, Role.ADMIN)
    with transaction.atomic():
        org = Organisation.objects.select_for_update().get(pk=organisation.pk)
        before = {field: getattr(org, field) for field in changes}
        for field, value in changes.items():
            setattr(org, field, value.strip())
        org.full_clean()
        after = {field: getattr(org, field) for field in changes}
        if before != after:
            org.save(update_fields=list(changes))
            record(
                actor=actor,
                action=audit_codes.UPDATE_CONTACT,
                obj=org,
                organisation=org,
                before=_changed(before, after),
                after=_changed(after, before),
            )
    return org


def grant_role(*, actor: Actor, user: User, organisation: Organisation, role: Role) -> Membership:
    """Give `user` a role in `organisation` (管理员 of that organisation only); idempotent."""
    require_role(actor, organisation, Role.ADMIN)
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=organisation, role=role
        )
        if created:
            record(
                actor=actor,
                action=audit_codes.GRANT_ROLE,
                obj=membership,
                organisation=organisation,
                after={"user": user.get_username(), "role": role},
            )
    return membership


def revoke_role(*, actor: Actor, membership: Membership) -> None:
    """Take a role away (管理员 of the membership's organisation only)."""
    organisation = membership.organisation
    require_role(actor, organisation, Role.ADMIN)
    with transaction.atomic():
        record(
            actor=actor,
            action=audit_codes.REVOKE_ROLE,
            obj=membership,
            organisation=organisation,
            before={"user": membership.user.get_username(), "role": membership.role},
        )
        membership.delete()


def _changed(values: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if other.get(key) != value}
