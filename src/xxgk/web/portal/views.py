"""The portal's home page (every active agency, with links into its public column) and the
长者模式/无障碍 switch, which works without JavaScript: a plain form sets a cookie and comes back."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from xxgk.web.portal import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"agencies": selectors.public_agencies()})


MODE_COOKIE = "xxgk_mode"
MODES = ("standard", "elder")
MODE_COOKIE_SECONDS = 365 * 24 * 3600


def display_mode(request: HttpRequest) -> HttpResponse:
    """Remember the chosen display mode (standard or 长者模式) and go back to the page it came from."""
    mode = request.GET.get("mode", "")
    back = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "/"
    response = HttpResponseRedirect(back)
    if mode in MODES:
        response.set_cookie(MODE_COOKIE, mode, max_age=MODE_COOKIE_SECONDS, samesite="Lax", httponly=True)
    return response
