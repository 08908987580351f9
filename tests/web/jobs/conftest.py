"""Fixtures of the jobs tests."""

from __future__ import annotations

import pytest
from django.db import transaction

from xxgk.web.demo import DemoContext
from xxgk.web.orgs.demo import load as load_orgs


@pytest.fixture
def demo(db: None) -> DemoContext:
    """Only the demo organisations and users."""
    context = DemoContext()
    with transaction.atomic():
        load_orgs(context)
    return context
