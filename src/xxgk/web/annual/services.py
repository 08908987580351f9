"""Writes of the annual report: yearly figures, the staff's draft, publication and corrections.

Each checks the role, runs in one transaction (rows locked, optimistic `version` where two staff
may edit the same thing) and records its audit event.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.findings import Finding
from xxgk.report import Report
from xxgk.web.annual import audit_codes
from xxgk.web.annual.assembly import assembled_report
from xxgk.web.annual.checking import check_report, errors_in
from xxgk.web.annual.corrections import changes_between
from xxgk.web.annual.errors import EditConflict, PublishBlocked
from xxgk.web.annual.figures_xlsx import read_figures
from xxgk.web.annual.models import Draft, PublishedVersion, YearlyFigures
from xxgk.web.annual.selectors import latest_version, published_report
from xxgk.web.annual.signals import report_published
from xxgk.web.audit.services import record
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import require_role

# Who may enter figures and write the draft; who may publish a report the checks pass; who may
# publish despite errors (签发).
EDIT_ROLES = (Role.HANDLER, Role.REVIEWER, Role.APPROVER, Role.ADMIN)
PUBLISH_ROLES = (Role.REVIEWER, Role.APPROVER)
OVERRIDE_ROLE = Role.APPROVER
FIRST_YEAR = 2021  # the 2021 format (国办公开办函〔2021〕30号) applies from the 2021 reports on


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise ValidationError(f"年度须在{FIRST_YEAR}年至今年之间。")


def save_figures(
    *, actor: Actor, organisation: Organisation, year: int, version: int, **values: int | Decimal | None
) -> YearlyFigures:
    """Set table 二's yearly figures; `version` is the one read (0 when none existed)."""
    unknown = set(values) - set(YearlyFigures.ROWS)
    if unknown:
        raise TypeError(f"not yearly figures: {sorted(unknown)}")
    require_role(actor, organisation, EDIT_ROLES)
    check_year(year)
    with transaction.atomic():
        figures = _locked(YearlyFigures, organisation, year, version)
        before = {key: _plain(getattr(figures, key)) for key in values}
        for key, value in values.items():
            setattr(figures, key, value)
        figures.full_clean(exclude=["organisation", "updated_by"])
        after = {key: _plain(getattr(figures, key)) for key in values}
        if figures.pk is None or before != after:
            figures.version += 1 if figures.pk else 0
            figures.updated_by = actor
            _save(figures)
            record(
                actor=actor,
                action=audit_codes.SAVE_FIGURES,
                obj=figures,
                organisation=organisation,
                before={k: v for k, v in before.items() if after[k] != v},
                after={"year": year, **{k: v for k, v in after.items() if before[k] != v}},
            )
    return figures


def import_figures(*, actor: Actor, organisation: Organisation, year: int, data: bytes) -> YearlyFigures:
    """Set the figures found in an XLSX workbook (others are kept); nothing is written on error."""
    require_role(actor, organisation, EDIT_ROLES)
    values = read_figures(data)
    with transaction.atomic():
        current = YearlyFigures.objects.filter(organisation=organisation, year=year).first()
        figures = save_figures(
            actor=actor,
            organisation=organisation,
            year=year,
            version=current.version if current else 0,
            **values,
        )
        record(
            actor=actor,
            action=audit_codes.IMPORT_FIGURES,
            obj=figures,
            organisation=organisation,
            after={"year": year, "rows": sorted(values)},
        )
    return figures


