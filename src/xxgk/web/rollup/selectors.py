"""Reads of the rollup app, already limited to what the user may see.

A supervisor (监督 over an organisation) sees the campaigns of offices in its subtree and the
units anchored there (`Enrolment.anchor`: the unit's own organisation, else its nearest platform
ancestor's); a unit's staff see their own unit's submissions only. Anything else is `NotVisible`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from xxgk import indicators
from xxgk.checks.campaign import (
    publication_deadline_findings,
    submission_deadline_findings,
)
from xxgk.deadlines import annual_report_due
from xxgk.findings import Finding
from xxgk.report import Report
from xxgk.web.annual import selectors as annual_selectors
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.consultations import selectors as consultation_selectors
from xxgk.web.consultations.models import Channel
from xxgk.web.consultations.models import Status as ConsultationStatus
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.errors import NotVisible
from xxgk.web.orgs.models import Membership, Role
from xxgk.web.orgs.scoping import has_role
from xxgk.web.rollup.models import (
    Campaign,
    ConsolidatedReport,
    Enrolment,
    Notice,
    ReviewFinding,
    Status,
    Submission,
)


def _visibility(user: Actor, prefix: str) -> Q | None:
    """Rows (reached through `prefix` + enrolment fields) the user may see; None means all."""
    staff = acting_user(user)
    if staff is None or not staff.is_active:
        return Q(pk__in=[])
    if staff.is_superuser:
        return None
    conditions = [Q(pk__in=[])]
    for org_id, path, role in Membership.objects.filter(user=staff).values_list(
        "organisation_id", "organisation__path", "role"
    ):
        if role == Role.SUPERVISOR:
            conditions.append(Q(**{f"{prefix}anchor__path__startswith": path}))
        else:
            conditions.append(Q(**{f"{prefix}unit__organisation_id": org_id}))
    return reduce(or_, conditions)


def _scoped(queryset: QuerySet, user: Actor, prefix: str) -> QuerySet:
    condition = _visibility(user, prefix)
    return queryset if condition is None else queryset.filter(condition)


def enrolments_for(user: Actor, *, year: int | None = None) -> QuerySet[Enrolment]:
    qs = Enrolment.objects.select_related("unit", "parent", "office")
    return _scoped(qs if year is None else qs.filter(year=year), user, "")


def submissions_for(user: Actor, campaign: Campaign | None = None) -> QuerySet[Submission]:
    qs = Submission.objects.select_related("campaign", "campaign__office", "enrolment", "enrolment__unit")
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return _scoped(qs, user, "enrolment__")


def campaigns_for(user: Actor) -> QuerySet[Campaign]:
    """Campaigns in which the user sees at least one unit."""
    visible = submissions_for(user).values("campaign_id")
    return Campaign.objects.select_related("office").filter(pk__in=visible).order_by("-year", "office__path")


def campaign_for(user: Actor, pk: int) -> Campaign:
    try:
        return campaigns_for(user).get(pk=pk)
    except Campaign.DoesNotExist:
        raise NotVisible() from None


def submission_for(user: Actor, pk: int) -> Submission:
    try:
        return submissions_for(user).select_related("current", "enrolment__parent").get(pk=pk)
    except Submission.DoesNotExist:
        raise NotVisible() from None


def finding_for(user: Actor, pk: int) -> ReviewFinding:
    visible = submissions_for(user).values("pk")
    try:
        return ReviewFinding.objects.select_related("submission", "submission__campaign").get(
            pk=pk, submission__in=visible
        )
    except ReviewFinding.DoesNotExist:
        raise NotVisible() from None


def current_findings(submission: Submission) -> QuerySet[ReviewFinding]:
    return submission.findings.filter(superseded=False).select_related("reviewed_by")


def report_of(submission: Submission) -> Report | None:
    return Report.model_validate(submission.current.report) if submission.current else None


def part_of(enrolment: Enrolment) -> Submission | None:
    """The unit's submission whose current version counts as its report for a consolidation or a
    parent's checks: one that was submitted and not returned (a returned report is being corrected)."""
    return (
        Submission.objects.filter(enrolment=enrolment, current__isnull=False)
        .exclude(status=Status.RETURNED)
        .select_related("current")
        .first()
    )


# --- one truth with the annual-report app -------------------------------------------------------


@dataclass(frozen=True)
class Publication:
    """What the annual app says of a platform submission: when the report was first published,
    which version the campaign holds and which one is the latest."""

    published_on: dt.date | None
    submitted_number: int | None
    latest_number: int | None

    @property
    def outdated(self) -> bool:
        """A correction was published after the version the campaign holds."""
        return (
            self.submitted_number is not None
            and self.latest_number is not None
            and self.latest_number > self.submitted_number
        )


