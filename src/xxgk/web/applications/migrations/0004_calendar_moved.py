# ruff: noqa: RUF012
# The calendar tables now belong to the workcalendar app (its 0001 took them over): state only.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_application_submission_key"),
        ("workcalendar", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="AnnouncedYear"),
                migrations.DeleteModel(name="CalendarOverride"),
            ],
        )
    ]
