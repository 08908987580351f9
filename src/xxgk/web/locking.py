"""Optimistic locking, once for every app: a row carries a `version`; a write names the version
the user's page showed, and is refused (with the app's own Chinese `stale` error) when someone
else has written since. The apps raise their own error class so the message speaks of their record.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F


def check_version(row: Any, expected: int | None, stale: type[Exception]) -> None:
    """Refuse unless `row` still has the version the page showed (None: the caller shows none).

    Called on a row read with `select_for_update()` inside the write's transaction, it is the whole
    lock; on a row read earlier it refuses early, and `save_next_version` catches a later change."""
    if expected is not None and row.version != expected:
        raise stale()


def save_next_version(row: Any, stale: type[Exception], **fields: Any) -> None:
    """Save `fields` and the next version, only if the row in the database still has the version
    `row` was read with (one conditional UPDATE, no row lock held); `row` is updated in place."""
    updated = (
        type(row)
        ._default_manager.filter(pk=row.pk, version=row.version)
        .update(version=F("version") + 1, **fields)
    )
    if not updated:
        raise stale()
    for name, value in fields.items():
        setattr(row, name, value)
    row.version += 1
