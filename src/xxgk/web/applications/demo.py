"""Demo data of applications: 2025 and part of 2026 for four demo agencies, every table 三
outcome and applicant kind, some cases open at the end of 2025 and some open now.

Deterministic (seeded per agency) and idempotent (fixed tracking numbers). Rows are written in
bulk, not through the services, to stay fast; the event log and cached due dates are the ones
the services would have written (deadlines from `xxgk.deadlines`). The 查询码 of every demo case
is the demo password.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from xxgk import deadlines as core
from xxgk.pii import id_check_char
from xxgk.web.applications.case_deadline import row_fields
from xxgk.web.applications.letters import FILL_IN, CaseFacts, abandonment_body, reply_body
from xxgk.web.applications.models import (
    APPLICANT_KIND_CHOICES,
    OUTCOME_CHOICES,
    Application,
    CaseEvent,
    Channel,
    Delivery,
    FeeNotice,
    IdentityDocument,
    InfoForm,
    Letter,
    LetterKind,
    State,
)
from xxgk.web.applications.tracking import hash_secret
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.demo import DemoContext
from xxgk.workdays import WorkCalendar, add_working_days

TZ = ZoneInfo("Asia/Shanghai")
# (org key, handler username, cases in 2025, cases in 2026)
AGENCIES = (
    ("jgsw", "jgsw_chengban", 48, 14),
    ("zrzy", "zrzy_chengban", 40, 12),
    ("jyj", "jyj_chengban", 30, 10),
    ("cihua", "cihua_chengban", 14, 6),
)
OPEN_2026_FROM = date(2026, 11, 10)  # cases received from here on are still open in the demo
YEAR_END_FROM = date(2025, 12, 22)  # cases received from here on are answered in 2026

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "桂英",
    "建华",
)
_COMPANIES = (
    "宜春市某某建材有限公司",
    "江西某某律师事务所",
    "宜春学院某研究所",
    "宜春市某某公益服务中心",
    "某某村民委员会",
    "宜春某某物业服务有限公司",
)
_TOPICS = (
    "市行政中心物业服务合同及验收材料",
    "2024年度公务用车购置和运行费用明细",
    "某地块国有建设用地使用权出让合同",
    "某小区规划许可及竣工验收材料",
    "2025年义务教育学校招生划片方案",
    "某村土地征收补偿安置方案",
    "机关食堂承包招标文件",
    "某道路改造工程立项批复",
    "某镇2024年财政预算执行情况",
    "集体土地征收听证材料",
)
_KIND_COMPANY = {"commercial": 0, "legal_service": 1, "research": 2, "social_welfare": 3, "other_org": 4}


@dataclass
class _Plan:
    """One demo case: its rows before insertion."""

    case: Application
    events: list[core.CaseEvent] = field(default_factory=list)
    fee: FeeNotice | None = None
    letter: Letter | None = None


def _workday_on_or_after(day: date, calendar: WorkCalendar) -> date:
    while not calendar.is_workday(day):
        day += timedelta(days=1)
    return day


def _received_dates(rng: random.Random, year: int, count: int, calendar: WorkCalendar) -> list[date]:
    last = date(2026, 11, 27) if year == 2026 else date(2025, 12, 26)
    span = (last - date(year, 1, 5)).days
    days = sorted(date(year, 1, 5) + timedelta(days=rng.randrange(span)) for _ in range(count))
    if year == 2025:  # some received in the last days of the year: open on 31 December
        days[-3:] = [YEAR_END_FROM, date(2025, 12, 24), date(2025, 12, 26)]
    return [_workday_on_or_after(day, calendar) for day in days]


DEMO_FILLED = "（演示数据：此处为承办人填写的具体内容）"
"""What a handler would have written in place of 【请填写】 in the demo's issued replies."""


def _applicant(rng: random.Random, kind: str, index: int) -> dict[str, str]:
    if kind == "natural_person":
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 50))
        first17 = f"360902{born:%Y%m%d}{rng.randrange(1000):03d}"
        id_type, id_number = IdentityDocument.ID_CARD, first17 + id_check_char(first17)
        contact = ""
    else:
        name = _COMPANIES[_KIND_COMPANY.get(kind, 5)]
        id_type, id_number = IdentityDocument.CREDIT_CODE, f"91360900{rng.randrange(10**10):010d}"
        contact = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
    return {
        "name": name,
        "id_type": id_type,
        "id_number": id_number,
        "contact_person": contact,
        "phone": f"139{rng.randrange(10**8):08d}",
        "email": f"demo{index}@example.com",
        "address": "江西省宜春市袁州区演示路" + str(rng.randrange(1, 300)) + "号",
        "postcode": "336000",
    }


