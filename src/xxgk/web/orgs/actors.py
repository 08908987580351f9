"""Who acts on a write: a signed-in user, an anonymous visitor (the portal) or the system (None: CLI,
loaders, scheduled jobs). Services take an `Actor`; role checks decide whether it may act."""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser

from xxgk.web.orgs.errors import NotVisible
from xxgk.web.orgs.models import User

Actor: TypeAlias = User | AnonymousUser | None


def acting_user(actor: Actor) -> User | None:
    """The user row to store as author (`created_by`, `updated_by`…): None for the system or a visitor."""
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def signed_in(actor: Actor) -> User:
    """`actor` as the user it must be where a role check has already let it act (never the system)."""
    user = acting_user(actor)
    if user is None:
        raise NotVisible()
    return user
