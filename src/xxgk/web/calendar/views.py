"""The system administrator's calendar page. Thin: forms in, services out."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from xxgk.web.calendar import selectors, services
from xxgk.web.calendar.errors import CalendarError
from xxgk.web.calendar.forms import AnnouncedYearForm, CalendarDayForm
from xxgk.web.ui.form_fields import errors_zh


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied("工作日历由系统管理员维护。")
    return render(
        request,
        "workcalendar/calendar.html",
        {
            "overrides": selectors.calendar_overrides(),
            "years": selectors.announced_years(),
            "day_form": CalendarDayForm(),
            "year_form": AnnouncedYearForm(),
        },
    )


@login_required
@require_POST
def calendar_change(request: HttpRequest) -> HttpResponse:
    action = request.POST.get("action")
    try:
        if action == "set_day":
            day_form = CalendarDayForm(request.POST)
            if not day_form.is_valid():
                raise CalendarError("invalid form", errors_zh(day_form))
            changed = services.set_calendar_day(actor=request.user, **day_form.cleaned_data)
        elif action == "remove_day":
            changed = services.remove_calendar_day(actor=request.user, day=_posted_day(request))
        elif action in ("announce", "unannounce"):
            year_form = AnnouncedYearForm(request.POST)
            if not year_form.is_valid():
                raise CalendarError("invalid form", errors_zh(year_form))
            changed = services.set_year_announced(
                actor=request.user, announced=action == "announce", **year_form.cleaned_data
            )
        else:
            raise Http404("没有这个操作。")
    except CalendarError as exc:
        messages.error(request, exc.message_zh)
    else:
        messages.success(request, f"工作日历已更新，{changed} 件办理中申请的答复期限随之重新计算。")
    return redirect("workcalendar:calendar")


def _posted_day(request: HttpRequest) -> date:
    try:
        return date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        raise CalendarError("bad day", "日期无效。") from None
