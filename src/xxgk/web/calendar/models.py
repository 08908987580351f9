"""The administrator's calendar rows. Their tables keep the names they had in the applications app,
where they were first created (moved by state-only migrations, no data copied)."""

from __future__ import annotations

from django.db import models


class CalendarOverride(models.Model):
    """A date the administrator marks as (not) a working day: local holidays, or next year's
    schedule before chinesecalendar knows it. Wins over chinesecalendar for its date."""

    day = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否工作日")
    note = models.CharField("说明", max_length=100)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "applications_calendaroverride"
        verbose_name = "工作日历调整"
        verbose_name_plural = "工作日历调整"
        ordering = ("day",)

    def __str__(self) -> str:
        return f"{self.day} {self.note}"


class AnnouncedYear(models.Model):
    """A year whose 放假安排 the administrator has entered completely: not provisional."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    source = models.CharField("依据", max_length=200, blank=True)

    class Meta:
        db_table = "applications_announcedyear"
        verbose_name = "已公布放假安排年度"
        verbose_name_plural = "已公布放假安排年度"
        ordering = ("year",)

    def __str__(self) -> str:
        return str(self.year)
