"""Reads of the jobs app: a user sees the jobs of the organisations they may see, and their own."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from xxgk.web.jobs.models import ACTIVE, Job
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.errors import NotVisible
from xxgk.web.orgs.scoping import visible_orgs


def jobs_for(user: Actor) -> QuerySet[Job]:
    staff = acting_user(user)
    if staff is None or not staff.is_active:
        return Job.objects.none()
    rows = Job.objects.select_related("organisation", "created_by")
    if staff.is_superuser:
        return rows
    return rows.filter(Q(organisation__in=visible_orgs(staff).values("pk")) | Q(created_by=staff))


def job_for(user: Actor, pk: int) -> Job:
    job = jobs_for(user).filter(pk=pk).first()
    if job is None:
        raise NotVisible()
    return job


def active_job(kind: str, key: str) -> Job | None:
    """The job of `kind` and `key` still queued, running or waiting to retry (at most one)."""
    return Job.objects.filter(kind=kind, key=key, status__in=ACTIVE).first()
