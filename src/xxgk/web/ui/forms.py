"""The log-in form, with the temporary lockout and messages in Chinese."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest

from xxgk.web.orgs import login_guard
from xxgk.web.ui.client_address import client_address


class LoginForm(forms.Form):
    username = forms.CharField(
        label="用户名",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label="密码", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    error_messages: ClassVar[dict[str, str]] = {
        "invalid": "用户名或密码不正确。连续失败 %(max)d 次后，账号将被锁定 %(minutes)d 分钟。",
        "locked": "由于连续多次登录失败，该账号已被临时锁定，请 %(minutes)d 分钟后再试。",
    }

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.user: Any = None
        self.just_locked = False
        self.locked_at: datetime | None = None
        self.fields["username"].error_messages["required"] = "请输入用户名。"
        self.fields["password"].error_messages["required"] = "请输入密码。"
        self.fields["username"].error_messages["max_length"] = "用户名不能超过 150 个字符。"

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean() returns cleaned_data; the stubs say it may be None
        data = self.cleaned_data
        username, password = data.get("username"), data.get("password")
        if not username or not password:
            return data
        client = client_address(self.request)
        minutes = login_guard.minutes_locked(username, client)
        if minutes:
            raise forms.ValidationError(self.error_messages["locked"] % {"minutes": minutes}, code="locked")
        user = authenticate(self.request, username=username, password=password)
        if user is None:
            if login_guard.note_failure(username, client):
                self.just_locked = True
                minutes = int(login_guard.LOCKOUT.total_seconds() // 60)
                raise forms.ValidationError(
                    self.error_messages["locked"] % {"minutes": minutes}, code="locked"
                )
            raise forms.ValidationError(
                self.error_messages["invalid"]
                % {
                    "max": login_guard.MAX_FAILURES,
                    "minutes": int(login_guard.LOCKOUT.total_seconds() // 60),
                },
                code="invalid",
            )
        self.locked_at = login_guard.note_success(username, client)
        self.user = user
        return data
