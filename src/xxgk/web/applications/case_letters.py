"""The letters of a case (告知书): issued and frozen as DOCX by the transitions that send them, and
the draft reply's text edited until it is signed. The texts themselves come from `letters.py`."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from xxgk.web.applications import audit_codes
from xxgk.web.applications.errors import InvalidInput, StaleVersion, TransitionRefused
from xxgk.web.applications.letter_docx import render_for
from xxgk.web.applications.models import Application, Letter, LetterKind, State
from xxgk.web.audit.services import record
from xxgk.web.locking import check_version
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.scoping import require_role


def freeze(letter: Letter, case: Application, on: date) -> None:
    letter.issued_on = on
    letter.docx = render_for(letter, case, on)
    letter.save(update_fields=["issued_on", "docx", "updated_at"])


def issue_letter(case: Application, kind: LetterKind, body: str, on: date, actor: Actor) -> Letter:
    letter = Letter.objects.create(application=case, kind=kind, body=body, drafted_by=acting_user(actor))
    freeze(letter, case, on)
    return letter


EDITABLE_STATES = frozenset({State.DRAFTED, State.REVIEWED})


def edit_letter(*, actor: Actor, letter: Letter, version: int, body: str) -> Letter:
    """Edit the draft reply's text until it is approved (签发); after that it is what was signed."""
    case = letter.application
    require_role(actor, case.organisation, (Role.HANDLER, Role.REVIEWER, Role.APPROVER))
    if case.state not in EDITABLE_STATES or letter.issued_on is not None:
        raise TransitionRefused(
            "letter not editable", "告知书只能在签发前（「答复已拟稿」或「答复已审核」状态下）修改。"
        )
    if not body.strip():
        raise InvalidInput("empty letter", "告知书正文不能为空。")
    with transaction.atomic():
        row = Letter.objects.select_for_update().get(pk=letter.pk)
        check_version(row, version, StaleVersion)
        row.body, row.version = body.strip(), row.version + 1
        row.save()
        record(
            actor=actor,
            action=audit_codes.EDIT_LETTER,
            obj=row,
            organisation=case.organisation,
            after={"letter_version": row.version},
        )
    return row
