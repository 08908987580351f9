"""Form pieces every staff page shares: the date field with its Chinese error, and a refused form's
errors as one Chinese sentence."""

from __future__ import annotations

from typing import Any

from django import forms

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DATE_WIDGET,
        error_messages={"invalid": "请输入有效日期，格式为 YYYY-MM-DD。"},
        **kwargs,
    )


def errors_zh(form: forms.Form) -> str:
    """Every error of a bound, invalid form, each after its field's label."""
    return "；".join(
        f"{form.fields[name].label}：{error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    )
