"""Staff pages of consultations: work lists, logging a phone or in-person question, the question
page with its answer, conversion to an application and the FAQ proposal. Thin: forms in, services out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from xxgk.deadlines import CONSULTATION_ANSWER_WORKING_DAYS
from xxgk.web.consultations import selectors, services
from xxgk.web.consultations.errors import ApplicationError
from xxgk.web.consultations.forms import AnswerForm, AnswerPeriodForm, ConvertForm, FaqForm, LogForm
from xxgk.web.consultations.models import Consultation

LISTS = {
    "pending": "待答复",
    "due_soon": f"{selectors.WORK_LIST_WORKING_DAYS}个工作日内到期",
    "overdue": "已逾期",
    "all": "全部",
}


def _list(request: HttpRequest, which: str) -> Any:
    today = timezone.localdate()
    if which == "due_soon":
        return selectors.due_soon(request.user, today)
    if which == "overdue":
        return selectors.overdue(request.user, today)
    if which == "all":
        return selectors.consultations_for(request.user)
    return selectors.pending(request.user)


@login_required
def question_list(request: HttpRequest) -> HttpResponse:
    which = request.GET.get("list", "pending")
    which = which if which in LISTS else "pending"
    context = {
        "lists": LISTS,
        "which": which,
        "questions": _list(request, which)[:200],
        "can_log": selectors.staff_orgs(request.user).exists(),
        "can_set_period": selectors.admin_orgs(request.user).exists(),
    }
    return render(request, "consultations/list.html", context)


@login_required
def answer_period(request: HttpRequest) -> HttpResponse:
    """Each agency's answer period, set by its administrator; open questions keep their due dates."""
    orgs = selectors.admin_orgs(request.user)
    if not orgs.exists():
        raise PermissionDenied("此操作需要「管理员」角色。")
    form = AnswerPeriodForm(request.POST or None, organisations=orgs)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.set_answer_period(
                actor=request.user, organisation=organisation, working_days=form.cleaned_data["working_days"]
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            messages.success(
                request,
                f"已将{organisation.name}的咨询答复期限设为 {form.cleaned_data['working_days']} 个工作日。",
            )
            return redirect("consultations:period")
    context = {
        "form": form,
        "periods": selectors.answer_periods(orgs, timezone.localdate()),
        "default_days": CONSULTATION_ANSWER_WORKING_DAYS,
    }
    return render(request, "consultations/period.html", context)


@login_required
def log_question(request: HttpRequest) -> HttpResponse:
    orgs = selectors.staff_orgs(request.user)
    if not orgs.exists():
        raise PermissionDenied("此操作需要「登记或承办」角色。")
    form = LogForm(request.POST or None, organisations=orgs)
    if request.method == "POST" and form.is_valid():
        try:
            asked = services.log(
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
                channel=form.cleaned_data["channel"],
                question=form.cleaned_data["question"],
                asker=form.asker(),
                received_on=form.cleaned_data["received_on"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            messages.success(
                request,
                f"已登记，咨询编号 {asked.consultation.number}，查询码 {asked.secret}"
                "（请告知咨询人；查询码只显示这一次）。",
            )
            return redirect("consultations:detail", pk=asked.consultation.pk)
    return render(request, "consultations/log.html", {"form": form})


def _detail(request: HttpRequest, row: Consultation, **forms: Any) -> HttpResponse:
    handles = selectors.may_handle(request.user, row)
    context = {
        "row": row,
        "person": selectors.personal_view(row, request.user),
        "explanation": selectors.due_explanation(row),
        "handles": handles,
        "answer_form": forms.get("answer") or AnswerForm(initial={"version": row.version}, prefix="answer"),
        "convert_form": forms.get("convert")
        or ConvertForm(
            initial={"version": row.version, "name": row.name, "phone": row.phone, "email": row.email},
            prefix="convert",
        ),
        "faq_form": forms.get("faq")
        or FaqForm(initial={"question": row.question, "answer": row.answer}, prefix="faq"),
    }
    return render(request, "consultations/detail.html", context)


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.consultation_for(request.user, pk))


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.consultation_for(request.user, pk)
    form = AnswerForm(request.POST, prefix="answer")
    if form.is_valid():
        try:
            services.answer(
                actor=request.user,
                consultation=row,
                version=form.cleaned_data["version"],
                text=form.cleaned_data["text"],
                on=form.cleaned_data["on"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            messages.success(request, "已答复。咨询人可凭咨询编号和查询码查看答复。")
            return redirect("consultations:detail", pk=pk)
    return _detail(request, row, answer=form)


@login_required
@require_POST
def convert(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.consultation_for(request.user, pk)
    form = ConvertForm(request.POST, prefix="convert")
    if form.is_valid():
        try:
            intake = services.convert(
                actor=request.user,
                consultation=row,
                version=form.cleaned_data["version"],
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                data=form.applicant(),
                confirmed=form.cleaned_data["confirmed"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            messages.success(
                request,
                f"已转为政府信息公开申请，受理编号 {intake.application.number}，查询码 {intake.secret}"
                "（请告知申请人；查询码只显示这一次）。",
            )
            return redirect("applications:detail", pk=intake.application.pk)
    return _detail(request, row, convert=form)


@login_required
@require_POST
def propose_faq(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.consultation_for(request.user, pk)
    form = FaqForm(request.POST, prefix="faq")
    if form.is_valid():
        try:
            services.propose_faq(
                actor=request.user,
                consultation=row,
                question=form.cleaned_data["question"],
                answer_text=form.cleaned_data["answer"],
            )
        except ApplicationError as exc:
            form.add_error(None, exc.message_zh)
        else:
            messages.success(request, "已作为常见问题提交审核，审核通过后在本机关专栏公开。")
            return redirect("consultations:detail", pk=pk)
    return _detail(request, row, faq=form)
