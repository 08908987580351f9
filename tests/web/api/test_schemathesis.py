"""Schemathesis against the OpenAPI document: generated requests to every operation (public and
with a token) get no server error and no answer that breaks the documented schema. Kept small
(a few examples per operation) so that it runs in seconds."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from xxgk.sample import balanced_report
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.api.models import Scope
from xxgk.web.api.services import create_token
from xxgk.web.demo import DemoContext


def _published(demo: DemoContext) -> None:
    org = demo.orgs["jgsw"]
    PublishedVersion.objects.create(
        organisation=org,
        year=2024,
        number=1,
        report=balanced_report(random.Random(1), year=2024, organization=org.name).model_dump(mode="json"),
        published_at=timezone.make_aware(dt.datetime(2025, 1, 20)),
        published_by=demo.users["szf_admin"],
    )


def test_api_conforms_to_its_schema(demo: DemoContext, settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path  # the bulk ZIP is written there
    _published(demo)
    _, token = create_token(actor=demo.users["zwgk_jiandu"], name="schemathesis", scope=Scope.WRITE)
    headers = {"Authorization": f"Bearer {token}"}
    # Called through the bare WSGI handler, Django would close the test's connection after each
    # request (the test client switches that off; do the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _check_every_operation(demo, headers)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _check_every_operation(demo: DemoContext, headers: dict[str, str]) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=headers)

        check()
        # Random ids mostly miss: check the answers on real objects too.
        names = {parameter.name for parameter in operation.path_parameters}
        known = {"agency_id": demo.orgs["jgsw"].pk, "year": 2024}
        if names and names <= set(known) and operation.method.upper() == "GET":
            case = operation.Case(path_parameters={name: known[name] for name in names})
            assert case.call_and_validate(headers=headers).status_code == 200, operation.path
