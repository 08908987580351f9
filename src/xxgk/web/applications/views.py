"""Staff pages of applications: work lists, registration, the case page with its transitions,
letters, attachments, export and the calendar table. Thin: forms in, services out."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from xxgk.web.applications import case_letters, export, selectors, services
from xxgk.web.applications import transitions as tr
from xxgk.web.applications.errors import ApplicationError
from xxgk.web.applications.forms import (
    TRANSITION_FORMS,
    EmptyForm,
    LetterForm,
    RegistrationForm,
)
from xxgk.web.applications.letter_docx import letter_bytes
from xxgk.web.applications.masking import may_see_personal, personal_view
from xxgk.web.applications.models import LetterKind
from xxgk.web.audit.selectors import events_for_object
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.scoping import roles_in
from xxgk.web.remedies.selectors import remedies_for

LISTS = {
    "open": "办理中",
    "due_soon": f"{selectors.WORK_LIST_WORKING_DAYS}个工作日内到期",
    "overdue": "已逾期",
    "mine": "我承办的",
    "handlers": "按承办人",
    "submitted": "待确认收到",
    "all": "全部",
}


def _days(request: HttpRequest) -> int:
    """`?days=N` of the "due within N working days" list (1–20, default 5)."""
    text = request.GET.get("days", "")
    return min(max(int(text), 1), 20) if text.isdigit() else selectors.WORK_LIST_WORKING_DAYS


def _list(request: HttpRequest, which: str) -> Any:
    today = timezone.localdate()
    user = request.user
    if which == "due_soon":
        return selectors.due_within(user, today, _days(request))
    if which == "overdue":
        return selectors.overdue(user, today)
    if which == "mine":
        return selectors.by_handler(user, user)
    if which == "handlers":
        handler = request.GET.get("handler", "")
        if handler.isdigit():
            return selectors.by_handler(user, int(handler))
        return selectors.by_handler(user, None) if handler == "none" else selectors.open_cases(user).none()
    if which == "submitted":
        return selectors.awaiting_receipt(user)
    if which == "all":
        return selectors.search(user, query=request.GET.get("q", ""))
    return selectors.open_cases(user).order_by("due_on", "id")


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    which = request.GET.get("list", "open")
    if which not in LISTS:
        which = "open"
    cases = _list(request, which)[:500]
    return render(
        request,
        "applications/list.html",
        {
            "lists": LISTS,
            "which": which,
            "cases": cases,
            "today": timezone.localdate(),
            "can_register": bool(selectors.registering_orgs(request.user).exists()),
            "days": _days(request),
            "handler_load": selectors.handler_load(request.user, timezone.localdate())
            if which == "handlers"
            else None,
        },
    )


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    which = request.GET.get("list", "open")
    cases = _list(request, which if which in LISTS else "open")
    content = export.cases_xlsx(user=request.user, cases=cases)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="applications-{timezone.localdate()}.xlsx"'
    return response


# A receipt older than this (the 20 + 20 working days of 第三十三条, with holidays) is probably a typo.
_LONG_AGO_DAYS = 60


@login_required
def register(request: HttpRequest) -> HttpResponse:
    orgs = selectors.registering_orgs(request.user)
    if not orgs.exists():
        raise PermissionDenied("此操作需要「登记或承办」角色。")
    form = RegistrationForm(request.POST or None, request.FILES or None, organisations=orgs)
    if request.method == "POST" and form.is_valid():
        received_on: date = form.cleaned_data["received_on"]
        try:
            intake = services.register(
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
                channel=form.cleaned_data["channel"],
                received_on=received_on,
                data=form.applicant(),
                uploads=form.uploads(),
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            messages.success(
                request,
                f"已登记，受理编号 {intake.application.number}，查询码 {intake.secret}"
                "（请告知申请人；查询码只显示这一次）。",
            )
            age = (timezone.localdate() - received_on).days
            if age > _LONG_AGO_DAYS:
                messages.warning(
                    request,
                    f"收到申请日期为 {received_on:%Y-%m-%d}，距今已 {age} 天，"
                    "答复期限可能已经届满。请核对日期是否填写正确。",
                )
            return redirect("applications:detail", pk=intake.application.pk)
    return render(request, "applications/register.html", {"form": form})


def _transition_forms(request: HttpRequest, case: Any) -> list[tuple[tr.Transition, Any]]:
    roles = roles_in(request.user, case.organisation)
    result = []
    for transition in tr.available(case, roles, superuser=request.user.is_superuser):
        form_class = TRANSITION_FORMS.get(transition.name, EmptyForm)
        kwargs: dict[str, Any] = {}
        if transition.name == "assign_handler":
            kwargs = {
                "handlers": selectors.handlers_of(case.organisation),
                "initial": {"handler": case.handler_id},
            }
        result.append((transition, form_class(prefix=transition.name, **kwargs)))
    return result


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.application_for(request.user, pk)
    personal = may_see_personal(request.user, case.organisation)
    letters = list(case.letters.all())
    draft = next((x for x in letters if x.kind == LetterKind.REPLY and x.issued_on is None), None)
    context = {
        "case": case,
        "person": personal_view(case, request.user),
        "may_see_personal": personal,
        "deadline": selectors.case_deadline_of(case),
        "consultation_due": selectors.consultation_due(case),
        "events": case.events.all(),
        "letters": letters,
        "draft": draft,
        "can_edit_draft": draft is not None
        and case.state in case_letters.EDITABLE_STATES
        and bool({Role.HANDLER, Role.REVIEWER, Role.APPROVER} & roles_in(request.user, case.organisation)),
        "fees": case.fees.all(),
        "remedies": remedies_for(request.user).filter(application=case),
        "attachments": case.attachments.only("id", "filename", "size") if personal else [],
        "transitions": _transition_forms(request, case),
        "history": events_for_object(request.user, case._meta.label_lower, str(case.pk))[:30],
    }
    return render(request, "applications/detail.html", context)


def _call(name: str, request: HttpRequest, case: Any, data: dict[str, Any]) -> Any:
    """Run transition `name` with the form's cleaned data."""
    service = getattr(services, name)
    common = {"actor": request.user, "application": case, "version": int(request.POST.get("version", 0))}
    if name == "issue_fee_notice":
        data = {**data, "prior_pieces": data.get("prior_pieces") or 0}
    return service(**common, **data)


