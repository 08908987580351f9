"""Every write on a case: intake and the named transitions (fees and the reply's letters
included), through one door (`_run`). The letters' text editing and freezing live in
`case_letters.py`, reminders in `reminders.py`, the due dates a calendar change moves in
`calendar_changes.py`. Each transition checks role and state (`transitions.check`), runs in one
transaction, keeps the optimistic lock (`version`), re-derives the deadline from the event log, and records its audit
event, whose payload never holds applicant data. A refused write raises before anything is written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk import deadlines as core
from xxgk.fees import fee_by_pages, fee_by_pieces, yuan
from xxgk.render.document import chinese_date
from xxgk.web.applications import audit_codes, throttle, tracking
from xxgk.web.applications import transitions as tr
from xxgk.web.applications.applicant_mail import notify_applicant
from xxgk.web.applications.case_deadline import core_events, deadline_for, row_fields
from xxgk.web.applications.case_letters import freeze, issue_letter
from xxgk.web.applications.errors import InvalidInput, StaleVersion, TransitionRefused
from xxgk.web.applications.intake import ApplicantData, Intake, Upload, validate_uploads
from xxgk.web.applications.letters import (
    REPLY_OUTCOMES,
    CaseFacts,
    abandonment_body,
    correction_body,
    extension_body,
    fee_body,
    has_placeholder,
    reply_body,
)
from xxgk.web.applications.models import (
    Application,
    Attachment,
    CaseEvent,
    Channel,
    FeeNotice,
    Letter,
    LetterKind,
    State,
)
from xxgk.web.audit.services import record
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation, Role, User
from xxgk.web.orgs.scoping import has_role, require_role
from xxgk.workdays import WorkCalendar

log = logging.getLogger(__name__)


@dataclass
class _Change:
    """What a transition writes besides the state: one deadline event, audit fields, extra rows."""

    event: core.CaseEvent | None = None
    after: dict[str, Any] = field(default_factory=dict)
    apply: Callable[[Application], None] | None = None


# --- helpers ------------------------------------------------------------------------------------


def case_facts(application: Application) -> CaseFacts:
    org = application.organisation
    return CaseFacts(
        application.name,
        application.received_on,
        application.description,
        org.review_body,
        org.court,
        org.fee_payment,
    )


def _today() -> date:
    return timezone.localdate()


def _check_day(application: Application, on: date, what_zh: str) -> None:
    if on > _today():
        raise InvalidInput("date in the future", f"{what_zh}不能晚于今天。")
    if application.received_on and on < application.received_on:
        raise InvalidInput(
            "date before receipt", f"{what_zh}不能早于收到申请之日（{application.received_on}）。"
        )


def _deadline(events: list[core.CaseEvent], calendar: WorkCalendar) -> core.CaseDeadline | None:
    try:
        return deadline_for(events, calendar)
    except core.DeadlineError as exc:
        raise TransitionRefused(str(exc), exc.message_zh) from None


def _store_due(application: Application, deadline: core.CaseDeadline | None) -> None:
    application.due_on = deadline.due if deadline else None
    application.due_provisional = bool(deadline and deadline.provisional)


def _locked(application: Application, version: int, transition: tr.Transition, actor: Actor) -> Application:
    """The case's row, locked; refused unless `actor` may take `transition` and holds the latest version."""
    case = Application.objects.select_for_update().select_related("organisation").get(pk=application.pk)
    tr.check(transition, case, actor)
    check_version(case, version, StaleVersion)
    return case


def _run(
    transition: tr.Transition,
    *,
    actor: Actor,
    application: Application,
    version: int,
    change: Callable[[Application], _Change],
) -> Application:
    """The one door of every transition on an existing case: role and state are checked on the
    locked row, so a concurrent change cannot slip between the check and the write."""
    with transaction.atomic():
        case = _locked(application, version, transition, actor)
        todo = change(case)
        events = core_events(case)
        if todo.event is not None:
            events.append(todo.event)
        deadline = _deadline(events, current_calendar())
        before = case.state
        case.state = transition.leads_to(State(case.state))
        case.version += 1
        _store_due(case, deadline)
        if todo.apply is not None:
            todo.apply(case)
        case.save()
        if todo.event is not None:
            CaseEvent.objects.create(application=case, created_by=_user(actor), **row_fields(todo.event))
        record(
            actor=actor,
            action=transition.audit_action,
            obj=case,
            organisation=case.organisation,
            before={"state": before},
            after={"state": case.state, **todo.after},
        )
    return case


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) else None


