# ruff: noqa: RUF012  (Django Meta options are class-level dicts by design)
"""Forms of the staff pages; labels come from the models' verbose names."""

from __future__ import annotations

from typing import Any

from django import forms

from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing.drafting import EDITABLE_FIELDS
from xxgk.web.publishing.models import (
    CatalogueNode,
    Channel,
    Genre,
    Publication,
    RegulatoryDocument,
    RevisionKind,
    Validity,
)

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PublicationForm(forms.ModelForm):
    nodes = forms.ModelMultipleChoiceField(
        label="所属目录", queryset=CatalogueNode.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    channels = forms.MultipleChoiceField(
        label="公开渠道",
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Channel.WEBSITE],
    )

    class Meta:
        model = Publication
        fields = EDITABLE_FIELDS
        widgets = {"written_on": _DATE, "formed_on": _DATE, "body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nodes_field = self.fields["nodes"]
        assert isinstance(nodes_field, forms.ModelChoiceField)
        nodes_field.queryset = CatalogueNode.objects.filter(organisation=organisation, is_active=True)
        registry_document_field = self.fields["registry_document"]
        assert isinstance(registry_document_field, forms.ModelChoiceField)
        registry_document_field.queryset = RegulatoryDocument.objects.filter(organisation=organisation)
        interprets_field = self.fields["interprets"]
        assert isinstance(interprets_field, forms.ModelChoiceField)
        interprets_field.queryset = Publication.objects.filter(
            organisation=organisation, genre__in=(Genre.NORMATIVE, Genre.REGULATION)
        ).exclude(pk=self.instance.pk)
        if self.instance.pk:
            self.fields["nodes"].initial = list(self.instance.nodes.all())
            self.fields["channels"].initial = list(self.instance.channels.values_list("channel", flat=True))

    def _post_clean(self) -> None:
        """Validation is the service's (one place); the form only parses."""


class DocumentForm(forms.ModelForm):
    class Meta:
        model = RegulatoryDocument
        fields = (
            "kind",
            "unified_number",
            "title",
            "issuing_organ",
            "document_number",
            "legality_review",
            "legality_reviewed_on",
            "collective_deliberation",
            "deliberated_on",
            "issued_on",
            "effective_from",
            "valid_until",
        )
        widgets = {
            name: _DATE
            for name in (
                "legality_reviewed_on",
                "deliberated_on",
                "issued_on",
                "effective_from",
                "valid_until",
            )
        }
        help_texts = {"valid_until": "留空则按本机关设置的默认有效期计算（规章不设）"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuing_organ"].required = False

    def _post_clean(self) -> None:
        """Validation is the service's."""


class ValidityForm(forms.Form):
    status = forms.ChoiceField(
        label="有效性", choices=[c for c in Validity.choices if c[0] != Validity.EFFECTIVE]
    )
    on = forms.DateField(label="自何日起", widget=_DATE)
    reason = forms.CharField(label="依据", max_length=300)


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(
        label="类型", choices=[(RevisionKind.CORRECTION, "更正"), (RevisionKind.CHANGE, "变更")]
    )
    reason = forms.CharField(label="原因（向公众公开）", max_length=300)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由（向公众公开）", max_length=300)


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(label="发布时间", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class NodeForm(forms.Form):
    title = forms.CharField(label="目录名称", max_length=200)
    parent = forms.ModelChoiceField(label="上级目录", queryset=CatalogueNode.objects.none(), required=False)
    update_interval_days = forms.IntegerField(label="更新周期（天）", min_value=1, required=False)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent_field = self.fields["parent"]
        assert isinstance(parent_field, forms.ModelChoiceField)
        parent_field.queryset = CatalogueNode.objects.filter(organisation=organisation)


class UploadForm(forms.Form):
    file = forms.FileField(label="文件")
