"""Reads of the API app: a user sees only their own tokens."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from xxgk.web.api.models import ApiToken


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    if not getattr(user, "is_authenticated", False):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user)
