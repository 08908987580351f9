"""The Chinese working-day calendar and the one due-date calculation of xxgk, with explanations.

Backed by `chinesecalendar` (statutory holidays and 调休 make-up days, for the years the State
Council has announced) plus an override table kept by an administrator. A year that neither
knows is judged by weekends and the statutory holidays of 《全国年节及纪念日放假办法》 (dates known in
advance, lunar ones computed), and every result that relies on such a day is 暂定 (调休 unknown).
Framework-free and pure: no Django, no clock, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import chinese_calendar
from lunardate import LunarDate

_HOLIDAY_NAMES_ZH: Mapping[str, str] = {
    chinese_calendar.Holiday.new_years_day.value: "元旦",
    chinese_calendar.Holiday.spring_festival.value: "春节",
    chinese_calendar.Holiday.tomb_sweeping_day.value: "清明节",
    chinese_calendar.Holiday.labour_day.value: "劳动节",
    chinese_calendar.Holiday.dragon_boat_festival.value: "端午节",
    chinese_calendar.Holiday.national_day.value: "国庆节",
    chinese_calendar.Holiday.mid_autumn_festival.value: "中秋节",
    chinese_calendar.Holiday.anti_fascist_70th_day.value: "抗战胜利70周年纪念日",
}

_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def holiday_name_zh(name: str) -> str:
    """The Chinese name of a chinesecalendar holiday (its English name if unknown)."""
    return _HOLIDAY_NAMES_ZH.get(name, name)


def weekday_zh(day: date) -> str:
    """周一 … 周日."""
    return _WEEKDAYS_ZH[day.weekday()]


class DayKind(StrEnum):
    """Why a day is, or is not, a working day."""

    WORKDAY = "工作日"
    MAKEUP_WORKDAY = "调休上班"
    WEEKEND = "周末"
    HOLIDAY = "法定节假日"
    LOCAL_REST = "放假"
    PAUSED = "暂停计算"


@dataclass(frozen=True)
class Override:
    """One row of the administrator's table: this date is (not) a working day, and why.

    `note` names the holiday or the reason (e.g. "春节", "本地民族节日").
    """

    is_workday: bool
    note: str


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one date."""

    day: date
    kind: DayKind
    label: str = ""
    provisional: bool = False

    @property
    def is_workday(self) -> bool:
        return self.kind in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


@lru_cache(maxsize=64)
def _library_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[date, str]:
    """The 全体公民放假的节日 of 《全国年节及纪念日放假办法》 (as revised in 2024) falling in `year`,
    without 调休 (only the State Council's yearly 放假安排 fixes those): 元旦 1/1; 春节 农历除夕至
    正月初三; 清明 (the solar term); 劳动节 5/1–5/2; 端午 农历五月初五; 中秋 农历八月十五; 国庆 10/1–10/3.
    Used for years whose 放假安排 is not known yet; results are 暂定."""
    days: dict[date, str] = {date(year, 1, 1): "元旦"}
    # The 除夕 before 正月初一 of lunar year `year`, and that of lunar year `year + 1` when it falls
    # in December (never in practice, but cheap to cover).
    for lunar_year in (year, year + 1):
        new_year = LunarDate(lunar_year, 1, 1).to_solar_date()
        for offset in range(-1, 3):
            day = new_year + timedelta(days=offset)
            if day.year == year:
                days[day] = "春节"
    qingming = [
        d
        for d, term in chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10))
        if term == "清明"
    ]
    days.update(dict.fromkeys(qingming, "清明节"))
    days.update({date(year, 5, 1): "劳动节", date(year, 5, 2): "劳动节"})
    days[LunarDate(year, 5, 5).to_solar_date()] = "端午节"
    days[LunarDate(year, 8, 15).to_solar_date()] = "中秋节"
    for n in (1, 2, 3):  # 中秋 can fall on one of these days (2028-10-03): name both
        days[date(year, 10, n)] = "、".join(filter(None, (days.get(date(year, 10, n)), "国庆节")))
    return days


def _is_weekend(day: date) -> bool:
    return day.weekday() >= 5


