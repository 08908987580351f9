"""Template context processor: the navigation the current user may use."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from xxgk.web.ui.registry import nav_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for item in nav_for(user):
        url = reverse(item.url_name)
        current = request.path == url if url == reverse("ui:dashboard") else request.path.startswith(url)
        items.append({"label": item.label, "url": url, "current": current})
    return {"nav_items": items}
