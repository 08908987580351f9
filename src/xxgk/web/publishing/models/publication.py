"""Publications (主动公开的政府信息): the record, its published versions, channels,
attachments, review decisions, check overrides, the 索引号 counter and the public search index.

The record's own text fields are the working copy staff edit; the public always reads the
latest `PublicationRevision`, so a correction under review never changes what readers see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xxgk.template import GB2021
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing.models.catalogue import CatalogueNode
from xxgk.web.publishing.models.registry import DocumentKind, RegulatoryDocument


class State(models.TextChoices):
    DRAFT = "draft", "草稿"
    REVIEW = "review", "审核中"
    APPROVED = "approved", "待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class Disclosure(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    NOT_DISCLOSED = "not_disclosed", "不予公开"


# Legal grounds for not disclosing (第十四–十六条): the table 三 rows of the same grounds, so a
# ground and its annual-report row are one concept; the article is the only thing added here.
_GROUND_ARTICLES = {
    "denied.state_secret": "第十四条",
    "denied.law_prohibited": "第十四条",
    "denied.security_stability": "第十四条",
    "denied.third_party": "第十五条",
    "denied.internal_affairs": "第十六条第一款",
    "denied.process_info": "第十六条第二款",
    "denied.enforcement_file": "第十六条第二款",
}


def _ground_label(key: str) -> str:
    label = GB2021.table3.row(key).label.split(".", 1)[-1]
    return f"{label}（{_GROUND_ARTICLES[key]}）"


NON_DISCLOSURE_GROUNDS = [(key, _ground_label(key)) for key in _GROUND_ARTICLES]


class Genre(models.TextChoices):
    REGULATION = "regulation", DocumentKind.REGULATION.label
    NORMATIVE = "normative", DocumentKind.NORMATIVE.label
    INTERPRETATION = "interpretation", "政策解读"
    NOTICE = "notice", "通知公告"
    PLAN = "plan", "规划计划"
    STATISTICS = "statistics", "统计信息"
    BUDGET = "budget", "财政预决算"
    NEWS = "news", "工作动态"
    REPORT = "report", "工作报告"
    OTHER = "other", "其他"


class Topic(models.TextChoices):
    """主题分类 (the top level of the 国务院公文主题分类 used by government catalogues)."""

    GENERAL = "general", "综合政务"
    ECONOMY = "economy", "国民经济管理、国有资产监管"
    FINANCE = "finance", "财政、金融、审计"
    LAND = "land", "国土资源、能源"
    AGRICULTURE = "agriculture", "农业、林业、水利"
    INDUSTRY = "industry", "工业、交通"
    COMMERCE = "commerce", "商贸、海关、旅游"
    MARKET = "market", "市场监管、安全生产监管"
    CONSTRUCTION = "construction", "城乡建设、环境保护"
    EDUCATION = "education", "科技、教育"
    CULTURE = "culture", "文化、广电、新闻出版"
    HEALTH = "health", "卫生、体育"
    LABOUR = "labour", "劳动、人事、监察"
    SECURITY = "security", "公安、安全、司法"
    CIVIL = "civil", "民政、扶贫、救灾"
    OTHER = "other", "其他"


class Channel(models.TextChoices):
    WEBSITE = "website", "政府网站"
    GAZETTE = "gazette", "政府公报"
    WECHAT = "wechat", "微信公众号"
    WEIBO = "weibo", "政务微博"
    PRESS = "press", "新闻发布会"
    READING_ROOM = "reading_room", "公开查阅点"
    MEDIA = "media", "广播电视报刊"
    BOARD = "board", "公开栏"


class Publication(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name="发布机构", on_delete=models.PROTECT, related_name="publications"
    )
    joint_issuers = models.CharField("联合发布机构", max_length=300, blank=True)
    index_number = models.CharField(
        "索引号", max_length=60, unique=True, null=True, blank=True, editable=False
    )
    state = models.CharField("状态", max_length=12, choices=State.choices, default=State.DRAFT)
    step = models.PositiveSmallIntegerField("当前审核环节", null=True, blank=True)
    on_hold = models.BooleanField("暂缓（报保密行政管理部门）", default=False)
    title = models.CharField("名称", max_length=300)
    summary = models.TextField("内容概述", blank=True)
    body = models.TextField("正文", blank=True)
    document_number = models.CharField("文号", max_length=100, blank=True)
    written_on = models.DateField("成文日期", null=True, blank=True)
    formed_on = models.DateField("生成日期", help_text="信息形成或者变更之日，第二十六条的期限由此起算")
    published_at = models.DateTimeField("发布日期", null=True, blank=True)
    scheduled_at = models.DateTimeField("定时发布", null=True, blank=True)
    topic = models.CharField("主题分类", max_length=20, choices=Topic.choices, default=Topic.GENERAL)
    genre = models.CharField("体裁分类", max_length=20, choices=Genre.choices, default=Genre.NOTICE)
    keywords = models.CharField("关键词", max_length=200, blank=True)
    disclosure = models.CharField(
        "公开属性", max_length=16, choices=Disclosure.choices, default=Disclosure.PROACTIVE
    )
    non_disclosure_ground = models.CharField(
        "不予公开依据", max_length=40, choices=NON_DISCLOSURE_GROUNDS, blank=True
    )
    nodes = models.ManyToManyField(
        CatalogueNode, verbose_name="所属目录", blank=True, related_name="publications"
    )
    registry_document = models.ForeignKey(
        RegulatoryDocument,
        verbose_name="登记的规章或规范性文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="publications",
    )
    interprets = models.ForeignKey(
        "self",
        verbose_name="解读的文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interpretations",
    )
    correction_kind = models.CharField("更正类型", max_length=12, blank=True)
    correction_reason = models.CharField("更正原因", max_length=300, blank=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawal_reason = models.CharField("撤回原因", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="起草人"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ("-published_at", "-pk")
        indexes = (
            # Public lists run newest first, per agency or across all: (…, published_at, id).
            models.Index(fields=("organisation", "published_at", "id"), name="publishing_pub_org_latest"),
            models.Index(fields=("published_at", "id"), name="publishing_pub_latest"),
            models.Index(fields=("state", "scheduled_at"), name="publishing_pub_scheduled"),
        )
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(disclosure="not_disclosed") | ~models.Q(non_disclosure_ground=""),
                name="publishing_not_disclosed_has_ground",
            ),
        )

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        """Readers see it once published, with a reason once withdrawn; drafts never."""
        return self.index_number is not None


class RevisionKind(models.TextChoices):
    ORIGINAL = "original", "首次发布"
    CORRECTION = "correction", "更正"
    CHANGE = "change", "变更"


class PublicationRevision(models.Model):
    """One published text of a publication; the earlier ones stay readable, marked as replaced."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField("版本")
    kind = models.CharField("类型", max_length=12, choices=RevisionKind.choices)
    reason = models.CharField("原因", max_length=300, blank=True)
    title = models.CharField("名称", max_length=300)
    summary = models.TextField("内容概述", blank=True)
    body = models.TextField("正文", blank=True)
    document_number = models.CharField("文号", max_length=100, blank=True)
    published_at = models.DateTimeField("发布时间")
    is_current = models.BooleanField(default=True)

    class Meta:
        verbose_name = "发布版本"
        verbose_name_plural = "发布版本"
        ordering = ("publication", "number")
        constraints = (
            models.UniqueConstraint(
                fields=("publication", "number"), name="publishing_revision_number_unique"
            ),
        )