class WorkCalendar:
    """chinesecalendar plus an override table.

    `overrides` win over chinesecalendar for their dates. `announced_years` are the years the
    administrator has marked complete in the table (e.g. after the State Council's 放假安排 for
    that year was entered): their dates without an override are judged by weekends, but are not
    provisional. Any other year chinesecalendar does not know is provisional.
    """

    def __init__(
        self,
        overrides: Mapping[date, Override] | None = None,
        announced_years: Iterable[int] = (),
    ) -> None:
        self._overrides: dict[date, Override] = dict(overrides or {})
        self._announced_years = frozenset(announced_years)

    def is_announced(self, year: int) -> bool:
        """Whether the holidays of `year` are known (to chinesecalendar or marked complete here)."""
        return year in self._announced_years or _library_knows(year)

    def day(self, day: date) -> DayInfo:
        """Classify one date."""
        override = self._overrides.get(day)
        if override is not None:
            return _from_override(day, override)
        if _library_knows(day.year):
            return _from_library(day)
        if day.year in self._announced_years:
            return DayInfo(day, DayKind.WEEKEND if _is_weekend(day) else DayKind.WORKDAY)
        name = statutory_holidays(day.year).get(day)
        if name is not None:
            return DayInfo(day, DayKind.HOLIDAY, name, provisional=True)
        return DayInfo(day, DayKind.WEEKEND if _is_weekend(day) else DayKind.WORKDAY, provisional=True)

    def is_workday(self, day: date) -> bool:
        return self.day(day).is_workday


def _from_override(day: date, override: Override) -> DayInfo:
    if override.is_workday:
        kind = DayKind.MAKEUP_WORKDAY if _is_weekend(day) else DayKind.WORKDAY
    else:
        kind = DayKind.LOCAL_REST
    return DayInfo(day, kind, override.note)


# chinesecalendar validates each date against its whole table (min/max over every entry), which
# made it 90% of a due-date computation; its answer for a date never changes, so keep it.
@lru_cache(maxsize=16384)
def _from_library(day: date) -> DayInfo:
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    label = holiday_name_zh(name) if name else ""
    if on_holiday:
        return DayInfo(day, DayKind.HOLIDAY if name else DayKind.WEEKEND, label)
    if _is_weekend(day):
        return DayInfo(day, DayKind.MAKEUP_WORKDAY, label)
    return DayInfo(day, DayKind.WORKDAY)


@dataclass(frozen=True)
class Pause:
    """Days not counted, `first` to `last` inclusive, with the reason (e.g. "征求第三方意见")."""

    first: date
    last: date
    reason: str

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"pause ends {self.last} before it starts {self.first}")

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class Step:
    """One day walked by `add_working_days`: counted (with its ordinal) or skipped (with why)."""

    day: date
    kind: DayKind
    label: str = ""
    ordinal: int | None = None
    provisional: bool = False

    @property
    def counted(self) -> bool:
        return self.ordinal is not None

    @property
    def reason_zh(self) -> str:
        """周末 / 法定节假日（春节） / 调休上班（春节） / 暂停计算（征求第三方意见） / 工作日."""
        return f"{self.kind}（{self.label}）" if self.label else str(self.kind)

    def describe_zh(self) -> str:
        """One line of the full explanation."""
        head = f"{self.day.isoformat()}（{weekday_zh(self.day)}）"
        tail = "（暂定）" if self.provisional else ""
        if self.counted:
            makeup = f"，{self.reason_zh}" if self.kind is DayKind.MAKEUP_WORKDAY else ""
            return f"{head} 第{self.ordinal}个工作日{makeup}{tail}"
        return f"{head} 不计入：{self.reason_zh}{tail}"


@dataclass(frozen=True)
class DueDate:
    """The result of counting `n` working days after `start`, and how it was reached."""

    start: date
    n: int
    due: date
    steps: tuple[Step, ...]

    @property
    def provisional(self) -> bool:
        """True if any day walked was judged by weekends only (its year's holidays unknown)."""
        return any(step.provisional for step in self.steps)

    @property
    def unannounced_years(self) -> tuple[int, ...]:
        return tuple(sorted({step.day.year for step in self.steps if step.provisional}))


def _days_after(start: date) -> Iterator[date]:
    day = start
    while True:
        day += timedelta(days=1)
        yield day


