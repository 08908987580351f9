"""Fixtures of the rollup tests: the demo campaign and its people."""

from __future__ import annotations

import pytest

from xxgk.web.demo import DemoContext
from xxgk.web.rollup.models import Campaign


@pytest.fixture
def demo(full_demo: DemoContext) -> DemoContext:
    """The rollup tests work on the demo campaign, which builds on everything the demo loads."""
    return full_demo


@pytest.fixture
def campaign(demo: DemoContext) -> Campaign:
    return Campaign.objects.get(office=demo.orgs["office"], year=2025)


@pytest.fixture
def supervisor(demo: DemoContext):
    return demo.users["zwgk_jiandu"]
