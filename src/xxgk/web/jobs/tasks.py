"""Celery tasks of the platform: run one job record; submit a scheduled job (from `--beat`)."""

from __future__ import annotations

import logging
from typing import Any

from xxgk.web.jobs.celery_app import app

log = logging.getLogger(__name__)
MAX_RETRIES = 3


def backoff_seconds(retries: int) -> int:
    """Seconds before retry number `retries` + 1: 10, 20, 40 … at most 10 minutes."""
    return min(600, 10 * 2**retries)


@app.task(bind=True, name="xxgk.jobs.run", max_retries=MAX_RETRIES, acks_late=True)
def run_job(self: Any, job_id: int) -> str:
    from django.db import DatabaseError

    from xxgk.web.jobs import registry, services

    job = services.start(job_id)
    if job is None:
        return "skipped"
    try:
        result = registry.get(job.kind).run(services.ProgressWriter(job_id), **job.params)
    except (registry.Transient, DatabaseError) as exc:
        message = exc.message_zh if isinstance(exc, registry.Transient) else "数据库暂时不可用"
        if self.request.retries >= MAX_RETRIES:
            services.fail(job_id, f"重试 {MAX_RETRIES} 次后仍失败：{message}")
            return "failed"
        services.will_retry(job_id, f"第 {self.request.retries + 1} 次执行失败，稍后重试：{message}")
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries)) from exc
    except Exception:
        log.exception("job %s (%s) failed", job_id, job.kind)
        services.fail(job_id, "执行失败（程序内部错误），详情见服务器日志")
        return "failed"
    services.finish(job_id, result)
    return "succeeded"


@app.task(name="xxgk.jobs.scheduled")
def scheduled(kind: str) -> None:
    """Beat's entry: submit today's (or this hour's) job of `kind`; a second submission is a no-op."""
    from django.utils import timezone

    from xxgk.web.jobs.services import submit

    submit(kind, key=timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
