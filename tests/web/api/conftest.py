"""Fixtures of the API tests: a client, personal tokens of demo users, generous rate limits."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from xxgk.sample import balanced_report
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.api.models import Scope
from xxgk.web.api.services import create_token
from xxgk.web.demo import DemoContext


@pytest.fixture(autouse=True)
def _rates(settings: Any) -> None:
    settings.XXGK_API_RATE_ANON = "10000/min"
    settings.XXGK_API_RATE_TOKEN = "10000/min"
    cache.clear()


@pytest.fixture
def api() -> Client:
    return Client()


@pytest.fixture
def token_of(demo: DemoContext) -> Callable[..., dict[str, str]]:
    """Headers carrying a fresh token of the demo user `username`."""

    def make(username: str, scope: Scope = Scope.READ) -> dict[str, str]:
        _, text = create_token(actor=demo.users[username], name="测试", scope=scope)
        return {"Authorization": f"Bearer {text}"}

    return make


@pytest.fixture
def publish(demo: DemoContext) -> Callable[..., Any]:
    """`publish(demo, key, year, number=1, day=1, **report_fields)`: a published version of a
    balanced sample report of the demo agency `key`."""
    return _publish


def _publish(
    demo: DemoContext, key: str, year: int, number: int = 1, *, day: int = 1, **report_fields: Any
) -> Any:
    org = demo.orgs[key]
    report = balanced_report(random.Random(f"{key}{year}{number}"), year=year, organization=org.name)
    report = report.model_copy(update=report_fields)
    return PublishedVersion.objects.create(
        organisation=org,
        year=year,
        number=number,
        report=report.model_dump(mode="json"),
        findings=[
            {"code": "T3-BALANCE", "severity": "warning", "message_zh": "示例", "place": {"table": "table3"}}
        ],
        correction_reason="更正表三数字" if number > 1 else "",
        published_at=timezone.make_aware(dt.datetime(year + 1, 1, day, 9)),
        published_by=demo.users["szf_admin"],
    )
