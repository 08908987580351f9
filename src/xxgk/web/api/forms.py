"""The token form of the staff page."""

from django import forms

from xxgk.web.api.models import Scope


class TokenForm(forms.Form):
    name = forms.CharField(label="用途", max_length=60, help_text="例如：本单位统计系统对接")
    scope = forms.ChoiceField(
        label="权限", choices=Scope.choices, initial=Scope.READ, help_text="只读令牌不能创建或修改数据"
    )
