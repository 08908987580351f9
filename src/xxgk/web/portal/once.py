"""One-time form tokens of the public forms (/apply/ and /ask/): post/redirect/get.

Each form shown carries a fresh token whose tracking secret is drawn at once and kept in the
session, so a refresh, a double click or a replayed POST finds the record the token created (the
services are idempotent on the token's key) and shows the same number and secret, never a second
record. The token itself is never stored: the record keeps `tracking.form_token_key(token)`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from xxgk.web.applications import tracking
from xxgk.web.applications.errors import ApplicationError

EXPIRED_ZH = "表单已过期，请核对所填内容后重新提交。"
FORMS_KEPT = 5  # tokens of the last forms opened in this session (several tabs)


@dataclass(frozen=True)
class OneTimeForms:
    """The session keys of one public form: `<name>_forms` (token → secret) and `<name>_done`."""

    name: str

    @property
    def _forms(self) -> str:
        return f"{self.name}_forms"

    @property
    def _done(self) -> str:
        return f"{self.name}_done"

    def issue(self, request: HttpRequest) -> str:
        """A fresh token for a form about to be shown, with the secret drawn for it."""
        token = secrets.token_urlsafe(16)
        issued = dict(list(request.session.get(self._forms, {}).items())[-(FORMS_KEPT - 1) :])
        issued[token] = tracking.new_secret()
        request.session[self._forms] = issued
        return token

    def posted(self, request: HttpRequest) -> tuple[str, str | None]:
        """The token the POST carries and its secret (None: unknown here, e.g. the session expired)."""
        token = request.POST.get("form_token", "")
        return token, request.session.get(self._forms, {}).get(token) if token else None

    def finish(self, request: HttpRequest, token: str) -> None:
        """Remember `token` as the submission whose number and secret the next GET shows."""
        request.session[self._done] = token

    def finished(self, request: HttpRequest) -> tuple[str, str]:
        """The token of the last submission made in this session and its secret ("" when none)."""
        token = request.session.get(self._done, "")
        return token, request.session.get(self._forms, {}).get(token, "") if token else ""

    def form_page(
        self,
        request: HttpRequest,
        form: forms.Form,
        *,
        sent: Callable[[str], Any | None],
        send: Callable[[str, str], object],
        template: str,
        done: str,
    ) -> HttpResponse:
        """The form's page: GET shows it with a fresh token; a POST whose token already sent a
        record, or sends one now (`send(token, secret)`), redirects to `done`; a refused POST shows
        the form again with its own token, so a second try is still one record."""
        if request.method == "POST":
            token, secret = self.posted(request)
            if token and sent(token) is not None:
                return self._finished(request, token, done)
            if secret is None:
                form.is_valid()
                form.add_error(None, EXPIRED_ZH)
            elif form.is_valid():
                try:
                    send(token, secret)
                except ApplicationError as exc:
                    form.add_error(None, exc.message_zh)
                else:
                    return self._finished(request, token, done)
            if secret is not None:
                return render(request, template, {"form": form, "form_token": token})
        return render(request, template, {"form": form, "form_token": self.issue(request)})

    def _finished(self, request: HttpRequest, token: str, done: str) -> HttpResponse:
        self.finish(request, token)
        return redirect(done)

    def sent_page(
        self, request: HttpRequest, *, sent: Callable[[str], Any | None], template: str, name: str, form: str
    ) -> HttpResponse:
        """The number and secret of the record just sent, as `name` in `template` (GET: a refresh
        shows them again); back to the `form` URL when this session sent nothing."""
        token, secret = self.finished(request)
        record = sent(token) if token else None
        if record is None:
            return redirect(form)
        return render(request, template, {name: record, "secret": secret})