def publications(submissions: Iterable[Submission]) -> dict[int, Publication]:
    """Submission id → its publication, read from the annual app for a version that is a published
    one (never a second copy), else the date recorded in the campaign (units off the platform)."""
    items = list(submissions)
    linked = {
        s.pk: s.current.published for s in items if s.current is not None and s.current.published is not None
    }
    first = annual_selectors.first_published_on({(v.organisation_id, v.year) for v in linked.values()})
    latest = annual_selectors.latest_numbers(
        {v.organisation for v in linked.values()}, {v.year for v in linked.values()}
    )
    result = {}
    for s in items:
        version = linked.get(s.pk)
        if version is None:
            result[s.pk] = Publication(s.published_on, None, None)
        else:
            key = (version.organisation_id, version.year)
            result[s.pk] = Publication(first.get(key), version.number, latest.get(key))
    return result


def publication_of(submission: Submission) -> Publication:
    return publications([submission])[submission.pk]


# --- the board ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardRow:
    submission: Submission
    deadline: dt.date
    statutory: dt.date
    flags: list[Finding]
    open_findings: int
    blocking: int
    publication: Publication

    @property
    def late(self) -> bool:
        return any(f.code in {"X-SUBMITTED-LATE", "X-NOT-SUBMITTED"} for f in self.flags)

    @property
    def unpublished(self) -> bool:
        return any(f.code in {"X-NOT-PUBLISHED", "X-PUBLISHED-LATE"} for f in self.flags)


def internal_deadline(campaign: Campaign, enrolment: Enrolment) -> dt.date | None:
    """The office's own time limit: the governments' (their 本级 report is due 3月31日) or the units'."""
    return campaign.internal_deadline_government if enrolment.consolidates else campaign.internal_deadline


def deadline_flags(
    submission: Submission, today: dt.date | None = None, publication: Publication | None = None
) -> list[Finding]:
    """Late or missing submission and publication, recomputed from the dates (never stored); the
    publication date of a platform report is the annual app's."""
    today = today or timezone.localdate()
    publication = publication or publication_of(submission)
    enrolment, campaign = submission.enrolment, submission.campaign
    internal = internal_deadline(campaign, enrolment)
    return submission_deadline_findings(
        year=campaign.year,
        consolidated=enrolment.consolidates,
        internal=internal,
        submitted_on=submission.first_submitted_on,
        today=today,
    ) + publication_deadline_findings(
        year=campaign.year,
        consolidated=enrolment.consolidates,
        published_on=publication.published_on,
        today=today,
    )


def board(user: Actor, campaign: Campaign, today: dt.date | None = None) -> list[BoardRow]:
    """Every visible unit of the campaign with its status, lateness and open findings."""
    qs = (
        submissions_for(user, campaign)
        .annotate(
            open_count=Count(
                "findings",
                filter=Q(findings__superseded=False)
                & ~Q(findings__review="dismissed")
                & ~Q(findings__rectification="closed"),
            ),
            blocking_count=Count(
                "findings",
                filter=Q(findings__superseded=False, findings__blocks_review=True)
                & ~Q(findings__review="dismissed"),
            ),
        )
        .select_related("current__published")
        .order_by("enrolment__order", "enrolment__unit__name")
    )
    rows = []
    published = publications(qs)
    for submission in qs:
        enrolment = submission.enrolment
        internal = internal_deadline(campaign, enrolment)
        statutory = annual_report_due(campaign.year, consolidated=enrolment.consolidates)
        rows.append(
            BoardRow(
                submission,
                internal or statutory,
                statutory,
                deadline_flags(submission, today, published[submission.pk]),
                submission.open_count,
                submission.blocking_count,
                published[submission.pk],
            )
        )
    return rows


def status_counts(rows: Iterable[BoardRow]) -> list[tuple[str, int]]:
    counts = {status.label: 0 for status in Status}
    for row in rows:
        counts[Status(row.submission.status).label] += 1
    return list(counts.items())


# --- indicators ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    submission: Submission
    values: dict[str, indicators.Value]
    previous: dict[str, indicators.Value] | None
    ranks: dict[str, int]

    def change(self, key: str) -> str:
        return indicators.change(self.values[key], self.previous[key] if self.previous else None)


def reports_in(user: Actor, campaign: Campaign) -> dict[Submission, dict[str, Any]]:
    """The current report (engine JSON) of every visible unit that has submitted one."""
    qs = submissions_for(user, campaign).filter(current__isnull=False).select_related("current")
    return {s: s.current_version.report for s in qs.order_by("enrolment__order", "enrolment__unit__name")}


def previous_reports(units: Iterable[int], year: int) -> dict[int, dict[str, Any]]:
    """Last year's current report (engine JSON) per unit id, whichever campaign collected it."""
    qs = Submission.objects.filter(
        enrolment__unit_id__in=list(units), enrolment__year=year - 1, current__isnull=False
    ).values_list("enrolment__unit_id", "current__report")
    return dict(qs)


