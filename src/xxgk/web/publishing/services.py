"""Writes on publications: drafting, the review chain, publication with its 索引号, scheduled
publication, correction and withdrawal. Every function checks role and state before writing,
runs in one transaction, locks the row it changes and records its audit event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.findings import Finding
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor, acting_user, signed_in
from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing import audit_codes, checks, search
from xxgk.web.publishing.attachments import MAX_ATTACHMENT_BYTES, UnreadableAttachment, read_text
from xxgk.web.publishing.chain import DRAFTER_ROLES, ChainStep, chain_for
from xxgk.web.publishing.errors import Blocked, StaleVersion, TransitionRefused
from xxgk.web.publishing.models import (
    Attachment,
    Channel,
    CheckOverride,
    DecisionOutcome,
    Disclosure,
    IndexCounter,
    Publication,
    PublicationChannel,
    PublicationRevision,
    PublishingProfile,
    ReviewDecision,
    RevisionKind,
    SearchEntry,
    State,
)

PUBLISHER_ROLES = (*DRAFTER_ROLES, Role.APPROVER)
EDITABLE_FIELDS = (
    "title",
    "summary",
    "body",
    "document_number",
    "written_on",
    "formed_on",
    "topic",
    "genre",
    "keywords",
    "disclosure",
    "non_disclosure_ground",
    "joint_issuers",
    "interprets",
    "registry_document",
)


# --- drafting -----------------------------------------------------------------------------


def create_draft(
    *,
    actor: Actor,
    organisation: Organisation,
    nodes: Iterable[Any] = (),
    channels: Iterable[str] = (Channel.WEBSITE,),
    **fields: Any,
) -> Publication:
    """A new draft by a 信息员 of `organisation`."""
    require_role(actor, organisation, DRAFTER_ROLES)
    with transaction.atomic():
        publication = Publication(organisation=organisation, created_by=acting_user(actor))
        _apply(publication, fields)
        publication.save()
        _set_relations(publication, nodes, channels)
        record(actor=actor, action=audit_codes.CREATE, obj=publication, organisation=organisation)
    return publication


def update_draft(
    *,
    actor: Actor,
    publication: Publication,
    expected_version: int,
    nodes: Iterable[Any] | None = None,
    channels: Iterable[str] | None = None,
    **fields: Any,
) -> Publication:
    """Change a draft (only in 草稿: a draft under review is frozen until it is returned)."""
    require_role(actor, publication.organisation, DRAFTER_ROLES)
    with transaction.atomic():
        row = _locked(publication, expected_version=expected_version)
        _require_state(row, State.DRAFT, "修改")
        before = {name: str(getattr(row, name)) for name in fields}
        _apply(row, fields)
        row.version += 1
        row.save()
        _set_relations(row, nodes, channels)
        after = {name: str(getattr(row, name)) for name in fields}
        changed = [name for name in fields if before[name] != after[name]]
        record(
            actor=actor,
            action=audit_codes.UPDATE,
            obj=row,
            organisation=row.organisation,
            after={"fields": changed},
        )
    return row


def add_attachment(*, actor: Actor, publication: Publication, name: str, content: bytes) -> Attachment:
    require_role(actor, publication.organisation, DRAFTER_ROLES)
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise TransitionRefused("attachment too large", "附件不能超过 20 MB。")
    try:
        read_text(name, content)  # the submission check, run now so a bad file never enters the draft
    except UnreadableAttachment as exc:
        raise TransitionRefused(
            "attachment unreadable", f"附件「{name[:200]}」未上传：{exc.reason_zh}。"
        ) from exc
    with transaction.atomic():
        row = _locked(publication)
        _require_state(row, State.DRAFT, "上传附件")
        attachment = Attachment.objects.create(
            publication=row, name=name[:200], content=content, size=len(content)
        )
        record(
            actor=actor,
            action=audit_codes.ATTACH,
            obj=row,
            organisation=row.organisation,
            after={"name": name[:200]},
        )
    return attachment


def remove_attachment(*, actor: Actor, attachment: Attachment) -> None:
    """Take a wrong file out of a draft. A file already in a published version stays with it
    (readers may have downloaded it); the audit trail keeps the removal."""
    publication = attachment.publication
    require_role(actor, publication.organisation, DRAFTER_ROLES)
    with transaction.atomic():
        row = _locked(publication)
        _require_state(row, State.DRAFT, "删除附件")
        target = Attachment.objects.select_for_update().get(pk=attachment.pk, publication=row)
        if not target.is_active:
            raise TransitionRefused("attachment already removed", "该附件已删除。")
        if target.published_in is not None:
            raise TransitionRefused(
                "attachment is published",
                f"附件「{target.name}」已随第{target.published_in}版发布，不能删除。",
            )
        target.is_active = False
        target.save(update_fields=["is_active"])
        record(
            actor=actor,
            action=audit_codes.DETACH,
            obj=row,
            organisation=row.organisation,
            before={"name": target.name, "size": target.size},
        )


def _apply(publication: Publication, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(publication, name, value.strip() if isinstance(value, str) else value)
    if publication.disclosure != Disclosure.NOT_DISCLOSED:
        publication.non_disclosure_ground = ""
    errors: dict[str, str] = {}
    if publication.disclosure == Disclosure.NOT_DISCLOSED and not publication.non_disclosure_ground:
        errors["non_disclosure_ground"] = "不予公开须选择法定依据（第十四条至第十六条）。"
    for name in ("interprets", "registry_document"):
        target = getattr(publication, name)
        if target is not None and target.organisation_id != publication.organisation_id:
            errors[name] = "只能关联本机关的文件。"
    if errors:
        raise ValidationError(errors)
    publication.full_clean(exclude=["created_by", "organisation", "nodes"])


def _set_relations(
    publication: Publication, nodes: Iterable[Any] | None, channels: Iterable[str] | None
) -> None:
    if nodes is not None:
        nodes = list(nodes)
        if any(node.organisation_id != publication.organisation_id for node in nodes):
            raise ValidationError({"nodes": "只能选择本机关的公开目录。"})
        publication.nodes.set(nodes)
    if channels is not None:
        wanted = {Channel(c) for c in channels}
        publication.channels.exclude(channel__in=wanted).delete()
        for channel in wanted:
            PublicationChannel.objects.get_or_create(publication=publication, channel=channel)


# --- the review chain ---------------------------------------------------------------------


def submit(
    *, actor: Actor, publication: Publication, overrides: Mapping[str, str] | None = None
) -> list[Finding]:
    """草稿 → the first review step, if no blocking finding remains. `overrides` maps an
    overridable check code to the reason for passing it. Returns the findings reviewers see."""
    require_role(actor, publication.organisation, DRAFTER_ROLES)
    overrides = {code: reason.strip() for code, reason in (overrides or {}).items() if reason.strip()}
    with transaction.atomic():
        row = _locked(publication)
        _require_state(row, State.DRAFT, "提交审核")
        findings = checks.findings_for(row)
        refused = [code for code in overrides if code not in checks.OVERRIDABLE]
        if refused:
            raise TransitionRefused(
                "check not overridable",
                "以下检查不能豁免：" + "、".join(checks.CODE_LABELS.get(c, c) for c in refused),
            )
        stopping = checks.blocking(findings, set(overrides))
        if stopping:
            raise Blocked(stopping)
        round_ = _round(row) + 1
        for code, reason in overrides.items():
            if any(f.code == code for f in findings):
                CheckOverride.objects.create(
                    publication=row, round=round_, code=code, reason=reason[:300], actor=signed_in(actor)
                )
                record(
                    actor=actor,
                    action=audit_codes.OVERRIDE,
                    obj=row,
                    organisation=row.organisation,
                    after={"code": code},
                )
        first = chain_for(row.organisation)[0]
        ReviewDecision.objects.create(
            publication=row,
            round=round_,
            step=0,
            step_name="提交",
            outcome=DecisionOutcome.SUBMIT,
            actor=signed_in(actor),
        )
        _move(row, actor, audit_codes.SUBMIT, State.REVIEW, step=first.position)
    return findings


def approve(
    *, actor: Actor, publication: Publication, checklist: Mapping[str, bool], remarks: str = ""
) -> Publication:
    """Pass the current step; after the last one the publication is 待发布."""
    with transaction.atomic():
        row, step = _at_step(actor, publication)
        if row.on_hold:
            raise TransitionRefused("on hold", "该信息已暂缓，待保密行政管理部门意见后解除暂缓再审核。")
        unticked = [item for item in step.checklist if not checklist.get(item)]
        if unticked:
            raise TransitionRefused("checklist incomplete", "请逐项核对：" + "、".join(unticked))
        round_ = _round(row)
        passed = ReviewDecision.objects.filter(
            publication=row, round=round_, outcome__in=(DecisionOutcome.SUBMIT, DecisionOutcome.APPROVE)
        )
        if passed.filter(actor=signed_in(actor)).exists():
            raise TransitionRefused(
                "same person twice",
                "同一人不能在同一轮中既起草又审核，或审核两个环节（三审分离）。",
            )
        ReviewDecision.objects.create(
            publication=row,
            round=round_,
            step=step.position,
            step_name=step.name,
            outcome=DecisionOutcome.APPROVE,
            checklist={item: True for item in step.checklist},
            remarks=remarks.strip(),
            actor=signed_in(actor),
        )
        chain = chain_for(row.organisation)
        later = [s for s in chain if s.position > step.position]
        if later:
            _move(row, actor, audit_codes.APPROVE, State.REVIEW, step=later[0].position, step_name=step.name)
        else:
            _move(row, actor, audit_codes.APPROVE, State.APPROVED, step=None, step_name=step.name)
    return row


def reject(*, actor: Actor, publication: Publication, remarks: str) -> Publication:
    """Return the draft to its 信息员 with reasons; once changed it goes through the chain again."""
    if not remarks.strip():
        raise TransitionRefused("no reasons", "退回须写明理由。")
    with transaction.atomic():
        row, step = _at_step(actor, publication)
        ReviewDecision.objects.create(
            publication=row,
            round=_round(row),
            step=step.position,
            step_name=step.name,
            outcome=DecisionOutcome.REJECT,
            remarks=remarks.strip(),
            actor=signed_in(actor),
        )
        row.on_hold = False
        _move(row, actor, audit_codes.REJECT, State.DRAFT, step=None, step_name=step.name)
    return row


def hold(*, actor: Actor, publication: Publication, remarks: str) -> Publication:
    """保密审查: refer the question to the 保密行政管理部门 and hold the draft (第十七条)."""
    if not remarks.strip():
        raise TransitionRefused("no reasons", "暂缓须写明报送情况。")
    with transaction.atomic():
        row, step = _at_step(actor, publication)
        if not step.may_hold:
            raise TransitionRefused("step cannot hold", f"「{step.name}」环节不能暂缓。")
        if row.on_hold:
            raise TransitionRefused("already on hold", "该信息已暂缓。")
        ReviewDecision.objects.create(
            publication=row,
            round=_round(row),
            step=step.position,
            step_name=step.name,
            outcome=DecisionOutcome.HOLD,
            remarks=remarks.strip(),
            actor=signed_in(actor),
        )
        row.on_hold = True
        _move(row, actor, audit_codes.HOLD, State.REVIEW, step=step.position, step_name=step.name)
    return row


def release(*, actor: Actor, publication: Publication, remarks: str = "") -> Publication:
    with transaction.atomic():
        row, step = _at_step(actor, publication)
        if not row.on_hold:
            raise TransitionRefused("not on hold", "该信息未暂缓。")
        ReviewDecision.objects.create(
            publication=row,
            round=_round(row),
            step=step.position,
            step_name=step.name,
            outcome=DecisionOutcome.RELEASE,
            remarks=remarks.strip(),
            actor=signed_in(actor),
        )
        row.on_hold = False
        _move(row, actor, audit_codes.RELEASE, State.REVIEW, step=step.position, step_name=step.name)
    return row


def current_step(publication: Publication) -> ChainStep | None:
    if publication.state != State.REVIEW:
        return None
    return next((s for s in chain_for(publication.organisation) if s.position == publication.step), None)


def _at_step(actor: Actor, publication: Publication) -> tuple[Publication, ChainStep]:
    row = _locked(publication)
    _require_state(row, State.REVIEW, "审核")
    step = current_step(row)
    if step is None:
        raise TransitionRefused("no such step", "审核环节已变更，请刷新页面。")
    require_role(actor, row.organisation, step.role)
    return row, step


def _round(publication: Publication) -> int:
    return ReviewDecision.objects.filter(publication=publication, outcome=DecisionOutcome.SUBMIT).count()


# --- publication --------------------------------------------------------------------------


def schedule(*, actor: Actor, publication: Publication, at: datetime) -> Publication:
    """Publish an approved item at `at` (run by `publish_due`)."""
    require_role(actor, publication.organisation, PUBLISHER_ROLES)
    if at <= timezone.now():
        raise TransitionRefused("in the past", "定时发布时间须晚于现在。")
    with transaction.atomic():
        row = _locked(publication)
        _require_state(row, State.APPROVED, "定时发布")
        row.scheduled_at = at
        row.version += 1
        row.save(update_fields=["scheduled_at", "version"])
        record(
            actor=actor,
            action=audit_codes.SCHEDULE,
            obj=row,
            organisation=row.organisation,
            after={"at": at.isoformat()},
        )
    return row


def publish(*, actor: Actor, publication: Publication, now: datetime | None = None) -> Publication:
    """待发布 → 已发布: the 索引号 on first publication, a new public version, the search index;
    a 规范性文件 takes its approved 政策解读 along (同步发布)."""
    require_role(actor, publication.organisation, PUBLISHER_ROLES)
    with transaction.atomic():
        return _publish(actor, publication, now or timezone.now())


def publish_due(now: datetime) -> int:
    """Publish every approved item whose scheduled time has come; returns how many."""
    due = Publication.objects.filter(state=State.APPROVED, scheduled_at__lte=now).order_by(
        "scheduled_at", "pk"
    )
    count = 0
    for publication in due:
        with transaction.atomic():
            row = Publication.objects.select_for_update().get(pk=publication.pk)
            if row.state == State.APPROVED and row.scheduled_at and row.scheduled_at <= now:
                try:
                    _publish(None, row, now)
                except Blocked:
                    continue
                count += 1
    return count


def _publish(actor: Actor, publication: Publication, now: datetime) -> Publication:
    row = _locked(publication)
    _require_state(row, State.APPROVED, "发布")
    overridden = set(
        CheckOverride.objects.filter(publication=row, round=_round(row)).values_list("code", flat=True)
    )
    stopping = checks.blocking(checks.findings_for(row, at_publication=True), overridden)
    if stopping:
        raise Blocked(stopping)
    if row.index_number is None:
        row.index_number = allocate_index_number(row.organisation, now)
        row.published_at = now
    last = row.revisions.filter(is_current=True).first()
    if last is not None:
        last.is_current = False
        last.save(update_fields=["is_current"])
    revision = PublicationRevision.objects.create(
        publication=row,
        number=(last.number + 1) if last else 1,
        kind=row.correction_kind or RevisionKind.ORIGINAL,
        reason=row.correction_reason,
        title=row.title,
        summary=row.summary,
        body=row.body,
        document_number=row.document_number,
        published_at=now,
    )
    row.attachments.filter(is_active=True, published_in=None).update(published_in=revision.number)
    row.correction_kind = row.correction_reason = ""
    row.scheduled_at = None
    _move(row, actor, audit_codes.PUBLISH, State.PUBLISHED, step=None, index_number=row.index_number)
    refresh_search_entry(row)
    for interpretation in row.interpretations.filter(state=State.APPROVED):
        _publish(actor, interpretation, now)
    return row


def allocate_index_number(organisation: Organisation, now: datetime) -> str:
    """`<code>/<YYYY>-<serial>`: the next serial of the agency's year, under a row lock so two
    publishers at the same instant get two numbers; serials are never handed out twice."""
    year = timezone.localtime(now).year
    try:
        with transaction.atomic():
            IndexCounter.objects.get_or_create(organisation=organisation, year=year)
    except IntegrityError:  # another transaction created the row first; it is committed now
        pass
    counter = IndexCounter.objects.select_for_update().get(organisation=organisation, year=year)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    profile = PublishingProfile.objects.filter(organisation=organisation).first()
    code = profile.code if profile else organisation.credit_code
    return f"{code}/{year}-{counter.last_serial:05d}"


def refresh_search_entry(publication: Publication) -> None:
    """Index what the public may read; anything else leaves the index."""
    if publication.state == State.PUBLISHED and publication.disclosure == Disclosure.PROACTIVE:
        current = publication.revisions.get(is_current=True)
        SearchEntry.objects.update_or_create(
            publication=publication,
            defaults={
                "grams": search.grams([current.title, current.summary, current.document_number, current.body])
            },
        )
    else:
        SearchEntry.objects.filter(publication=publication).delete()


# --- after publication --------------------------------------------------------------------


def start_correction(
    *, actor: Actor, publication: Publication, kind: RevisionKind, reason: str
) -> Publication:
    """更正 / 变更: the working copy returns to 草稿; readers keep the published text until the
    corrected one has been through the chain, and then both stay readable."""
    require_role(actor, publication.organisation, DRAFTER_ROLES)
    if kind not in (RevisionKind.CORRECTION, RevisionKind.CHANGE):
        raise TransitionRefused("bad kind", "请选择更正或变更。")
    if not reason.strip():
        raise TransitionRefused("no reason", "更正须写明原因。")
    with transaction.atomic():
        row = _locked(publication)
        _require_state(row, State.PUBLISHED, "更正")
        row.correction_kind = kind
        row.correction_reason = reason.strip()[:300]
        _move(row, actor, audit_codes.CORRECT, State.DRAFT, step=None, kind=kind)
    return row


def withdraw(*, actor: Actor, publication: Publication, reason: str) -> Publication:
    """撤回: the record and its 索引号 stay; readers see that it was withdrawn and why."""
    require_role(actor, publication.organisation, Role.APPROVER)
    if not reason.strip():
        raise TransitionRefused("no reason", "撤回须写明向公众说明的理由。")
    with transaction.atomic():
        row = _locked(publication)
        if row.state != State.PUBLISHED and not (row.state == State.DRAFT and row.index_number):
            raise TransitionRefused(
                f"cannot withdraw in {row.state}", f"「{row.get_state_display()}」状态的信息不能撤回。"
            )
        row.withdrawn_at = timezone.now()
        row.withdrawal_reason = reason.strip()[:300]
        row.correction_kind = row.correction_reason = ""
        _move(row, actor, audit_codes.WITHDRAW, State.WITHDRAWN, step=None)
        refresh_search_entry(row)
    return row


# --- helpers ------------------------------------------------------------------------------


def _locked(publication: Publication, *, expected_version: int | None = None) -> Publication:
    row = Publication.objects.select_for_update().select_related("organisation").get(pk=publication.pk)
    if expected_version is not None and row.version != expected_version:
        raise StaleVersion()
    return row


def _require_state(row: Publication, state: State, what_zh: str) -> None:
    if row.state != state:
        raise TransitionRefused(
            f"{what_zh} needs {state}, is {row.state}",
            f"「{row.get_state_display()}」状态不能{what_zh}（须为「{State(state).label}」）。",
        )


def _move(
    row: Publication, actor: Actor, action: str, state: State, *, step: int | None, **after: Any
) -> None:
    before = {"state": row.state, "step": row.step}
    row.state = state
    row.step = step
    row.version += 1
    row.save()
    record(
        actor=actor,
        action=action,
        obj=row,
        organisation=row.organisation,
        before=before,
        after={"state": state.value, "step": step, **{k: str(v) for k, v in after.items()}},
    )
