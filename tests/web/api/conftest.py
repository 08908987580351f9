"""Fixtures of the API tests: a client, personal tokens of demo users, generous rate limits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from xxgk.web.api.models import Scope
from xxgk.web.api.services import create_token
from xxgk.web.demo import DemoContext
from xxgk.web.orgs.demo import load as load_orgs


@pytest.fixture
def demo(db: None) -> DemoContext:
    """Only the demo organisations and users (the other apps' demo data are not needed here and
    take seconds to load)."""
    context = DemoContext()
    with transaction.atomic():
        load_orgs(context)
    return context


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
