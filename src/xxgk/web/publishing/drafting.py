"""Writes of the 信息员 on a draft: creating and editing it, its attachments, and submitting it
to the review chain once no blocking pre-publication finding remains."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from xxgk.findings import Finding
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor, acting_user, signed_in
from xxgk.web.orgs.models import Organisation
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing import audit_codes, prepublication
from xxgk.web.publishing import transitions as tr
from xxgk.web.publishing.attachments import MAX_ATTACHMENT_BYTES, UnreadableAttachment, read_text
from xxgk.web.publishing.chain import DRAFTER_ROLES, chain_for, review_round
from xxgk.web.publishing.errors import Blocked, TransitionRefused
from xxgk.web.publishing.models import (
    Attachment,
    Channel,
    CheckOverride,
    DecisionOutcome,
    Disclosure,
    Publication,
    PublicationChannel,
    ReviewDecision,
)
from xxgk.web.publishing.workflow import move, take

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
    with transaction.atomic():
        row = take(tr.UPDATE, publication, actor, expected_version=expected_version)
        before = {name: str(getattr(row, name)) for name in fields}
        _apply(row, fields)
        row.version += 1
        row.save()
        _set_relations(row, nodes, channels)
        after = {name: str(getattr(row, name)) for name in fields}
        changed = [name for name in fields if before[name] != after[name]]
        record(
            actor=actor,
            action=tr.UPDATE.audit_action,
            obj=row,
            organisation=row.organisation,
            after={"fields": changed},
        )
    return row


def add_attachment(*, actor: Actor, publication: Publication, name: str, content: bytes) -> Attachment:
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise TransitionRefused("attachment too large", "附件不能超过 20 MB。")
    try:
        read_text(name, content)  # the submission check, run now so a bad file never enters the draft
    except UnreadableAttachment as exc:
        raise TransitionRefused(
            "attachment unreadable", f"附件「{name[:200]}」未上传：{exc.reason_zh}。"
        ) from exc
    with transaction.atomic():
        row = take(tr.ATTACH, publication, actor)
        attachment = Attachment.objects.create(
            publication=row, name=name[:200], content=content, size=len(content)
        )
        record(
            actor=actor,
            action=tr.ATTACH.audit_action,
            obj=row,
            organisation=row.organisation,
            after={"name": name[:200]},
        )
    return attachment


def remove_attachment(*, actor: Actor, attachment: Attachment) -> None:
    """Take a wrong file out of a draft. A file already in a published version stays with it
    (readers may have downloaded it); the audit trail keeps the removal."""
    with transaction.atomic():
        row = take(tr.DETACH, attachment.publication, actor)
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
            action=tr.DETACH.audit_action,
            obj=row,
            organisation=row.organisation,
            before={"name": target.name, "size": target.size},
        )


def submit(
    *, actor: Actor, publication: Publication, overrides: Mapping[str, str] | None = None
) -> list[Finding]:
    """草稿 → the first review step, if no blocking finding remains. `overrides` maps an
    overridable check code to the reason for passing it. Returns the findings reviewers see."""
    overrides = {code: reason.strip() for code, reason in (overrides or {}).items() if reason.strip()}
    with transaction.atomic():
        row = take(tr.SUBMIT, publication, actor)
        findings = prepublication.findings_for(row)
        refused = [code for code in overrides if code not in prepublication.OVERRIDABLE]
        if refused:
            raise TransitionRefused(
                "check not overridable",
                "以下检查不能豁免：" + "、".join(prepublication.CODE_LABELS.get(c, c) for c in refused),
            )
        stopping = prepublication.blocking(findings, set(overrides))
        if stopping:
            raise Blocked(stopping)
        round_ = review_round(row) + 1
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
        move(row, actor, tr.SUBMIT, step=first.position)
    return findings


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