def _create(
    *,
    organisation: Organisation,
    channel: str,
    data: ApplicantData,
    uploads: Sequence[Upload],
    secret: str | None = None,
    **fields: Any,
) -> Intake:
    """Insert a new case (inside the caller's transaction) with a fresh number and `secret` (or a new one)."""
    validate_uploads(uploads)
    secret = secret or tracking.new_secret()
    application = tracking.insert_numbered(
        Application,
        lambda: tracking.new_number(_today()),
        organisation=organisation,
        secret_hash=tracking.hash_secret(secret),
        channel=channel,
        submitted_at=timezone.now(),
        **data.fields(),
        **fields,
    )
    for upload in uploads:
        Attachment.objects.create(
            application=application,
            filename=upload.filename[:200],
            content_type=upload.content_type[:100],
            size=len(upload.content),
            content=upload.content,
        )
    return Intake(application, secret)


# --- intake ---------------------------------------------------------------------------------------


def submitted_with(token: str) -> Application | None:
    """The case the public form's one-time `token` already created, if any."""
    return (
        Application.objects.select_related("organisation")
        .filter(submission_key=tracking.form_token_key(token))
        .first()
    )


def submit_online(
    *,
    organisation: Organisation,
    data: ApplicantData,
    uploads: Sequence[Upload] = (),
    client: str,
    token: str | None = None,
    secret: str | None = None,
) -> Intake:
    """The public form: a case awaiting confirmation of its receipt date (第三十一条第（三）项).

    Idempotent on the form's one-time `token`: a replay (refresh, double click, a second request
    racing the first) returns the case the token created, with the `secret` issued with the form.
    Without a token every call is a new case with a new secret."""
    if not organisation.is_active:
        raise InvalidInput("inactive organisation", "该机关暂不受理网上申请。")
    secret = secret or tracking.new_secret()
    existing = submitted_with(token) if token else None
    if existing is not None:
        return Intake(existing, secret)
    throttle.check("submit", client)
    try:
        with transaction.atomic():
            intake = _create_online(organisation, data, uploads, token, secret)
    except IntegrityError:  # the same token committed by a concurrent request
        existing = submitted_with(token) if token else None
        if existing is None:
            raise
        return Intake(existing, secret)
    throttle.note("submit", client)
    return intake


def _create_online(
    organisation: Organisation, data: ApplicantData, uploads: Sequence[Upload], token: str | None, secret: str
) -> Intake:
    intake = _create(
        organisation=organisation,
        channel=Channel.ONLINE,
        data=data,
        uploads=uploads,
        secret=secret,
        submission_key=tracking.form_token_key(token) if token else None,
    )
    record(
        actor=None,
        action=audit_codes.SUBMIT_ONLINE,
        obj=intake.application,
        organisation=organisation,
        after={"number": intake.application.number, "attachments": len(uploads)},
    )
    return intake


def register(
    *,
    actor: Actor,
    organisation: Organisation,
    channel: str,
    received_on: date,
    data: ApplicantData,
    uploads: Sequence[Upload] = (),
    handler: User | None = None,
) -> Intake:
    """Staff registration of an application received by `channel` on `received_on`, which the
    registering staff member confirms (当面: that day; 信函: 签收之日; 网络/传真/邮件: 双方确认之日)."""
    require_role(actor, organisation, (Role.REGISTRAR, Role.HANDLER))
    if channel not in Channel.values:
        raise InvalidInput("unknown channel", "请选择申请渠道。")
    if received_on > _today():
        raise InvalidInput("receipt in the future", "收到申请日期不能晚于今天。")
    if handler is not None and not has_role(handler, organisation, Role.HANDLER):
        raise InvalidInput("not a handler", f"{handler} 不是本机关的承办人员。")
    calendar = current_calendar()
    with transaction.atomic():
        intake = _create(
            organisation=organisation,
            channel=channel,
            data=data,
            uploads=uploads,
            state=State.REGISTERED,
            received_on=received_on,
            receipt_confirmed_by=_user(actor),
            receipt_confirmed_at=timezone.now(),
            handler=handler,
        )
        case = intake.application
        CaseEvent.objects.create(
            application=case, created_by=_user(actor), **row_fields(core.Received(received_on))
        )
        _store_due(case, _deadline([core.Received(received_on)], calendar))
        case.save(update_fields=["due_on", "due_provisional"])
        record(
            actor=actor,
            action=audit_codes.REGISTER,
            obj=case,
            organisation=organisation,
            after={"number": case.number, "channel": channel, "received_on": received_on.isoformat()},
        )
    return intake


