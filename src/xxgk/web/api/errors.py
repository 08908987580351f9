"""Every API error is a JSON body `{"code", "message"}` with a Chinese message; no input gives a 500.

`ApiError` is raised by endpoints; `install(api)` maps Django's and ninja's own exceptions
(404 of another agency's object, role missing, invalid parameters, throttling) to that body.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

if TYPE_CHECKING:
    from ninja import NinjaAPI

log = logging.getLogger(__name__)
_E = TypeVar("_E", bound=Exception)

NOT_FOUND_ZH = "未找到该对象，或您无权查看。"
_STATUS_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "请求格式不正确。"),
    401: ("unauthorized", "需要有效的接口令牌（请求头 Authorization: Bearer <令牌>）。"),
    403: ("forbidden", "无权执行此操作。"),
    404: ("not_found", NOT_FOUND_ZH),
    405: ("method_not_allowed", "不支持此请求方法。"),
    422: ("invalid", "请求参数不正确。"),
    429: ("throttled", "请求过于频繁，请稍后重试。"),
    500: ("server_error", "服务器内部错误，请稍后重试。"),
}


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    """The body of every error response."""

    code: str
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


class ApiError(Exception):
    """An error an endpoint answers with: HTTP status, stable code, Chinese message."""

    def __init__(self, status: int, code: str, message_zh: str) -> None:
        super().__init__(message_zh)
        self.status = status
        self.code = code
        self.message_zh = message_zh


# The statuses every operation may answer besides its success (documented in OpenAPI).
COMMON_ERRORS: dict[int, type[ErrorBody]] = {400: ErrorBody, 404: ErrorBody, 422: ErrorBody, 429: ErrorBody}
TOKEN_ERRORS: dict[int, type[ErrorBody]] = {**COMMON_ERRORS, 401: ErrorBody, 403: ErrorBody}


def error_response(
    api: NinjaAPI, request: HttpRequest, status: int, message_zh: str | None = None, **extra: Any
) -> HttpResponse:
    code, default_zh = _STATUS_CODES.get(status, _STATUS_CODES[400])
    body = {"code": extra.pop("code", code), "message": message_zh or default_zh, **extra}
    return api.create_response(request, body, status=status)


def install(api: NinjaAPI) -> None:
    """Register the handlers on `api` (most specific exception types win in ninja)."""

    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(api, request, exc.status, exc.message_zh, code=exc.code)

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(api, request, 404)

    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(api, request, 403, str(exc) or None)

    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = [_detail(error) for error in exc.errors]
        return error_response(api, request, 422, details=details)

    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(api, request, 401)

    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = math.ceil(exc.wait or 1)
        return error_response(api, request, 429, f"请求过于频繁，请在 {wait} 秒后重试。", retry_after=wait)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(api, request, exc.status_code if exc.status_code in _STATUS_CODES else 400)

    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API error on %s", request.path)
        return error_response(api, request, 500)

    _handle(api, ApiError, api_error)
    _handle(api, Http404, not_found)
    _handle(api, PermissionDenied, forbidden)
    _handle(api, ValidationError, invalid)
    _handle(api, AuthenticationError, unauthorized)
    _handle(api, Throttled, throttled)
    _handle(api, HttpError, http_error)
    _handle(api, Exception, server_error)


def _handle(api: NinjaAPI, exc_class: type[_E], handler: Callable[[HttpRequest, _E], HttpResponse]) -> None:
    # ninja types the handler's argument as `_E | type[_E]`, but always passes the raised instance.
    api.add_exception_handler(exc_class, handler)  # type: ignore[arg-type]


def _detail(error: dict[str, Any]) -> dict[str, str]:
    # ninja's loc is ("query", "limit"): the first part says where, the last names the field.
    loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body", "params")]
    return {"field": ".".join(loc) or "-", "message": _message_zh(error)}


def _message_zh(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "缺少此参数。"
    if kind in ("greater_than_equal", "greater_than"):
        return f"不能小于 {ctx.get('ge', ctx.get('gt'))}。"
    if kind in ("less_than_equal", "less_than"):
        return f"不能大于 {ctx.get('le', ctx.get('lt'))}。"
    if kind == "literal_error":
        return f"取值须为：{ctx.get('expected', '')}。"
    if kind.startswith(("int_", "float_", "decimal_")):
        return "须为数字。"
    if kind.startswith(("date_", "datetime_")):
        return "须为日期（YYYY-MM-DD）。"
    if kind.startswith("bool"):
        return "须为 true 或 false。"
    if kind.startswith("string_too_long"):
        return f"过长（最多 {ctx.get('max_length')} 个字符）。"
    return "取值不正确。"
