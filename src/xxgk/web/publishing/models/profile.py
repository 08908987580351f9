"""Per-agency settings of the publishing context and its configurable review chain."""

from __future__ import annotations

from django.db import models

from xxgk.web.orgs.models import Organisation, Role


class PublishingProfile(models.Model):
    """What an agency configures: its 索引号 code, 有效期 defaults, sensitive words."""

    organisation = models.OneToOneField(
        Organisation, verbose_name="机关", on_delete=models.PROTECT, related_name="publishing_profile"
    )
    index_code = models.CharField(
        "索引号机关代码", max_length=30, blank=True, help_text="留空则使用统一社会信用代码"
    )
    validity_years = models.PositiveSmallIntegerField("规范性文件有效期（年）", default=5)
    provisional_validity_years = models.PositiveSmallIntegerField("暂行、试行文件有效期（年）", default=2)
    sensitive_words = models.TextField("敏感词", blank=True, help_text="每行一个")
    guide_reviewed_at = models.DateTimeField("指南核对时间", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "主动公开设置"
        verbose_name_plural = "主动公开设置"

    def __str__(self) -> str:
        return f"{self.organisation} 主动公开设置"

    @property
    def code(self) -> str:
        return self.index_code or self.organisation.credit_code

    @property
    def sensitive_word_list(self) -> list[str]:
        return [word.strip() for word in self.sensitive_words.splitlines() if word.strip()]


class ReviewStep(models.Model):
    """One step of an agency's own review chain; an agency without rows uses `chain.DEFAULT_CHAIN`."""

    organisation = models.ForeignKey(
        Organisation, verbose_name="机关", on_delete=models.PROTECT, related_name="review_steps"
    )
    position = models.PositiveSmallIntegerField("顺序")
    name = models.CharField("环节名称", max_length=30)
    role = models.CharField("办理角色", max_length=20, choices=Role.choices)
    checklist = models.TextField("核对要点", blank=True, help_text="每行一项")
    may_hold = models.BooleanField("可暂缓（报保密行政管理部门）", default=False)

    class Meta:
        verbose_name = "审核环节"
        verbose_name_plural = "审核环节"
        ordering = ("organisation", "position")
        constraints = (
            models.UniqueConstraint(
                fields=("organisation", "position"), name="publishing_step_position_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.organisation} {self.position}.{self.name}"