def indicator_table(user: Actor, campaign: Campaign) -> tuple[list[IndicatorRow], dict[str, Any]]:
    """Per unit: each indicator, its change on last year and its rank; and the campaign's medians."""
    reports = reports_in(user, campaign)
    before = previous_reports((s.enrolment.unit_id for s in reports), campaign.year)
    values = {s: indicators.compute_all(r) for s, r in reports.items()}
    ranks = {
        i.key: indicators.ranking({s.pk: v[i.key] for s, v in values.items()}) for i in indicators.INDICATORS
    }
    rows = [
        IndicatorRow(
            s,
            v,
            indicators.compute_all(before[s.enrolment.unit_id]) if s.enrolment.unit_id in before else None,
            {key: ranks[key][s.pk] for key in ranks if s.pk in ranks[key]},
        )
        for s, v in values.items()
    ]
    medians = {
        i.key: indicators.display_number(i, indicators.median(v[i.key] for v in values.values()))
        for i in indicators.INDICATORS
    }
    return rows, medians


@dataclass(frozen=True)
class ConsultationRow:
    unit: str
    by_channel: list[int]  # in `Channel` order
    by_outcome: list[int]  # in `OUTCOME_ORDER`
    total: int


@dataclass(frozen=True)
class ConsultationFigures:
    channels: list[str]
    outcomes: list[str]
    rows: list[ConsultationRow]
    total: ConsultationRow
    off_platform: int  # visible units not on the platform: their questions are not counted here


def consultation_figures(user: Actor, campaign: Campaign) -> ConsultationFigures:
    """Questions received in the campaign's year by each visible unit on the platform, by channel and
    by outcome, and their sum (one grouped query: `consultations.selectors.yearly_counts`)."""
    enrolments = [
        s.enrolment
        for s in submissions_for(user, campaign).order_by("enrolment__order", "enrolment__unit__name")
    ]
    on_platform = [(e.unit.name, org) for e in enrolments if (org := e.unit.organisation_id) is not None]
    counts = consultation_selectors.yearly_counts((org for _, org in on_platform), campaign.year)

    def row(name: str, figures: list[dict[str, dict[str, int]]]) -> ConsultationRow:
        return ConsultationRow(
            name,
            [sum(f["channel"][key] for f in figures) for key in Channel.values],
            [sum(f["status"][key] for f in figures) for key in consultation_selectors.OUTCOME_ORDER],
            sum(sum(f["channel"].values()) for f in figures),  # each question has one channel
        )

    rows = [row(name, [counts[org]]) for name, org in on_platform]
    return ConsultationFigures(
        channels=list(Channel.labels),
        outcomes=[ConsultationStatus(key).label for key in consultation_selectors.OUTCOME_ORDER],
        rows=rows,
        total=row("合计", list(counts.values())),
        off_platform=len(enrolments) - len(on_platform),
    )


def trends(
    user: Actor, campaign: Campaign, key: str, years: int = 5
) -> dict[str, list[tuple[int, float | None]]]:
    """One indicator per visible unit over the last `years` years (for the trend chart)."""
    indicator = indicators.BY_KEY[key]
    units = submissions_for(user, campaign).values("enrolment__unit_id")
    qs = (
        Submission.objects.filter(
            enrolment__unit_id__in=units,
            enrolment__year__gt=campaign.year - years,
            enrolment__year__lte=campaign.year,
            current__isnull=False,
        )
        .select_related("current", "enrolment__unit")
        .order_by("enrolment__unit__name", "enrolment__year")
    )
    series: dict[str, list[tuple[int, float | None]]] = {}
    for s in qs:
        value = indicators.compute(indicator, s.current_version.report)
        number = float(value.value) if value.value is not None and not value.small_sample else None
        series.setdefault(s.enrolment.unit.name, []).append((s.enrolment.year, number))
    return series


def consolidated_for(user: Actor, campaign: Campaign) -> QuerySet[ConsolidatedReport]:
    visible = enrolments_for(user, year=campaign.year).values("pk")
    return campaign.consolidated.filter(enrolment__in=visible).select_related("enrolment__unit")


def consolidated_report_for(user: Actor, pk: int) -> ConsolidatedReport:
    visible = enrolments_for(user).values("pk")
    try:
        return ConsolidatedReport.objects.select_related("campaign", "enrolment__unit").get(
            pk=pk, enrolment__in=visible
        )
    except ConsolidatedReport.DoesNotExist:
        raise NotVisible() from None


def notices_for(user: Actor, campaign: Campaign) -> QuerySet[Notice]:
    """通报 drafts: for the campaign's supervisors only (they name every unit)."""
    if not has_role(user, campaign.office, Role.SUPERVISOR):
        return campaign.notices.none()
    return campaign.notices.all()


def notice_for(user: Actor, pk: int) -> Notice:
    notice = Notice.objects.select_related("campaign__office").filter(pk=pk).first()
    if notice is None or not notices_for(user, notice.campaign).filter(pk=pk).exists():
        raise NotVisible()
    return notice


def published_version(submission: Submission) -> PublishedVersion | None:
    """The unit's report on the campaign's year as last published in the annual app (None off the
    platform or before publication)."""
    org = submission.enrolment.unit.organisation
    if org is None:
        return None
    return annual_selectors.latest_version(org, submission.campaign.year)


def draft_report(submission: Submission) -> Report | None:
    return None if submission.draft is None else Report.model_validate(submission.draft)
