"""A fresh, migrated database for a benchmark: a new SQLite file in the temp folder, or the
PostgreSQL database named by the URL, dropped and created again. Django is set up on it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fresh_database(database: str, pg_url: str, *, sqlite_name: str) -> str:
    """`database` is "sqlite" or "postgresql"; returns the URL now in XXGK_DATABASE_URL."""
    if database == "sqlite":
        path = Path(tempfile.gettempdir()) / f"{sqlite_name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        import psycopg

        base, _, name = pg_url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = pg_url
    os.environ["XXGK_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    return url
