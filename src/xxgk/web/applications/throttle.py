"""Rate limits of the public pages, kept in the database so every worker process shares them."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from xxgk.web.applications.errors import Throttled
from xxgk.web.applications.models import PublicThrottle
from xxgk.web.ui.client_address import client_address

WINDOW = timedelta(minutes=15)
LIMITS = {"track": 10, "submit": 5}
"""Failed tracking look-ups, and submitted applications, per client per window."""


def client_key(remote_addr: str) -> str:
    """A stable, non-reversible key for a client address (the address itself is personal data)."""
    return hashlib.sha256(remote_addr.encode()).hexdigest()[:32]


def request_client(request: HttpRequest) -> str:
    """The throttle key of the client that sent `request` (behind the configured trusted proxies)."""
    return client_key(client_address(request))


def _row(action: str, client: str) -> PublicThrottle:
    now = timezone.now()
    row, _ = PublicThrottle.objects.select_for_update().get_or_create(
        key=f"{action}:{client}", defaults={"window_started_at": now}
    )
    if now - row.window_started_at > WINDOW:
        row.count, row.window_started_at = 0, now
    return row


def check(action: str, client: str) -> None:
    """Raise `Throttled` if `client` has used up its attempts at `action`."""
    with transaction.atomic():
        if _row(action, client).count >= LIMITS[action]:
            raise Throttled()


def note(action: str, client: str) -> None:
    """Count one attempt (a failed look-up, a submission)."""
    with transaction.atomic():
        row = _row(action, client)
        row.count += 1
        row.save()


def lookup(client: str, *, found: bool) -> None:
    """A tracking look-up: a correct secret (`found`) always passes and is never counted; a wrong
    one is counted, and raises `Throttled` once the client has used up its failed look-ups."""
    if found:
        return
    check("track", client)
    note("track", client)
