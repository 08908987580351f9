"""Deadlines of the 政府信息公开条例, derived from a case's events, never stored as truth.

依申请公开 (第三十条 补正, 第三十二条 and 第三十三条 征求意见, 第三十三条 延期, 第三十五条
说明理由) and 主动公开 (第二十六条). Every date comes from `workdays.add_working_days`.

Day convention, one rule for every event: an event's own day belongs to the phase before it.
So the day of receipt is not counted (期间开始的当日不计入); the day a pause starts is still
counted, the day it ends is not, and counting resumes the day after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import ClassVar

from xxgk.workdays import DueDate, Pause, WorkCalendar, add_working_days, explain_zh, working_days_between

REPLY_WORKING_DAYS = 20
"""第三十三条第二款: 自收到申请之日起20个工作日内予以答复."""
MAX_EXTENSION_WORKING_DAYS = 20
"""第三十三条第二款: 延长的期限最长不得超过20个工作日."""
CORRECTION_NOTICE_WORKING_DAYS = 7
"""第三十条: 自收到申请之日起7个工作日内一次性告知申请人作出补正."""
PUBLICATION_WORKING_DAYS = 20
"""第二十六条: 自该政府信息形成或者变更之日起20个工作日内及时公开."""
CONSULTATION_WORKING_DAYS = 15
"""第三十二条: 第三方自收到征求意见书之日起15个工作日内提出意见."""
FEE_PAYMENT_WORKING_DAYS = 20
"""《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): 申请人自收到收费通知之日起20个工作日内缴纳."""
CONSULTATION_ANSWER_WORKING_DAYS = 5
"""No statute sets a period for answering a question (咨询); this default applies to an agency that
has not set its own (the usual 5 working days of 政府网站 留言 and 12345 转办 rules)."""


class DeadlineError(ValueError):
    """An impossible or unlawful sequence of case events.

    `message_zh` is for users; `str()` is English, for logs.
    """

    def __init__(self, message_en: str, message_zh: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh


class EventKind(StrEnum):
    RECEIVED = "received"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTED = "corrected"
    CONSULTATION_STARTED = "consultation_started"
    CONSULTATION_ENDED = "consultation_ended"
    EXTENDED = "extended"
    REASONS_REQUESTED = "reasons_requested"
    REASONS_RECEIVED = "reasons_received"
    PAUSED = "paused"
    RESUMED = "resumed"
    REPLIED = "replied"


@dataclass(frozen=True)
class Received:
    """The application was received (the date fixed by 第三十一条 for its channel)."""

    on: date
    kind: ClassVar[EventKind] = EventKind.RECEIVED


@dataclass(frozen=True)
class CorrectionRequested:
    """补正通知 sent (第三十条); `respond_by` is the 补正期限 given to the applicant, if any."""

    on: date
    respond_by: date | None = None
    kind: ClassVar[EventKind] = EventKind.CORRECTION_REQUESTED


@dataclass(frozen=True)
class Corrected:
    """The corrected application was received: the reply period restarts (第三十条)."""

    on: date
    kind: ClassVar[EventKind] = EventKind.CORRECTED


@dataclass(frozen=True)
class ConsultationStarted:
    """征求意见书 sent to a third party (第三十二条) or another agency (第三十三条第三款)."""

    on: date
    consulted: str = "第三方"
    kind: ClassVar[EventKind] = EventKind.CONSULTATION_STARTED


@dataclass(frozen=True)
class ConsultationEnded:
    """The opinion arrived, or the consulted party's time ran out."""

    on: date
    kind: ClassVar[EventKind] = EventKind.CONSULTATION_ENDED


@dataclass(frozen=True)
class Extended:
    """延长答复期限 with the consent of the head of the 政府信息公开工作机构 (第三十三条第二款)."""

    on: date
    days: int = MAX_EXTENSION_WORKING_DAYS
    reason: str = ""
    kind: ClassVar[EventKind] = EventKind.EXTENDED


