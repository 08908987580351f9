"""A 行政复议 or 行政诉讼 case about an agency's disclosure work (one row of table 四 when counted).

Invariants kept here: a decided case has both its result and its date of decision (and an open
case neither); a case is not decided before it was filed. Cases are never deleted: a wrong entry
is voided with a reason and then no longer counted.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from xxgk.web.remedies.choices import KIND_CHOICES, PENDING_LABEL, RESULT_CHOICES


class Remedy(models.Model):
    organisation = models.ForeignKey(
        "orgs.Organisation",
        verbose_name="被申请人（被告）机关",
        on_delete=models.PROTECT,
        related_name="remedies",
    )
    kind = models.CharField("类别", max_length=20, choices=KIND_CHOICES)
    application = models.ForeignKey(
        "applications.Application",
        verbose_name="所涉政府信息公开申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="remedies",
    )
    case_number = models.CharField("案号或文号", max_length=100, blank=True)
    # Personal information: shown only to the staff of the organisation concerned.
    claimant_name = models.CharField("申请人（原告）", max_length=100, blank=True)
    deciding_body = models.CharField("复议机关或人民法院", max_length=100)
    filed_on = models.DateField("申请（立案）日期")
    decided_on = models.DateField("审结日期", null=True, blank=True)
    result = models.CharField("结果", max_length=20, choices=RESULT_CHOICES, blank=True)
    note = models.TextField("备注", blank=True)
    voided = models.BooleanField("已作废", default=False)
    void_reason = models.CharField("作废原因", max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "行政复议、行政诉讼案件"
        verbose_name_plural = "行政复议、行政诉讼案件"
        ordering = ("-filed_on", "-pk")
        indexes = (
            models.Index(fields=("organisation", "filed_on"), name="remedies_org_filed"),
            models.Index(fields=("organisation", "decided_on"), name="remedies_org_decided"),
        )
        constraints = (
            models.CheckConstraint(
                condition=(Q(result="") & Q(decided_on__isnull=True))
                | (~Q(result="") & Q(decided_on__isnull=False)),
                name="remedies_decided_has_result",
            ),
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("filed_on")),
                name="remedies_decided_after_filed",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.pk}"

    @property
    def is_pending(self) -> bool:
        return not self.result

    @property
    def status_label(self) -> str:
        return PENDING_LABEL if self.is_pending else self.get_result_display()

    def status_on(self, day: dt.date) -> str:
        """结果维持/结果纠正/其他结果 if decided by `day`, else 尚未审结 (how table 四 counts it)."""
        decided = self.decided_on is not None and self.decided_on <= day
        return self.get_result_display() if decided else PENDING_LABEL

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.result and self.decided_on is None:
            errors["decided_on"] = "已填写结果的案件须填写审结日期。"
        if self.decided_on is not None and not self.result:
            errors["result"] = "已审结的案件须选择结果（结果维持、结果纠正或其他结果）。"
        if self.decided_on and self.filed_on and self.decided_on < self.filed_on:
            errors["decided_on"] = "审结日期不能早于申请（立案）日期。"
        if self.application is not None and self.application.organisation_id != self.organisation_id:
            errors["application"] = "所涉申请须为本机关办理的申请。"
        if errors:
            raise ValidationError(errors)