class PublicationChannel(models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="channels")
    channel = models.CharField("公开渠道", max_length=20, choices=Channel.choices)
    note = models.CharField("说明", max_length=200, blank=True, help_text="如 公报期号、发布会场次")

    class Meta:
        verbose_name = "公开渠道"
        verbose_name_plural = "公开渠道"
        constraints = (
            models.UniqueConstraint(fields=("publication", "channel"), name="publishing_channel_once"),
        )


class Attachment(models.Model):
    """A file published with the publication; kept in the database so that it travels with the
    record (backups, the transfer bundle) and is never lost separately."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="attachments")
    name = models.CharField("文件名", max_length=200)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    is_active = models.BooleanField(default=True)
    # The public version that first carried the file (set at publication): it belongs to that
    # version and every later one; None while only a draft holds it.
    published_in = models.PositiveIntegerField("首次发布版本", null=True, blank=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self) -> str:
        return self.name


class DecisionOutcome(models.TextChoices):
    SUBMIT = "submit", "提交审核"
    APPROVE = "approve", "通过"
    REJECT = "reject", "退回修改"
    HOLD = "hold", "暂缓"
    RELEASE = "release", "解除暂缓"


class ReviewDecision(models.Model):
    """What one reviewer decided at one step, with the checklist ticked and the remarks."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="decisions")
    round = models.PositiveSmallIntegerField("审核轮次")
    step = models.PositiveSmallIntegerField("环节")
    step_name = models.CharField("环节名称", max_length=30)
    outcome = models.CharField("结果", max_length=12, choices=DecisionOutcome.choices)
    checklist = models.JSONField("核对要点", default=dict)
    remarks = models.TextField("意见", blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ("publication", "decided_at", "pk")


class CheckOverride(models.Model):
    """A blocking pre-publication finding someone chose to pass, with the reason."""

    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="overrides")
    round = models.PositiveSmallIntegerField("审核轮次")
    code = models.CharField("检查项", max_length=40)
    reason = models.CharField("理由", max_length=300)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "检查豁免"
        verbose_name_plural = "检查豁免"


class IndexCounter(models.Model):
    """The last 索引号 serial handed out per agency and year; locked while one is allocated."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("organisation", "year"), name="publishing_index_counter_unique"),
        )


class SearchEntry(models.Model):
    """The public search index: one row per publicly readable publication, its text as bigram
    tokens (see `search.py`). SQLite indexes it with FTS5, PostgreSQL with a GIN tsvector."""

    publication = models.OneToOneField(
        Publication, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    grams = models.TextField()
