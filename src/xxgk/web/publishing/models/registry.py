"""The registry of 规章 and 行政规范性文件: one model for both kinds.

A document's 有效性 on a given day follows from its dates (see `validity_on`); the stored
`status` records what staff (or the expiry service) declared, and the table constraint keeps the
status and the end dates consistent.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from xxgk.template import GB2021
from xxgk.web.orgs.models import Organisation

_TABLE2 = GB2021.table2
# The registry's two kinds are the first two rows of table 二 (第二十条第（一）项); labels from there.
REGISTRY_ROWS = ("regulations", "normative_documents")


class DocumentKind(models.TextChoices):
    REGULATION = "regulations", _TABLE2.row("regulations").label
    NORMATIVE = "normative_documents", _TABLE2.row("normative_documents").label


class Validity(models.TextChoices):
    EFFECTIVE = "effective", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"
    AMENDED = "amended", "已修改"


class RegulatoryDocumentQuerySet(models.QuerySet["RegulatoryDocument"]):
    def with_validity(self, validity: Validity | str, day: date) -> RegulatoryDocumentQuerySet:
        """Documents whose `validity_on(day)` is `validity` (the same rule, in SQL)."""
        return self.filter(validity_q(validity, day))


def validity_q(validity: Validity | str, day: date) -> Q:
    """`validity_on(day) == validity` as a query condition; `registry_table2` and the public
    filters use it, so the page, the filter and the annual report count alike."""
    repealed = Q(repealed_on__lte=day)
    lapsed = Q(lapsed_on__lte=day)
    past_period = Q(valid_until__lt=day)
    if validity == Validity.REPEALED:
        return repealed
    if validity == Validity.AMENDED:
        return ~repealed & lapsed & Q(status=Validity.AMENDED)
    if validity == Validity.EXPIRED:
        return ~repealed & ((lapsed & Q(status=Validity.EXPIRED)) | (~lapsed & past_period))
    return ~repealed & ~lapsed & ~past_period


class RegulatoryDocument(models.Model):
    """One 规章 or 行政规范性文件 of an agency, with its lifecycle dates.

    `repealed_on` is set exactly when the document is 废止; `lapsed_on` when it was declared
    失效 or 已修改 (superseded by the documents in `amended_by`). Reaching `valid_until` ends the
    document without any write: it is 失效 from the next day on (`validity_on`).
    """

    organisation = models.ForeignKey(
        Organisation, verbose_name="制定机关", on_delete=models.PROTECT, related_name="regulatory_documents"
    )
    kind = models.CharField("类别", max_length=24, choices=DocumentKind.choices)
    unified_number = models.CharField("统一编号", max_length=60)
    title = models.CharField("名称", max_length=300)
    issuing_organ = models.CharField("发布机关", max_length=200, help_text="联合发文时列出全部机关")
    document_number = models.CharField("文号", max_length=100, blank=True)
    legality_review = models.CharField("合法性审核", max_length=300, blank=True)
    legality_reviewed_on = models.DateField("合法性审核日期", null=True, blank=True)
    collective_deliberation = models.CharField("集体审议", max_length=300, blank=True)
    deliberated_on = models.DateField("集体审议日期", null=True, blank=True)
    issued_on = models.DateField("印发日期")
    effective_from = models.DateField("施行日期")
    valid_until = models.DateField("有效期至", null=True, blank=True, help_text="规章一般不设有效期")
    status = models.CharField("有效性", max_length=12, choices=Validity.choices, default=Validity.EFFECTIVE)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    lapsed_on = models.DateField("失效（修改）日期", null=True, blank=True)
    status_reason = models.CharField("有效性变更说明", max_length=300, blank=True)
    amends = models.ManyToManyField(
        "self", verbose_name="修改或替代的文件", symmetrical=False, blank=True, related_name="amended_by"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegulatoryDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "规章和规范性文件"
        verbose_name_plural = "规章和规范性文件"
        ordering = ("-issued_on", "-pk")
        constraints = (
            models.UniqueConstraint(
                fields=("organisation", "unified_number"), name="publishing_regdoc_number_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=Validity.EFFECTIVE, repealed_on__isnull=True, lapsed_on__isnull=True)
                    | Q(status=Validity.REPEALED, repealed_on__isnull=False, lapsed_on__isnull=True)
                    | Q(
                        status__in=(Validity.EXPIRED, Validity.AMENDED),
                        repealed_on__isnull=True,
                        lapsed_on__isnull=False,
                    )
                ),
                name="publishing_regdoc_status_dates",
            ),
        )
        indexes = (
            models.Index(fields=("organisation", "kind", "issued_on")),
            # The public lists across agencies page newest first (API registry list).
            models.Index(fields=("-issued_on", "-id"), name="publishing_regdoc_newest"),
        )

    def __str__(self) -> str:
        return f"{self.title}（{self.document_number}）" if self.document_number else self.title

    @property
    def ended_on(self) -> date | None:
        """The first day the document is no longer in force, if known from its dates."""
        ends = [d for d in (self.repealed_on, self.lapsed_on) if d is not None]
        if self.valid_until is not None:
            ends.append(date.fromordinal(self.valid_until.toordinal() + 1))
        return min(ends) if ends else None

    def validity_on(self, day: date) -> Validity:
        """The 有效性 a reader sees on `day`: a document past its 有效期 is 失效 by itself."""
        if self.repealed_on is not None and self.repealed_on <= day:
            return Validity.REPEALED
        if self.lapsed_on is not None and self.lapsed_on <= day:
            return Validity(self.status)
        if self.valid_until is not None and self.valid_until < day:
            return Validity.EXPIRED
        return Validity.EFFECTIVE

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.effective_from and self.issued_on and self.effective_from < self.issued_on:
            errors["effective_from"] = "施行日期不能早于印发日期。"
        if self.valid_until and self.effective_from and self.valid_until < self.effective_from:
            errors["valid_until"] = "有效期不能早于施行日期。"
        if self.status == Validity.REPEALED and not self.repealed_on:
            errors["repealed_on"] = "废止的文件须填写废止日期。"
        if self.status in (Validity.EXPIRED, Validity.AMENDED) and not self.lapsed_on:
            errors["lapsed_on"] = "失效或已修改的文件须填写失效（修改）日期。"
        for field in ("repealed_on", "lapsed_on"):
            value = getattr(self, field)
            if value and self.issued_on and value < self.issued_on:
                errors[field] = "该日期不能早于印发日期。"
        if errors:
            raise ValidationError(errors)


class CleanupOutcome(models.TextChoices):
    KEEP = "keep", "继续有效"
    TO_AMEND = "to_amend", "拟修改"
    REPEAL = "repeal", "废止"
    EXPIRE = "expire", "失效"


class CleanupBatch(models.Model):
    """A 清理 of the registry: each document reviewed gets an outcome; the batch is published as such."""

    organisation = models.ForeignKey(
        Organisation, verbose_name="机关", on_delete=models.PROTECT, related_name="cleanup_batches"
    )
    title = models.CharField("清理结果名称", max_length=200)
    decided_on = models.DateField("决定日期")
    published_at = models.DateTimeField("公布时间", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "清理批次"
        verbose_name_plural = "清理批次"
        ordering = ("-decided_on", "-pk")

    def __str__(self) -> str:
        return self.title


class CleanupEntry(models.Model):
    batch = models.ForeignKey(CleanupBatch, on_delete=models.PROTECT, related_name="entries")
    document = models.ForeignKey(RegulatoryDocument, on_delete=models.PROTECT, related_name="cleanup_entries")
    outcome = models.CharField("清理结果", max_length=12, choices=CleanupOutcome.choices)
    note = models.CharField("说明", max_length=300, blank=True)

    class Meta:
        verbose_name = "清理结果"
        verbose_name_plural = "清理结果"
        constraints = (
            models.UniqueConstraint(fields=("batch", "document"), name="publishing_cleanup_once_per_batch"),
        )
