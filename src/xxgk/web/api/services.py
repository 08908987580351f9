"""Writes of the API app: personal tokens are created and revoked by their owner only."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from xxgk.web.api import audit_codes
from xxgk.web.api.models import ApiToken, Scope
from xxgk.web.api.tokens import new_token
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor, signed_in
from xxgk.web.orgs.errors import NotVisible

MAX_ACTIVE_TOKENS = 10


class TokenError(ValueError):
    """A token request that cannot be honoured; `message_zh` says why."""

    def __init__(self, message_zh: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh


def create_token(*, actor: Actor, name: str, scope: Scope) -> tuple[ApiToken, str]:
    """A new token of `actor`; returns the row and the token text, which is never shown again."""
    name = name.strip()
    if not name:
        raise TokenError("请填写令牌用途。")
    user = signed_in(actor)
    with transaction.atomic():
        active = ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
        if active.count() >= MAX_ACTIVE_TOKENS:
            raise TokenError(f"每位用户最多保留 {MAX_ACTIVE_TOKENS} 个有效令牌，请先撤销不用的令牌。")
        text, prefix, digest = new_token()
        token = ApiToken.objects.create(user=user, name=name[:60], prefix=prefix, digest=digest, scope=scope)
        record(
            actor=actor,
            action=audit_codes.TOKEN_CREATED,
            obj=token,
            after={"name": token.name, "scope": scope},
        )
    return token, text


def revoke_token(*, actor: Actor, token_id: int) -> ApiToken:
    """Revoke one of `actor`'s own tokens (idempotent); another user's token is a 404."""
    user = signed_in(actor)
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
        if token is None:
            raise NotVisible()
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            record(actor=actor, action=audit_codes.TOKEN_REVOKED, obj=token, after={"name": token.name})
    return token
