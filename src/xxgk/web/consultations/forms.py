"""Forms of consultations: the public question, staff logging, the answer, conversion, FAQ."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from xxgk.web.applications.forms import MultipleFileField, MultipleFileInput, RegistrationForm
from xxgk.web.applications.intake import Upload
from xxgk.web.consultations.models import Channel
from xxgk.web.consultations.services import Asker
from xxgk.web.orgs.models import Organisation
from xxgk.web.ui.form_fields import date_field


class _AskerFields(forms.Form):
    question = forms.CharField(
        label="咨询内容",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text="如：某文件是否已公开、在哪里查阅，如何申请政府信息公开等。",
    )
    name = forms.CharField(label="姓名或称呼", max_length=100, required=False)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    email = forms.EmailField(
        label="电子邮箱", required=False, error_messages={"invalid": "请输入有效的电子邮箱。"}
    )

    def asker(self) -> Asker:
        data = self.cleaned_data
        return Asker(
            name=data.get("name") or "", phone=data.get("phone") or "", email=data.get("email") or ""
        )


class PublicQuestionForm(_AskerFields):
    field_order = ("organisation",)

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="向哪个机关咨询", queryset=None, empty_label="请选择机关"
    )
    attachments = MultipleFileField(
        label="附件（可选）",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.doc,.docx,.ofd"}),
        help_text="最多5个文件，每个不超过10 MB；支持 PDF、JPG、PNG、DOC、DOCX、OFD。",
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = agencies

    def uploads(self) -> list[Upload]:
        return [
            Upload(f.name, f.content_type or "", f.read()) for f in self.cleaned_data.get("attachments") or []
        ]


class LogForm(_AskerFields):
    """Staff log a question received by phone, in person, letter, e-mail or 12345 转办."""

    field_order = ("organisation", "channel", "received_on")

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="答复机关", queryset=None, empty_label=None
    )
    channel = forms.ChoiceField(label="咨询渠道", choices=Channel.choices, initial=Channel.PHONE)
    received_on = date_field("收到咨询日期")

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = organisations
        self.fields["received_on"].initial = timezone.localdate()


class AnswerForm(forms.Form):
    text = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 6}), max_length=8000)
    on = date_field("答复日期")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class ConvertForm(RegistrationForm):
    """The application's content under 第二十九条, its own channel and receipt date, and the
    applicant's confirmation; the agency is the question's."""

    confirmed = forms.BooleanField(
        label="申请人已确认以上申请内容（第二十九条）",
        error_messages={"required": "请先由申请人确认申请内容。"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, organisations=None, **kwargs)
        del self.fields["organisation"], self.fields["attachments"]


class FaqForm(forms.Form):
    question = forms.CharField(
        label="常见问题（不含任何个人信息）", widget=forms.Textarea(attrs={"rows": 3}), max_length=300
    )
    answer = forms.CharField(
        label="答复（不含任何个人信息）", widget=forms.Textarea(attrs={"rows": 6}), max_length=8000
    )


class AnswerPeriodForm(forms.Form):
    """An agency administrator sets the agency's own answer period."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="机关", queryset=None, empty_label=None
    )
    working_days = forms.IntegerField(
        label="答复期限（工作日）",
        min_value=1,
        max_value=60,
        help_text="1 至 60 个工作日；自收到咨询次日起算，与依申请公开使用同一工作日历（含法定节假日和调休）。",
        error_messages={
            "required": "请填写答复期限。",
            "invalid": "请填写整数个工作日。",
            "min_value": "答复期限应为 1 至 60 个工作日。",
            "max_value": "答复期限应为 1 至 60 个工作日。",
        },
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = organisations
