"""Writes on remedies: register, update (including the decision), void. Each checks the role,
runs in one transaction, locks the row and records its audit event (never the claimant's name)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xxgk.web.audit.services import record
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.remedies import audit_codes
from xxgk.web.remedies.models import Remedy

# Who may enter and update cases of their own agency.
EDIT_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.REVIEWER, Role.ADMIN)
EDITABLE_FIELDS = (
    "kind",
    "application",
    "case_number",
    "claimant_name",
    "deciding_body",
    "filed_on",
    "decided_on",
    "result",
    "note",
)
# Fields written to the audit log (the claimant's name is personal information).
_LOGGED = ("kind", "application_id", "case_number", "deciding_body", "filed_on", "decided_on", "result")


class EditConflict(ValidationError):
    """Someone saved the case since it was read (optimistic lock)."""

    def __init__(self) -> None:
        super().__init__("该案件已被他人修改，请刷新页面后重新填写。")


def register_remedy(*, actor: Actor, organisation: Organisation, **fields: Any) -> Remedy:
    """Enter a new case of `organisation`; ValidationError (Chinese) on bad input."""
    _only_editable(fields)
    require_role(actor, organisation, EDIT_ROLES)
    with transaction.atomic():
        remedy = Remedy(organisation=organisation, created_by=acting_user(actor), **fields)
        _normalise(remedy)
        remedy.full_clean()
        remedy.save()
        record(
            actor=actor,
            action=audit_codes.REGISTER,
            obj=remedy,
            organisation=organisation,
            after=_logged(remedy),
        )
    return remedy


def update_remedy(*, actor: Actor, remedy: Remedy, version: int, **changes: Any) -> Remedy:
    """Change a case (e.g. record its decision); `version` is the one the editor read."""
    _only_editable(changes)
    require_role(actor, remedy.organisation, EDIT_ROLES)
    with transaction.atomic():
        current = Remedy.objects.select_for_update().get(pk=remedy.pk)
        check_version(current, version, EditConflict)
        if current.voided:
            raise ValidationError("已作废的案件不能修改。")
        before, was = _logged(current), _snapshot(current)
        for field, value in changes.items():
            setattr(current, field, value)
        _normalise(current)
        current.full_clean()
        after = _logged(current)
        if _snapshot(current) != was:
            current.version += 1
            current.save()
            record(
                actor=actor,
                action=audit_codes.UPDATE,
                obj=current,
                organisation=current.organisation,
                before={k: v for k, v in before.items() if after[k] != v},
                after={k: v for k, v in after.items() if before[k] != v},
            )
    return current


def void_remedy(*, actor: Actor, remedy: Remedy, reason: str) -> Remedy:
    """Mark a wrongly entered case void (it is then counted nowhere); nothing is deleted."""
    require_role(actor, remedy.organisation, EDIT_ROLES)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"void_reason": "请填写作废原因。"})
    with transaction.atomic():
        current = Remedy.objects.select_for_update().get(pk=remedy.pk)
        if current.voided:
            return current
        current.voided, current.void_reason = True, reason[:200]
        current.version += 1
        current.save(update_fields=["voided", "void_reason", "version", "updated_at"])
        record(
            actor=actor,
            action=audit_codes.VOID,
            obj=current,
            organisation=current.organisation,
            after={"voided": True, "void_reason": current.void_reason},
        )
    return current


def _only_editable(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable fields of a remedy: {sorted(unknown)}")


def _normalise(remedy: Remedy) -> None:
    for field in ("case_number", "claimant_name", "deciding_body", "note"):
        setattr(remedy, field, (getattr(remedy, field) or "").strip())
    remedy.result = remedy.result or ""


def _logged(remedy: Remedy) -> dict[str, Any]:
    return {field: _plain(getattr(remedy, field)) for field in _LOGGED}


def _snapshot(remedy: Remedy) -> dict[str, Any]:
    return {
        field: getattr(remedy, field if field != "application" else "application_id")
        for field in EDITABLE_FIELDS
    }


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
