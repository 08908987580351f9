"""The supervising office's data: the register of reporting units per year, yearly campaigns, each
unit's submission with its report versions and status history, and the findings on them.

Invariants kept here: one register entry per unit and year, one campaign per office and year, one
submission per campaign and unit, and the rectification
steps (`RECTIFICATION_NEXT`). Files are kept in the database (reports are small) so that nothing
is lost with a media folder. The status moves of a submission are declared in `transitions.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xxgk.findings import Place
from xxgk.web.orgs.models import Organisation, OrgKind

# Kinds that are governments (or function like one): their report is the 本级政府 report, due 3月31日
# when they consolidate; their figures belong to 本行政区域, not to the parent's 本级.
GOVERNMENT_KINDS = frozenset(
    {
        OrgKind.PROVINCE_GOVERNMENT,
        OrgKind.CITY_GOVERNMENT,
        OrgKind.COUNTY_GOVERNMENT,
        OrgKind.TOWNSHIP,
        OrgKind.DEVELOPMENT_ZONE,
    }
)


class ReportingUnit(models.Model):
    """A body that publishes an annual report, on the platform (`organisation`) or not."""

    name = models.CharField("单位名称", max_length=100, unique=True)
    organisation = models.OneToOneField(
        Organisation,
        verbose_name="平台机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reporting_unit",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "报送单位"
        verbose_name_plural = "报送单位"
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    @property
    def on_platform(self) -> bool:
        return self.organisation_id is not None


class Enrolment(models.Model):
    """A unit in the register of one year: its type, its parent that year and its supervising
    office. Kept per year, so a roll-up of a past year uses that year's tree."""

    unit = models.ForeignKey(
        ReportingUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="enrolments"
    )
    year = models.PositiveSmallIntegerField("年度")
    kind = models.CharField("单位类型", max_length=20, choices=OrgKind.choices)
    parent = models.ForeignKey(
        ReportingUnit,
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_enrolments",
    )
    office = models.ForeignKey(
        Organisation, verbose_name="监督（组织）机关", on_delete=models.PROTECT, related_name="+"
    )
    consolidates = models.BooleanField("须汇总发布本级政府年度报告", default=False)
    # The nearest platform organisation (the unit's own, else its nearest ancestor's, else the
    # office): a supervisor over that organisation's subtree sees this unit. Set by services.
    anchor = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "年度报送登记"
        verbose_name_plural = "年度报送登记"
        constraints = (models.UniqueConstraint(fields=("unit", "year"), name="rollup_enrolment_unit_year"),)
        indexes = (models.Index(fields=("office", "year")),)
        ordering = ("year", "order", "unit__name")

    def __str__(self) -> str:
        return f"{self.year}年 {self.unit}"

    @property
    def is_government(self) -> bool:
        return self.kind in GOVERNMENT_KINDS


