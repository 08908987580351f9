"""Publishing or correcting a report through the annual service rebuilds that year's open-data ZIP."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

import factories.annual as factories
from xxgk.web.annual import services
from xxgk.web.api import bulk
from xxgk.web.demo import DemoContext
from xxgk.web.jobs.models import Job, Status


def test_a_publication_rebuilds_the_years_bundle(
    demo: DemoContext, django_capture_on_commit_callbacks: Any
) -> None:
    org = demo.orgs["jgsw"]
    factories.figures_and_draft(demo, org, 2024, signed_on=dt.date(2025, 1, 20))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.publish(actor=demo.users["jgsw_qianfa"], organisation=org, year=2024)
        assert not Job.objects.filter(kind="opendata").exists()  # only once the publication commits
    job = Job.objects.get(kind="opendata", key="2024")
    assert job.status == Status.SUCCEEDED and job.result["reports"] == 1
    assert bulk.stored(2024).sha256 == job.result["sha256"]
