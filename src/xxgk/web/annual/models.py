"""The annual report's own data: the yearly figures of table 二 that no other module holds, the
staff's draft of sections 一、五、六, and the published versions (immutable snapshots).

Everything else in a report is assembled from live data when asked (see `assembly`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models

from xxgk.template import GB2021

_TABLE2 = GB2021.table2


def _label(row_key: str) -> str:
    row = _TABLE2.row(row_key)
    return f"{row.label}（{_TABLE2.columns_of(row)[0].label}）"


class YearlyFigures(models.Model):
    """Table 二's yearly numbers entered by staff (or imported from XLSX): 第二十条第（五）（六）（八）项.

    A figure left empty is printed blank and flagged by the checks; nothing is assumed to be 0.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    licensing = models.PositiveIntegerField(_label("licensing"), null=True, blank=True)
    penalty = models.PositiveIntegerField(_label("penalty"), null=True, blank=True)
    coercion = models.PositiveIntegerField(_label("coercion"), null=True, blank=True)
    fees = models.DecimalField(
        _label("fees"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    # Field name = table 二 row key; the column is the row's only one.
    ROWS = ("licensing", "penalty", "coercion", "fees")

    class Meta:
        verbose_name = "年度统计数据（表二）"
        verbose_name_plural = "年度统计数据（表二）"
        constraints = (
            models.UniqueConstraint(fields=("organisation", "year"), name="annual_figures_org_year"),
        )

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}"


class Draft(models.Model):
    """The staff's text of sections 一、五、六 and the date of signing, for one agency and year.

    Empty text means "not written yet": the assembled report then shows the draft made from data.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    overview = models.TextField(GB2021.sections[0].heading, blank=True)
    problems = models.TextField(GB2021.sections[4].heading, blank=True)
    other_matters = models.TextField(GB2021.sections[5].heading, blank=True)
    signed_on = models.DateField("落款日期", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    # Section number → field.
    SECTION_FIELDS: ClassVar[dict[int, str]] = {1: "overview", 5: "problems", 6: "other_matters"}

    class Meta:
        verbose_name = "年度报告草稿"
        verbose_name_plural = "年度报告草稿"
        constraints = (
            models.UniqueConstraint(fields=("organisation", "year"), name="annual_draft_org_year"),
        )

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}"


class ImmutableError(Exception):
    """A published version cannot be changed or removed; a correction is a new version."""


class PublishedQuerySet(models.QuerySet["PublishedVersion"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableError("published report versions cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableError("published report versions cannot be deleted")


class PublishedVersion(models.Model):
    """One published version of an agency's report on a year: the engine JSON as published.

    Version 1 is the report; each later version is a correction (更正), with its reason and the
    list of what changed, both shown publicly. `override_reason` is set when an approver
    published despite errors found by the checks (`findings` keeps what the checks said).
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="机关", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveSmallIntegerField("版本")
    report = models.JSONField("报告", encoder=DjangoJSONEncoder)
    findings = models.JSONField("发布时的核查结果", default=list, encoder=DjangoJSONEncoder)
    correction_reason = models.TextField("更正原因", blank=True)
    changes = models.JSONField("更正内容", default=list)
    override_reason = models.TextField("带错误发布的理由", blank=True)
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发布人", on_delete=models.PROTECT, related_name="+"
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = "已公开的年度报告"
        verbose_name_plural = "已公开的年度报告"
        ordering = ("organisation", "-year", "-number")
        constraints = (
            models.UniqueConstraint(fields=("organisation", "year", "number"), name="annual_version_unique"),
        )

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year} v{self.number}"

    @property
    def is_correction(self) -> bool:
        return self.number > 1

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError("published report versions cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError("published report versions cannot be deleted")
