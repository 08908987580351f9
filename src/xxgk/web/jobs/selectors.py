"""Reads of the jobs app: a user sees the jobs of the organisations they may see, and their own."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from xxgk.web.jobs.models import Job
from xxgk.web.orgs.errors import NotVisible
from xxgk.web.orgs.scoping import visible_orgs


def jobs_for(user: Any) -> QuerySet[Job]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Job.objects.none()
    rows = Job.objects.select_related("organisation", "created_by")
    if user.is_superuser:
        return rows
    return rows.filter(Q(organisation__in=visible_orgs(user).values("pk")) | Q(created_by=user))


def job_for(user: Any, pk: int) -> Job:
    job = jobs_for(user).filter(pk=pk).first()
    if job is None:
        raise NotVisible()
    return job
