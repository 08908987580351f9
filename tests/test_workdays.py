"""The working-day calendar: dates hand-computed from the State Council's 放假安排 notices.

2024: 国办发明电〔2023〕7号 — 春节 2月10日至17日, 2月4日(日)、2月18日(日)上班;
      国庆 10月1日至7日, 9月29日(日)、10月12日(六)上班.
2025: 国办发明电〔2024〕12号 — 春节 1月28日至2月4日, 1月26日(日)、2月8日(六)上班;
      国庆、中秋 10月1日至8日, 9月28日(日)、10月11日(六)上班; 清明 4月4日至6日.
2026: 2025年11月4日 notice — 元旦 1月1日至3日, 1月4日(日)上班; 春节 2月15日至23日,
      2月14日(六)、2月28日(六)上班.
"""

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.workdays import (
    DayKind,
    Override,
    Pause,
    WorkCalendar,
    add_working_days,
    explain_zh,
    holiday_name_zh,
    working_days_between,
)

CALENDAR = WorkCalendar()


def counted_days(result):
    return [step.day for step in result.steps if step.counted]


def test_first_day_counted_is_the_day_after_start():
    result = add_working_days(date(2025, 3, 3), 1, calendar=CALENDAR)  # Monday
    assert result.due == date(2025, 3, 4)
    assert result.steps[0].day == date(2025, 3, 4)


def test_zero_days_is_the_start_itself():
    assert add_working_days(date(2025, 3, 3), 0, calendar=CALENDAR).due == date(2025, 3, 3)


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2025, 3, 3), -1, calendar=CALENDAR)


def test_spring_festival_2025_with_makeup_sunday_and_saturday():
    result = add_working_days(date(2025, 1, 20), 20, calendar=CALENDAR)
    assert result.due == date(2025, 2, 21)
    assert not result.provisional
    days = counted_days(result)
    assert days.index(date(2025, 1, 26)) + 1 == 5  # 周日 上班
    assert days.index(date(2025, 2, 8)) + 1 == 10  # 周六 上班
    holiday = [step for step in result.steps if step.kind is DayKind.HOLIDAY]
    assert [step.day for step in holiday] == [date(2025, 1, 28) + timedelta(i) for i in range(8)]
    assert holiday[0].reason_zh == "法定节假日（春节）"


def test_spring_festival_2025_summary_groups_the_holiday():
    lines = explain_zh(add_working_days(date(2025, 1, 20), 20, calendar=CALENDAR))
    assert "2025-01-28 至 2025-02-04 春节放假，不计入" in lines
    assert "2025-01-26（周日）调休上班（春节），计为第5个工作日" in lines
    assert "2025-02-08（周六）调休上班（春节），计为第10个工作日" in lines
    assert lines[-1] == "期限届满日：2025-02-21（周五）"


def test_national_day_2025_merged_with_mid_autumn():
    result = add_working_days(date(2025, 9, 26), 20, calendar=CALENDAR)
    assert result.due == date(2025, 10, 30)
    days = counted_days(result)
    assert days[0] == date(2025, 9, 28)  # 周日 上班 is the first day counted
    assert days.index(date(2025, 10, 11)) + 1 == 6
    assert "2025-10-01 至 2025-10-08 国庆节、中秋节放假，不计入" in explain_zh(result)


def test_spring_festival_2024():
    result = add_working_days(date(2024, 2, 1), 20, calendar=CALENDAR)
    assert result.due == date(2024, 3, 5)
    days = counted_days(result)
    assert date(2024, 2, 4) in days and date(2024, 2, 18) in days
    assert date(2024, 2, 9) in days  # 除夕 2024 was a working day


def test_national_day_2024():
    # 9-27 Fri: 9-29 (周日 上班) 1, 9-30 2, 10-1..7 off, 10-8..11 3-6, 10-12 (周六 上班) 7.
    result = add_working_days(date(2024, 9, 27), 7, calendar=CALENDAR)
    assert result.due == date(2024, 10, 12)
    assert result.steps[-1].kind is DayKind.MAKEUP_WORKDAY


def test_spring_festival_2026():
    result = add_working_days(date(2026, 2, 12), 20, calendar=CALENDAR)
    assert result.due == date(2026, 3, 18)
    days = counted_days(result)
    assert days.index(date(2026, 2, 14)) + 1 == 2
    assert days.index(date(2026, 2, 28)) + 1 == 7


