"""Demo data of consultations: a few questions in 2025 and 2026 for two demo agencies, by each
channel, answered, pending and one converted to an application, all written through the services.
Idempotent: an agency that already has questions gets none.
"""

from __future__ import annotations

from datetime import date

from xxgk.web.applications.intake import ApplicantData
from xxgk.web.applications.models import Channel as ApplicationChannel
from xxgk.web.consultations import services
from xxgk.web.consultations.models import Channel, Consultation
from xxgk.web.demo import DemoContext

ANSWER = "您咨询的信息已在本机关政府信息公开专栏主动公开，可在“法定主动公开内容”栏目中查阅。"
# (org key, staff username, channel, received, answered (None: pending), question)
QUESTIONS = (
    (
        "jgsw",
        "jgsw_chengban",
        Channel.PHONE,
        date(2025, 3, 11),
        date(2025, 3, 12),
        "公务用车管理办法在哪里公开？",
    ),
    (
        "jgsw",
        "jgsw_chengban",
        Channel.WEBSITE,
        date(2025, 6, 3),
        date(2025, 6, 6),
        "如何申请公开机关食堂的采购合同？",
    ),
    (
        "jgsw",
        "jgsw_chengban",
        Channel.IN_PERSON,
        date(2025, 9, 18),
        date(2025, 9, 18),
        "政府信息公开申请需要带哪些材料？",
    ),
    (
        "jgsw",
        "jgsw_chengban",
        Channel.HOTLINE,
        date(2025, 11, 4),
        date(2025, 11, 7),
        "办公用房调配结果是否公开？",
    ),
    ("jgsw", "jgsw_chengban", Channel.EMAIL, date(2026, 11, 30), None, "2026年节能工作要点何时公开？"),
    (
        "zrzy",
        "zrzy_chengban",
        Channel.PHONE,
        date(2025, 4, 8),
        date(2025, 4, 9),
        "不动产登记收费标准在哪里查询？",
    ),
    (
        "zrzy",
        "zrzy_chengban",
        Channel.LETTER,
        date(2025, 8, 21),
        date(2025, 8, 27),
        "征地补偿安置方案是否主动公开？",
    ),
    ("zrzy", "zrzy_chengban", Channel.WEBSITE, date(2026, 12, 1), None, "国土空间规划的公示期是多久？"),
)


def load(context: DemoContext) -> None:
    keys = {key for key, *_ in QUESTIONS}
    orgs = {key: context.orgs[key] for key in keys if key in context.orgs}
    if Consultation.objects.filter(organisation__in=orgs.values()).exists():
        return
    for key, username, channel, received, answered, question in QUESTIONS:
        staff = context.users[username]
        asked = services.log(
            actor=staff,
            organisation=orgs[key],
            channel=channel,
            question=question,
            asker=services.Asker(name="周女士", phone="13800000000"),
            received_on=received,
        )
        row = asked.consultation
        if answered is not None:
            row = services.answer(
                actor=staff, consultation=row, version=row.version, text=ANSWER, on=answered
            )
        context.count(True)
    _convert_one(context, orgs["jgsw"])


def _convert_one(context: DemoContext, organisation: object) -> None:
    """A phone question that turned out to be a request for information, made an application."""
    staff = context.users["jgsw_chengban"]
    asked = services.log(
        actor=staff,
        organisation=organisation,  # type: ignore[arg-type]
        channel=Channel.PHONE,
        question="想要2025年机关公务接待费的明细。",
        asker=services.Asker(name="吴先生", phone="13900000000"),
        received_on=date(2025, 10, 9),
    )
    services.convert(
        actor=staff,
        consultation=asked.consultation,
        version=asked.consultation.version,
        channel=ApplicationChannel.LETTER,
        received_on=date(2025, 10, 13),
        data=ApplicantData(
            applicant_kind="natural_person",
            name="吴先生",
            id_type="id_card",
            id_number="360902199001010011",
            phone="13900000000",
            description="2025年机关公务接待费明细",
            info_form="electronic",
            delivery="email",
            email="wu@example.com",
        ),
        confirmed=True,
    )
    context.count(True)
