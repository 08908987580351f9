"""The orgs tests need only the demo organisations and users, not the other apps' demo data."""

from __future__ import annotations

import pytest

from xxgk.web.demo import DemoContext


@pytest.fixture
def demo(orgs_demo: DemoContext) -> DemoContext:
    return orgs_demo
