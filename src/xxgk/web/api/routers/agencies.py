"""Agencies (机关): the public organisation tree with the contact details of each 公开指南."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from xxgk.web.api.errors import COMMON_ERRORS, ApiError, ErrorBody
from xxgk.web.api.listing import ListQuery, Page, csv_openapi, ordering_of, respond
from xxgk.web.api.lookups import BIG_ID
from xxgk.web.orgs.models import Organisation, OrgKind

router = Router(tags=["机关"])


class Agency(Schema):
    id: int
    name: str = Field(description="机关名称")
    short_name: str
    credit_code: str = Field(description="统一社会信用代码")
    kind: str = Field(description="机构类型代码")
    kind_zh: str = Field(description="机构类型")
    parent_id: int | None = Field(description="上级（监督）机关")
    depth: int = Field(description="在机关树中的层级，0 为最上级")
    address: str = Field(description="通讯地址")
    postcode: str
    phone: str = Field(description="联系电话")
    fax: str
    email: str
    office_hours: str = Field(description="办公时间")


class AgencyNode(Schema):
    id: int
    name: str
    kind: str
    children: list[AgencyNode] = Field(default_factory=list)


class AgencyFilters(ListQuery):
    parent: int | None = Field(None, ge=1, le=BIG_ID, description="只列此机关的直属下级")
    within: int | None = Field(None, ge=1, le=BIG_ID, description="只列此机关及其全部下级")
    kind: OrgKind | None = Field(None, description="机构类型代码")
    q: str | None = Field(None, max_length=100, description="名称包含")
    ordering: ordering_of("path", "name") = "path"  # type: ignore[valid-type]


def public_agencies() -> QuerySet[Organisation]:
    """What the public sees: the active organisations (the whole tree is public information)."""
    return Organisation.objects.filter(is_active=True)


def agency_item(org: Organisation) -> Agency:
    return Agency(
        id=org.pk,
        name=org.name,
        short_name=org.short_name,
        credit_code=org.credit_code,
        kind=org.kind,
        kind_zh=OrgKind(org.kind).label,
        parent_id=org.parent_id,
        depth=org.depth - 1,
        address=org.address,
        postcode=org.postcode,
        phone=org.phone,
        fax=org.fax,
        email=org.email,
        office_hours=org.office_hours,
    )


@router.get(
    "/agencies",
    response={200: Page[Agency], **COMMON_ERRORS},
    openapi_extra=csv_openapi("机关列表"),
    summary="机关列表",
)
def list_agencies(request: HttpRequest, filters: Query[AgencyFilters]) -> dict | HttpResponse:
    rows = public_agencies()
    if filters.parent is not None:
        rows = rows.filter(parent_id=filters.parent)
    if filters.within is not None:
        top = public_agencies().filter(pk=filters.within).first()
        if top is None:
            raise ApiError(404, "not_found", "未找到该机关。")
        rows = rows.filter(path__startswith=top.path)
    if filters.kind is not None:
        rows = rows.filter(kind=filters.kind)
    if filters.q:
        rows = rows.filter(Q(name__contains=filters.q) | Q(short_name__contains=filters.q))
    return respond(
        rows,
        query=filters,
        ordering=filters.ordering,
        fields={"path": "path", "name": "name"},
        schema=Agency,
        items=lambda rows: [agency_item(org) for org in rows],
        filename="agencies",
    )


@router.get("/agencies/tree", response={200: list[AgencyNode], **COMMON_ERRORS}, summary="机关树")
def agency_tree(request: HttpRequest) -> list[AgencyNode]:
    nodes: dict[int, AgencyNode] = {}
    roots: list[AgencyNode] = []
    for org in public_agencies().order_by("path").only("pk", "name", "kind", "parent_id"):
        node = AgencyNode(id=org.pk, name=org.name, kind=org.kind)
        nodes[org.pk] = node
        parent = nodes.get(org.parent_id) if org.parent_id else None
        (parent.children if parent is not None else roots).append(node)
    return roots


@router.get("/agencies/{agency_id}", response={200: Agency, 404: ErrorBody, 422: ErrorBody, 429: ErrorBody})
def get_agency(request: HttpRequest, agency_id: int) -> Agency:
    """一个机关的公开信息。"""
    org = public_agencies().filter(pk=agency_id).first() if 0 < agency_id < BIG_ID else None
    if org is None:
        raise ApiError(404, "not_found", "未找到该机关。")
    return agency_item(org)