def confirm_receipt(
    *, actor: Actor, application: Application, version: int, received_on: date
) -> Application:
    """第三十一条: fix the receipt date of an application that arrived online (双方确认之日)."""

    def change(case: Application) -> _Change:
        if received_on > _today():
            raise InvalidInput("receipt in the future", "收到申请日期不能晚于今天。")
        if received_on < timezone.localtime(case.submitted_at).date():
            raise InvalidInput("receipt before submission", "收到申请日期不能早于申请提交之日。")

        def apply(c: Application) -> None:
            c.received_on = received_on
            c.receipt_confirmed_by = _user(actor)
            c.receipt_confirmed_at = timezone.now()

        return _Change(core.Received(received_on), {"received_on": received_on.isoformat()}, apply)

    return _run(tr.CONFIRM_RECEIPT, actor=actor, application=application, version=version, change=change)


def assign_handler(*, actor: Actor, application: Application, version: int, handler: User) -> Application:
    def change(case: Application) -> _Change:
        if not has_role(handler, case.organisation, Role.HANDLER):
            raise InvalidInput("not a handler", f"{handler} 不是本机关的承办人员。")

        def apply(c: Application) -> None:
            c.handler = handler

        return _Change(after={"handler": handler.get_username()}, apply=apply)

    return _run(tr.ASSIGN_HANDLER, actor=actor, application=application, version=version, change=change)


# --- 补正 (第三十条) ---------------------------------------------------------------------------------


def request_correction(
    *, actor: Actor, application: Application, version: int, on: date, what: str, respond_by: date
) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "补正通知日期")
        if not what.strip():
            raise InvalidInput("empty correction", "请写明需要补正的内容。")
        if respond_by <= on:
            raise InvalidInput("respond_by not after notice", "补正期限应晚于补正通知日期。")

        def apply(c: Application) -> None:
            issue_letter(
                c, LetterKind.CORRECTION, correction_body(case_facts(c), what, respond_by), on, actor
            )
            notify_applicant(
                c,
                LetterKind.CORRECTION.label,
                [f"请于{chinese_date(respond_by)}前补正，逾期不补正的视为放弃申请。"],
            )

        return _Change(
            core.CorrectionRequested(on, respond_by=respond_by), {"respond_by": respond_by.isoformat()}, apply
        )

    return _run(tr.REQUEST_CORRECTION, actor=actor, application=application, version=version, change=change)


def receive_correction(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "收到补正日期")
        return _Change(core.Corrected(on), {"on": on.isoformat()})

    return _run(tr.RECEIVE_CORRECTION, actor=actor, application=application, version=version, change=change)


def abandon_uncorrected(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    """第三十条: the 补正期限 passed without a correction: deemed abandoned (other.no_correction)."""

    def change(case: Application) -> _Change:
        _check_day(case, on, "日期")
        notice = case.events.filter(kind=core.EventKind.CORRECTION_REQUESTED).order_by("-on", "-id").first()
        if notice is None or notice.respond_by is None or on <= notice.respond_by:
            limit = notice.respond_by if notice and notice.respond_by else "补正期限"
            raise TransitionRefused(
                "correction period still running", f"补正期限（{limit}）届满后才能视为放弃申请。"
            )
        return _Change(
            after={"outcome": "other.no_correction"}, apply=_abandoner("other.no_correction", on, actor)
        )

    return _run(tr.ABANDON_UNCORRECTED, actor=actor, application=application, version=version, change=change)


def _abandoner(outcome: str, on: date, actor: Actor) -> Callable[[Application], None]:
    """Conclude as deemed abandoned, with the notice telling the applicant so."""

    def apply(case: Application) -> None:
        _concluder(outcome, on)(case)
        letter = issue_letter(case, LetterKind.REPLY, abandonment_body(case_facts(case), outcome), on, actor)
        letter.outcome = outcome
        letter.save(update_fields=["outcome"])
        notify_applicant(case, LetterKind.REPLY.label, [f"办理结果：{case.plain_outcome}。"])

    return apply


def _concluder(outcome: str, on: date) -> Callable[[Application], None]:
    def apply(case: Application) -> None:
        case.outcome, case.concluded_on = outcome, on

    return apply


# --- 征求意见 (第三十二条), 说明理由 (第三十五条), 延期 (第三十三条) ---------------------------------


CONSULTATION_ZH = "本机关依照第三十二条的规定书面征求第三方意见，征求意见所需时间不计算在答复期限内。"


def start_consultation(
    *, actor: Actor, application: Application, version: int, on: date, consulted: str
) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "征求意见日期")
        who = consulted.strip() or "第三方"

        def apply(c: Application) -> None:
            due = f"答复期限为{chinese_date(c.due_on)}。" if c.due_on else ""
            notify_applicant(c, "征求意见的告知", [f"{CONSULTATION_ZH}{due}"])

        return _Change(core.ConsultationStarted(on, consulted=who), {"on": on.isoformat()}, apply)

    return _run(tr.START_CONSULTATION, actor=actor, application=application, version=version, change=change)


