"""The writes that keep a campaign's documents (the engine builds them in `documents.py`): the
consolidated reports of a government and the 通报 draft, each kept as generated and audited."""

from __future__ import annotations

from django.db import transaction

from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor
from xxgk.web.rollup import audit_codes, documents, selectors
from xxgk.web.rollup.models import Campaign, ConsolidatedReport, Enrolment, Notice
from xxgk.web.rollup.permissions import require_supervisor
from xxgk.web.rollup.submission import acting_user


def generate_consolidated(
    *, actor: Actor, campaign: Campaign, enrolment: Enrolment
) -> list[ConsolidatedReport]:
    """Sum the parts into the 本级 and the 本行政区域 report, check both, and keep them."""
    require_supervisor(actor, campaign)
    built, parts, missing = documents.build_consolidated(campaign, enrolment)
    with transaction.atomic():
        stored = [
            ConsolidatedReport.objects.create(
                campaign=campaign,
                enrolment=enrolment,
                scope=scope,
                report=result.report.model_dump(mode="json"),
                included=list(result.included),
                missing=left_out,
                findings=[f.to_dict() for f in found],
                generated_by=acting_user(actor),
            )
            for scope, result, left_out, found in built
        ]
        record(
            actor=actor,
            action=audit_codes.CONSOLIDATE,
            obj=stored[-1],
            organisation=campaign.office,
            after={"unit": enrolment.unit.name, "parts": parts, "missing": missing},
        )
    return stored


def generate_notice(*, actor: Actor, campaign: Campaign) -> Notice:
    """The 通报 draft listing, per unit, what was found; kept as generated."""
    require_supervisor(actor, campaign)
    content, units = documents.notice_docx(campaign, selectors.board(actor, campaign), actor)
    with transaction.atomic():
        notice = Notice.objects.create(
            campaign=campaign, docx=content, units=units, generated_by=acting_user(actor)
        )
        record(
            actor=actor,
            action=audit_codes.NOTICE,
            obj=notice,
            organisation=campaign.office,
            after={"units": units},
        )
    return notice
