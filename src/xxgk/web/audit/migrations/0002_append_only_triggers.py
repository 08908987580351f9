# ruff: noqa: RUF012
"""Database triggers refusing UPDATE and DELETE on audit events (see audit.db_guard)."""

from django.db import migrations

from xxgk.web.audit import db_guard


def install(apps, schema_editor):
    db_guard.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    db_guard.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
