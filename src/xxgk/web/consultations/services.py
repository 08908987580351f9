"""Every write on consultations: the public question, staff logging, the answer, conversion to a
formal application, the FAQ draft, the answer period, reminders. Each checks the role, runs in one
transaction, keeps the optimistic lock (`version`) and records an audit event without personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.deadlines import CONSULTATION_ANSWER_WORKING_DAYS, consultation_answer_due
from xxgk.web import reminders
from xxgk.web.applications import services as application_services
from xxgk.web.applications import throttle, tracking
from xxgk.web.applications.intake import ApplicantData, Intake, Upload, validate_uploads
from xxgk.web.applications.models import Channel as ApplicationChannel
from xxgk.web.audit.services import record
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.consultations import audit_codes
from xxgk.web.consultations.errors import InvalidInput, Stale
from xxgk.web.consultations.models import AnswerPeriod, Attachment, Channel, Consultation, Status
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing import catalogue, drafting
from xxgk.web.publishing.errors import PublishingError
from xxgk.web.publishing.models import CatalogueNode, Genre

STAFF_ROLES = (Role.REGISTRAR, Role.HANDLER)
REMINDER_WORKING_DAYS = 1
NUMBER_PREFIX = "ZX"  # 咨询: told apart from an application's number at a glance
FAQ_NODE_TITLE = "常见问题"


@dataclass(frozen=True)
class Asker:
    """Who asked and how to reach them (personal data: optional, never logged)."""

    name: str = ""
    phone: str = ""
    email: str = ""

    def fields(self) -> dict[str, str]:
        return {"name": self.name.strip(), "phone": self.phone.strip(), "email": self.email.strip()}


@dataclass(frozen=True)
class Asked:
    """A new question and its tracking secret (shown once; only its hash is kept)."""

    consultation: Consultation
    secret: str


def _today() -> date:
    return timezone.localdate()


def answer_period(organisation: Organisation) -> int:
    """The agency's answer period in working days, or the default."""
    row = AnswerPeriod.objects.filter(organisation=organisation).first()
    return row.working_days if row else CONSULTATION_ANSWER_WORKING_DAYS


def _due(organisation: Organisation, received_on: date) -> date:
    return consultation_answer_due(received_on, current_calendar(), answer_period(organisation)).due


def _question(question: str) -> str:
    text = question.strip()
    if not text:
        raise InvalidInput("empty question", "请填写咨询内容。")
    return text


def _create(
    *,
    organisation: Organisation,
    channel: str,
    question: str,
    asker: Asker,
    received_on: date,
    secret: str | None = None,
    **fields: Any,
) -> Asked:
    """Insert a question (inside the caller's transaction) with a fresh number and `secret` (or a new one)."""
    secret = secret or tracking.new_secret()
    consultation = tracking.insert_numbered(
        Consultation,
        lambda: NUMBER_PREFIX + tracking.new_number(_today()),
        organisation=organisation,
        secret_hash=tracking.hash_secret(secret),
        channel=channel,
        question=_question(question),
        received_on=received_on,
        due_on=_due(organisation, received_on),
        **asker.fields(),
        **fields,
    )
    return Asked(consultation, secret)


def submitted_with(token: str) -> Consultation | None:
    """The question the public form's one-time `token` already sent, if any."""
    return (
        Consultation.objects.select_related("organisation")
        .filter(submission_key=tracking.form_token_key(token))
        .first()
    )


def ask_online(
    *,
    organisation: Organisation,
    question: str,
    asker: Asker,
    uploads: Sequence[Upload] = (),
    client: str,
    token: str | None = None,
    secret: str | None = None,
) -> Asked:
    """The public 咨询 form: received the day it is sent (a question needs no confirmed receipt).

    Idempotent on the form's one-time `token`, as `applications.services.submit_online`: a replay
    returns the question the token sent, with the `secret` issued with the form."""
    if not organisation.is_active:
        raise InvalidInput("inactive organisation", "该机关暂不受理网上咨询。")
    secret = secret or tracking.new_secret()
    existing = submitted_with(token) if token else None
    if existing is not None:
        return Asked(existing, secret)
    validate_uploads(uploads)
    throttle.check("submit", client)
    try:
        asked = _ask_online(organisation, question, asker, uploads, token, secret)
    except IntegrityError:  # the same token committed by a concurrent request
        existing = submitted_with(token) if token else None
        if existing is None:
            raise
        return Asked(existing, secret)
    throttle.note("submit", client)
    return asked


