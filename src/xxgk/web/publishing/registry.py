"""Writes on the registry of 规章 and 行政规范性文件: registering, changing 有效性, the
expiry run and 清理 batches. A service module of its own concern (role check, transaction, audit
event, as `drafting.py` and the others); the registry's reads are in `selectors.py` and `statute.py`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xxgk.web.audit.services import record
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing import audit_codes
from xxgk.web.publishing.chain import DRAFTER_ROLES
from xxgk.web.publishing.errors import StaleVersion, TransitionRefused
from xxgk.web.publishing.models import (
    CleanupBatch,
    CleanupEntry,
    CleanupOutcome,
    DocumentKind,
    PublishingProfile,
    RegulatoryDocument,
    Validity,
)

REGISTRY_ROLES = (*DRAFTER_ROLES, Role.ADMIN)
PROVISIONAL_MARKERS = ("暂行", "试行")
REMINDER_MONTHS = 6


def default_valid_until(
    organisation: Organisation, kind: str, title: str, effective_from: date
) -> date | None:
    """有效期: 5 years for a 规范性文件, 2 for a 暂行/试行 one (per agency, configurable); a 规章
    has none by default. The period ends the day before the same date N years on."""
    if kind != DocumentKind.NORMATIVE:
        return None
    profile = PublishingProfile.objects.filter(organisation=organisation).first()
    provisional = any(marker in title for marker in PROVISIONAL_MARKERS)
    years = (
        (profile.provisional_validity_years if provisional else profile.validity_years)
        if profile
        else (2 if provisional else 5)
    )
    return _add_years(effective_from, years) - timedelta(days=1)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def register_document(*, actor: Actor, organisation: Organisation, **fields: Any) -> RegulatoryDocument:
    """Enter a 规章 or 规范性文件; without an explicit 有效期 the default applies."""
    require_role(actor, organisation, REGISTRY_ROLES)
    amends = list(fields.pop("amends", ()))
    with transaction.atomic():
        document = RegulatoryDocument(organisation=organisation, **fields)
        if not document.issuing_organ:
            document.issuing_organ = organisation.name
        if document.valid_until is None and "valid_until" not in fields and document.effective_from:
            document.valid_until = default_valid_until(
                organisation, document.kind, document.title, document.effective_from
            )
        document.full_clean()
        document.save()
        for old in amends:
            if old.organisation_id != organisation.pk:
                raise ValidationError({"amends": "只能修改本机关的文件。"})
        document.amends.set(amends)
        record(
            actor=actor,
            action=audit_codes.REGISTER,
            obj=document,
            organisation=organisation,
            after={"kind": document.kind, "unified_number": document.unified_number},
        )
    return document


def change_validity(
    *,
    actor: Actor,
    document: RegulatoryDocument,
    status: Validity,
    on: date,
    reason: str,
    expected_version: int | None = None,
    replaced_by: RegulatoryDocument | None = None,
) -> RegulatoryDocument:
    """Declare a document 废止, 失效 or 已修改 from `on` (with the document that amends it)."""
    require_role(actor, document.organisation, REGISTRY_ROLES)
    if status not in Validity.values:
        raise TransitionRefused(f"unknown status {status!r}", "请选择有效性。")
    status = Validity(status)
    if status == Validity.EFFECTIVE:
        raise TransitionRefused("cannot restore", "已登记的有效性变更不能撤销，请登记新的文件。")
    if not reason.strip():
        raise TransitionRefused("no reason", "请写明变更依据（如 废止决定的文号）。")
    with transaction.atomic():
        row = RegulatoryDocument.objects.select_for_update().get(pk=document.pk)
        check_version(row, expected_version, StaleVersion)
        ended_on = row.repealed_on or row.lapsed_on
        if ended_on:
            raise TransitionRefused(
                "already ended",
                f"该文件已于{ended_on.isoformat()}{row.get_status_display()}。",
            )
        before = {"status": row.status}
        row.status = status
        row.repealed_on = on if status == Validity.REPEALED else None
        row.lapsed_on = on if status in (Validity.EXPIRED, Validity.AMENDED) else None
        row.status_reason = reason.strip()[:300]
        row.version += 1
        row.full_clean()
        row.save()
        if replaced_by is not None:
            if replaced_by.organisation_id != row.organisation_id:
                raise ValidationError({"replaced_by": "只能关联本机关的文件。"})
            replaced_by.amends.add(row)
        record(
            actor=actor,
            action=audit_codes.CHANGE_VALIDITY,
            obj=row,
            organisation=row.organisation,
            before=before,
            after={"status": status.value, "on": on.isoformat()},
        )
    return row


def expire_overdue(today: date) -> int:
    """Record 失效 for documents whose 有效期 has passed but are still marked 有效 (what
    readers already see, `validity_on`); run by the nightly scan. Returns how many."""
    count = 0
    with transaction.atomic():
        due = RegulatoryDocument.objects.select_for_update().filter(
            status=Validity.EFFECTIVE, repealed_on__isnull=True, lapsed_on__isnull=True, valid_until__lt=today
        )
        for row in due:
            row.status = Validity.EXPIRED
            assert row.valid_until is not None  # filtered on valid_until__lt
            lapsed_on = row.valid_until + timedelta(days=1)
            row.lapsed_on = lapsed_on
            row.status_reason = "有效期届满自动失效"
            row.version += 1
            row.save(update_fields=["status", "lapsed_on", "status_reason", "version", "updated_at"])
            record(
                actor=None,
                action=audit_codes.EXPIRE,
                obj=row,
                organisation=row.organisation,
                after={"lapsed_on": lapsed_on.isoformat()},
            )
            count += 1
    return count


def publish_cleanup(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    decided_on: date,
    outcomes: list[tuple[RegulatoryDocument, CleanupOutcome, str]],
) -> CleanupBatch:
    """A 清理 result published as such; 废止 and 失效 outcomes end the documents on `decided_on`."""
    require_role(actor, organisation, REGISTRY_ROLES)
    if not title.strip() or not outcomes:
        raise TransitionRefused("empty batch", "请填写清理结果名称并至少列出一件文件。")
    with transaction.atomic():
        batch = CleanupBatch.objects.create(
            organisation=organisation, title=title.strip(), decided_on=decided_on, published_at=timezone.now()
        )
        for document, outcome, note in outcomes:
            if document.organisation_id != organisation.pk:
                raise ValidationError({"outcomes": "清理只能包括本机关的文件。"})
            CleanupEntry.objects.create(batch=batch, document=document, outcome=outcome, note=note[:300])
            ending = {CleanupOutcome.REPEAL: Validity.REPEALED, CleanupOutcome.EXPIRE: Validity.EXPIRED}.get(
                outcome
            )
            if ending is not None:
                change_validity(
                    actor=actor, document=document, status=ending, on=decided_on, reason=f"{batch.title}"
                )
        record(
            actor=actor,
            action=audit_codes.CLEANUP,
            obj=batch,
            organisation=organisation,
            after={"entries": len(outcomes)},
        )
    return batch
