"""The remedies tests run on the demo organisations and users only (not the other apps' demo
cases), so that every count they assert is the test's own."""

from __future__ import annotations

import pytest

from xxgk.web.demo import DemoContext
from xxgk.web.orgs import demo as orgs_demo


@pytest.fixture
def demo(db: None) -> DemoContext:
    context = DemoContext()
    orgs_demo.load(context)
    return context
