"""Admin for the audit log (read-only) and `AuditedAdmin`, the base of every reference-data admin:
its changes are recorded like any other write."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from xxgk.web.audit import audit_codes
from xxgk.web.audit.models import AuditEvent
from xxgk.web.audit.services import record

admin.site.site_header = "政府信息公开工作平台 · 系统管理"
admin.site.site_title = "系统管理"
admin.site.index_title = "基础数据"


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | QuerySet):
        return [_plain(item) for item in value]
    return str(value)


def _organisation_of(obj: models.Model) -> Any:
    if obj._meta.label_lower == "orgs.organisation":
        return obj
    return getattr(obj, "organisation", None)


class AuditedAdmin(admin.ModelAdmin):
    """ModelAdmin whose add, change and delete write an audit event in the same transaction.
    Password fields are never logged."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        fields = [name for name in form.changed_data if "password" not in name]
        before = {name: _plain(form.initial.get(name)) for name in fields} if change else None
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            after = {name: _plain(form.cleaned_data.get(name)) for name in fields}
            action = audit_codes.ADMIN_CHANGE if change else audit_codes.ADMIN_ADD
            record(
                actor=request.user,
                action=action,
                obj=obj,
                organisation=_organisation_of(obj),
                before=before,
                after=after,
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            self._record_delete(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                self._record_delete(request, obj)
            super().delete_queryset(request, queryset)

    def _record_delete(self, request: HttpRequest, obj: Any) -> None:
        record(
            actor=request.user,
            action=audit_codes.ADMIN_DELETE,
            obj=obj,
            organisation=_organisation_of(obj),
            before={"name": str(obj)},
        )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "actor_name", "action_label", "organisation", "object_type", "object_id")
    list_filter = ("action", "organisation")
    search_fields = ("actor_name", "object_id")
    date_hierarchy = "occurred_at"

    @admin.display(description="操作")
    def action_label(self, obj: AuditEvent) -> str:
        return obj.action_label

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
