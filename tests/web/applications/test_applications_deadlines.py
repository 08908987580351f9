"""Deadlines of cases as the app stores them: derived from the event log, cached for lists, and
recomputed when the calendar table changes. Expected dates counted by hand on the 2025/2026
schedules (国办发明电〔2024〕12号, 〔2025〕7号)."""

from __future__ import annotations

from datetime import date

import pytest

from factories.applications import Staff, fresh
from xxgk.web.applications import services
from xxgk.web.applications.errors import InvalidInput
from xxgk.web.applications.selectors import case_deadline_of
from xxgk.web.audit.models import AuditEvent
from xxgk.web.calendar import services as calendar_services
from xxgk.web.orgs.errors import RoleRequired

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 春节 2025: 1/28–2/4 off, Sun 1/26 and Sat 2/8 worked (调休) → 20th working day Thu 2/27.
        (date(2025, 1, 24), date(2025, 2, 27)),
        # 国庆·中秋 2025: 10/1–10/8 off, Sun 9/28 and Sat 10/11 worked → Thu 10/30.
        (date(2025, 9, 26), date(2025, 10, 30)),
        # Year end: 元旦 2026 1/1–1/3 off, Sun 1/4 worked → Tue 2026-01-20.
        (date(2025, 12, 22), date(2026, 1, 20)),
    ],
    ids=["spring-festival", "national-day", "year-end"],
)
def test_due_dates_across_holidays(staff: Staff, received: date, due: date) -> None:
    case = staff.register(received_on=received)
    assert case.due_on == due and not case.due_provisional
    assert case_deadline_of(case).due == due


def test_consultation_time_is_not_counted(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))  # due 3/31
    case = services.start_consultation(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 10), consulted="某公司"
    )
    assert fresh(case).due_on is None  # suspended: no date while the consultation is open
    case = services.end_consultation(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 20)
    )
    # 3/11–3/20 (8 working days) not counted; 清明 4/4 off → Fri 2025-04-11.
    assert fresh(case).due_on == date(2025, 4, 11)
    explanation = "\n".join(case_deadline_of(fresh(case)).explanation_zh)
    assert "征求某公司意见" in explanation and "2025-04-11" in explanation


def test_correction_restarts_the_clock(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    case = services.request_correction(
        actor=staff.handler,
        application=case,
        version=case.version,
        on=date(2025, 3, 5),
        what="请写明文件名称或文号",
        respond_by=date(2025, 3, 20),
    )
    assert fresh(case).due_on is None
    letter = case.letters.get(kind="correction")
    assert (
        "第三十条" in letter.body and "2025年3月20日" in letter.body and letter.issued_on == date(2025, 3, 5)
    )
    case = services.receive_correction(
        actor=staff.registrar, application=case, version=case.version, on=date(2025, 3, 12)
    )
    # Counting restarts after 3/12: 20th working day (清明 4/4 off) is Thu 2025-04-10.
    assert fresh(case).due_on == date(2025, 4, 10)


def test_fee_notice_pauses_until_payment(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    # 按量计收 150 pages: 1–30 free, 31–100 at 10 (700), 101–150 at 20 (1000) = 1700 元.
    case = services.issue_fee_notice(
        actor=staff.handler,
        application=case,
        version=case.version,
        on=date(2025, 3, 10),
        method="per_page",
        quantity=150,
    )
    fee = case.fees.get()
    assert fee.amount == 1700
    # Pay within 20 working days after 3/10 → 4/8 (清明 4/4 off).
    assert fee.pay_by == date(2025, 4, 8)
    assert "1700元" in case.letters.get(kind="fee").body and "第四十二条" in case.letters.get(kind="fee").body
    case = services.record_payment(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 20)
    )
    assert fresh(case).due_on == date(2025, 4, 11)


def test_unpaid_fee_concludes_as_no_fee(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    case = services.issue_fee_notice(
        actor=staff.handler,
        application=case,
        version=case.version,
        on=date(2025, 3, 10),
        method="per_piece",
        quantity=12,
    )
    assert case.fees.get().amount == 200  # 11th and 12th 件 at 100 元
    case = services.mark_unpaid(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 4, 9)
    )
    case = fresh(case)
    assert (case.state, case.outcome, case.concluded_on) == ("abandoned", "other.no_fee", date(2025, 4, 9))


def test_free_quantities_need_no_fee_notice(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    with pytest.raises(InvalidInput):
        services.issue_fee_notice(
            actor=staff.handler,
            application=case,
            version=case.version,
            on=date(2025, 3, 10),
            method="per_page",
            quantity=30,
        )
    assert not case.fees.exists()


def test_extension_letter_names_the_new_due_date(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    case = services.extend(
        actor=staff.approver,
        application=case,
        version=case.version,
        on=date(2025, 3, 28),
        days=20,
        reason="需调取档案",
    )
    # 3/31 + 20 working days (清明 4/4, 劳动节 5/1–5/5 off; Sun 4/27 worked) → Mon 2025-04-28.
    assert fresh(case).due_on == date(2025, 4, 28)
    assert "2025年4月28日" in case.letters.get(kind="extension").body


def test_local_holiday_moves_open_due_dates_and_back(staff: Staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    closed = staff.register(received_on=date(2025, 3, 3))
    services.withdraw(actor=staff.handler, application=closed, version=closed.version, on=date(2025, 3, 4))
    changed = calendar_services.set_calendar_day(
        actor=staff.superuser, day=date(2025, 3, 10), is_workday=False, note="本地节日"
    )
    assert changed == 1
    assert fresh(case).due_on == date(2025, 4, 1)
    assert fresh(closed).due_on == date(2025, 3, 31)  # concluded cases keep their date
    assert AuditEvent.objects.filter(action="workcalendar.calendar_change").exists()
    calendar_services.remove_calendar_day(actor=staff.superuser, day=date(2025, 3, 10))
    assert fresh(case).due_on == date(2025, 3, 31)


def test_unannounced_year_is_provisional_until_announced(staff: Staff) -> None:
    case = staff.register(received_on=date(2026, 11, 20))
    case = services.extend(
        actor=staff.approver,
        application=case,
        version=case.version,
        on=date(2026, 11, 23),
        days=20,
        reason="需调取档案",
    )
    # 40 working days after 11/20; 2027 judged by weekends and the statutory 元旦 → Mon 2027-01-18, 暂定.
    case = fresh(case)
    assert case.due_on == date(2027, 1, 18) and case.due_provisional
    calendar_services.set_calendar_day(
        actor=staff.superuser, day=date(2027, 1, 1), is_workday=False, note="元旦"
    )
    calendar_services.set_year_announced(
        actor=staff.superuser, year=2027, announced=True, source="国务院办公厅通知"
    )
    case = fresh(case)
    assert case.due_on == date(2027, 1, 18) and not case.due_provisional


def test_only_system_administrators_edit_the_calendar(staff: Staff) -> None:
    with pytest.raises(RoleRequired):
        calendar_services.set_calendar_day(
            actor=staff.admin, day=date(2025, 3, 10), is_workday=False, note="本地节日"
        )
