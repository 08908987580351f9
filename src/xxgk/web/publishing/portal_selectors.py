"""Public reads of the publishing context, for the portal's column. Only what readers may
see: proactively disclosed items once published (and, with their reason, once withdrawn);
never a draft, never another agency's working copy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing import search
from xxgk.web.publishing.models import (
    Attachment,
    CatalogueNode,
    CleanupBatch,
    Disclosure,
    Publication,
    PublicationRevision,
    RegulatoryDocument,
    State,
    Validity,
)

# The same condition as `listed_publications`, seen from a catalogue node through its
# publications (a join condition, so counts stay one grouped query).
_LISTED_VIA_NODE = Q(
    publications__disclosure=Disclosure.PROACTIVE, publications__index_number__isnull=False
) & ~Q(publications__state=State.WITHDRAWN)


LIST_DEFERRED = ("body", "summary", "organisation__address", "organisation__office_hours")


def public_publications() -> QuerySet[Publication]:
    """Everything ever published proactively (a correction in progress keeps its public text)."""
    return Publication.objects.filter(disclosure=Disclosure.PROACTIVE, index_number__isnull=False)


def listed_publications() -> QuerySet[Publication]:
    """What lists and search show: public and not withdrawn."""
    return public_publications().exclude(state=State.WITHDRAWN)


@dataclass(frozen=True)
class Filters:
    query: str = ""
    organisation: int | None = None
    node: int | None = None
    year: int | None = None
    issuer: str = ""
    validity: str = ""


class Results:
    """Search results for the paginator: the rows, and their count taken from the search index
    alone when no other filter applies (the index holds exactly the listed items)."""

    def __init__(self, rows: QuerySet[Publication], known_count: int | None) -> None:
        self.rows, self._count = rows, known_count

    def count(self) -> int:
        return self._count if self._count is not None else self.rows.count()

    def __getitem__(self, key):
        return self.rows[key]

    def __len__(self) -> int:
        return self.count()


def exact_matches(query: str) -> QuerySet[Publication]:
    """Listed items whose 索引号 or public 文号 is exactly `query` (what a reader copies from a
    document); the index of pairs does not hold the 索引号."""
    query = query.strip()
    if not query:
        return listed_publications().none()
    return (
        listed_publications()
        .filter(Q(index_number=query) | Q(revisions__is_current=True, revisions__document_number=query))
        .distinct()
    )


def search_results(filters: Filters, *, today: date) -> Results:
    if exact_matches(filters.query).exists():
        return Results(find(filters, today=today), None)
    count = search.match_count(filters.query)
    only_text = not any((filters.organisation, filters.node, filters.year, filters.issuer, filters.validity))
    return Results(find(filters, today=today, expected=count), count if only_text else None)


def find(filters: Filters, *, today: date, expected: int | None = None) -> QuerySet[Publication]:
    """The public search: text (any substring, see `search`), agency, catalogue node, year of
    publication, issuer (发布机构 or 联合发布机构), 有效性 of the registered document. A query that
    is exactly a 索引号 or 文号 finds those items alone; any other goes to the text search."""
    exact = exact_matches(filters.query)
    if exact.exists():
        rows = listed_publications().filter(pk__in=exact.values("pk"))
    else:
        rows = search.matching(listed_publications(), filters.query, expected=expected)
    if filters.organisation:
        rows = rows.filter(organisation_id=filters.organisation)
    if filters.node:
        rows = rows.filter(nodes=filters.node)
    if filters.year:
        tz = timezone.get_current_timezone()
        rows = rows.filter(
            published_at__gte=datetime(filters.year, 1, 1, tzinfo=tz),
            published_at__lt=datetime(filters.year + 1, 1, 1, tzinfo=tz),
        )
    if filters.issuer:
        rows = rows.filter(
            Q(organisation__name__contains=filters.issuer) | Q(joint_issuers__contains=filters.issuer)
        )
    if filters.validity in Validity.values:
        rows = rows.filter(
            registry_document__in=RegulatoryDocument.objects.with_validity(filters.validity, today)
        )
    # Lists show the public version's text (`current_revisions`): leave the working copy's long
    # fields out, so sorting many matches does not carry them.
    return rows.select_related("organisation").defer(*LIST_DEFERRED).order_by("-published_at", "-pk")


def current_revisions(publications: Iterable[Publication]) -> dict[int, PublicationRevision]:
    """The public text of each publication on a page (one query)."""
    ids = [p.pk for p in publications]
    return {
        r.publication_id: r
        for r in PublicationRevision.objects.filter(publication_id__in=ids, is_current=True)
    }


def public_publication(organisation: Organisation, pk: int) -> Publication:
    return (
        public_publications()
        .select_related("organisation", "registry_document", "interprets")
        .get(organisation=organisation, pk=pk)
    )


def revision_attachments(publication: Publication, number: int) -> QuerySet[Attachment]:
    """The files of public version `number`: those published with it or before it, none once
    the item is withdrawn (its text stays readable with the reason; its files do not)."""
    if publication.state == State.WITHDRAWN:
        return Attachment.objects.none()
    return publication.attachments.filter(is_active=True, published_in__lte=number).order_by("pk")


def public_attachment(organisation: Organisation, pk: int, attachment: int, number: int | None) -> Attachment:
    """One downloadable file, or Attachment.DoesNotExist (drafts, withdrawn items, files that
    the version asked for did not carry, other agencies')."""
    try:
        item = public_publications().get(organisation=organisation, pk=pk)
        revisions = item.revisions.all()
        revision = revisions.get(number=number) if number else revisions.get(is_current=True)
    except (Publication.DoesNotExist, PublicationRevision.DoesNotExist):
        raise Attachment.DoesNotExist from None
    return revision_attachments(item, revision.number).get(pk=attachment)


def catalogue_tree(organisation: Organisation) -> list[tuple[CatalogueNode, list[CatalogueNode]]]:
    """Top-level nodes in order, each with its children."""
    nodes = list(
        CatalogueNode.objects.filter(organisation=organisation, is_active=True).order_by("position", "pk")
    )
    children: dict[int, list[CatalogueNode]] = {}
    for node in nodes:
        if node.parent_id:
            children.setdefault(node.parent_id, []).append(node)
    return [(node, children.get(node.pk, [])) for node in nodes if node.parent_id is None]


def registry(
    organisation: Organisation, *, kind: str = "", validity: str = "", today: date
) -> QuerySet[RegulatoryDocument]:
    rows = RegulatoryDocument.objects.filter(organisation=organisation)
    if kind:
        rows = rows.filter(kind=kind)
    if validity in Validity.values:
        rows = rows.with_validity(validity, today)
    return rows.order_by("-issued_on", "-pk")


def cleanup_batches(organisation: Organisation) -> QuerySet[CleanupBatch]:
    return CleanupBatch.objects.filter(organisation=organisation, published_at__isnull=False)


def last_publication_by_node(organisation: Organisation) -> dict[int, datetime]:
    rows = (
        CatalogueNode.objects.filter(organisation=organisation)
        .annotate(last=Max("publications__published_at", filter=_LISTED_VIA_NODE))
        .values_list("pk", "last")
    )
    return {pk: last for pk, last in rows if last}
