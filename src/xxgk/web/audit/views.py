"""The audit log page: events of the organisations the user may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from xxgk.web.audit.selectors import events_visible_to

PAGE_SIZE = 50


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(events_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page})
