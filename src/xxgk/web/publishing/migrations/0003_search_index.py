"""The public search index in each database's own full-text machinery (see publishing/search.py)."""

from django.db import migrations

from xxgk.web.publishing import search


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = (("publishing", "0002_publications_catalogue_review"),)

    operations = (
        migrations.RunPython(
            _run({"sqlite": search.SQLITE_SETUP, "postgresql": search.POSTGRESQL_SETUP}),
            _run({"sqlite": search.SQLITE_TEARDOWN, "postgresql": search.POSTGRESQL_TEARDOWN}),
        ),
    )