@dataclass(frozen=True)
class ReasonsRequested:
    """The applicant was asked to explain a heavy or repeated request (第三十五条)."""

    on: date
    kind: ClassVar[EventKind] = EventKind.REASONS_REQUESTED


@dataclass(frozen=True)
class ReasonsReceived:
    on: date
    kind: ClassVar[EventKind] = EventKind.REASONS_RECEIVED


@dataclass(frozen=True)
class Paused:
    """Any other lawful suspension of the reply period, with its reason."""

    on: date
    reason: str
    kind: ClassVar[EventKind] = EventKind.PAUSED


@dataclass(frozen=True)
class Resumed:
    on: date
    kind: ClassVar[EventKind] = EventKind.RESUMED


@dataclass(frozen=True)
class Replied:
    on: date
    kind: ClassVar[EventKind] = EventKind.REPLIED


CaseEvent = (
    Received
    | CorrectionRequested
    | Corrected
    | ConsultationStarted
    | ConsultationEnded
    | Extended
    | ReasonsRequested
    | ReasonsReceived
    | Paused
    | Resumed
    | Replied
)

EVENT_TYPES: Mapping[EventKind, type[CaseEvent]] = {
    event_type.kind: event_type
    for event_type in (
        Received,
        CorrectionRequested,
        Corrected,
        ConsultationStarted,
        ConsultationEnded,
        Extended,
        ReasonsRequested,
        ReasonsReceived,
        Paused,
        Resumed,
        Replied,
    )
}
"""Event class by kind, for code that stores events as (kind, date, fields) rows."""


class CaseState(StrEnum):
    RUNNING = "计时中"
    AWAITING_CORRECTION = "等待申请人补正"
    SUSPENDED = "暂停计算"
    REPLIED = "已答复"


class _Suspension(StrEnum):
    """The three kinds of open pause, each with its own closing event (values: their Chinese names)."""

    CONSULTATION = "征求意见"
    REASONS = "要求申请人说明理由"
    GENERIC = "暂停计算"


@dataclass(frozen=True)
class CaseDeadline:
    """The reply deadline of one application, derived from its events, with the reasons why.

    `clock_start` is the receipt, or the last corrected application's receipt (第三十条);
    `correction_notice_due` the last day to send a 补正通知 for the original receipt;
    `original_due` the due date before any extension; `late_by_working_days` is None unless
    the reply came after `due` (0: on a rest day right after it).
    """

    state: CaseState
    received_on: date
    clock_start: date
    due: date | None
    provisional: bool
    correction_notice_due: date
    original_due: date | None
    extension_days: int
    pauses: tuple[Pause, ...]
    replied_on: date | None
    late_by_working_days: int | None
    computation: DueDate | None
    explanation_zh: tuple[str, ...]


@dataclass
class _Walk:
    """Mutable state while the events are replayed in date order."""

    calendar: WorkCalendar
    clock_start: date
    lines: list[str]
    awaiting_correction: bool = False
    extension: Extended | None = None
    pauses: list[Pause] = field(default_factory=list)
    open_pauses: dict[_Suspension, tuple[date, str]] = field(default_factory=dict)
    replied_on: date | None = None

    def due_now(self, *, until: date | None = None) -> DueDate:
        """The due date from the events so far; open pauses count as lasting `until` that day."""
        extension = self.extension.days if self.extension else 0
        pauses: list[Pause | None] = list(self.pauses)
        if until is not None:
            pauses.extend(
                _pause_from(started, until, reason) for started, reason in self.open_pauses.values()
            )
        n = REPLY_WORKING_DAYS + extension
        return add_working_days(
            self.clock_start, n, calendar=self.calendar, pauses=[p for p in pauses if p is not None]
        )


def _pause_from(started: date, ended: date, reason: str) -> Pause | None:
    """The days not counted for a pause opened on `started` and closed on `ended` (None if none)."""
    first = started + timedelta(days=1)
    return Pause(first, ended, reason) if ended >= first else None


