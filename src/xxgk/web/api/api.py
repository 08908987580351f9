"""The REST API, version 1: one NinjaAPI with the shared renderer, error bodies and throttle."""

from __future__ import annotations

from ninja import NinjaAPI

from xxgk.web.api import errors
from xxgk.web.api.rendering import ChineseJSONRenderer
from xxgk.web.api.routers import agencies, consultations, me, opendata, publishing, reports, staff
from xxgk.web.api.throttling import ApiThrottle

DESCRIPTION = """政府信息公开开放接口。公开数据无需令牌；工作人员接口需在工作平台「接口令牌」页面创建个人令牌，
以请求头 `Authorization: Bearer <令牌>` 调用，权限与工作平台相同。每个错误都返回 JSON：`code` 与中文 `message`。
列表接口支持 `limit`/`offset` 分页（返回 `total`）、`ordering` 排序和 `format=csv`。"""

api = NinjaAPI(
    title="xxgk 政府信息公开开放接口",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    renderer=ChineseJSONRenderer(),
    throttle=[ApiThrottle()],
    # The document and the interactive docs are served by views.openapi / views.docs.
    openapi_url=None,
    docs_url=None,
)
errors.install(api)
api.add_router("/", agencies.router)
api.add_router("/", reports.router)
api.add_router("/", publishing.router)
api.add_router("/", consultations.router)
api.add_router("/", opendata.router)
api.add_router("/", me.router)
api.add_router("/", staff.router)
