"""Consultations (咨询): a question about disclosure, its answer, and each agency's answer period.

Not an application (not counted in table 三); counted by channel and outcome in section 一.
Models hold data and invariants only; every write goes through `services.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xxgk.web.attachments import SentFile


class Channel(models.TextChoices):
    PHONE = "phone", "电话"
    WEBSITE = "website", "网站留言"
    IN_PERSON = "in_person", "现场"
    LETTER = "letter", "信函"
    EMAIL = "email", "电子邮件"
    HOTLINE = "hotline_12345", "12345 转办"


class Status(models.TextChoices):
    """Where a question stands; once answered or converted, its outcome for the yearly counts."""

    PENDING = "pending", "待答复"
    ANSWERED = "answered", "已答复"
    CONVERTED = "converted", "已转为依申请公开"


class Consultation(models.Model):
    """One question (咨询) and its answer.

    `application` links to the formal application it became (the application's receipt date is
    its own); `faq` to the publication made from the answer, if staff chose to publish one.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="答复机关", on_delete=models.PROTECT, related_name="consultations"
    )
    number = models.CharField("咨询编号", max_length=32, unique=True)
    # SHA-256 of the public tracking secret; the secret itself is shown once and never stored.
    secret_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Of the one-time token of the public form that sent the question (`portal.once`): a replayed
    # or double-clicked submission finds this question instead of creating a second one.
    submission_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    channel = models.CharField("咨询渠道", max_length=20, choices=Channel.choices)
    question = models.TextField("咨询内容")
    # Personal information: shown only to the answering agency's staff, never logged.
    name = models.CharField("咨询人姓名或称呼", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    received_on = models.DateField("收到咨询日期")
    due_on = models.DateField("答复期限")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PENDING)
    answer = models.TextField("答复内容", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_consultations",
    )
    application = models.OneToOneField(
        "applications.Application",
        verbose_name="转为的申请",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation",
    )
    faq = models.OneToOneField(
        "publishing.Publication",
        verbose_name="常见问题",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultation",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "咨询"
        verbose_name_plural = "咨询"
        ordering = ("-received_on", "-id")
        indexes = (
            models.Index(fields=("organisation", "received_on"), name="consultations_org_received"),
            models.Index(fields=("organisation", "status", "due_on"), name="consultations_org_status_due"),
        )
        constraints = (
            models.CheckConstraint(
                condition=~models.Q(status="answered")
                | (models.Q(answered_on__isnull=False) & ~models.Q(answer="")),
                name="consultations_answered_has_answer",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="converted") | models.Q(application__isnull=False),
                name="consultations_converted_has_application",
            ),
        )

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status == Status.PENDING


class Attachment(SentFile):
    """A file sent with an online question; same limits as an application's (`applications.intake`)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="attachments")

    class Meta(SentFile.Meta):
        verbose_name = "咨询附件"
        verbose_name_plural = "咨询附件"


class AnswerPeriod(models.Model):
    """An agency's own period for answering questions, in working days (default:
    `xxgk.deadlines.CONSULTATION_ANSWER_WORKING_DAYS`)."""

    organisation = models.OneToOneField(
        "orgs.Organisation", verbose_name="机关", on_delete=models.PROTECT, related_name="answer_period"
    )
    working_days = models.PositiveSmallIntegerField("答复期限（工作日）")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "咨询答复期限"
        verbose_name_plural = "咨询答复期限"
        constraints = (
            models.CheckConstraint(
                condition=models.Q(working_days__gte=1, working_days__lte=60),
                name="consultations_period_range",
            ),
        )

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.working_days}"
