"""Pages on organisations: the visible tree, one organisation, its contact details and roles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from xxgk.web.audit.selectors import events_for_object
from xxgk.web.orgs import selectors, services
from xxgk.web.orgs.forms import ContactForm, GrantRoleForm
from xxgk.web.orgs.models import Role, User
from xxgk.web.orgs.scoping import has_role, require_role


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    return render(request, "orgs/list.html", {"organisations": selectors.organisations_for(request.user)})


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_for(request.user, pk)
    is_admin = has_role(request.user, org, Role.ADMIN)
    context = {
        "org": org,
        "children": selectors.organisations_for(request.user).filter(parent=org),
        "memberships": selectors.memberships_in(request.user, org),
        "history": events_for_object(request.user, org._meta.label_lower, str(org.pk))[:20],
        "is_admin": is_admin,
        "grant_form": GrantRoleForm() if is_admin else None,
    }
    return render(request, "orgs/detail.html", context)


@login_required
def organisation_edit_contact(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_for(request.user, pk)
    require_role(request.user, org, Role.ADMIN)
    form = ContactForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation_contact(actor=request.user, organisation=org, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "联系信息已保存。")
            return redirect("orgs:detail", pk=org.pk)
    return render(request, "orgs/edit_contact.html", {"org": org, "form": form})


@login_required
@require_POST
def grant_role(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_for(request.user, pk)
    form = GrantRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写用户名并选择角色。")
        return redirect("orgs:detail", pk=org.pk)
    user = User.objects.filter(username=form.cleaned_data["username"], is_active=True).first()
    if user is None:
        messages.error(request, f"未找到用户「{form.cleaned_data['username']}」。")
        return redirect("orgs:detail", pk=org.pk)
    role = Role(form.cleaned_data["role"])
    services.grant_role(actor=request.user, user=user, organisation=org, role=role)
    messages.success(request, f"已授予 {user} 「{role.label}」角色。")
    return redirect("orgs:detail", pk=org.pk)


@login_required
@require_POST
def revoke_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for(request.user, pk)
    services.revoke_role(actor=request.user, membership=membership)
    messages.success(request, "角色已撤销。")
    return redirect("orgs:detail", pk=membership.organisation_id)
