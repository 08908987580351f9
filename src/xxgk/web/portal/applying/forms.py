"""Public forms: the online application (the staff form's applicant part) and the status look-up."""

from __future__ import annotations

from typing import Any

from django import forms

from xxgk.web.applications.forms import ApplicantForm
from xxgk.web.orgs.models import Organisation


class OnlineApplicationForm(ApplicantForm):
    field_order = ["organisation"]  # noqa: RUF012  (Django reads it as a plain attribute)

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="向哪个机关申请", queryset=None, empty_label="请选择机关"
    )
    confirm = forms.BooleanField(
        label="本人承诺所填信息真实有效",
        error_messages={"required": "请确认所填信息真实有效。"},
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = agencies


class TrackForm(forms.Form):
    number = forms.CharField(label="受理编号", max_length=32)
    secret = forms.CharField(label="查询码", max_length=64, widget=forms.PasswordInput(render_value=True))
