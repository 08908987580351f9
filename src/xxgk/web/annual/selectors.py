"""Reads of the annual report: the report assembled from data, the published versions, and the
cases behind each number (drill-down). Staff reads are scoped; the public ones show only what
was published."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Max, QuerySet
from django.utils import timezone

from xxgk.report import Report
from xxgk.web.annual import assembly
from xxgk.web.annual.models import Draft, PublishedVersion, YearlyFigures
from xxgk.web.annual.table3 import cell_condition
from xxgk.web.applications.models import Application
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation
from xxgk.web.orgs.scoping import scope


def assembled_report(organisation: Organisation, year: int) -> Report:
    """The report on `year` as the data stand now (not scoped: the caller has checked access)."""
    return assembly.assembled_report(organisation, year)


def prefilled_sections(organisation: Organisation, year: int) -> dict[int, str]:
    """Sections 一、五、六 as drafted from the data (what the staff's empty fields fall back to)."""
    return assembly.prefilled_sections(organisation, year)


def latest_version(organisation: Organisation, year: int) -> PublishedVersion | None:
    return PublishedVersion.objects.filter(organisation=organisation, year=year).order_by("-number").first()


def published_report(organisation: Organisation, year: int) -> Report | None:
    """The report as last published (its latest correction), or None if never published."""
    version = latest_version(organisation, year)
    return Report.model_validate(version.report) if version is not None else None


def versions_of(organisation: Organisation, year: int) -> QuerySet[PublishedVersion]:
    """Every published version, first to last (public: the 更正说明 are shown)."""
    return PublishedVersion.objects.filter(organisation=organisation, year=year).order_by("number")


def version_of(organisation: Organisation, year: int, number: int) -> PublishedVersion | None:
    return versions_of(organisation, year).filter(number=number).first()


def latest_numbers(organisations: Iterable[Organisation], years: Iterable[int]) -> dict[tuple[int, int], int]:
    """(organisation id, year) → the number of its latest published version, where there is one."""
    rows = (
        PublishedVersion.objects.filter(organisation__in=list(organisations), year__in=list(years))
        .values("organisation_id", "year")
        .order_by()
        .annotate(latest=Max("number"))
    )
    return {(row["organisation_id"], row["year"]): row["latest"] for row in rows}


def first_published_on(keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], dt.date]:
    """(organisation id, year) → the local date its report was first published (version 1)."""
    wanted = set(keys)
    if not wanted:
        return {}
    rows = PublishedVersion.objects.filter(
        number=1,
        organisation_id__in={org for org, _ in wanted},
        year__in={year for _, year in wanted},
    ).values_list("organisation_id", "year", "published_at")
    return {(org, year): timezone.localdate(at) for org, year, at in rows if (org, year) in wanted}


def published_years() -> dict[int, list[int]]:
    """Organisation id → the years it has published, newest first (public)."""
    years: dict[int, list[int]] = {}
    rows = PublishedVersion.objects.values_list("organisation_id", "year").distinct().order_by("-year")
    for org_id, year in rows:
        years.setdefault(org_id, []).append(year)
    return years


def draft_of(organisation: Organisation, year: int) -> Draft | None:
    return Draft.objects.filter(organisation=organisation, year=year).first()


def figures_of(organisation: Organisation, year: int) -> YearlyFigures | None:
    return YearlyFigures.objects.filter(organisation=organisation, year=year).first()


def counted_applications(
    user: Actor, organisation: Organisation, year: int, row: str, column: str
) -> QuerySet[Application]:
    """The applications behind one cell of table 三 (KeyError for an unknown cell), scoped."""
    rows = Application.objects.filter(cell_condition(row, column, year), organisation=organisation)
    return scope(rows, user).order_by("received_on", "pk")
