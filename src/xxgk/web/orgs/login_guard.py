"""Temporary lockout after repeated failed log-ins: 5 failures within 15 minutes lock the user
name for 15 minutes, even for the right password. Kept in the database (one row per name) so it
holds across worker processes; names are compared case-insensitively."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from xxgk.web.orgs.models import LoginThrottle

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)


def _key(username: str) -> str:
    return username.strip().casefold()[:150]


def minutes_locked(username: str) -> int:
    """Whole minutes (rounded up) until `username` may try again; 0 when not locked."""
    until = (
        LoginThrottle.objects.filter(username=_key(username)).values_list("locked_until", flat=True).first()
    )
    if until is None:
        return 0
    left = until - timezone.now()
    return max(0, -(-int(left.total_seconds()) // 60))


def note_failure(username: str) -> bool:
    """Count one failed attempt; True when this attempt locks the name."""
    now = timezone.now()
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(username=_key(username))
        if row.first_failure_at is None or now - row.first_failure_at > WINDOW:
            row.failures, row.first_failure_at = 0, now
        row.failures += 1
        locks = row.failures >= MAX_FAILURES
        if locks:
            row.failures, row.first_failure_at, row.locked_until = 0, None, now + LOCKOUT
        row.save()
    return locks


def note_success(username: str) -> None:
    LoginThrottle.objects.filter(username=_key(username)).delete()
