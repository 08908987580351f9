"""A model's column by name, typed: the pages, exports and imports that name their columns by the
fields' own labels (`verbose_name`) read them through here."""

from __future__ import annotations

from typing import Any

from django.db import models


def concrete_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """The column `name` of `model` (`_meta.get_field` may also return a reverse relation)."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)  # callers name concrete columns, never reverse relations
    return field


def field_label(model: type[models.Model], name: str) -> str:
    """The Chinese label of the column `name` of `model`."""
    return str(concrete_field(model, name).verbose_name)
