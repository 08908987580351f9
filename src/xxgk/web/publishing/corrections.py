"""Writes after publication: 更正 / 变更 (the working copy back to 草稿 and through the chain
again, readers keep the published text meanwhile) and 撤回."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from xxgk.web.orgs.actors import Actor
from xxgk.web.publishing import transitions as tr
from xxgk.web.publishing.errors import TransitionRefused
from xxgk.web.publishing.issuing import refresh_search_entry
from xxgk.web.publishing.models import Publication, RevisionKind
from xxgk.web.publishing.workflow import move, take


def start_correction(
    *, actor: Actor, publication: Publication, kind: RevisionKind, reason: str
) -> Publication:
    """更正 / 变更: the working copy returns to 草稿; readers keep the published text until the
    corrected one has been through the chain, and then both stay readable."""
    if kind not in (RevisionKind.CORRECTION, RevisionKind.CHANGE):
        raise TransitionRefused("bad kind", "请选择更正或变更。")
    if not reason.strip():
        raise TransitionRefused("no reason", "更正须写明原因。")
    with transaction.atomic():
        row = take(tr.CORRECT, publication, actor)
        row.correction_kind = kind
        row.correction_reason = reason.strip()[:300]
        move(row, actor, tr.CORRECT, step=None, kind=kind)
    return row


def withdraw(*, actor: Actor, publication: Publication, reason: str) -> Publication:
    """撤回: the record and its 索引号 stay; readers see that it was withdrawn and why."""
    if not reason.strip():
        raise TransitionRefused("no reason", "撤回须写明向公众说明的理由。")
    with transaction.atomic():
        row = take(tr.WITHDRAW, publication, actor)
        row.withdrawn_at = timezone.now()
        row.withdrawal_reason = reason.strip()[:300]
        row.correction_kind = row.correction_reason = ""
        move(row, actor, tr.WITHDRAW, step=None)
        refresh_search_entry(row)
    return row