def _ordered(events: Iterable[CaseEvent]) -> list[CaseEvent]:
    """Events by date; events of the same day keep the order given."""
    ordered = sorted(events, key=lambda event: event.on)
    if not any(isinstance(event, Received) for event in ordered):
        raise DeadlineError("no receipt event", "缺少收到申请的记录")
    if not isinstance(ordered[0], Received):
        raise DeadlineError(
            f"event {ordered[0].kind} on {ordered[0].on} precedes the receipt",
            f"{ordered[0].on.isoformat()} 的事项早于收到申请之日",
        )
    return ordered


def _open_pause(walk: _Walk, which: _Suspension, on: date, reason: str, line: str | None = None) -> None:
    """Start a pause; `line` (citing the article) goes into the explanation if given."""
    if which in walk.open_pauses:
        since = walk.open_pauses[which][0].isoformat()
        raise DeadlineError(
            f"a {which.name} pause is already open", f"{since} 起的{which}尚未结束，不能重复开始"
        )
    _refuse_while_awaiting_correction(walk, reason)
    walk.open_pauses[which] = (on, reason)
    if line:
        walk.lines.append(line)


def _close_pause(walk: _Walk, which: _Suspension, on: date) -> None:
    if which not in walk.open_pauses:
        raise DeadlineError(f"no open {which.name} pause to end", f"没有未结束的{which}，不能登记其结束")
    started, reason = walk.open_pauses.pop(which)
    pause = _pause_from(started, on, reason)
    if pause is None:
        walk.lines.append(f"{on.isoformat()} 暂停计算（{reason}）当日即结束，不影响期限")
        return
    walk.pauses.append(pause)


def _pause_line(pause: Pause) -> str:
    return f"{pause.first.isoformat()} 至 {pause.last.isoformat()} 暂停计算（{pause.reason}），不计入答复期限"


def _refuse_while_awaiting_correction(walk: _Walk, what_zh: str) -> None:
    if walk.awaiting_correction:
        raise DeadlineError("the application awaits correction", f"申请正在等待补正，不能登记{what_zh}")


def _on_correction_requested(walk: _Walk, event: CorrectionRequested) -> None:
    if walk.awaiting_correction:
        raise DeadlineError(
            "a correction notice is already pending", "已发出补正通知，尚未收到补正，不能重复发出"
        )
    if walk.extension is not None or walk.open_pauses:
        raise DeadlineError(
            "a correction notice cannot follow an extension or an open pause",
            "补正通知应在延期、征求意见等事项之前发出",
        )
    notice_due = add_working_days(
        walk.clock_start, CORRECTION_NOTICE_WORKING_DAYS, calendar=walk.calendar
    ).due
    walk.awaiting_correction = True
    late = "，晚于第三十条规定的期限" if event.on > notice_due else ""
    limit = f"，补正期限至 {event.respond_by.isoformat()}" if event.respond_by else ""
    walk.lines.append(
        f"{event.on.isoformat()} 发出补正通知（第三十条：最迟应于 {notice_due.isoformat()} 一次性告知）{late}{limit}"
    )


def _on_corrected(walk: _Walk, event: Corrected) -> None:
    if not walk.awaiting_correction:
        raise DeadlineError(
            "correction received without a pending notice", "未发出补正通知，不能登记收到补正"
        )
    walk.awaiting_correction = False
    walk.clock_start = event.on
    walk.pauses.clear()
    walk.lines.append(f"{event.on.isoformat()} 收到补正后的申请，答复期限自次日重新起算（第三十条）")


