"""Database triggers that refuse UPDATE and DELETE on the audit table (SQLite and PostgreSQL).

The model refuses both in Python; these triggers also stop raw SQL and queryset paths.
PostgreSQL's TRUNCATE (used by test flushes) is not a row operation and stays possible for
the database owner.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"

_SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_{op.lower()} BEFORE {op} ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    for op in ("UPDATE", "DELETE")
]
_SQLITE_UNINSTALL = [f"DROP TRIGGER IF EXISTS {TABLE}_no_{op}" for op in ("update", "delete")]

_POSTGRES_INSTALL = [
    "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
]
_POSTGRES_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_append_only()",
]

_SQL = {
    "sqlite": (_SQLITE_INSTALL, _SQLITE_UNINSTALL),
    "postgresql": (_POSTGRES_INSTALL, _POSTGRES_UNINSTALL),
}


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, _SQL.get(connection.vendor, ([], []))[0])


def uninstall(connection: BaseDatabaseWrapper) -> None:
    _run(connection, _SQL.get(connection.vendor, ([], []))[1])


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
