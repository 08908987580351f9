"""Reply deadlines derived from case events (条例第三十、三十二、三十三、三十五条) and 第二十六条."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xxgk.deadlines import (
    EVENT_TYPES,
    CaseState,
    ConsultationEnded,
    ConsultationStarted,
    Corrected,
    CorrectionRequested,
    DeadlineError,
    EventKind,
    Extended,
    Paused,
    ReasonsReceived,
    ReasonsRequested,
    Received,
    Replied,
    Resumed,
    due_date_for,
    publication_due,
)
from xxgk.workdays import Override, WorkCalendar, add_working_days

CALENDAR = WorkCalendar()
MONDAY = date(2025, 3, 3)


def deadline(*events):
    return due_date_for(list(events), CALENDAR)


def test_plain_twenty_working_days():
    result = deadline(Received(MONDAY))
    assert result.due == date(2025, 3, 31)
    assert result.state is CaseState.RUNNING
    assert result.explanation_zh[0] == "2025-03-03 收到申请（第三十一条），答复期限自次日起算"
    assert result.explanation_zh[-1] == "期限届满日：2025-03-31（周一）"


def test_correction_notice_due_within_seven_working_days():
    assert deadline(Received(MONDAY)).correction_notice_due == date(2025, 3, 12)


def test_correction_restarts_the_clock():
    result = deadline(Received(MONDAY), CorrectionRequested(date(2025, 3, 5)), Corrected(date(2025, 3, 14)))
    # From 3-14 (Fri): 3-17..4-3 are 14 days, 4-4 清明, 4-7..4-11 are 15-19, 4-14 is the 20th.
    assert result.due == date(2025, 4, 14)
    assert result.clock_start == date(2025, 3, 14)
    assert "2025-03-14 收到补正后的申请，答复期限自次日重新起算（第三十条）" in result.explanation_zh
    assert "2025-04-04 至 2025-04-06 清明节放假，不计入" in result.explanation_zh


def test_awaiting_correction_has_no_due_date():
    result = deadline(Received(MONDAY), CorrectionRequested(date(2025, 3, 5), respond_by=date(2025, 3, 20)))
    assert result.due is None
    assert result.state is CaseState.AWAITING_CORRECTION
    assert any("补正期限至 2025-03-20" in line for line in result.explanation_zh)


def test_late_correction_notice_is_flagged():
    result = deadline(Received(MONDAY), CorrectionRequested(date(2025, 3, 13)), Corrected(date(2025, 3, 14)))
    assert any("晚于第三十条规定的期限" in line for line in result.explanation_zh)


def test_second_correction_round_restarts_again():
    result = deadline(
        Received(MONDAY),
        CorrectionRequested(date(2025, 3, 5)),
        Corrected(date(2025, 3, 7)),
        CorrectionRequested(date(2025, 3, 10)),
        Corrected(date(2025, 3, 14)),
    )
    assert result.due == date(2025, 4, 14)


def test_consultation_time_is_not_counted():
    # Letter sent 3-10 (still counted, the 5th day); opinion received 3-19: 3-11..3-19 not counted.
    result = deadline(
        Received(MONDAY), ConsultationStarted(date(2025, 3, 10)), ConsultationEnded(date(2025, 3, 19))
    )
    assert result.due == date(2025, 4, 10)
    assert result.pauses[0].first == date(2025, 3, 11) and result.pauses[0].last == date(2025, 3, 19)
    assert "2025-03-11 至 2025-03-19 暂停计算（征求第三方意见），不计入" in result.explanation_zh


def test_open_consultation_suspends_the_deadline():
    result = deadline(Received(MONDAY), ConsultationStarted(date(2025, 3, 10), consulted="其他机关"))
    assert result.due is None
    assert result.state is CaseState.SUSPENDED
    assert "2025-03-10 起暂停计算（征求其他机关意见），尚未结束" in result.explanation_zh


def test_reasons_request_is_not_counted():
    result = deadline(
        Received(MONDAY), ReasonsRequested(date(2025, 3, 10)), ReasonsReceived(date(2025, 3, 19))
    )
    assert result.due == date(2025, 4, 10)
    assert any("第三十五条" in line for line in result.explanation_zh)


def test_generic_pause_with_reason():
    result = deadline(Received(MONDAY), Paused(date(2025, 3, 10), "不可抗力"), Resumed(date(2025, 3, 19)))
    assert result.due == date(2025, 4, 10)
    assert "2025-03-11 至 2025-03-19 暂停计算（不可抗力），不计入" in result.explanation_zh


def test_pause_ending_the_day_it_started_changes_nothing():
    result = deadline(Received(MONDAY), Paused(date(2025, 3, 10), "核实"), Resumed(date(2025, 3, 10)))
    assert result.due == date(2025, 3, 31)
    assert result.pauses == ()


def test_extension_across_national_day_2025():
    received = Received(date(2025, 9, 26))
    assert deadline(received).due == date(2025, 10, 30)
    result = deadline(received, Extended(date(2025, 10, 20), 20, "需调取档案"))
    assert result.original_due == date(2025, 10, 30)
    assert result.due == date(2025, 11, 27)
    assert result.extension_days == 20
    assert any("原期限至 2025-10-30，延长后期限至 2025-11-27" in line for line in result.explanation_zh)


def test_shorter_extension():
    result = deadline(Received(date(2025, 9, 26)), Extended(date(2025, 10, 20), 10, "需调取档案"))
    assert result.due == date(2025, 11, 13)


def test_extension_on_the_last_day_is_allowed():
    result = deadline(Received(date(2025, 9, 26)), Extended(date(2025, 10, 30), 5, "需调取档案"))
    assert result.due == date(2025, 11, 6)


def test_reply_on_time_and_late():
    on_time = deadline(Received(MONDAY), Replied(date(2025, 3, 31)))
    assert on_time.state is CaseState.REPLIED and on_time.late_by_working_days is None
    late = deadline(Received(MONDAY), Replied(date(2025, 4, 2)))
    assert late.late_by_working_days == 2
    assert late.explanation_zh[-1] == "2025-04-02 已答复，超过期限 2 个工作日"


def test_reply_closes_an_open_consultation():
    result = deadline(Received(MONDAY), ConsultationStarted(date(2025, 3, 10)), Replied(date(2025, 3, 19)))
    assert result.state is CaseState.REPLIED
    assert result.due == date(2025, 4, 10)


def test_deadline_into_2027_is_provisional_then_exact():
    events = [Received(date(2026, 12, 15))]
    provisional = due_date_for(events, CALENDAR)
    assert provisional.due == date(2027, 1, 13) and provisional.provisional  # 元旦 known in advance
    assert any("2027年节假日安排尚未公布" in line for line in provisional.explanation_zh)
    announced = WorkCalendar({date(2027, 1, 1): Override(False, "元旦")}, announced_years={2027})
    exact = due_date_for(events, announced)
    assert exact.due == date(2027, 1, 13) and not exact.provisional


def test_events_are_taken_in_date_order():
    shuffled = [Corrected(date(2025, 3, 14)), Received(MONDAY), CorrectionRequested(date(2025, 3, 5))]
    assert due_date_for(shuffled, CALENDAR).due == date(2025, 4, 14)


def test_publication_due_uses_the_same_calculation():
    assert publication_due(date(2025, 1, 20), CALENDAR).due == date(2025, 2, 21)
    assert publication_due(date(2025, 1, 20), CALENDAR) == add_working_days(
        date(2025, 1, 20), 20, calendar=CALENDAR
    )


def test_event_types_cover_every_kind():
    assert set(EVENT_TYPES) == set(EventKind)
    assert all(event_type.kind is kind for kind, event_type in EVENT_TYPES.items())


ILLEGAL = {
    "no_receipt": ([Replied(MONDAY)], "缺少收到申请的记录"),
    "before_receipt": ([Received(MONDAY), Paused(date(2025, 3, 1), "x")], "早于收到申请之日"),
    "two_receipts": ([Received(MONDAY), Received(date(2025, 3, 4))], "只能有一条收到申请"),
    "corrected_without_notice": ([Received(MONDAY), Corrected(date(2025, 3, 5))], "未发出补正通知"),
    "two_pending_notices": (
        [Received(MONDAY), CorrectionRequested(date(2025, 3, 4)), CorrectionRequested(date(2025, 3, 5))],
        "不能重复发出",
    ),
    "second_extension": (
        [Received(MONDAY), Extended(date(2025, 3, 10), 5, "a"), Extended(date(2025, 3, 11), 5, "b")],
        "只能延长一次",
    ),
    "extension_too_long": ([Received(MONDAY), Extended(date(2025, 3, 10), 21, "a")], "最多|1至20"),
    "extension_zero": ([Received(MONDAY), Extended(date(2025, 3, 10), 0, "a")], "1至20"),
    "extension_without_reason": ([Received(MONDAY), Extended(date(2025, 3, 10), 5, " ")], "须说明理由"),
    "extension_after_expiry": (
        [Received(MONDAY), Extended(date(2025, 4, 1), 5, "a")],
        "已于 2025-03-31 届满",
    ),
    "extension_awaiting_correction": (
        [Received(MONDAY), CorrectionRequested(date(2025, 3, 4)), Extended(date(2025, 3, 5), 5, "a")],
        "等待补正",
    ),
    "notice_after_extension": (
        [Received(MONDAY), Extended(date(2025, 3, 4), 5, "a"), CorrectionRequested(date(2025, 3, 5))],
        "之前发出",
    ),
    "end_without_start": ([Received(MONDAY), ConsultationEnded(date(2025, 3, 5))], "没有未结束的征求意见"),
    "consultation_twice": (
        [Received(MONDAY), ConsultationStarted(date(2025, 3, 4)), ConsultationStarted(date(2025, 3, 5))],
        "2025-03-04 起的征求意见尚未结束",
    ),
    "resume_without_pause": ([Received(MONDAY), Resumed(date(2025, 3, 5))], "没有未结束的暂停计算"),
    "reasons_received_without_request": ([Received(MONDAY), ReasonsReceived(date(2025, 3, 5))], "说明理由"),
    "pause_without_reason": ([Received(MONDAY), Paused(date(2025, 3, 5), "")], "须说明理由"),
    "after_reply": ([Received(MONDAY), Replied(date(2025, 3, 5)), Paused(date(2025, 3, 6), "x")], "已答复"),
    "reply_awaiting_correction": (
        [Received(MONDAY), CorrectionRequested(date(2025, 3, 4)), Replied(date(2025, 3, 6))],
        "视为放弃申请",
    ),
}


@pytest.mark.parametrize("events,message", ILLEGAL.values(), ids=ILLEGAL.keys())
def test_illegal_event_sequences_are_refused(events, message):
    with pytest.raises(DeadlineError, match=r"^[\x00-\x7f]+$") as caught:
        due_date_for(events, CALENDAR)
    assert any(part in caught.value.message_zh for part in message.split("|"))


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 6, 30)),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=20),
)
def test_consultation_never_makes_the_deadline_earlier(received_on, offset, length):
    plain = deadline(Received(received_on)).due
    started = received_on + timedelta(days=offset)
    paused = deadline(
        Received(received_on),
        ConsultationStarted(started),
        ConsultationEnded(started + timedelta(days=length)),
    )
    assert paused.due >= plain
    assert CALENDAR.is_workday(paused.due)