def _on_extended(walk: _Walk, event: Extended) -> None:
    _refuse_while_awaiting_correction(walk, "延期")
    if walk.extension is not None:
        raise DeadlineError(
            "the reply period can be extended only once", "答复期限只能延长一次（第三十三条第二款）"
        )
    if not 1 <= event.days <= MAX_EXTENSION_WORKING_DAYS:
        raise DeadlineError(
            f"extension of {event.days} working days is outside 1..{MAX_EXTENSION_WORKING_DAYS}",
            f"延长的期限应为1至{MAX_EXTENSION_WORKING_DAYS}个工作日（第三十三条第二款），不能为{event.days}个",
        )
    if not event.reason.strip():
        raise DeadlineError("an extension needs a reason", "延长答复期限须说明理由")
    due = walk.due_now(until=event.on).due
    if event.on > due:
        raise DeadlineError(
            f"extension on {event.on} after the period ended on {due}",
            f"答复期限已于 {due.isoformat()} 届满，{event.on.isoformat()} 不能再延长",
        )
    walk.extension = event
    walk.lines.append(
        f"{event.on.isoformat()} 经政府信息公开工作机构负责人同意，延长答复期限 {event.days} 个工作日"
        f"（第三十三条第二款），理由：{event.reason.strip()}"
    )


def _on_replied(walk: _Walk, event: Replied) -> None:
    _refuse_while_awaiting_correction(walk, "答复（逾期不补正的，视为放弃申请）")
    for which in list(walk.open_pauses):
        _close_pause(walk, which, event.on)
    walk.replied_on = event.on


def _apply(walk: _Walk, event: CaseEvent) -> None:
    if walk.replied_on is not None:
        raise DeadlineError(f"event {event.kind} after the reply", "已答复的申请不能再登记其他事项")
    match event:
        case Received():
            raise DeadlineError("a second receipt event", "同一申请只能有一条收到申请的记录")
        case CorrectionRequested():
            _on_correction_requested(walk, event)
        case Corrected():
            _on_corrected(walk, event)
        case ConsultationStarted():
            reason = f"征求{event.consulted}意见"
            line = f"{event.on.isoformat()} 书面征求{event.consulted}意见，所需时间不计入答复期限（第三十二条、第三十三条第三款）"
            _open_pause(walk, _Suspension.CONSULTATION, event.on, reason, line)
        case ConsultationEnded():
            _close_pause(walk, _Suspension.CONSULTATION, event.on)
        case ReasonsRequested():
            line = f"{event.on.isoformat()} 要求申请人说明理由（第三十五条），等待期间暂停计算"
            _open_pause(walk, _Suspension.REASONS, event.on, "要求申请人说明理由", line)
        case ReasonsReceived():
            _close_pause(walk, _Suspension.REASONS, event.on)
        case Paused():
            if not event.reason.strip():
                raise DeadlineError("a pause needs a reason", "暂停计算须说明理由")
            _open_pause(walk, _Suspension.GENERIC, event.on, event.reason.strip())
        case Resumed():
            _close_pause(walk, _Suspension.GENERIC, event.on)
        case Extended():
            _on_extended(walk, event)
        case Replied():
            _on_replied(walk, event)


def _state(walk: _Walk) -> CaseState:
    if walk.replied_on is not None:
        return CaseState.REPLIED
    if walk.awaiting_correction:
        return CaseState.AWAITING_CORRECTION
    if walk.open_pauses:
        return CaseState.SUSPENDED
    return CaseState.RUNNING


def _reply_line(replied_on: date, due: date, calendar: WorkCalendar) -> tuple[str, int | None]:
    """The reply's line of the explanation, and how many working days late it was (None: on time)."""
    if replied_on <= due:
        return f"{replied_on.isoformat()} 已答复，在期限内", None
    late = working_days_between(due, replied_on, calendar)
    if late == 0:
        return f"{replied_on.isoformat()} 已答复，晚于期限届满日 {due.isoformat()}（休息日答复）", late
    return f"{replied_on.isoformat()} 已答复，超过期限 {late} 个工作日", late


def _running_lines(walk: _Walk, computation: DueDate, original_due: date) -> list[str]:
    """The rule applied, then the calendar's summary (holidays, 调休, pauses, the due date)."""
    rule = f"第三十三条第二款：{REPLY_WORKING_DAYS}个工作日内答复"
    if walk.extension is not None:
        rule += f"，原期限至 {original_due.isoformat()}，延长后期限至 {computation.due.isoformat()}"
    return [rule, *explain_zh(computation)[1:]]