def test_new_year_2026_makeup_sunday():
    # 2025-12-31 Wed: 1-1..1-3 off, 1-4 (周日 上班) is the first working day.
    assert add_working_days(date(2025, 12, 31), 1, calendar=CALENDAR).due == date(2026, 1, 4)


def test_year_end_into_2027_is_provisional_with_a_warning():
    result = add_working_days(date(2026, 12, 15), 20, calendar=CALENDAR)
    assert result.due == date(2027, 1, 13)  # 元旦 (Friday 1 January) is a statutory holiday
    assert result.provisional
    assert result.unannounced_years == (2027,)
    lines = explain_zh(result)
    assert any("2027年节假日安排尚未公布" in line for line in lines)
    assert lines[-1].endswith("（暂定）")


def test_same_deadline_exact_once_2027_is_announced():
    # A hypothetical 2027 table (not the real one): 元旦 on Friday 1 January.
    calendar = WorkCalendar({date(2027, 1, 1): Override(False, "元旦")}, announced_years={2027})
    result = add_working_days(date(2026, 12, 15), 20, calendar=calendar)
    assert result.due == date(2027, 1, 13)
    assert not result.provisional
    assert "2027-01-01 元旦放假（本地日历），不计入" in explain_zh(result)


def test_overrides_without_marking_the_year_complete_stay_provisional():
    calendar = WorkCalendar({date(2027, 1, 1): Override(False, "元旦")})
    result = add_working_days(date(2026, 12, 15), 20, calendar=calendar)
    assert result.due == date(2027, 1, 13)
    assert result.provisional


def test_override_makeup_weekend_in_announced_year():
    calendar = WorkCalendar({date(2027, 1, 9): Override(True, "元旦")}, announced_years={2027})
    info = calendar.day(date(2027, 1, 9))  # a Saturday
    assert info.kind is DayKind.MAKEUP_WORKDAY and info.is_workday and not info.provisional


def test_override_beats_chinesecalendar_for_local_holidays():
    calendar = WorkCalendar({date(2025, 3, 4): Override(False, "本地节日")})
    assert add_working_days(date(2025, 3, 3), 1, calendar=calendar).due == date(2025, 3, 5)


def test_unknown_years_never_raise():
    for day in (date(1999, 1, 4), date(2003, 12, 31), date(2030, 6, 3)):
        info = CALENDAR.day(day)
        assert info.provisional and info.is_workday
    assert not CALENDAR.is_announced(2027)
    assert CALENDAR.is_announced(2026)


def test_pause_days_are_not_counted_and_say_why():
    pause = Pause(date(2025, 3, 5), date(2025, 3, 7), "征求第三方意见")
    result = add_working_days(date(2025, 3, 3), 3, calendar=CALENDAR, pauses=[pause])
    assert result.due == date(2025, 3, 11)  # 3-4, (3-5..7 paused), 3-10, 3-11
    paused = [step for step in result.steps if step.kind is DayKind.PAUSED]
    assert [step.reason_zh for step in paused] == ["暂停计算（征求第三方意见）"] * 3
    assert "2025-03-05 至 2025-03-07 暂停计算（征求第三方意见），不计入" in explain_zh(result)


def test_pause_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        Pause(date(2025, 3, 7), date(2025, 3, 5), "x")


def test_step_descriptions():
    result = add_working_days(date(2025, 1, 24), 2, calendar=CALENDAR)
    assert [step.describe_zh() for step in result.steps] == [
        "2025-01-25（周六） 不计入：周末",
        "2025-01-26（周日） 第1个工作日，调休上班（春节）",
        "2025-01-27（周一） 第2个工作日",
    ]


def test_every_chinesecalendar_holiday_has_a_chinese_name():
    for holiday in chinese_calendar.Holiday:
        assert holiday_name_zh(holiday.value) != holiday.value


def test_working_days_between_for_work_lists():
    due = date(2025, 2, 21)
    assert working_days_between(date(2025, 1, 20), due, CALENDAR) == 20
    assert working_days_between(due, due, CALENDAR) == 0  # due today
    assert working_days_between(date(2025, 2, 25), due, CALENDAR) == -2  # overdue by 2