def save_draft(
    *,
    actor: Actor,
    organisation: Organisation,
    year: int,
    version: int,
    overview: str,
    problems: str,
    other_matters: str,
    signed_on: dt.date | None,
) -> Draft:
    """Save the staff's text of sections 一、五、六 and the date of signing."""
    require_role(actor, organisation, EDIT_ROLES)
    check_year(year)
    if signed_on is not None and signed_on <= dt.date(year, 12, 31):
        raise ValidationError({"signed_on": f"落款日期须在{year}年度结束之后。"})
    with transaction.atomic():
        draft = _locked(Draft, organisation, year, version)
        draft.overview, draft.problems, draft.other_matters = (
            overview.strip(),
            problems.strip(),
            other_matters.strip(),
        )
        draft.signed_on = signed_on
        draft.version += 1 if draft.pk else 0
        draft.updated_by = actor
        _save(draft)
        record(
            actor=actor,
            action=audit_codes.SAVE_DRAFT,
            obj=draft,
            organisation=organisation,
            after={"year": year, "signed_on": _plain(signed_on)},
        )
    return draft


def publish(
    *,
    actor: Actor,
    organisation: Organisation,
    year: int,
    override_reason: str = "",
    correction_reason: str = "",
) -> PublishedVersion:
    """Publish the report as assembled now, after every check of the engine.

    An error found blocks publication unless an approver (签发) gives `override_reason`, which is
    logged and kept with the version. A report already published is corrected by a new version:
    `correction_reason` is then required, and what changed is listed with it publicly.
    """
    require_role(actor, organisation, PUBLISH_ROLES)
    check_year(year)
    if timezone.localdate() <= dt.date(year, 12, 31):
        raise ValidationError(f"{year}年度尚未结束，年度报告只能在次年发布。")
    override_reason, correction_reason = override_reason.strip(), correction_reason.strip()
    with transaction.atomic():
        # Lock the draft row so two publications of one report cannot interleave.
        Draft.objects.select_for_update().filter(organisation=organisation, year=year).first()
        report = assembled_report(organisation, year)
        if report.signed_on is None:
            raise ValidationError("请先在草稿中填写落款日期，再发布。")
        findings = check_report(report, published_report(organisation, year - 1))
        errors = errors_in(findings)
        if errors and not override_reason:
            raise PublishBlocked(errors)
        if errors:
            require_role(actor, organisation, OVERRIDE_ROLE)
        previous = latest_version(organisation, year)
        changes: list[str] = []
        if previous is not None:
            changes = changes_between(Report.model_validate(previous.report), report)
            if not changes:
                raise ValidationError("报告内容与已公开的版本相同，无需更正。")
            if not correction_reason:
                raise ValidationError({"correction_reason": "更正已公开的报告须填写更正原因。"})
        version = PublishedVersion(
            organisation=organisation,
            year=year,
            number=previous.number + 1 if previous else 1,
            report=report.model_dump(mode="json"),
            findings=[f.to_dict() for f in findings],
            correction_reason=correction_reason if previous else "",
            changes=changes,
            override_reason=override_reason if errors else "",
            published_at=timezone.now(),
            published_by=acting_user(actor),
        )
        _save(version)
        summary = {"year": year, "number": version.number, "errors": _codes(errors)}
        action = audit_codes.CORRECT if previous else audit_codes.PUBLISH
        record(actor=actor, action=action, obj=version, organisation=organisation, after=summary)
        if errors:
            record(
                actor=actor,
                action=audit_codes.OVERRIDE,
                obj=version,
                organisation=organisation,
                after={**summary, "reason": override_reason},
            )
        transaction.on_commit(lambda: report_published.send(sender=PublishedVersion, version=version))
    return version


def _locked(
    model: type[YearlyFigures] | type[Draft], organisation: Organisation, year: int, version: int
) -> Any:
    current = model.objects.select_for_update().filter(organisation=organisation, year=year).first()
    if current is None:  # nothing saved yet: the page showed version 0
        if version != 0:
            raise EditConflict()
        return model(organisation=organisation, year=year, version=1)
    check_version(current, version, EditConflict)
    return current


def _save(obj: Any) -> None:
    """Save; a row created meanwhile by someone else (unique organisation and year, or version
    number) is the same conflict as a stale version."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise EditConflict() from None


def _codes(findings: list[Finding]) -> list[str]:
    return sorted({f.code for f in findings})


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if hasattr(value, "isoformat") else value
