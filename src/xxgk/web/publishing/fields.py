"""A model's concrete column by name, for the places that print its Chinese label
(`verbose_name`): the exports, the standard catalogue's workbook, the 公开指南."""

from __future__ import annotations

from typing import Any

from django.db import models


def model_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)  # concrete columns, never reverse relations
    return field