# Properties over the years chinesecalendar knows and the first unannounced ones.
starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2028, 12, 31))
counts = st.integers(min_value=1, max_value=60)


@st.composite
def pauses(draw):
    first = draw(st.dates(min_value=date(2004, 1, 1), max_value=date(2029, 6, 30)))
    return Pause(first, first + timedelta(days=draw(st.integers(0, 30))), "暂停")


@given(starts, counts)
def test_due_date_is_a_working_day(start, n):
    assert CALENDAR.is_workday(add_working_days(start, n, calendar=CALENDAR).due)


@given(starts, counts, st.lists(pauses(), max_size=3))
def test_pauses_never_move_the_due_date_earlier(start, n, pause_list):
    plain = add_working_days(start, n, calendar=CALENDAR).due
    assert add_working_days(start, n, calendar=CALENDAR, pauses=pause_list).due >= plain


@given(starts, st.integers(min_value=0, max_value=60))
def test_one_more_day_is_strictly_later(start, n):
    shorter = add_working_days(start, n, calendar=CALENDAR).due
    assert add_working_days(start, n + 1, calendar=CALENDAR).due > shorter


@given(starts, st.integers(min_value=0, max_value=60))
def test_working_days_between_inverts_add_working_days(start, n):
    due = add_working_days(start, n, calendar=CALENDAR).due
    assert working_days_between(start, due, CALENDAR) == n


@given(starts, counts)
def test_counting_is_additive(start, n):
    first = add_working_days(start, n, calendar=CALENDAR).due
    assert (
        add_working_days(first, 7, calendar=CALENDAR).due
        == add_working_days(start, n + 7, calendar=CALENDAR).due
    )


@given(starts, counts)
def test_summary_always_ends_with_the_due_date(start, n):
    result = add_working_days(start, n, calendar=CALENDAR)
    assert explain_zh(result)[-1].startswith(f"期限届满日：{result.due.isoformat()}")
    assert len(counted_days(result)) == n


# Expected dates read from published calendars (2027: holidayssky.com "Public Holidays in China for
# 2027": 除夕 2-05, 春节 2-06, 清明 4-05, 端午 6-09, 中秋 9-15; 2028: 春节 1-26, 清明 4-04,
# 端午 5-28, 中秋 10-03).
_PROVISIONAL_HOLIDAYS = {
    2027: {
        "元旦": ["2027-01-01"],
        "春节": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
        "清明节": ["2027-04-05"],
        "劳动节": ["2027-05-01", "2027-05-02"],
        "端午节": ["2027-06-09"],
        "中秋节": ["2027-09-15"],
        "国庆节": ["2027-10-01", "2027-10-02", "2027-10-03"],
    },
    2028: {
        "元旦": ["2028-01-01"],
        "春节": ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"],
        "清明节": ["2028-04-04"],
        "劳动节": ["2028-05-01", "2028-05-02"],
        "端午节": ["2028-05-28"],
        "中秋节、国庆节": ["2028-10-03"],
        "国庆节": ["2028-10-01", "2028-10-02"],
    },
}


@pytest.mark.parametrize("year", sorted(_PROVISIONAL_HOLIDAYS))
def test_unannounced_years_use_the_statutory_holidays(year: int) -> None:
    from xxgk.workdays import statutory_holidays

    expected: dict[date, str] = {}
    for name, days in _PROVISIONAL_HOLIDAYS[year].items():
        for text in days:
            expected.setdefault(date.fromisoformat(text), name)
    assert statutory_holidays(year) == expected
    calendar = WorkCalendar()
    for day, name in expected.items():
        info = calendar.day(day)
        assert info.kind == DayKind.HOLIDAY and info.label == name and info.provisional
        assert not calendar.is_workday(day)
    # an ordinary Monday stays a working day, still provisional (调休 unknown)
    monday = date(year, 3, 6) + timedelta(days=(0 - date(year, 3, 6).weekday()) % 7)
    assert calendar.day(monday).kind == DayKind.WORKDAY and calendar.day(monday).provisional


def test_a_year_marked_announced_keeps_weekends_only() -> None:
    calendar = WorkCalendar(announced_years=[2027])
    info = calendar.day(date(2027, 10, 1))  # a Friday, no override entered
    assert info.kind == DayKind.WORKDAY and not info.provisional
