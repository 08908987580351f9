"""The staff page where a user creates and revokes their personal API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from xxgk.web.api import selectors, services
from xxgk.web.api.forms import TokenForm
from xxgk.web.api.models import Scope


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    created_text = None
    if request.method == "POST" and form.is_valid():
        try:
            _, created_text = services.create_token(
                actor=request.user, name=form.cleaned_data["name"], scope=Scope(form.cleaned_data["scope"])
            )
        except services.TokenError as exc:
            form.add_error(None, exc.message_zh)
        else:
            form = TokenForm()
    # The token text is rendered in this response only; it is never stored in clear.
    context = {"form": form, "tokens": selectors.tokens_of(request.user), "created_text": created_text}
    return render(request, "api/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = services.revoke_token(actor=request.user, token_id=pk)
    messages.success(request, f"令牌「{token.name}」已撤销，使用它的请求将被拒绝。")
    return redirect("api_tokens:list")