def _suspended_lines(walk: _Walk, state: CaseState) -> list[str]:
    """While no due date can be given: the pauses so far, the open ones, the state."""
    lines = [_pause_line(pause) for pause in walk.pauses]
    lines.extend(
        f"{started.isoformat()} 起暂停计算（{reason}），尚未结束"
        for started, reason in walk.open_pauses.values()
    )
    lines.append(f"当前状态：{state}，答复期限待恢复计算后确定")
    return lines


def due_date_for(events: Iterable[CaseEvent], calendar: WorkCalendar) -> CaseDeadline:
    """The reply deadline (第三十三条) of an application from its events, with the explanation.

    `due` is None while the case awaits correction or a pause is still open. Raises
    `DeadlineError` for an impossible or unlawful sequence of events.
    """
    ordered = _ordered(events)
    received_on = ordered[0].on
    lines = [f"{received_on.isoformat()} 收到申请（第三十一条），答复期限自次日起算"]
    walk = _Walk(calendar, received_on, lines)
    for event in ordered[1:]:
        _apply(walk, event)
    correction_due = add_working_days(received_on, CORRECTION_NOTICE_WORKING_DAYS, calendar=calendar).due
    state = _state(walk)
    computation: DueDate | None = None
    original_due: date | None = None
    late_by: int | None = None
    if state in (CaseState.RUNNING, CaseState.REPLIED):
        computation = walk.due_now()
        original_due = add_working_days(
            walk.clock_start, REPLY_WORKING_DAYS, calendar=calendar, pauses=walk.pauses
        ).due
        lines.extend(_running_lines(walk, computation, original_due))
        if walk.replied_on is not None:
            reply_line, late_by = _reply_line(walk.replied_on, computation.due, calendar)
            lines.append(reply_line)
    else:
        lines.extend(_suspended_lines(walk, state))
    return CaseDeadline(
        state=state,
        received_on=received_on,
        clock_start=walk.clock_start,
        due=computation.due if computation else None,
        provisional=computation.provisional if computation else False,
        correction_notice_due=correction_due,
        original_due=original_due,
        extension_days=walk.extension.days if walk.extension else 0,
        pauses=tuple(walk.pauses),
        replied_on=walk.replied_on,
        late_by_working_days=late_by,
        computation=computation,
        explanation_zh=tuple(lines),
    )


def publication_due(formed_on: date, calendar: WorkCalendar) -> DueDate:
    """第二十六条: the last day to publish proactively-disclosed information formed or changed on `formed_on`."""
    return add_working_days(formed_on, PUBLICATION_WORKING_DAYS, calendar=calendar)


def third_party_opinion_due(started_on: date, calendar: WorkCalendar) -> DueDate:
    """第三十二条: the last day of the third party's 15 working days, from the day the request was sent."""
    return add_working_days(started_on, CONSULTATION_WORKING_DAYS, calendar=calendar)


def fee_payment_due(notified_on: date, calendar: WorkCalendar) -> DueDate:
    """国办函〔2020〕109号: the last day to pay the 信息处理费, 20 working days from the fee notice."""
    return add_working_days(notified_on, FEE_PAYMENT_WORKING_DAYS, calendar=calendar)


def annual_report_due(year: int, *, consolidated: bool) -> date:
    """条例第四十九、五十条: a department's report on `year` by 1月31日 of the next year; a
    government's own (consolidated) report by 3月31日."""
    return date(year + 1, 3, 31) if consolidated else date(year + 1, 1, 31)


def consultation_answer_due(received_on: date, calendar: WorkCalendar, working_days: int) -> DueDate:
    """The last day to answer a question received on `received_on`, within the agency's period."""
    return add_working_days(received_on, working_days, calendar=calendar)
