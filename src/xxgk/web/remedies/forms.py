"""Forms of the remedies pages; validation messages are the model's (Chinese)."""

from __future__ import annotations

from typing import ClassVar

from django import forms

from xxgk.web.remedies.models import Remedy

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RemedyForm(forms.ModelForm):
    # The application concerned, by its 受理编号 (an agency has too many to list).
    application_number = forms.CharField(
        label="所涉申请受理编号",
        max_length=32,
        required=False,
        help_text="可不填；填写时须为本机关办理的申请。",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Remedy
        fields = (
            "kind",
            "case_number",
            "claimant_name",
            "deciding_body",
            "filed_on",
            "decided_on",
            "result",
            "note",
        )
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "filed_on": _DATE,
            "decided_on": _DATE,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts: ClassVar[dict[str, str]] = {"result": "尚未审结的案件不选结果、不填审结日期。"}


class VoidForm(forms.Form):
    reason = forms.CharField(label="作废原因", max_length=200)
