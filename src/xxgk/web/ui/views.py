"""Log-in, log-out and the dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from xxgk.web.orgs import services
from xxgk.web.ui.forms import LoginForm
from xxgk.web.ui.registry import widgets_for


@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("ui:dashboard")
    form = LoginForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            services.log_in(request=request, user=form.user)
            if form.locked_at is not None:
                messages.warning(
                    request,
                    f"您的账号曾于{timezone.localtime(form.locked_at):%Y年%m月%d日 %H:%M}因连续登录失败被临时锁定；"
                    "如非本人操作，请修改密码并告知管理员。",
                )
            target = request.POST.get("next") or request.GET.get("next") or ""
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                target = ""
            return redirect(target or "ui:dashboard")
        if form.just_locked:
            services.note_lockout(username=form.cleaned_data.get("username", ""))
    return render(request, "ui/login.html", {"form": form, "next": request.GET.get("next", "")})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    services.log_out(request=request)
    return redirect("ui:login")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    widgets = [{"widget": widget, "context": widget.context(request)} for widget in widgets_for(request.user)]
    return render(request, "ui/dashboard.html", {"widgets": widgets})
