"""Temporary lockout after repeated failed log-ins: 5 failures within 15 minutes from one client
address lock the user name for that address for 15 minutes, even for the right password. Keyed on
name + address so that nobody can lock a colleague out from elsewhere by typing wrong passwords.
Kept in the database (one row per name and address) so it holds across worker processes; names are
compared case-insensitively and addresses are stored only as a hash (they are personal data)."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from xxgk.web.orgs.models import LoginThrottle

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
_SEPARATOR = "@"


def _name(username: str) -> str:
    return username.strip().casefold()


def _key(username: str, client: str) -> str:
    digest = hashlib.sha256(client.encode()).hexdigest()[:16]
    return f"{digest}{_SEPARATOR}{_name(username)}"[:150]


def minutes_locked(username: str, client: str) -> int:
    """Whole minutes (rounded up) until `username` may try again from `client`; 0 when not locked."""
    until = (
        LoginThrottle.objects.filter(username=_key(username, client))
        .values_list("locked_until", flat=True)
        .first()
    )
    if until is None:
        return 0
    left = until - timezone.now()
    return max(0, -(-int(left.total_seconds()) // 60))


def note_failure(username: str, client: str) -> bool:
    """Count one failed attempt from `client`; True when this attempt locks the name there."""
    now = timezone.now()
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(username=_key(username, client))
        if row.first_failure_at is None or now - row.first_failure_at > WINDOW:
            row.failures, row.first_failure_at = 0, now
        row.failures += 1
        locks = row.failures >= MAX_FAILURES
        if locks:
            row.failures, row.first_failure_at, row.locked_until = 0, None, now + LOCKOUT
        row.save()
    return locks


def note_success(username: str, client: str) -> datetime | None:
    """Clear this client's failures; returns when the account was last locked (from any address)
    since its previous successful log-in, so the user can be told, else None."""
    # the key is 16 hex digits, the separator, then the name: match the name exactly (names may hold "@")
    rows = LoginThrottle.objects.filter(
        username__regex=rf"^[0-9a-f]{{16}}{_SEPARATOR}{re.escape(_name(username))}$"
    )
    rows = rows.filter(locked_until__isnull=False)
    latest = rows.order_by("-locked_until").values_list("locked_until", flat=True).first()
    LoginThrottle.objects.filter(username=_key(username, client)).delete()
    rows.filter(locked_until__lte=timezone.now()).delete()
    return None if latest is None else latest - LOCKOUT