def _step_for(day: date, calendar: WorkCalendar, pauses: tuple[Pause, ...], counted: int) -> Step:
    info = calendar.day(day)
    pause = next((p for p in pauses if p.covers(day)), None)
    if pause is not None:
        return Step(day, DayKind.PAUSED, pause.reason, provisional=info.provisional)
    ordinal = counted + 1 if info.is_workday else None
    return Step(day, info.kind, info.label, ordinal, info.provisional)


def add_working_days(start: date, n: int, *, calendar: WorkCalendar, pauses: Iterable[Pause] = ()) -> DueDate:
    """The `n`-th working day after `start` (期间开始的当日不计入), skipping pauses.

    Weekends and holidays are skipped, 调休 make-up days are counted, and no day inside a pause
    is counted. `n == 0` gives `start` itself.
    """
    if n < 0:
        raise ValueError(f"cannot count a negative number of working days: {n}")
    pause_list = tuple(pauses)
    steps: list[Step] = []
    counted = 0
    due = start
    for day in _days_after(start):
        if counted == n:
            break
        step = _step_for(day, calendar, pause_list, counted)
        steps.append(step)
        if step.counted:
            counted += 1
            due = day
    return DueDate(start, n, due, tuple(steps))


def working_days_between(a: date, b: date, calendar: WorkCalendar) -> int:
    """Working days in (a, b] if b >= a, else minus those in (b, a].

    With `a` = today and `b` = the due date: "还剩 N 个工作日" (0 = due today), or overdue by -N.
    """
    if b < a:
        return -working_days_between(b, a, calendar)
    return sum(1 for offset in range(1, (b - a).days + 1) if calendar.is_workday(a + timedelta(offset)))


def _run_key(step: Step) -> tuple[DayKind, str]:
    """Consecutive skipped days with the same key are summarised on one line."""
    return (step.kind, "") if step.kind is DayKind.HOLIDAY else (step.kind, step.label)


def _notable_runs(steps: tuple[Step, ...]) -> list[list[Step]]:
    """Runs of skipped days and single 调休 days, in date order (plain working days dropped)."""
    runs: list[list[Step]] = []
    for step in steps:
        if step.counted and step.kind is not DayKind.MAKEUP_WORKDAY:
            continue
        previous = runs[-1][-1] if runs else None
        if (
            previous is not None
            and not step.counted
            and not previous.counted
            and _run_key(previous) == _run_key(step)
            and previous.day + timedelta(1) == step.day
        ):
            runs[-1].append(step)
        else:
            runs.append([step])
    return runs


def _span(run: list[Step]) -> str:
    first, last = run[0].day.isoformat(), run[-1].day.isoformat()
    return first if first == last else f"{first} 至 {last}"


def _describe_run(run: list[Step]) -> str:
    head = run[0]
    if head.counted:
        return (
            f"{head.day.isoformat()}（{weekday_zh(head.day)}）{head.reason_zh}，计为第{head.ordinal}个工作日"
        )
    if head.kind is DayKind.HOLIDAY:
        names = "、".join(dict.fromkeys(step.label for step in run))
        return f"{_span(run)} {names}放假，不计入"
    if head.kind is DayKind.LOCAL_REST:
        return f"{_span(run)} {head.label}放假（本地日历），不计入"
    return f"{_span(run)} {head.reason_zh}，不计入"


def explain_zh(due: DueDate) -> list[str]:
    """A compact Chinese summary: holidays and pauses by run, 调休 days, the weekend total, the due date."""
    lines = [f"自 {due.start.isoformat()} 次日起算（当日不计入），计 {due.n} 个工作日"]
    weekend_days = 0
    for run in _notable_runs(due.steps):
        if run[0].kind is DayKind.WEEKEND:
            weekend_days += len(run)
        else:
            lines.append(_describe_run(run))
    if weekend_days:
        lines.append(f"其间周末共 {weekend_days} 天，不计入")
    lines.extend(
        f"注意：{year}年节假日安排尚未公布，该年日期暂按周末和《全国年节及纪念日放假办法》规定的节日推算（调休未知），结果为暂定，公布后需重新计算"
        for year in due.unannounced_years
    )
    suffix = "（暂定）" if due.provisional else ""
    lines.append(f"期限届满日：{due.due.isoformat()}（{weekday_zh(due.due)}）{suffix}")
    return lines
