# ruff: noqa: RUF012
# The calendar tables were created by applications' 0001; this app takes them over without touching
# the database (state only), keeping their table names.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("applications", "0003_application_submission_key")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="AnnouncedYear",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("year", models.PositiveSmallIntegerField(unique=True, verbose_name="年度")),
                        ("source", models.CharField(blank=True, max_length=200, verbose_name="依据")),
                    ],
                    options={
                        "verbose_name": "已公布放假安排年度",
                        "verbose_name_plural": "已公布放假安排年度",
                        "ordering": ("year",),
                        "db_table": "applications_announcedyear",
                    },
                ),
                migrations.CreateModel(
                    name="CalendarOverride",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("day", models.DateField(unique=True, verbose_name="日期")),
                        ("is_workday", models.BooleanField(verbose_name="是否工作日")),
                        ("note", models.CharField(max_length=100, verbose_name="说明")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "工作日历调整",
                        "verbose_name_plural": "工作日历调整",
                        "ordering": ("day",),
                        "db_table": "applications_calendaroverride",
                    },
                ),
            ],
        )
    ]
