"""Job records: one row per background job, with its progress and, if it failed, why (Chinese).

A job of a kind with the same key is not queued twice while one is still pending or running
(partial unique constraint), which makes submitting idempotent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from xxgk.web.jobs.registry import label_of


class Status(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "执行中"
    RETRYING = "retrying", "等待重试"
    SUCCEEDED = "succeeded", "已完成"
    FAILED = "failed", "失败"


ACTIVE = (Status.QUEUED, Status.RUNNING, Status.RETRYING)


class Job(models.Model):
    kind = models.CharField("任务类型", max_length=40)
    # Identifies the work (e.g. the year); equal kind + key while active = the same job.
    key = models.CharField(max_length=100, default="", blank=True)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    done = models.PositiveIntegerField("已完成", default=0)
    total = models.PositiveIntegerField("总数", default=0)
    step_zh = models.CharField("当前步骤", max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    error_zh = models.TextField("错误", blank=True)
    result = models.JSONField("结果", null=True, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ("-created_at", "-pk")
        constraints = (
            models.UniqueConstraint(
                fields=("kind", "key"), condition=Q(status__in=ACTIVE), name="jobs_one_active_per_kind_key"
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.key}".strip()

    @property
    def percent(self) -> int:
        if self.status == Status.SUCCEEDED:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def label_zh(self) -> str:
        """The kind's Chinese label, as registered (the code itself for a kind no longer defined)."""
        return label_of(self.kind)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE
