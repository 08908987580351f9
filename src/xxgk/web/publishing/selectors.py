"""Reads of the publishing context."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from xxgk.template import GB2021
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Organisation
from xxgk.web.orgs.scoping import get_visible, has_role, scope, visible_orgs
from xxgk.web.publishing.chain import DRAFTER_ROLES, current_step
from xxgk.web.publishing.models import (
    CatalogueNode,
    Channel,
    Publication,
    PublicationChannel,
    RegulatoryDocument,
    State,
    Validity,
)
from xxgk.web.publishing.models.registry import REGISTRY_ROWS, validity_q

_COLUMNS = tuple(column.key for column in GB2021.table2.row("regulations").columns)


def registry_table2(organisation_ids: Iterable[int], year: int) -> dict[str, dict[str, int]]:
    """Table 二, 第二十条第（一）项, of the given organisations for `year`, from the registry.

    Counting rule (one grouped query over the registry):
    - `issued` 本年制发件数: documents whose 印发日期 (`issued_on`) lies in the year;
    - `repealed` 本年废止件数: documents whose 废止日期 (`repealed_on`) lies in the year —
      only 废止; a document that lapses (失效, 已修改, or reaching its 有效期) is not 废止;
    - `in_force` 现行有效件数: documents in force on 31 December of the year: issued on or before
      that day, not repealed and not lapsed on or before it, and with no 有效期 or one reaching
      at least that day. Whether a document has yet taken effect (施行日期) does not matter.

    So this year's in_force = last year's in_force + issued − repealed − those that lapsed in the
    year, which is why the cross-year check of the report is only a warning for lapses.
    Scoping is the caller's: pass the organisations the user may see.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    in_force = Q(issued_on__lte=last) & validity_q(Validity.EFFECTIVE, last)
    rows = (
        RegulatoryDocument.objects.filter(organisation_id__in=list(organisation_ids))
        .values("kind")
        .order_by("kind")
        .annotate(
            issued=Count("pk", filter=Q(issued_on__range=(first, last))),
            repealed=Count("pk", filter=Q(repealed_on__range=(first, last))),
            in_force=Count("pk", filter=in_force),
        )
    )
    table = {key: dict.fromkeys(_COLUMNS, 0) for key in REGISTRY_ROWS}
    for row in rows:
        # The annotate() names above are the template's column keys, which the plugin cannot see.
        table[row["kind"]] = {column: row[column] for column in _COLUMNS}  # type: ignore[literal-required]
    return table


# --- staff reads (scoped) -----------------------------------------------------------------


def publications_for(user: Actor, organisation: Organisation | None = None) -> QuerySet[Publication]:
    """Publications of the organisations `user` may see, newest first."""
    rows = scope(Publication.objects.select_related("organisation"), user)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.order_by("-pk")


def publication_for(user: Actor, pk: int) -> Publication:
    """One visible publication; another agency's draft is NotVisible (404)."""
    return get_visible(
        Publication.objects.select_related("organisation", "registry_document", "interprets", "created_by"),
        user,
        pk=pk,
    )


def drafting_orgs(user: Actor) -> QuerySet[Organisation]:
    """Where `user` may draft (信息员)."""
    return Organisation.objects.filter(
        pk__in=[o.pk for o in visible_orgs(user) if has_role(user, o, DRAFTER_ROLES)]
    )


def awaiting(user: Actor) -> list[Publication]:
    """Drafts waiting at a step `user` may pass."""
    rows = publications_for(user).filter(state=State.REVIEW)
    return [
        p for p in rows if (step := current_step(p)) is not None and has_role(user, p.organisation, step.role)
    ]


def registry_for(user: Actor, organisation: Organisation | None = None) -> QuerySet[RegulatoryDocument]:
    rows = scope(RegulatoryDocument.objects.select_related("organisation"), user)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.order_by("-issued_on", "-pk")


def document_for(user: Actor, pk: int) -> RegulatoryDocument:
    return get_visible(RegulatoryDocument.objects.select_related("organisation"), user, pk=pk)


def nodes_for(user: Actor, organisation: Organisation) -> QuerySet[CatalogueNode]:
    return scope(CatalogueNode.objects.filter(organisation=organisation), user).order_by(
        "parent_id", "position", "pk"
    )


def channel_counts(organisation_ids: Iterable[int], year: int) -> dict[str, int]:
    """For the annual report's section 一: items first published in `year` per channel
    (keys of `Channel`; withdrawn items count, they were published). One grouped query."""
    tz = timezone.get_current_timezone()
    rows = (
        PublicationChannel.objects.filter(
            publication__organisation_id__in=list(organisation_ids),
            publication__index_number__isnull=False,
            publication__published_at__gte=datetime(year, 1, 1, tzinfo=tz),
            publication__published_at__lt=datetime(year + 1, 1, 1, tzinfo=tz),
        )
        .values("channel")
        .order_by("channel")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(Channel.values, 0)
    counts.update({row["channel"]: row["n"] for row in rows})
    return counts
