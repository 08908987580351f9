"""Demo data of publishing."""

from __future__ import annotations

from xxgk.web.demo import DemoContext


def load(context: DemoContext) -> None:
    """Nothing yet."""
