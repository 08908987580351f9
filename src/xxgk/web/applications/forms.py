"""Forms of the staff pages: registration, one small form per transition, letter text, calendar."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from xxgk.deadlines import MAX_EXTENSION_WORKING_DAYS
from xxgk.web.applications.intake import ApplicantData, Upload, applicant_errors
from xxgk.web.applications.letters import REPLY_OUTCOMES
from xxgk.web.applications.models import (
    APPLICANT_KIND_CHOICES,
    OUTCOME_CHOICES,
    Channel,
    Delivery,
    FeeNotice,
    IdentityDocument,
    InfoForm,
)
from xxgk.web.orgs.models import Organisation, User
from xxgk.web.ui.form_fields import date_field


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (Django's FileField takes one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ApplicantForm(forms.Form):
    """第二十九条: 申请人 (name, identity, contact), the information sought, its form and delivery."""

    applicant_kind = forms.ChoiceField(label="申请人类型", choices=APPLICANT_KIND_CHOICES)
    name = forms.CharField(label="姓名或名称", max_length=100)
    id_type = forms.ChoiceField(label="身份证明类型", choices=IdentityDocument.choices)
    id_number = forms.CharField(label="身份证明号码", max_length=40)
    contact_person = forms.CharField(label="联系人（法人或其他组织填写）", max_length=50, required=False)
    phone = forms.CharField(label="联系电话", max_length=30)
    email = forms.EmailField(
        label="电子邮箱", required=False, error_messages={"invalid": "请输入有效的电子邮箱。"}
    )
    address = forms.CharField(label="通讯地址", max_length=200, required=False)
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码应为6位数字。"},
    )
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )
    info_form = forms.ChoiceField(label="信息的指定提供形式", choices=InfoForm.choices)
    delivery = forms.ChoiceField(label="获取信息的方式", choices=Delivery.choices)
    attachments = MultipleFileField(
        label="附件（身份证明、申请书扫描件等，可选）",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.doc,.docx,.ofd"}),
        help_text="最多5个文件，每个不超过10 MB；支持 PDF、JPG、PNG、DOC、DOCX、OFD。",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()  # Form.clean() returns cleaned_data; the stubs say it may be None
        data = self.cleaned_data
        if data.get("delivery") == Delivery.EMAIL and not data.get("email"):
            self.add_error("email", "选择通过电子邮件获取信息的，请填写电子邮箱。")
        if data.get("delivery") == Delivery.POST and not data.get("address"):
            self.add_error("address", "选择邮寄的，请填写通讯地址。")
        for name, message in applicant_errors({k: str(v) for k, v in data.items() if v}).items():
            if name not in self.errors:
                self.add_error(name, message)
        return data

    def applicant(self) -> ApplicantData:
        data = self.cleaned_data
        return ApplicantData(**{name: data.get(name) or "" for name in ApplicantData.__dataclass_fields__})

    def uploads(self) -> list[Upload]:
        return [
            Upload(f.name, f.content_type or "", f.read()) for f in self.cleaned_data.get("attachments") or []
        ]


class RegistrationForm(ApplicantForm):
    """Staff registration: the agency, the channel and the receipt date under 第三十一条."""

    field_order = ("organisation", "channel", "received_on")

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label="承办机关", queryset=None, empty_label=None
    )
    channel = forms.ChoiceField(label="申请渠道", choices=Channel.choices)
    received_on = date_field(
        "收到申请日期",
        help_text="第三十一条：当面提交的为提交之日；邮寄的为签收之日；网络、传真、电子邮件的为双方确认之日。",
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = organisations
        self.fields["received_on"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        received = data.get("received_on")
        if data.get("channel") == Channel.IN_PERSON and received and received != timezone.localdate():
            self.add_error("received_on", "当面提交的，收到申请日期为提交当日（今天）。")
        return data


class OnForm(forms.Form):
    on = date_field("日期")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class ReceiptForm(forms.Form):
    received_on = date_field("收到申请日期（双方确认之日）")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()


class HandlerForm(forms.Form):
    handler: forms.ModelChoiceField[User] = forms.ModelChoiceField(label="承办人", queryset=None)

    def __init__(self, *args: Any, handlers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["handler"]
        assert isinstance(field, forms.ModelChoiceField)  # declared above
        field.queryset = handlers


class CorrectionForm(OnForm):
    what = forms.CharField(label="需要补正的内容", widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)
    respond_by = date_field("补正期限")


class ConsultationForm(OnForm):
    consulted = forms.CharField(label="征求意见对象（第三方或其他机关）", max_length=100)


class ExtensionForm(OnForm):
    days = forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        max_value=MAX_EXTENSION_WORKING_DAYS,
        initial=MAX_EXTENSION_WORKING_DAYS,
        error_messages={
            "min_value": "延长的期限至少为1个工作日。",
            "max_value": f"延长的期限最长不得超过{MAX_EXTENSION_WORKING_DAYS}个工作日（第三十三条第二款）。",
            "invalid": "请输入整数。",
        },
    )
    reason = forms.CharField(label="延期理由", max_length=500)


class FeeForm(OnForm):
    method = forms.ChoiceField(label="计收方式", choices=FeeNotice.Method.choices)
    quantity = forms.IntegerField(
        label="数量（件数或页数）",
        min_value=1,
        error_messages={"min_value": "数量至少为1。", "invalid": "请输入整数。"},
    )
    prior_pieces = forms.IntegerField(
        label="按件计收时：同一申请人本自然月此前已申请件数",
        min_value=0,
        initial=0,
        required=False,
        error_messages={"min_value": "不能为负数。", "invalid": "请输入整数。"},
    )


class DraftForm(forms.Form):
    outcome = forms.ChoiceField(
        label="办理结果（年报表三）", choices=[(k, v) for k, v in OUTCOME_CHOICES if k in REPLY_OUTCOMES]
    )


class LetterForm(forms.Form):
    body = forms.CharField(label="告知书正文（段落之间空一行）", widget=forms.Textarea(attrs={"rows": 18}))


class EmptyForm(forms.Form):
    pass


# Transition name → its form (transitions not listed need no input).
TRANSITION_FORMS: dict[str, type[forms.Form]] = {
    "confirm_receipt": ReceiptForm,
    "assign_handler": HandlerForm,
    "request_correction": CorrectionForm,
    "receive_correction": OnForm,
    "abandon_uncorrected": OnForm,
    "start_consultation": ConsultationForm,
    "end_consultation": OnForm,
    "request_reasons": OnForm,
    "receive_reasons": OnForm,
    "extend": ExtensionForm,
    "issue_fee_notice": FeeForm,
    "record_payment": OnForm,
    "mark_unpaid": OnForm,
    "draft_reply": DraftForm,
    "send_reply": OnForm,
    "withdraw": OnForm,
}
