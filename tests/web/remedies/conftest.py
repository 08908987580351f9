"""The remedies tests run on the demo organisations and users only (not the other apps' demo
cases), so that every count they assert is the test's own."""

from __future__ import annotations

import pytest

from xxgk.web.demo import DemoContext


@pytest.fixture
def demo(orgs_demo: DemoContext) -> DemoContext:
    return orgs_demo
