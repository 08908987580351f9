"""Template filters of the rollup pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    """`mapping[key]`, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def change(row: Any, key: str) -> str:
    """Year-over-year change of one indicator of an `IndicatorRow`."""
    return row.change(key)
