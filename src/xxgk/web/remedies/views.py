"""Pages on remedies: the visible cases, entering one, its record with edit and void."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from xxgk.web.applications.masking import mask, may_see_personal
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.scoping import has_role, require_role, visible_orgs
from xxgk.web.orgs.selectors import organisation_for
from xxgk.web.remedies import selectors, services
from xxgk.web.remedies.forms import RemedyForm, VoidForm
from xxgk.web.remedies.models import Remedy


@login_required
def remedy_list(request: HttpRequest) -> HttpResponse:
    cases = selectors.remedies_for(request.user)
    org_id = request.GET.get("org", "")
    if org_id.isdigit():
        cases = cases.filter(organisation_id=int(org_id))
    writable = [org for org in visible_orgs(request.user) if has_role(request.user, org, services.EDIT_ROLES)]
    rows = [(case, _claimant(request.user, case)) for case in cases[:500]]
    return render(request, "remedies/list.html", {"rows": rows, "writable": writable})


@login_required
def remedy_new(request: HttpRequest) -> HttpResponse:
    org = organisation_for(request.user, int(request.GET.get("org") or request.POST.get("org") or 0))
    require_role(request.user, org, services.EDIT_ROLES)
    form = RemedyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fields = _fields(request.user, org, form)
            case = services.register_remedy(actor=request.user, organisation=org, **fields)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "案件已登记。")
            return redirect("remedies:detail", pk=case.pk)
    return render(request, "remedies/form.html", {"form": form, "org": org, "case": None})


@login_required
def remedy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.remedy_for(request.user, pk)
    can_edit = has_role(request.user, case.organisation, services.EDIT_ROLES) and not case.voided
    form = None
    if can_edit:
        initial = {
            "version": case.version,
            "application_number": case.application.number if case.application else "",
        }
        form = RemedyForm(
            request.POST or None, instance=selectors.remedy_for(request.user, pk), initial=initial
        )
        if request.method == "POST" and form.is_valid():
            try:
                fields = _fields(request.user, case.organisation, form)
                services.update_remedy(
                    actor=request.user, remedy=case, version=form.cleaned_data["version"] or 0, **fields
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, "案件已保存。")
                return redirect("remedies:detail", pk=case.pk)
    context: dict[str, Any] = {
        "case": case,
        "claimant": _claimant(request.user, case),
        "form": form,
        "void_form": VoidForm() if can_edit else None,
    }
    return render(request, "remedies/detail.html", context)


@login_required
@require_POST
def remedy_void(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.remedy_for(request.user, pk)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写作废原因。")
        return redirect("remedies:detail", pk=case.pk)
    try:
        services.void_remedy(actor=request.user, remedy=case, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, "案件已作废，不再计入年度报告。")
    return redirect("remedies:detail", pk=case.pk)


def _claimant(user: Actor, case: Remedy) -> str:
    return (
        case.claimant_name if may_see_personal(user, case.organisation) else mask("name", case.claimant_name)
    )


def _fields(user: Actor, org: Any, form: RemedyForm) -> dict[str, Any]:
    fields = {name: form.cleaned_data[name] for name in RemedyForm.Meta.fields}
    number = form.cleaned_data["application_number"].strip()
    fields["application"] = None
    if number:
        found = selectors.application_by_number(user, org, number)
        if found is None:
            raise ValidationError({"application_number": f"本机关没有受理编号为「{number}」的申请。"})
        fields["application"] = found
    return fields


def _add_errors(form: RemedyForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