def end_consultation(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "收到意见日期")
        return _Change(core.ConsultationEnded(on), {"on": on.isoformat()})

    return _run(tr.END_CONSULTATION, actor=actor, application=application, version=version, change=change)


def request_reasons(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "要求说明理由日期")
        return _Change(core.ReasonsRequested(on), {"on": on.isoformat()})

    return _run(tr.REQUEST_REASONS, actor=actor, application=application, version=version, change=change)


def receive_reasons(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "收到理由日期")
        return _Change(core.ReasonsReceived(on), {"on": on.isoformat()})

    return _run(tr.RECEIVE_REASONS, actor=actor, application=application, version=version, change=change)


def extend(
    *, actor: Actor, application: Application, version: int, on: date, days: int, reason: str
) -> Application:
    """第三十三条第二款: the approver extends the reply period once, by up to 20 working days."""

    def change(case: Application) -> _Change:
        _check_day(case, on, "延期决定日期")
        event = core.Extended(on, days=days, reason=reason.strip())

        def apply(c: Application) -> None:
            issue_letter(
                c, LetterKind.EXTENSION, extension_body(case_facts(c), days, reason, c.due_on), on, actor
            )
            due = f"，延长后的答复期限为{chinese_date(c.due_on)}" if c.due_on else ""
            notify_applicant(c, LetterKind.EXTENSION.label, [f"答复期限延长{days}个工作日{due}。"])

        return _Change(event, {"days": days}, apply)

    return _run(tr.EXTEND, actor=actor, application=application, version=version, change=change)


# --- 信息处理费 (第四十二条, 国办函〔2020〕109号) ---------------------------------------------------------


def issue_fee_notice(
    *,
    actor: Actor,
    application: Application,
    version: int,
    on: date,
    method: str,
    quantity: int,
    prior_pieces: int = 0,
) -> Application:
    """A fee notice; the time until payment is not counted (a pause of the reply period)."""

    def change(case: Application) -> _Change:
        _check_day(case, on, "收费通知日期")
        if method not in FeeNotice.Method.values:
            raise InvalidInput("unknown method", "请选择按件计收或按量计收。")
        try:
            quote = (
                fee_by_pieces(quantity, earlier_this_month=prior_pieces)
                if method == FeeNotice.Method.PER_PIECE
                else fee_by_pages(quantity)
            )
        except ValueError as exc:
            raise InvalidInput("bad quantity", str(exc)) from None
        if quote.amount <= Decimal(0):
            raise InvalidInput("nothing to charge", "按此数量不收费（在免费额度内），无需发出收费通知。")
        pay_by = core.fee_payment_due(on, current_calendar()).due

        def apply(c: Application) -> None:
            FeeNotice.objects.create(
                application=c,
                method=method,
                quantity=quantity,
                prior_pieces=prior_pieces,
                amount=quote.amount,
                issued_on=on,
                pay_by=pay_by,
            )
            issue_letter(c, LetterKind.FEE, fee_body(case_facts(c), quote, pay_by), on, actor)
            lines = [
                f"信息处理费{yuan(quote.amount)}元，请于{chinese_date(pay_by)}前缴纳，逾期未缴纳的视为放弃申请。"
            ]
            if c.organisation.fee_payment:
                lines.append(f"缴纳方式：{c.organisation.fee_payment}")
            notify_applicant(c, LetterKind.FEE.label, lines)

        event = core.Paused(on, reason="等待申请人缴纳信息处理费")
        return _Change(event, {"amount": str(quote.amount), "pay_by": pay_by.isoformat()}, apply)

    return _run(tr.ISSUE_FEE_NOTICE, actor=actor, application=application, version=version, change=change)


def _open_fee(case: Application) -> FeeNotice:
    fee = case.fees.filter(paid_on__isnull=True, unpaid_on__isnull=True).order_by("-id").first()
    if fee is None:
        raise TransitionRefused("no open fee notice", "没有待缴费的收费通知。")
    return fee


