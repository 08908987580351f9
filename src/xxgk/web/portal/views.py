"""The portal's home page: every active agency, with links into its public column."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from xxgk.web.portal import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"agencies": selectors.public_agencies()})
