"""Masked forms of an applicant's personal data, for everyone but the handling agency's staff."""

from __future__ import annotations

from typing import Any

from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import roles_in

PERSONAL_FIELDS = ("name", "id_number", "contact_person", "phone", "email", "address", "postcode")
_OPERATIONAL = {Role.REGISTRAR, Role.HANDLER, Role.REVIEWER, Role.APPROVER, Role.ADMIN}


def may_see_personal(user: Actor, organisation: Organisation) -> bool:
    """Staff holding an operational role in the handling agency itself (监督 sees masked)."""
    staff = acting_user(user)
    if staff is not None and staff.is_superuser and staff.is_active:
        return True
    return bool(_OPERATIONAL & roles_in(user, organisation))


def _keep(text: str, head: int, tail: int) -> str:
    if len(text) <= head + tail:
        return text[:1] + "*" * max(len(text) - 1, 0)
    return text[:head] + "*" * (len(text) - head - tail) + (text[-tail:] if tail else "")


def mask(field: str, value: str) -> str:
    """`value` of personal `field` with most characters replaced by *."""
    if not value:
        return value
    if field == "name" or field == "contact_person":
        return _keep(value, 1, 0)
    if field == "id_number":
        return _keep(value, 3, 2)
    if field == "phone":
        return _keep(value, 3, 2)
    if field == "email":
        local, _, domain = value.partition("@")
        return f"{_keep(local, 1, 0)}@{domain}" if domain else _keep(value, 1, 0)
    if field == "address":
        return value[:6] + "****" if len(value) > 6 else _keep(value, 1, 0)
    return "*" * len(value)


def personal_view(application: Any, user: Actor) -> dict[str, str]:
    """The personal fields of `application` as `user` may see them."""
    visible = may_see_personal(user, application.organisation)
    return {
        field: getattr(application, field) if visible else mask(field, getattr(application, field))
        for field in PERSONAL_FIELDS
    }
