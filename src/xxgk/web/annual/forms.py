"""Forms of the annual-report pages (labels from the models, which take them from the template)."""

from __future__ import annotations

from typing import ClassVar

from django import forms

from xxgk.template import GB2021
from xxgk.web.annual.models import Draft, YearlyFigures

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DraftForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Draft
        fields = ("overview", "problems", "other_matters", "signed_on")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "overview": forms.Textarea(attrs={"rows": 12}),
            "problems": forms.Textarea(attrs={"rows": 6}),
            "other_matters": forms.Textarea(attrs={"rows": 4}),
            "signed_on": _DATE,
        }


class FiguresForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = YearlyFigures
        fields = YearlyFigures.ROWS


_ROW_NAMES = "、".join(f"“{GB2021.table2.row(key).label}”" for key in YearlyFigures.ROWS)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="XLSX 文件", help_text=f"含{_ROW_NAMES}行的工作簿，每行右侧第一个数字为其数值。"
    )


class PublishForm(forms.Form):
    correction_reason = forms.CharField(
        label="更正原因",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="更正已公开的报告时必填，将向社会公开。",
    )
    override_reason = forms.CharField(
        label="带错误发布的理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="核查发现错误时，仅签发人可填写理由后发布；理由记入操作日志。",
    )
