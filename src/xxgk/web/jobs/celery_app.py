"""The Celery application. Its broker comes from XXGK_CELERY_BROKER_URL (Redis in production,
e.g. redis://127.0.0.1:6379/0); without one, tasks run in-process at once (`task_always_eager`),
which is how the embedded demo works with no broker at all.

Importing this module does not import Django, so `xxgk extract --workers celery` stays light.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.schedules import crontab

BROKER_ENV = "XXGK_CELERY_BROKER_URL"
DEFAULT_QUEUE = "xxgk"


def broker_url() -> str | None:
    return os.environ.get(BROKER_ENV) or None


def configure(app: Celery, url: str | None) -> None:
    """Point `app` at broker `url` (results in the same Redis), or run eagerly when None."""
    app.conf.update(
        broker_url=url or "memory://localhost/",  # with a host, kombu logs no "No hostname" warning
        result_backend=url,
        task_always_eager=url is None,
        # An eager failure is recorded on the job (like on a worker), not raised into the caller.
        task_eager_propagates=False,
    )


app = Celery("xxgk", include=["xxgk.web.jobs.engine_tasks", "xxgk.web.jobs.tasks"])
app.conf.update(
    task_default_queue=DEFAULT_QUEUE,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    result_expires=24 * 3600,
    # A job is acknowledged when done, so a worker that dies mid-way leaves it to another one;
    # tasks are idempotent, so running one twice is harmless.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    timezone="Asia/Shanghai",
    # `xxgk worker --beat` runs these on schedule.
    beat_schedule={
        "reminders": {
            "task": "xxgk.jobs.scheduled",
            "schedule": crontab(hour=8, minute=0),
            "args": ["reminders"],
        },
        "publish-due": {"task": "xxgk.jobs.scheduled", "schedule": 300.0, "args": ["publish_due"]},
        "nightly-scan": {
            "task": "xxgk.jobs.scheduled",
            "schedule": crontab(hour=2, minute=30),
            "args": ["scan"],
        },
    },
)
configure(app, broker_url())