def _plan(
    *,
    org,
    handler,
    number: str,
    received: date,
    outcome: str,
    kind: str,
    concluded: bool,
    rng: random.Random,
    calendar: WorkCalendar,
    index: int,
) -> _Plan:
    submitted = datetime.combine(received, time(9, 30), tzinfo=TZ)
    case = Application(
        organisation=org,
        number=number,
        secret_hash=hash_secret(DemoContext.password),
        channel=rng.choice(Channel.values),
        submitted_at=submitted,
        received_on=received,
        receipt_confirmed_by=handler,
        receipt_confirmed_at=submitted,
        applicant_kind=kind,
        description=f"申请公开{rng.choice(_TOPICS)}。",
        info_form=rng.choice(InfoForm.values),
        delivery=rng.choice(Delivery.values),
        handler=handler,
        state=State.REGISTERED,
        **_applicant(rng, kind, index),
    )
    plan = _Plan(case, [core.Received(received)])
    step = lambda days: add_working_days(received, days, calendar=calendar).due  # noqa: E731
    if not concluded:
        case.state = (State.REGISTERED, State.DRAFTED, State.CONSULTING, State.REVIEWED)[index % 4]
        if case.state == State.CONSULTING:
            plan.events.append(core.ConsultationStarted(step(1), consulted="第三方"))
        return plan
    if outcome == "other.no_correction":
        respond_by = step(3) + timedelta(days=15)
        plan.events.append(core.CorrectionRequested(step(3), respond_by=respond_by))
        case.state, case.concluded_on = State.ABANDONED, respond_by + timedelta(days=1)
    elif outcome == "other.no_fee":
        notice = step(8)
        pay_by = add_working_days(notice, 20, calendar=calendar).due
        plan.events.append(core.Paused(notice, reason="等待申请人缴纳信息处理费"))
        plan.fee = FeeNotice(
            method=FeeNotice.Method.PER_PAGE,
            quantity=160,
            amount=1900,
            issued_on=notice,
            pay_by=pay_by,
            unpaid_on=pay_by + timedelta(days=1),
        )
        case.state, case.concluded_on = State.ABANDONED, pay_by + timedelta(days=1)
    elif outcome == "other.other" and index % 2:
        case.state, case.concluded_on = State.WITHDRAWN, step(4)
    else:
        if index % 7 == 0:
            plan.events.append(core.Extended(step(3), days=10, reason="申请内容复杂，需调取多年档案"))
        # Received in the last days of 2025: answered in January, so open on 31 December.
        days = rng.randint(14, 19) if received >= YEAR_END_FROM else rng.randint(4, 19)
        replied = step(days + (10 if index % 7 == 0 else 0))
        plan.events.append(core.Replied(replied))
        case.state, case.concluded_on = (State.CLOSED if index % 2 else State.REPLIED), replied
        facts = CaseFacts(case.name, received, case.description, org.review_body, org.court)
        plan.letter = Letter(
            kind=LetterKind.REPLY,
            outcome=outcome,
            body=reply_body(facts, outcome).replace(FILL_IN, DEMO_FILLED),
            issued_on=replied,
        )
    if case.state == State.ABANDONED:
        facts = CaseFacts(case.name, received, case.description, org.review_body, org.court)
        body = abandonment_body(facts, outcome)
        plan.letter = Letter(kind=LetterKind.REPLY, outcome=outcome, body=body, issued_on=case.concluded_on)
    case.outcome = outcome
    return plan


def _plans(context: DemoContext, calendar: WorkCalendar) -> list[_Plan]:
    outcomes = [key for key, _ in OUTCOME_CHOICES]
    kinds = [key for key, _ in APPLICANT_KIND_CHOICES]
    weights = [60, 15, 5, 5, 5, 10]
    plans = []
    for org_index, (org_key, handler_key, count_2025, count_2026) in enumerate(AGENCIES):
        rng = random.Random(f"xxgk-demo-applications-{org_key}")
        org, handler = context.orgs[org_key], context.users[handler_key]
        index = 0
        for year, count in ((2025, count_2025), (2026, count_2026)):
            for received in _received_dates(rng, year, count, calendar):
                outcome = outcomes[(index + org_index * 5) % len(outcomes)]
                kind = kinds[index] if index < len(kinds) else rng.choices(kinds, weights)[0]
                concluded = received < OPEN_2026_FROM
                number = f"{received:%Y%m%d}{org_index + 1:02d}{index:04d}"
                plans.append(
                    _plan(
                        org=org,
                        handler=handler,
                        number=number,
                        received=received,
                        outcome=outcome,
                        kind=kind,
                        concluded=concluded,
                        rng=rng,
                        calendar=calendar,
                        index=index,
                    )
                )
                index += 1
    return plans


def load(context: DemoContext) -> None:
    calendar = current_calendar()
    plans = _plans(context, calendar)
    existing = set(
        Application.objects.filter(number__in=[p.case.number for p in plans]).values_list("number", flat=True)
    )
    todo = [p for p in plans if p.case.number not in existing]
    if not todo:
        return
    for plan in todo:
        deadline = core.due_date_for(plan.events, calendar)
        plan.case.due_on, plan.case.due_provisional = deadline.due, deadline.provisional
    Application.objects.bulk_create([p.case for p in todo])
    saved = {a.number: a for a in Application.objects.filter(number__in=[p.case.number for p in todo])}
    events, fees, letters = [], [], []
    for plan in todo:
        case = saved[plan.case.number]
        events += [
            CaseEvent(application=case, created_by=case.handler, **row_fields(event)) for event in plan.events
        ]
        if plan.fee is not None:
            plan.fee.application = case
            fees.append(plan.fee)
        if plan.letter is not None:
            plan.letter.application = case
            letters.append(plan.letter)
    CaseEvent.objects.bulk_create(events)
    FeeNotice.objects.bulk_create(fees)
    Letter.objects.bulk_create(letters)
    context.created += len(todo)
