"""Reads of the API app: a user sees only their own tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from xxgk.web.api.models import ApiToken
from xxgk.web.orgs.actors import Actor, acting_user


def tokens_of(user: Actor) -> QuerySet[ApiToken]:
    owner = acting_user(user)
    if owner is None:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=owner)