def record_payment(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    def change(case: Application) -> _Change:
        _check_day(case, on, "缴费日期")
        fee = _open_fee(case)
        if on < fee.issued_on:
            raise InvalidInput("paid before notice", "缴费日期不能早于收费通知日期。")

        def apply(c: Application) -> None:
            fee.paid_on = on
            fee.save(update_fields=["paid_on"])

        return _Change(core.Resumed(on), {"paid_on": on.isoformat()}, apply)

    return _run(tr.RECORD_PAYMENT, actor=actor, application=application, version=version, change=change)


def mark_unpaid(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    """Not paid by the date given: deemed abandoned (other.no_fee)."""

    def change(case: Application) -> _Change:
        _check_day(case, on, "日期")
        fee = _open_fee(case)
        if on <= fee.pay_by:
            raise TransitionRefused("fee period running", f"缴费期限（{fee.pay_by}）届满后才能视为放弃申请。")

        def apply(c: Application) -> None:
            fee.unpaid_on = on
            fee.save(update_fields=["unpaid_on"])
            _abandoner("other.no_fee", on, actor)(c)

        return _Change(after={"outcome": "other.no_fee"}, apply=apply)

    return _run(tr.MARK_UNPAID, actor=actor, application=application, version=version, change=change)


# --- reply: draft → review → approve → send ---------------------------------------------------------


def draft_reply(
    *, actor: Actor, application: Application, version: int, outcome: str, body: str | None = None
) -> Application:
    """The handler proposes the outcome; the letter's text starts from that outcome's template."""

    def change(case: Application) -> _Change:
        if outcome not in REPLY_OUTCOMES:
            raise InvalidInput("outcome not for a reply", "请选择答复的办理结果。")

        def apply(c: Application) -> None:
            text = body.strip() if body and body.strip() else reply_body(case_facts(c), outcome)
            letter = _draft_letter(c)
            if letter is None:
                Letter.objects.create(
                    application=c, kind=LetterKind.REPLY, outcome=outcome, body=text, drafted_by=_user(actor)
                )
            else:
                letter.outcome, letter.body, letter.version = outcome, text, letter.version + 1
                letter.drafted_by = _user(actor)
                letter.save()

        return _Change(after={"proposed_outcome": outcome}, apply=apply)

    return _run(tr.DRAFT_REPLY, actor=actor, application=application, version=version, change=change)


def _draft_letter(case: Application) -> Letter | None:
    return case.letters.filter(kind=LetterKind.REPLY, issued_on__isnull=True).order_by("-id").first()


def review(*, actor: Actor, application: Application, version: int) -> Application:
    return _run(tr.REVIEW, actor=actor, application=application, version=version, change=lambda c: _Change())


def return_draft(*, actor: Actor, application: Application, version: int) -> Application:
    return _run(
        tr.RETURN_DRAFT, actor=actor, application=application, version=version, change=lambda c: _Change()
    )


PLACEHOLDER_ZH = "告知书中仍有“【请填写】”处（如不予公开的理由、依据），请承办人补全正文后再签发、送达。"


def _require_complete(case: Application) -> None:
    """A reply still holding a 【请填写】 place is neither signed nor sent."""
    letter = _draft_letter(case)
    if letter is not None and has_placeholder(letter.body):
        raise InvalidInput("letter has a placeholder", PLACEHOLDER_ZH)


def approve(*, actor: Actor, application: Application, version: int) -> Application:
    def change(case: Application) -> _Change:
        _require_complete(case)
        return _Change()

    return _run(tr.APPROVE, actor=actor, application=application, version=version, change=change)


def send_reply(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    """The approved reply is sent on `on`: the case concludes with the letter's outcome."""

    def change(case: Application) -> _Change:
        _check_day(case, on, "答复日期")
        letter = _draft_letter(case)
        if letter is None:
            raise TransitionRefused("no reply letter", "没有待送达的答复告知书。")
        _require_complete(case)

        def apply(c: Application) -> None:
            freeze(letter, c, on)
            _concluder(letter.outcome, on)(c)
            notify_applicant(c, LetterKind.REPLY.label, [f"办理结果：{c.plain_outcome}。"])

        return _Change(core.Replied(on), {"outcome": letter.outcome, "on": on.isoformat()}, apply)

    return _run(tr.SEND_REPLY, actor=actor, application=application, version=version, change=change)


def close(*, actor: Actor, application: Application, version: int) -> Application:
    return _run(tr.CLOSE, actor=actor, application=application, version=version, change=lambda c: _Change())


def withdraw(*, actor: Actor, application: Application, version: int, on: date) -> Application:
    """The applicant withdraws: concluded as other.other (table 三 （六）3.其他)."""

    def change(case: Application) -> _Change:
        _check_day(case, on, "撤回日期")
        return _Change(after={"outcome": "other.other"}, apply=_concluder("other.other", on))

    return _run(tr.WITHDRAW, actor=actor, application=application, version=version, change=change)
