"""Public pages of the column: thin views over `publishing.portal_selectors` and `publishing.exports`."""

from __future__ import annotations

import mimetypes

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header

from xxgk.web.fields import field_label
from xxgk.web.orgs.models import Organisation
from xxgk.web.portal.selectors import public_agencies
from xxgk.web.publishing import exports, portal_selectors, statute
from xxgk.web.publishing import guide as guide_data
from xxgk.web.publishing.models import (
    STANDARD_COLUMNS,
    Attachment,
    CatalogueNode,
    DocumentKind,
    Publication,
    RegulatoryDocument,
    Validity,
)

PAGE_SIZE = 20


def _agency(org: int) -> Organisation:
    return get_object_or_404(Organisation, pk=org, is_active=True)


def _page(request: HttpRequest, rows) -> tuple:
    """One page of publications, each with its public text."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return page, _with_revisions(page.object_list)


def _with_revisions(items) -> list[tuple[Publication, object]]:
    items = list(items)
    revisions = portal_selectors.current_revisions(items)
    return [(item, revisions.get(item.pk)) for item in items]


def _today():
    return timezone.localdate()


def column_index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/column/index.html", {"agencies": public_agencies()})


def column_home(request: HttpRequest, org: int) -> HttpResponse:
    agency = _agency(org)
    latest = portal_selectors.listed_publications().filter(organisation=agency).select_related("organisation")
    latest = latest.defer(*portal_selectors.LIST_DEFERRED)
    context = {
        "agency": agency,
        "tree": portal_selectors.catalogue_tree(agency),
        "latest": _with_revisions(latest.order_by("-published_at", "-pk")[:10]),
    }
    return render(request, "portal/column/home.html", context)


def guide(request: HttpRequest, org: int) -> HttpResponse:
    agency = _agency(org)
    return render(
        request, "portal/column/guide.html", {"agency": agency, "guide": guide_data.guide_for(agency)}
    )


def rules(request: HttpRequest, org: int) -> HttpResponse:
    agency = _agency(org)
    node_row = CatalogueNode.objects.filter(
        organisation=agency, parent=None, title=statute.RULES_TITLE
    ).first()
    if node_row is None:
        raise Http404("本机关尚未发布政府信息公开制度。")
    return node(request, org, node_row.pk)


def node(request: HttpRequest, org: int, node: int) -> HttpResponse:
    agency = _agency(org)
    catalogue_node = get_object_or_404(CatalogueNode, organisation=agency, pk=node, is_active=True)
    rows = portal_selectors.find(
        portal_selectors.Filters(organisation=agency.pk, node=catalogue_node.pk), today=_today()
    )
    page, pairs = _page(request, rows)
    standard = [
        (field_label(CatalogueNode, f), getattr(catalogue_node, f))
        for f in STANDARD_COLUMNS
        if getattr(catalogue_node, f)
    ]
    context = {"agency": agency, "node": catalogue_node, "page": page, "rows": pairs, "standard": standard}
    return render(request, "portal/column/node.html", context)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def search(request: HttpRequest, org: int | None = None) -> HttpResponse:
    agency = _agency(org) if org else None
    organisation = agency.pk if agency else _int(request.GET.get("org"))
    filters = portal_selectors.Filters(
        query=request.GET.get("q", "").strip()[:100],
        organisation=organisation,
        node=_int(request.GET.get("node")),
        year=_int(request.GET.get("year")),
        issuer=request.GET.get("issuer", "").strip()[:50],
        validity=request.GET.get("validity", ""),
    )
    searched = any((filters.query, filters.node, filters.year, filters.issuer, filters.validity))
    page, pairs = (
        _page(request, portal_selectors.search_results(filters, today=_today())) if searched else (None, [])
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "agency": agency,
        "filters": filters,
        "page": page,
        "rows": pairs,
        "agencies": public_agencies(),
        "validities": Validity.choices,
        "nodes": CatalogueNode.objects.filter(organisation=agency, parent=None) if agency else [],
        "query_string": query.urlencode(),
    }
    return render(request, "portal/column/search.html", context)


def publication(request: HttpRequest, org: int, pk: int, number: int | None = None) -> HttpResponse:
    agency = _agency(org)
    try:
        item = portal_selectors.public_publication(agency, pk)
    except Publication.DoesNotExist:
        raise Http404("未找到该信息。") from None
    revisions = list(item.revisions.order_by("number"))
    shown = (
        next((r for r in revisions if r.number == number), None)
        if number
        else next(r for r in revisions if r.is_current)
    )
    if shown is None:
        raise Http404("未找到该版本。")
    context = {
        "agency": agency,
        "item": item,
        "shown": shown,
        "revisions": revisions,
        "validity": item.registry_document.validity_on(_today()) if item.registry_document else None,
        "interpretations": portal_selectors.listed_publications().filter(interprets=item),
        "channels": [c.get_channel_display() for c in item.channels.all()],
        "nodes": item.nodes.all(),
        "attachments": portal_selectors.revision_attachments(item, shown.number).only("pk", "name", "size"),
    }
    return render(request, "portal/column/publication.html", context)


def attachment(
    request: HttpRequest, org: int, pk: int, attachment: int, number: int | None = None
) -> HttpResponse:
    """A file of a public version, always as a download (never rendered inline from our origin)."""
    agency = _agency(org)
    try:
        row = portal_selectors.public_attachment(agency, pk, attachment, number)
    except Attachment.DoesNotExist:
        raise Http404("未找到该附件。") from None
    content_type, _ = mimetypes.guess_type(row.name)
    response = HttpResponse(bytes(row.content), content_type=content_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, row.name)
    return response


def registry(request: HttpRequest, org: int) -> HttpResponse:
    agency = _agency(org)
    kind = request.GET.get("kind", "")
    kind = kind if kind in DocumentKind.values else ""
    validity = request.GET.get("validity", "")
    rows = portal_selectors.registry(agency, kind=kind, validity=validity, today=_today())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    today = _today()
    context = {
        "agency": agency,
        "page": page,
        "rows": [(doc, doc.validity_on(today)) for doc in page.object_list],
        "kinds": DocumentKind.choices,
        "validities": Validity.choices,
        "kind": kind,
        "validity": validity,
        "batches": portal_selectors.cleanup_batches(agency),
    }
    return render(request, "portal/column/registry.html", context)


def registry_document(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    agency = _agency(org)
    document = get_object_or_404(RegulatoryDocument, organisation=agency, pk=pk)
    context = {
        "agency": agency,
        "document": document,
        "validity": document.validity_on(_today()),
        "publications": portal_selectors.listed_publications().filter(registry_document=document),
        "interpretations": portal_selectors.listed_publications().filter(
            interprets__registry_document=document
        ),
        "amended_by": document.amended_by.all(),
        "amends": document.amends.all(),
    }
    return render(request, "portal/column/registry_document.html", context)


def cleanup(request: HttpRequest, org: int, pk: int) -> HttpResponse:
    agency = _agency(org)
    batch = get_object_or_404(portal_selectors.cleanup_batches(agency), pk=pk)
    entries = batch.entries.select_related("document").order_by("pk")
    return render(
        request, "portal/column/cleanup.html", {"agency": agency, "batch": batch, "entries": entries}
    )


def catalogue_export(request: HttpRequest, org: int, fmt: str) -> HttpResponse:
    agency = _agency(org)
    if fmt not in exports.CATALOGUE_FORMATS:
        raise Http404("不支持的格式。")
    content, content_type = exports.catalogue(agency, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="catalogue-{agency.pk}.{fmt}"'
    return response
