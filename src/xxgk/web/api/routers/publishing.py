"""Proactive disclosure (主动公开): publications as published, each agency's catalogue, and the
registry of 规章 and 行政规范性文件 with their validity on a given day. Read through the
publishing app's public selectors; the registry across agencies is queried here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from xxgk.web.api.errors import COMMON_ERRORS
from xxgk.web.api.listing import ListQuery, Page, csv_openapi, ordering_of, respond
from xxgk.web.api.lookups import BIG_ID, public_agency
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing import portal_selectors
from xxgk.web.publishing.models import DocumentKind, Genre, Publication, RegulatoryDocument, Topic, Validity

router = Router(tags=["主动公开"])


class PublicationOut(Schema):
    id: int
    agency_id: int
    agency: str = Field(description="发布机构")
    index_number: str = Field(description="索引号")
    title: str = Field(description="名称")
    document_number: str = Field(description="文号")
    published_at: dt.datetime | None
    topic: str
    topic_zh: str = Field(description="主题分类")
    genre: str
    genre_zh: str = Field(description="体裁分类")
    url: str = Field(description="门户网站上的页面")


class PublicationFilters(ListQuery):
    q: str | None = Field(None, max_length=100, description="全文检索")
    agency: int | None = Field(None, ge=1, le=BIG_ID)
    node: int | None = Field(None, ge=1, le=BIG_ID, description="目录节点 id")
    year: int | None = Field(None, ge=2000, le=2100, description="发布年度")
    validity: Validity | None = Field(None, description="关联规范性文件的有效性")
    ordering: ordering_of("published_at", "title") = "-published_at"  # type: ignore[valid-type]


class RegistryOut(Schema):
    id: int
    agency_id: int
    agency: str = Field(description="制定机关")
    kind: str
    kind_zh: str = Field(description="类别")
    unified_number: str = Field(description="统一编号")
    title: str
    issuing_organ: str = Field(description="发布机关")
    document_number: str
    issued_on: dt.date = Field(description="印发日期")
    effective_from: dt.date = Field(description="施行日期")
    valid_until: dt.date | None = Field(description="有效期至")
    validity: str = Field(description="查询日的有效性代码")
    validity_zh: str = Field(description="查询日的有效性")


class RegistryFilters(ListQuery):
    agency: int | None = Field(None, ge=1, le=BIG_ID)
    kind: DocumentKind | None = None
    validity: Validity | None = Field(None, description="在 on 这一天的有效性")
    on: dt.date | None = Field(None, description="判断有效性的日期（默认今天）")
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    ordering: ordering_of("issued_on", "effective_from", "title") = "-issued_on"  # type: ignore[valid-type]


class CatalogueNodeOut(Schema):
    id: int
    title: str
    clause: str = Field(description="依据条款，如 第二十条第（七）项")
    children: list[CatalogueNodeOut] = Field(default_factory=list)


@router.get(
    "/publications",
    response={200: Page[PublicationOut], **COMMON_ERRORS},
    openapi_extra=csv_openapi("主动公开的政府信息"),
    summary="主动公开的政府信息",
)
def list_publications(request: HttpRequest, filters: Query[PublicationFilters]) -> dict | HttpResponse:
    today = timezone.localdate()
    rows = portal_selectors.find(
        portal_selectors.Filters(
            query=filters.q or "",
            organisation=filters.agency,
            node=filters.node,
            year=filters.year,
            validity=filters.validity or "",
        ),
        today=today,
    ).filter(organisation__is_active=True)

    def items(page: list[Publication]) -> list[PublicationOut]:
        texts = portal_selectors.current_revisions(page)
        return [_publication(request, p, texts.get(p.pk)) for p in page]

    return respond(
        rows,
        query=filters,
        ordering=filters.ordering,
        fields={"published_at": "published_at", "title": "title"},
        schema=PublicationOut,
        items=items,
        filename="publications",
    )


def _publication(request: HttpRequest, p: Publication, text: Any) -> PublicationOut:
    # The public text is the current revision's; the row itself may hold a correction in progress.
    source = text if text is not None else p
    return PublicationOut(
        id=p.pk,
        agency_id=p.organisation_id,
        agency=p.organisation.name,
        index_number=p.index_number or "",
        title=source.title,
        document_number=source.document_number,
        published_at=p.published_at,
        topic=p.topic,
        topic_zh=Topic(p.topic).label,
        genre=p.genre,
        genre_zh=Genre(p.genre).label,
        url=request.build_absolute_uri(reverse("portal:publication", args=[p.organisation_id, p.pk])),
    )


@router.get(
    "/registry",
    response={200: Page[RegistryOut], **COMMON_ERRORS},
    openapi_extra=csv_openapi("规章和行政规范性文件"),
    summary="规章和行政规范性文件目录",
)
def list_registry(request: HttpRequest, filters: Query[RegistryFilters]) -> dict | HttpResponse:
    day = filters.on or timezone.localdate()
    # A subquery, not a join: the ids are then sorted without dragging the agencies along.
    active = Organisation.objects.filter(is_active=True).values("pk")
    rows = RegulatoryDocument.objects.filter(organisation_id__in=active).select_related("organisation")
    if filters.agency is not None:
        rows = rows.filter(organisation_id=filters.agency)
    if filters.kind is not None:
        rows = rows.filter(kind=filters.kind)
    if filters.validity is not None:
        rows = rows.with_validity(filters.validity, day)
    if filters.issued_from is not None:
        rows = rows.filter(issued_on__gte=filters.issued_from)
    if filters.issued_to is not None:
        rows = rows.filter(issued_on__lte=filters.issued_to)
    return respond(
        rows,
        query=filters,
        ordering=filters.ordering,
        fields={"issued_on": "issued_on", "effective_from": "effective_from", "title": "title"},
        schema=RegistryOut,
        items=lambda page: [_document(d, day) for d in page],
        filename="registry",
    )


def _document(d: RegulatoryDocument, day: dt.date) -> RegistryOut:
    validity = d.validity_on(day)
    return RegistryOut(
        id=d.pk,
        agency_id=d.organisation_id,
        agency=d.organisation.name,
        kind=d.kind,
        kind_zh=DocumentKind(d.kind).label,
        unified_number=d.unified_number,
        title=d.title,
        issuing_organ=d.issuing_organ,
        document_number=d.document_number,
        issued_on=d.issued_on,
        effective_from=d.effective_from,
        valid_until=d.valid_until,
        validity=validity,
        validity_zh=Validity(validity).label,
    )


@router.get(
    "/agencies/{agency_id}/catalogue",
    response={200: list[CatalogueNodeOut], **COMMON_ERRORS},
    summary="机关的政府信息公开目录",
)
def catalogue(request: HttpRequest, agency_id: int) -> list[CatalogueNodeOut]:
    tree = portal_selectors.catalogue_tree(public_agency(agency_id))
    return [
        CatalogueNodeOut(
            id=node.pk,
            title=node.title,
            clause=node.clause,
            children=[CatalogueNodeOut(id=c.pk, title=c.title, clause=c.clause) for c in children],
        )
        for node, children in tree
    ]