class Campaign(models.Model):
    """One office's collection of one year's annual reports."""

    office = models.ForeignKey(
        Organisation, verbose_name="组织机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("报告年度")
    internal_deadline = models.DateField("部门报送时限", null=True, blank=True)
    internal_deadline_government = models.DateField("汇总发布本级报告的政府报送时限", null=True, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "年报报送工作"
        verbose_name_plural = "年报报送工作"
        constraints = (
            models.UniqueConstraint(fields=("office", "year"), name="rollup_campaign_office_year"),
        )
        ordering = ("-year", "office__path")

    def __str__(self) -> str:
        return f"{self.office} {self.year}年度报告报送"


class Status(models.TextChoices):
    PENDING = "pending", "未报"
    SUBMITTED = "submitted", "已报"
    RETURNED = "returned", "退回"
    REVIEWED = "reviewed", "已审"
    PUBLISHED = "published", "已发布"


class Submission(models.Model):
    """A unit's report in a campaign: its status and dates, the current version and a draft."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="submissions")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PENDING)
    first_submitted_on = models.DateField("首次报送日期", null=True, blank=True)
    submitted_on = models.DateField("报送日期", null=True, blank=True)
    returned_on = models.DateField("退回日期", null=True, blank=True)
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)
    current = models.ForeignKey(
        "ReportVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What the unit is preparing: the parsed (and hand-corrected) report before it is submitted.
    draft = models.JSONField(null=True, blank=True)
    draft_file = models.BinaryField(null=True, blank=True)
    draft_filename = models.CharField(max_length=200, blank=True)
    draft_unread = models.JSONField(default=list, blank=True)
    draft_corrected = models.JSONField(default=list, blank=True)
    # The annual app's published version the draft is (a platform unit submits what it published).
    draft_published = models.ForeignKey(
        "annual.PublishedVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # An uploaded scan or image waiting to be read by OCR in the background (job `rollup_ocr`: a page takes
    # seconds, more than a web request may), and why the last one read there could not become the draft.
    ocr_file = models.BinaryField(null=True, blank=True)
    ocr_filename = models.CharField(max_length=200, blank=True)
    ocr_error = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "单位报送"
        verbose_name_plural = "单位报送"
        constraints = (
            models.UniqueConstraint(fields=("campaign", "enrolment"), name="rollup_submission_campaign_unit"),
        )

    def __str__(self) -> str:
        return f"{self.enrolment.unit} · {self.get_status_display()}"

    @property
    def current_version(self) -> ReportVersion:
        """The version that counts, for a submission read as one that has it (`current__isnull=False`)."""
        if self.current is None:
            raise ValueError(f"submission {self.pk} has no current version")
        return self.current


class Source(models.TextChoices):
    PLATFORM = "platform", "平台数据生成"
    FILE = "file", "上传文件"


class ReportVersion(models.Model):
    """One submitted version of a unit's report: the engine's JSON, and the file it came from."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField("版本")
    source = models.CharField("来源", max_length=20, choices=Source.choices)
    report = models.JSONField("报告数据")
    original = models.BinaryField("原始文件", null=True, blank=True)
    original_name = models.CharField("原始文件名", max_length=200, blank=True)
    scan = models.BinaryField("盖章扫描件", null=True, blank=True)
    scan_name = models.CharField("盖章扫描件文件名", max_length=200, blank=True)
    # Cells the unit typed in by hand after the parser ("table3.new.total" …).
    corrected = models.JSONField("手工更正的单元格", default=list, blank=True)
    # The published version (id and number) of the annual app this version is, for a platform
    # unit: the campaign then shows exactly what /reports/ publishes, and a later correction there
    # makes this version outdated.
    published = models.ForeignKey(
        "annual.PublishedVersion",
        verbose_name="平台已公开版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Codes of the rules that ran on this version and found nothing (通过).
    passed_rules = models.JSONField(default=list, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "报告版本"
        verbose_name_plural = "报告版本"
        constraints = (
            models.UniqueConstraint(fields=("submission", "number"), name="rollup_version_number"),
        )
        ordering = ("submission", "number")

    def __str__(self) -> str:
        return f"{self.submission} 第{self.number}版"


class StatusChange(models.Model):
    """The history of a submission's status, with the reason of each return."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="changes")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.TextField("理由", blank=True)
    on = models.DateField("日期")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("at", "pk")


class Verdict(models.TextChoices):
    FAIL = "fail", "不通过"
    UNDETERMINED = "undetermined", "无法判断"


class Review(models.TextChoices):
    OPEN = "open", "待审核"
    CONFIRMED = "confirmed", "已确认"
    DISMISSED = "dismissed", "已排除"


class Rectification(models.TextChoices):
    NONE = "", "—"
    NOTIFIED = "notified", "已通知"
    RECTIFIED = "rectified", "已整改"
    VERIFIED = "verified", "已复核"
    CLOSED = "closed", "已办结"


RECTIFICATION_NEXT: dict[str, str] = {
    Rectification.NONE: Rectification.NOTIFIED,
    Rectification.NOTIFIED: Rectification.RECTIFIED,
    Rectification.RECTIFIED: Rectification.VERIFIED,
    Rectification.VERIFIED: Rectification.CLOSED,
}


class ReviewFinding(models.Model):
    """A finding of the checks on one version, with the reviewer's decision and the rectification."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="findings")
    report_version = models.ForeignKey(ReportVersion, on_delete=models.PROTECT, related_name="findings")
    code = models.CharField("规则", max_length=40)
    severity = models.CharField("严重程度", max_length=10)
    verdict = models.CharField("结论", max_length=20, choices=Verdict.choices)
    message = models.TextField("说明")
    place = models.JSONField(default=dict, blank=True)
    expected = models.JSONField(null=True, blank=True)
    actual = models.JSONField(null=True, blank=True)
    # A table error (an error placed on a table) blocks 已审 until dismissed.
    blocks_review = models.BooleanField(default=False)
    superseded = models.BooleanField("已被新版本取代", default=False)
    review = models.CharField("审核", max_length=20, choices=Review.choices, default=Review.OPEN)
    review_reason = models.TextField("审核理由", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rectification = models.CharField(
        "整改", max_length=20, choices=Rectification.choices, default=Rectification.NONE, blank=True
    )
    rectification_note = models.TextField("整改说明", blank=True)
    rectification_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "检查发现"
        verbose_name_plural = "检查发现"
        ordering = ("submission", "-blocks_review", "pk")
        indexes = (models.Index(fields=("submission", "superseded")),)

    def __str__(self) -> str:
        return f"{self.code} {self.message[:30]}"

    @property
    def passages(self) -> list[dict[str, object]]:
        """For copied text: the sentences of this report beside those of the other."""
        return self.actual if self.code.startswith("X-COPIED-") and isinstance(self.actual, list) else []

    @property
    def place_zh(self) -> str:
        return Place(**{k: v for k, v in self.place.items() if k in Place.__dataclass_fields__}).describe_zh()

    @property
    def is_open(self) -> bool:
        return (
            not self.superseded
            and self.review != Review.DISMISSED
            and self.rectification != Rectification.CLOSED
        )


class Scope(models.TextChoices):
    OWN = "own", "本级"
    REGION = "region", "本行政区域"


class ConsolidatedReport(models.Model):
    """A government's report generated from its parts; `report` is the engine's JSON."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="consolidated")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="+")
    scope = models.CharField("口径", max_length=10, choices=Scope.choices)
    report = models.JSONField()
    included = models.JSONField(default=list)
    missing = models.JSONField(default=list)
    findings = models.JSONField(default=list)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-generated_at", "-pk")


class Notice(models.Model):
    """A 通报 draft (DOCX) as generated on a day, kept as issued."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="notices")
    docx = models.BinaryField()
    units = models.PositiveIntegerField(default=0)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-generated_at", "-pk")
