"""The 政府信息公开目录 of an agency: a tree of items, with the standard catalogue's columns."""

from __future__ import annotations

from django.db import models

from xxgk.web.orgs.models import Organisation


class NodeSource(models.TextChoices):
    ARTICLE_20 = "article20", "第二十条"
    ARTICLE_21 = "article21", "第二十一条"
    OWN = "own", "本机关确定（第二十二条）"
    STANDARD = "standard", "基层政务公开标准目录"


# The columns of a 基层政务公开标准目录 row (国办发〔2019〕54号) after its 事项 (the node's own
# title, under its 一级事项), in printed order; their labels are the fields' verbose names,
# which the XLSX import and export read.
STANDARD_COLUMNS = (
    "content",
    "basis",
    "time_limit",
    "subject",
    "channels",
    "audience",
    "mode",
    "level",
)


class CatalogueNode(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name="机关", on_delete=models.PROTECT, related_name="catalogue_nodes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="上级目录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    title = models.CharField("目录名称", max_length=200)
    source = models.CharField("来源", max_length=12, choices=NodeSource.choices, default=NodeSource.OWN)
    clause = models.CharField("条款", max_length=40, blank=True, help_text="如 第二十条第（七）项")
    position = models.PositiveIntegerField("排序", default=0)
    update_interval_days = models.PositiveIntegerField(
        "更新周期（天）", null=True, blank=True, help_text="超过该天数无新发布信息时在巡检中提示"
    )
    is_active = models.BooleanField("启用", default=True)
    content = models.TextField("公开内容", blank=True)
    basis = models.TextField("公开依据", blank=True)
    time_limit = models.CharField("公开时限", max_length=200, blank=True)
    subject = models.CharField("公开主体", max_length=200, blank=True)
    channels = models.CharField("公开渠道", max_length=300, blank=True)
    audience = models.CharField("公开对象", max_length=100, blank=True)
    mode = models.CharField("公开方式", max_length=100, blank=True)
    level = models.CharField("公开层级", max_length=100, blank=True)

    class Meta:
        verbose_name = "公开目录"
        verbose_name_plural = "公开目录"
        ordering = ("organisation", "parent_id", "position", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("organisation", "parent", "title"), name="publishing_node_title_unique"
            ),
        )

    def __str__(self) -> str:
        return self.title
