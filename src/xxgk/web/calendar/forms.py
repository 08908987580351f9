"""Forms of the calendar page: one day's override, and a year marked as completely entered."""

from __future__ import annotations

from django import forms

from xxgk.web.ui.form_fields import date_field


class CalendarDayForm(forms.Form):
    day = date_field("日期")
    is_workday = forms.TypedChoiceField(
        label="类型",
        choices=[("0", "放假（不计工作日）"), ("1", "上班（计为工作日）")],
        coerce=lambda value: value == "1",
    )
    note = forms.CharField(label="说明", max_length=100, help_text="如：春节、本地民族节日、调休上班")


class AnnouncedYearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2004, max_value=2100)
    source = forms.CharField(label="依据（如国务院办公厅放假通知文号）", max_length=200, required=False)
