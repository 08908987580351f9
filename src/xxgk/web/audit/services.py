"""`record()`: the one way an audit event is written, inside the caller's transaction."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.db import models, transaction

from xxgk.web.audit import audit_codes
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.actors import Actor, acting_user

# Keys that would carry an applicant's personal information; such values never enter the log.
_PERSONAL_KEY = re.compile(
    r"applicant|requester|id_?(card|number|no)|identity|passport|password|mobile|personal|姓名|身份证|手机",
    re.IGNORECASE,
)


class PersonalDataInAuditError(ValueError):
    """A caller tried to log a field that may hold personal information."""


def record(
    *,
    actor: Actor,
    action: str,
    obj: models.Model | None = None,
    organisation: Any = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    object_type: str = "",
    object_id: str = "",
) -> AuditEvent:
    """Append one event. Must run inside `transaction.atomic()` so it commits or rolls back with
    the change it describes. `actor` is the acting user, or None for the system (CLI, loaders).
    `before`/`after` hold non-personal fields only; keys that look personal are refused."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record() must be called inside transaction.atomic()")
    if not audit_codes.is_defined(action):
        raise ValueError(f"undeclared audit action {action!r}; declare it with audit.audit_codes.define()")
    for payload in (before, after):
        _refuse_personal_keys(payload)
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    actor_user = acting_user(actor)
    return AuditEvent.objects.create(
        actor=actor_user,
        actor_name=actor_user.get_username() if actor_user else "",
        action=action,
        object_type=object_type,
        object_id=object_id,
        organisation=organisation,
        before=dict(before) if before is not None else None,
        after=dict(after) if after is not None else None,
    )


def _refuse_personal_keys(payload: Any) -> None:
    if isinstance(payload, Mapping):
        for key, value in payload.items():
            if _PERSONAL_KEY.search(str(key)):
                raise PersonalDataInAuditError(f"field {key!r} may hold personal data and cannot be logged")
            _refuse_personal_keys(value)
    elif isinstance(payload, list | tuple):
        for item in payload:
            _refuse_personal_keys(item)
