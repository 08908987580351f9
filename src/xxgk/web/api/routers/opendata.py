"""Bulk open data: one ZIP per year of every published report (JSON + long-format CSV)."""

from __future__ import annotations

import datetime as dt

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from xxgk.web.annual.selectors import published_years
from xxgk.web.api import bulk
from xxgk.web.api.errors import COMMON_ERRORS, ApiError
from xxgk.web.api.published import latest_versions

router = Router(tags=["批量数据"])


class BundleOut(Schema):
    year: int
    reports: int = Field(description="包含的报告份数")
    url: str
    sha256: str | None = Field(description="ZIP 文件的 SHA-256（尚未生成时为空）")
    size: int | None
    generated_at: dt.datetime | None


@router.get("/opendata", response={200: list[BundleOut], **COMMON_ERRORS}, summary="批量数据（按年度）")
def list_bundles(request: HttpRequest) -> list[BundleOut]:
    years = sorted({y for ys in published_years().values() for y in ys}, reverse=True)
    out = []
    for year in years:
        stored = bulk.stored(year)
        bundle = stored if stored is not None and stored.fingerprint == bulk.fingerprint(year) else None
        out.append(
            BundleOut(
                year=year,
                reports=latest_versions().filter(year=year).count(),
                url=request.build_absolute_uri(reverse("api-v1:opendata_zip", args=[year])),
                sha256=bundle.sha256 if bundle else None,
                size=bundle.size if bundle else None,
                generated_at=dt.datetime.fromisoformat(bundle.generated_at) if bundle else None,
            )
        )
    return out


@router.get(
    "/opendata/{year}.zip",
    response={200: bytes, **COMMON_ERRORS},
    openapi_extra={
        "responses": {
            200: {
                "description": "ZIP",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
    url_name="opendata_zip",
    summary="某年度全部已公开报告（ZIP）",
)
def download_bundle(request: HttpRequest, year: int) -> FileResponse:
    if not 2000 <= year <= 2100 or not latest_versions().filter(year=year).exists():
        raise ApiError(404, "not_found", "该年度没有已公开的报告。")
    bundle = bulk.current(year)
    response = FileResponse(
        bundle.path.open("rb"),
        content_type="application/zip",
        as_attachment=True,
        filename=f"xxgk-annual-reports-{year}.zip",
    )
    response["X-Checksum-SHA256"] = bundle.sha256
    response["ETag"] = f'"{bundle.sha256}"'
    response["X-Generated-At"] = bundle.generated_at
    return response