def _ask_online(
    organisation: Organisation,
    question: str,
    asker: Asker,
    uploads: Sequence[Upload],
    token: str | None,
    secret: str,
) -> Asked:
    with transaction.atomic():
        asked = _create(
            organisation=organisation,
            channel=Channel.WEBSITE,
            question=question,
            asker=asker,
            received_on=_today(),
            secret=secret,
            submission_key=tracking.form_token_key(token) if token else None,
        )
        for upload in uploads:
            Attachment.objects.create(
                consultation=asked.consultation,
                filename=upload.filename[:200],
                content_type=upload.content_type[:100],
                size=len(upload.content),
                content=upload.content,
            )
        record(
            actor=None,
            action=audit_codes.SUBMIT_ONLINE,
            obj=asked.consultation,
            organisation=organisation,
            after={"number": asked.consultation.number, "attachments": len(uploads)},
        )
    return asked


def log(
    *,
    actor: Actor,
    organisation: Organisation,
    channel: str,
    question: str,
    asker: Asker,
    received_on: date,
) -> Asked:
    """Staff log a question asked by phone, in person, by letter, e-mail or 12345 转办."""
    require_role(actor, organisation, STAFF_ROLES)
    if channel not in Channel.values:
        raise InvalidInput("unknown channel", "请选择咨询渠道。")
    if received_on > _today():
        raise InvalidInput("received in the future", "收到咨询日期不能晚于今天。")
    with transaction.atomic():
        asked = _create(
            organisation=organisation,
            channel=channel,
            question=question,
            asker=asker,
            received_on=received_on,
            logged_by=acting_user(actor),
        )
        record(
            actor=actor,
            action=audit_codes.LOG,
            obj=asked.consultation,
            organisation=organisation,
            after={
                "number": asked.consultation.number,
                "channel": channel,
                "received_on": received_on.isoformat(),
            },
        )
    return asked


def _locked(consultation: Consultation, version: int, actor: Actor) -> Consultation:
    row = Consultation.objects.select_for_update().select_related("organisation").get(pk=consultation.pk)
    require_role(actor, row.organisation, STAFF_ROLES)
    check_version(row, version, Stale)
    return row


def _require_pending(row: Consultation, what_zh: str) -> None:
    if not row.is_open:
        raise InvalidInput("not pending", f"该咨询{row.get_status_display()}，不能再{what_zh}。")


def answer(*, actor: Actor, consultation: Consultation, version: int, text: str, on: date) -> Consultation:
    """Record the answer given on `on` (shown to the asker on the tracking page)."""
    with transaction.atomic():
        row = _locked(consultation, version, actor)
        _require_pending(row, "答复")
        if not text.strip():
            raise InvalidInput("empty answer", "请填写答复内容。")
        if on > _today() or on < row.received_on:
            raise InvalidInput(
                "answer date out of range", f"答复日期应在收到咨询之日（{row.received_on}）至今天之间。"
            )
        row.answer, row.answered_on, row.answered_by = text.strip(), on, acting_user(actor)
        row.status = Status.ANSWERED
        row.version += 1
        row.save()
        record(
            actor=actor,
            action=audit_codes.ANSWER,
            obj=row,
            organisation=row.organisation,
            after={"answered_on": on.isoformat(), "late": on > row.due_on},
        )
    return row


def convert(
    *,
    actor: Actor,
    consultation: Consultation,
    version: int,
    channel: str,
    received_on: date,
    data: ApplicantData,
    confirmed: bool,
) -> Intake:
    """Turn a question into a formal application in one step, through the applications app's
    intake. `received_on` is the application's own receipt date (第三十一条), never the question's;
    `confirmed`: the applicant confirmed the content 第二十九条 requires (staff fill it in for an
    oral request, 口头提出的由工作机构代为填写)."""
    if not confirmed:
        raise InvalidInput("not confirmed", "请先由申请人确认申请内容（第二十九条）。")
    if channel not in ApplicationChannel.values:
        raise InvalidInput("unknown channel", "请选择申请渠道。")
    with transaction.atomic():
        row = _locked(consultation, version, actor)
        if row.application_id is not None:
            raise InvalidInput("already converted", "该咨询已转为政府信息公开申请。")
        intake = application_services.register(
            actor=actor, organisation=row.organisation, channel=channel, received_on=received_on, data=data
        )
        row.application = intake.application
        if row.is_open:
            row.status = Status.CONVERTED
        row.version += 1
        row.save()
        record(
            actor=actor,
            action=audit_codes.CONVERT,
            obj=row,
            organisation=row.organisation,
            after={"application": intake.application.number, "received_on": received_on.isoformat()},
        )
    return intake


