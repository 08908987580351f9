"""One-time form tokens of the public forms (/apply/ and /ask/): post/redirect/get.

Each form shown carries a fresh token whose tracking secret is drawn at once and kept in the
session, so a refresh, a double click or a replayed POST finds the record the token created (the
services are idempotent on the token's key) and shows the same number and secret, never a second
record. The token itself is never stored: the record keeps `tracking.form_token_key(token)`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.http import HttpRequest

from xxgk.web.applications import tracking

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
