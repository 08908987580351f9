"""Writes of the jobs app: submitting a job (idempotent) and recording its run, step by step.

Submitting never runs the work inside the caller's transaction: the job is dispatched when the
transaction commits — to a Celery worker, or in-process when no broker is configured.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.web.audit.services import record
from xxgk.web.jobs import audit_codes, registry
from xxgk.web.jobs.models import ACTIVE, Job, Status
from xxgk.web.jobs.selectors import active_job
from xxgk.web.orgs.actors import Actor, acting_user


def submit(
    kind: str,
    *,
    key: str = "",
    params: Mapping[str, Any] | None = None,
    actor: Actor = None,
    organisation: Any = None,
) -> Job:
    """Queue a job of `kind`, or return the one of the same kind and key still pending or running."""
    registry.get(kind)  # an unknown kind is a programming error: fail here, not on the worker
    existing = active_job(kind, key)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                key=key,
                params=dict(params or {}),
                organisation=organisation,
                created_by=acting_user(actor),
            )
            record(
                actor=actor,
                action=audit_codes.JOB_SUBMITTED,
                obj=job,
                organisation=organisation,
                after={"kind": kind, "key": key},
            )
            transaction.on_commit(lambda: dispatch(job.pk))
    except IntegrityError:  # the same job was submitted at the same moment by someone else
        return Job.objects.get(kind=kind, key=key, status__in=ACTIVE)
    return job


def dispatch(job_id: int) -> None:
    from xxgk.web.jobs.tasks import run_job

    run_job.apply_async(args=[job_id])


def start(job_id: int) -> Job | None:
    """Mark a run of the job as started; None if it is already finished (run twice: no-op)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (Status.SUCCEEDED, Status.FAILED):
            return None
        job.status = Status.RUNNING
        job.attempts += 1
        job.started_at = job.started_at or timezone.now()
        job.save(update_fields=["status", "attempts", "started_at"])
    return job


class ProgressWriter:
    """The `Progress` given to a job's work: writes done/total at most twice a second."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._last = 0.0

    def __call__(self, done: int, total: int, step_zh: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.5:
            return
        self._last = now
        Job.objects.filter(pk=self.job_id).update(done=done, total=total, step_zh=step_zh[:200])


def finish(job_id: int, result: Any) -> None:
    Job.objects.filter(pk=job_id).update(
        status=Status.SUCCEEDED, result=result, error_zh="", step_zh="", finished_at=timezone.now()
    )


def will_retry(job_id: int, error_zh: str) -> None:
    Job.objects.filter(pk=job_id).update(status=Status.RETRYING, error_zh=error_zh)


def fail(job_id: int, error_zh: str) -> None:
    Job.objects.filter(pk=job_id).update(status=Status.FAILED, error_zh=error_zh, finished_at=timezone.now())
