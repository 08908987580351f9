"""The API's own pages: the OpenAPI document with readable Chinese, the interactive docs
(swagger-ui from the ninja package, nothing from a CDN) and JSON answers for unknown paths and
methods."""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from xxgk.web.api.errors import NOT_FOUND_ZH

# swagger-ui ships inside django-ninja; it is served from there so the docs work offline.
_ASSETS_DIR = Path(ninja.__file__).parent / "static" / "ninja"
_ASSETS = frozenset({"swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css", "favicon.png"})


def _json(body: dict[str, Any], status: int) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@require_safe
def openapi(request: HttpRequest) -> HttpResponse:
    from xxgk.web.api.api import api

    return _json(api.get_openapi_schema(path_prefix=reverse("api-v1:api-root")), 200)


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    # validatorUrl null: swagger-ui would otherwise fetch a badge from validator.swagger.io.
    settings = {
        "url": reverse("api-openapi"),
        "layout": "BaseLayout",
        "deepLinking": True,
        "validatorUrl": None,
    }
    return render(request, "api/docs.html", {"swagger_settings": json.dumps(settings)})


@require_safe
def docs_asset(request: HttpRequest, name: str) -> HttpResponseBase:
    if name not in _ASSETS:
        return not_found(request)
    content_type, _ = mimetypes.guess_type(name)
    response = FileResponse((_ASSETS_DIR / name).open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return _json({"code": "not_found", "message": NOT_FOUND_ZH}, 404)


def json_method_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ninja answers an unsupported method with Django's HTML 405; give the JSON body instead."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            answer = _json(
                {"code": "method_not_allowed", "message": f"不支持此请求方法，可用：{allowed}。"}, 405
            )
            answer["Allow"] = allowed
            return answer
        return response

    return wrapped
