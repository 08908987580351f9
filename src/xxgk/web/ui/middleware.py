"""The house error page for 405: Django's require_POST answers with an empty body, which browsers
show as a blank page when someone opens a POST-only URL (a form action) in the address bar."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string


class MethodNotAllowedPage:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and not response.content:
            return HttpResponseNotAllowed(
                [m.strip() for m in response["Allow"].split(",")],
                content=render_to_string("405.html", request=request),
            )
        return response