@login_required
@require_POST
def do_transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    case = selectors.application_for(request.user, pk)
    transition = tr.BY_NAME.get(name)
    if transition is None:
        raise Http404("没有这个办理步骤。")
    form_class = TRANSITION_FORMS.get(name, EmptyForm)
    kwargs: dict[str, Any] = (
        {"handlers": selectors.handlers_of(case.organisation)} if name == "assign_handler" else {}
    )
    form = form_class(request.POST, prefix=name, **kwargs)
    if not form.is_valid():
        errors = "；".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, f"「{transition.label_zh}」未执行：{errors}")
        return redirect("applications:detail", pk=case.pk)
    try:
        _call(name, request, case, form.cleaned_data)
    except ApplicationError as exc:
        messages.error(request, exc.message_zh)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or "您无权进行此操作。")
    else:
        messages.success(request, f"已完成：{transition.label_zh}。")
    return redirect("applications:detail", pk=case.pk)


@login_required
def letter_download(request: HttpRequest, pk: int) -> FileResponse:
    letter = selectors.letter_for(request.user, pk)
    if not may_see_personal(request.user, letter.application.organisation):
        raise PermissionDenied("告知书含申请人个人信息，仅承办机关工作人员可以下载。")
    name = f"{LetterKind(letter.kind).label}-{letter.application.number}.docx"
    return FileResponse(io.BytesIO(letter_bytes(letter)), as_attachment=True, filename=name)


@login_required
def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(request.user, pk)
    case = letter.application
    form = LetterForm(request.POST or None, initial={"body": letter.body})
    if request.method == "POST" and form.is_valid():
        try:
            case_letters.edit_letter(
                actor=request.user,
                letter=letter,
                version=int(request.POST.get("version", 0)),
                body=form.cleaned_data["body"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "告知书已保存。")
            return redirect("applications:detail", pk=case.pk)
    return render(request, "applications/letter_edit.html", {"letter": letter, "case": case, "form": form})


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = selectors.attachment_for(request.user, pk)
    if not may_see_personal(request.user, attachment.application.organisation):
        raise PermissionDenied("附件含申请人个人信息，仅承办机关工作人员可以下载。")
    # Always a download, never rendered inline: the content comes from the public.
    return FileResponse(
        io.BytesIO(bytes(attachment.content)), as_attachment=True, filename=attachment.filename
    )
