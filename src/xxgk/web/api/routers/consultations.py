"""咨询答复: the 常见问题 published from answers (through the review chain), and each agency's yearly
counts of questions by channel and outcome (the figures of section 一). No personal data."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from xxgk.web.api.errors import COMMON_ERRORS, ApiError
from xxgk.web.api.listing import ListQuery, Page, csv_openapi, respond
from xxgk.web.api.lookups import BIG_ID, public_agency
from xxgk.web.consultations.models import Channel, Status
from xxgk.web.consultations.selectors import published_faq, yearly_counts
from xxgk.web.publishing.models import Publication

router = Router(tags=["咨询答复"])


class FaqOut(Schema):
    id: int
    agency_id: int
    agency: str = Field(description="答复机关")
    title: str = Field(description="常见问题")
    published_at: dt.datetime | None
    url: str = Field(description="门户网站上的页面")


class FaqFilters(ListQuery):
    agency: int | None = Field(None, ge=1, le=BIG_ID)


class CountsOut(Schema):
    agency_id: int
    agency: str
    year: int
    total: int = Field(description="收到咨询总数")
    by_channel: dict[str, int] = Field(description="按渠道：电话、网站留言、现场、信函、电子邮件、12345 转办")
    by_outcome: dict[str, int] = Field(description="按办理结果：已答复、已转为依申请公开、待答复")


@router.get(
    "/faq",
    response={200: Page[FaqOut], **COMMON_ERRORS},
    openapi_extra=csv_openapi("常见问题"),
    summary="常见问题（由咨询答复整理公开）",
)
def list_faq(request: HttpRequest, filters: Query[FaqFilters]) -> dict | HttpResponse:
    rows = published_faq(public_agency(filters.agency) if filters.agency else None)

    def items(page: list[Publication]) -> list[FaqOut]:
        return [
            FaqOut(
                id=p.pk,
                agency_id=p.organisation_id,
                agency=p.organisation.name,
                title=p.title,
                published_at=p.published_at,
                url=request.build_absolute_uri(reverse("portal:publication", args=[p.organisation_id, p.pk])),
            )
            for p in page
        ]

    return respond(
        rows,
        query=filters,
        ordering="-published_at",
        fields={"published_at": "published_at"},
        schema=FaqOut,
        items=items,
        filename="faq",
    )


@router.get(
    "/agencies/{agency_id}/consultations/{year}",
    response={200: CountsOut, **COMMON_ERRORS},
    summary="某机关某年度咨询答复数量",
)
def consultation_counts(request: HttpRequest, agency_id: int, year: int) -> CountsOut:
    org = public_agency(agency_id)
    if not 2000 <= year <= 2100:
        raise ApiError(404, "not_found", "年度超出范围。")
    counts = yearly_counts([org.pk], year)[org.pk]
    return CountsOut(
        agency_id=org.pk,
        agency=org.name,
        year=year,
        total=counts["total"]["total"],
        by_channel={Channel(key).label: n for key, n in counts["channel"].items()},
        by_outcome={Status(key).label: n for key, n in counts["status"].items()},
    )
