"""Who is calling: a personal token (Authorization: Bearer …) or nobody.

Public endpoints need no token; staff endpoints take `TokenAuth(write=…)`, and then act with
the token owner's roles, scoped exactly as the staff UI.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from xxgk.web.api.errors import ApiError
from xxgk.web.api.models import ApiToken
from xxgk.web.api.tokens import matches, prefix_of

_CACHE_ATTR = "_xxgk_api_token"


def token_from(request: HttpRequest) -> ApiToken | None:
    """The valid, unrevoked token presented with `request`, or None (looked up once per request)."""
    if hasattr(request, _CACHE_ATTR):
        return getattr(request, _CACHE_ATTR)
    header = request.headers.get("Authorization", "")
    scheme, _, text = header.partition(" ")
    token = None
    if scheme.lower() == "bearer":
        token = _lookup(text.strip())
    setattr(request, _CACHE_ATTR, token)
    return token


def _lookup(text: str) -> ApiToken | None:
    prefix = prefix_of(text)
    if prefix is None:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix, revoked_at__isnull=True).first()
    if token is None or not token.user.is_active or not matches(text, token.digest):
        return None
    now = timezone.now()
    # One write per minute at most: a busy client must not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


class TokenAuth(HttpBearer):
    """Staff endpoints: a valid token, with write scope when `write`."""

    def __init__(self, *, write: bool = False) -> None:
        super().__init__()
        self.write = write

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_from(request)
        if found is not None and self.write and not found.can_write:
            raise ApiError(403, "scope", "此令牌为只读，不能执行写操作。")
        return found


READ = TokenAuth()
WRITE = TokenAuth(write=True)
