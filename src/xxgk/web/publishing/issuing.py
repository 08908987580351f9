"""Publication of what the chain approved: now, or at a scheduled time (run by `publish_due`),
with its 索引号 on first publication, a new public version and the search index."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing import prepublication, search
from xxgk.web.publishing import transitions as tr
from xxgk.web.publishing.chain import review_round
from xxgk.web.publishing.errors import Blocked, TransitionRefused
from xxgk.web.publishing.models import (
    CheckOverride,
    Disclosure,
    IndexCounter,
    Publication,
    PublicationRevision,
    PublishingProfile,
    RevisionKind,
    SearchEntry,
    State,
)
from xxgk.web.publishing.workflow import locked, move, take


def schedule(*, actor: Actor, publication: Publication, at: datetime) -> Publication:
    """Publish an approved item at `at` (run by `publish_due`)."""
    if at <= timezone.now():
        raise TransitionRefused("in the past", "定时发布时间须晚于现在。")
    with transaction.atomic():
        row = take(tr.SCHEDULE, publication, actor)
        row.scheduled_at = at
        row.version += 1
        row.save(update_fields=["scheduled_at", "version"])
        record(
            actor=actor,
            action=tr.SCHEDULE.audit_action,
            obj=row,
            organisation=row.organisation,
            after={"at": at.isoformat()},
        )
    return row


def publish(*, actor: Actor, publication: Publication, now: datetime | None = None) -> Publication:
    """待发布 → 已发布: the 索引号 on first publication, a new public version, the search index;
    a 规范性文件 takes its approved 政策解读 along (同步发布)."""
    with transaction.atomic():
        return _publish(actor, take(tr.PUBLISH, publication, actor), now or timezone.now())


def publish_due(now: datetime) -> int:
    """Publish every approved item whose scheduled time has come; returns how many."""
    due = Publication.objects.filter(state=State.APPROVED, scheduled_at__lte=now).order_by(
        "scheduled_at", "pk"
    )
    count = 0
    for publication in due:
        with transaction.atomic():
            row = locked(publication)
            if tr.allows(tr.PUBLISH, row) and row.scheduled_at and row.scheduled_at <= now:
                try:
                    _publish(None, row, now)
                except Blocked:
                    continue
                count += 1
    return count


def _publish(actor: Actor, row: Publication, now: datetime) -> Publication:
    """Publish `row`, locked and found publishable (`tr.PUBLISH`) by the caller."""
    overridden = set(
        CheckOverride.objects.filter(publication=row, round=review_round(row)).values_list("code", flat=True)
    )
    stopping = prepublication.blocking(prepublication.findings_for(row, at_publication=True), overridden)
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
    move(row, actor, tr.PUBLISH, step=None, index_number=row.index_number)
    refresh_search_entry(row)
    for interpretation in row.interpretations.filter(state=State.APPROVED):
        # The 政策解读 goes with its document, on the role checked for the document.
        along = locked(interpretation)
        tr.check_state(tr.PUBLISH, along)
        _publish(actor, along, now)
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
