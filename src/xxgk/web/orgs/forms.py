"""Forms of the orgs pages; validation messages come from the model (Chinese)."""

from __future__ import annotations

from django import forms

from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.orgs.services import CONTACT_FIELDS

ContactForm = forms.modelform_factory(Organisation, fields=CONTACT_FIELDS)


class GrantRoleForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    role = forms.ChoiceField(label="角色", choices=Role.choices)