def propose_faq(*, actor: Actor, consultation: Consultation, question: str, answer_text: str) -> Consultation:
    """Draft a 常见问题 publication from an answered question, with the text staff wrote for it
    (no personal data: the publishing checks look again), and submit it to the review chain."""
    if consultation.status != Status.ANSWERED:
        raise InvalidInput("not answered", "只有已答复的咨询可以作为常见问题公开。")
    if consultation.faq_id is not None:
        raise InvalidInput("faq exists", "该咨询已提交为常见问题。")
    if not question.strip() or not answer_text.strip():
        raise InvalidInput("empty faq", "请填写常见问题的问题和答复。")
    try:
        with transaction.atomic():
            row = Consultation.objects.select_for_update().get(pk=consultation.pk)
            publication = drafting.create_draft(
                actor=actor,
                organisation=row.organisation,
                nodes=[_faq_node(actor, row.organisation)],
                title=f"常见问题：{question.strip()}"[:300],
                summary=question.strip(),
                body=f"问：{question.strip()}\n\n答：{answer_text.strip()}",
                formed_on=row.answered_on or _today(),
                genre=Genre.OTHER,
                keywords=FAQ_NODE_TITLE,
            )
            drafting.submit(actor=actor, publication=publication)
            row.faq = publication
            row.version += 1
            row.save(update_fields=["faq", "version", "updated_at"])
            record(
                actor=actor,
                action=audit_codes.FAQ,
                obj=row,
                organisation=row.organisation,
                after={"publication": publication.pk},
            )
    except PublishingError as exc:  # e.g. the pre-publication checks found personal data
        raise InvalidInput(str(exc), exc.message_zh) from None
    return row


def _faq_node(actor: Actor, organisation: Organisation) -> CatalogueNode:
    """The agency's 常见问题 item of its catalogue, added (第二十二条 own item) the first time."""
    node = CatalogueNode.objects.filter(organisation=organisation, parent=None, title=FAQ_NODE_TITLE).first()
    return node or catalogue.add_node(actor=actor, organisation=organisation, title=FAQ_NODE_TITLE)


def set_answer_period(*, actor: Actor, organisation: Organisation, working_days: int) -> None:
    """The agency's own answer period (its administrator); open questions keep the due date they had."""
    require_role(actor, organisation, (Role.ADMIN,))
    if not 1 <= working_days <= 60:
        raise InvalidInput("period out of range", "答复期限应为 1 至 60 个工作日。")
    with transaction.atomic():
        AnswerPeriod.objects.update_or_create(
            organisation=organisation, defaults={"working_days": working_days}
        )
        record(
            actor=actor,
            action=audit_codes.SET_PERIOD,
            object_type="consultations.answerperiod",
            object_id=str(organisation.pk),
            organisation=organisation,
            after={"working_days": working_days},
        )


def send_reminders(today: date | None = None) -> int:
    """E-mail each agency's registrars and handlers the questions due within a working day or
    overdue; returns the number of e-mails sent. Mails name questions by number only."""
    from xxgk.web.consultations.selectors import reminder_questions, staff_to_remind

    today = today or _today()
    by_org: dict[int, list[Consultation]] = {}
    for question in reminder_questions(today, REMINDER_WORKING_DAYS):
        by_org.setdefault(question.organisation_id, []).append(question)
    return reminders.send(
        (
            reminders.Reminder(
                person,
                f"咨询答复期限提醒（{len(questions)}件）",
                "以下咨询即将到期或已逾期，请及时答复：",
                [reminders.due_line(q.number, q.due_on, today) for q in questions],
            )
            for questions in by_org.values()
            for person in staff_to_remind(questions[0].organisation)
        ),
        action=audit_codes.REMINDERS_SENT,
        today=today,
    )
