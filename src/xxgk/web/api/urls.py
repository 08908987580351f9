"""URLs of the REST API (/api/): version 1, its OpenAPI document and offline docs, and JSON errors
for unknown paths and methods. The staff pages of personal tokens live on the staff site."""

from django.urls import URLPattern, URLResolver, include, path, re_path

from xxgk.web.api import views
from xxgk.web.api.api import api

_patterns, _app_name, _namespace = api.urls


def _json_errors(pattern: URLPattern | URLResolver) -> URLPattern | URLResolver:
    if isinstance(pattern, URLResolver):  # ninja makes none today; nothing to wrap
        return pattern
    return URLPattern(
        pattern.pattern, views.json_method_errors(pattern.callback), pattern.default_args, pattern.name
    )


# No app namespace here: ninja reverses its own "api-v1" namespace from the root.
urlpatterns = [
    path("v1/openapi.json", views.openapi, name="api-openapi"),
    path("v1/", include(([_json_errors(p) for p in _patterns], _app_name), namespace=_namespace)),
    path("docs", views.docs, name="api-docs"),
    path("docs/assets/<str:name>", views.docs_asset, name="api-docs-asset"),
    re_path(r"^.*$", views.not_found),
]
