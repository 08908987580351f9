"""The audit event: who did what to which object, in which organisation, before and after.

Append-only: `save()` on a stored event, `delete()`, and queryset `update()`/`delete()` raise
`AppendOnlyError`; database triggers (db_guard) refuse the same for raw SQL.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from xxgk.web.audit import audit_codes, labels


class AppendOnlyError(Exception):
    """An attempt to change or remove an audit event."""

    message_zh = "操作日志只能追加，不能修改或删除。"


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField("操作人账号", max_length=150, blank=True)
    action = models.CharField("操作", max_length=60, db_index=True)
    object_type = models.CharField("对象类型", max_length=60, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    before = models.JSONField("变更前", null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField("变更后", null=True, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "操作日志"
        verbose_name_plural = "操作日志"
        ordering = ("-occurred_at", "-id")
        indexes = (models.Index(fields=("object_type", "object_id"), name="audit_object_idx"),)

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_name or '系统'} {self.action_label}"

    @property
    def action_label(self) -> str:
        return audit_codes.label(self.action)

    @property
    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for every field named in either snapshot."""
        before, after = self.before or {}, self.after or {}
        return [(key, before.get(key), after.get(key)) for key in dict.fromkeys([*before, *after])]

    @property
    def labelled_changes(self) -> list[tuple[str, Any, Any]]:
        """`changes` as a person reads them: field labels and value labels in Chinese."""
        return [labels.labelled(self.object_type, *change) for change in self.changes]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")
