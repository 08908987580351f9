"""How a service takes a transition of `transitions.py` on a publication: the row locked in the
write's transaction, the transition checked on it (role, then state, then version), and the
move to the next state recorded with its audit event."""

from __future__ import annotations

from typing import Any

from xxgk.web.audit.services import record
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor
from xxgk.web.publishing import transitions as tr
from xxgk.web.publishing.errors import StaleVersion
from xxgk.web.publishing.models import Publication, State
from xxgk.web.statemachine import Transition


def locked(publication: Publication) -> Publication:
    """The publication's row, locked until the transaction ends."""
    return Publication.objects.select_for_update().select_related("organisation").get(pk=publication.pk)


def take(
    transition: Transition, publication: Publication, actor: Actor, *, expected_version: int | None = None
) -> Publication:
    """The locked row, refused unless `actor` may take `transition` now and the page showed the
    latest version (None: the page shows none)."""
    row = locked(publication)
    tr.check(transition, row, actor)
    check_version(row, expected_version, StaleVersion)
    return row


def move(
    row: Publication,
    actor: Actor,
    transition: Transition,
    *,
    step: int | None,
    state: State | None = None,
    **after: Any,
) -> None:
    """Save `row` in `state` (by default where `transition` leads) at review step `step`, one
    version on, and record the transition."""
    before = {"state": row.state, "step": row.step}
    state = state or State(transition.leads_to(State(row.state)))
    row.state = state
    row.step = step
    row.version += 1
    row.save()
    record(
        actor=actor,
        action=transition.audit_action,
        obj=row,
        organisation=row.organisation,
        before=before,
        after={"state": state.value, "step": step, **{k: str(v) for k, v in after.items()}},
    )
