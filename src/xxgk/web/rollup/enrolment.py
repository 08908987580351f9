"""The register of reporting units per year and the opening of a campaign (the supervisors' writes)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation, OrgKind, Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.rollup import audit_codes
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import (
    Campaign,
    Enrolment,
    ReportingUnit,
    Submission,
)


def _anchor(
    unit: ReportingUnit, parent: ReportingUnit | None, year: int, office: Organisation
) -> Organisation:
    """The unit's own organisation, else its parent's anchor that year, else the office."""
    if unit.organisation is not None:
        return unit.organisation
    if parent is not None:
        return parent.enrolments.get(year=year).anchor
    return office


def register_unit(
    *,
    actor: Actor,
    office: Organisation,
    year: int,
    name: str,
    kind: str,
    parent: ReportingUnit | None = None,
    organisation: Organisation | None = None,
    consolidates: bool = False,
    order: int = 0,
) -> Enrolment:
    """Put a unit in the register of `year` (creating the unit if new); idempotent per unit and year.
    If the office's campaign of that year is open, the unit gets its submission."""
    require_role(actor, office, Role.SUPERVISOR)
    name = name.strip()
    if not name:
        raise RollupError("请填写单位名称。")
    if kind not in OrgKind.values:
        raise RollupError("单位类型不在可选范围内。")
    with transaction.atomic():
        unit = None
        if organisation is not None:
            unit = ReportingUnit.objects.filter(organisation=organisation).first()
        unit = unit or ReportingUnit.objects.filter(name=name).first()
        if unit is None:
            unit = ReportingUnit.objects.create(name=name, organisation=organisation)
        if parent is not None and not parent.enrolments.filter(year=year).exists():
            raise RollupError(f"上级单位「{parent}」未登记{year}年度。")
        enrolment = Enrolment.objects.filter(unit=unit, year=year).first()
        if enrolment is None:
            enrolment = Enrolment.objects.create(
                unit=unit,
                year=year,
                kind=kind,
                parent=parent,
                office=office,
                consolidates=consolidates,
                anchor=_anchor(unit, parent, year, office),
                order=order,
            )
            record(
                actor=actor,
                action=audit_codes.REGISTER_UNIT,
                obj=enrolment,
                organisation=office,
                after={
                    "unit": unit.name,
                    "year": year,
                    "kind": kind,
                    "parent": parent.name if parent else None,
                },
            )
        campaign = Campaign.objects.filter(office=office, year=year).first()
        if campaign is not None:
            Submission.objects.get_or_create(campaign=campaign, enrolment=enrolment)
    return enrolment


def open_campaign(
    *,
    actor: Actor,
    office: Organisation,
    year: int,
    internal_deadline: dt.date | None = None,
    internal_deadline_government: dt.date | None = None,
) -> Campaign:
    """Start collecting `year`'s reports from every unit in the office's register; idempotent."""
    require_role(actor, office, Role.SUPERVISOR)
    with transaction.atomic():
        campaign, created = Campaign.objects.get_or_create(
            office=office,
            year=year,
            defaults={
                "internal_deadline": internal_deadline,
                "internal_deadline_government": internal_deadline_government,
            },
        )
        for enrolment in Enrolment.objects.filter(office=office, year=year):
            Submission.objects.get_or_create(campaign=campaign, enrolment=enrolment)
        if created:
            record(
                actor=actor,
                action=audit_codes.OPEN_CAMPAIGN,
                obj=campaign,
                organisation=office,
                after={"year": year, "internal_deadline": str(internal_deadline or "")},
            )
    return campaign
