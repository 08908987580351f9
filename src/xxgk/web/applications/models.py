"""Disclosure applications (依申请公开): the case, its event log, letters, fees, attachments and
the working-day calendar table.

The contract other apps (the annual report) rely on is in `Application`'s docstring.
Models hold data and invariants only; every write goes through `services.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xxgk.deadlines import EventKind
from xxgk.template import GB2021, TOTAL
from xxgk.web.attachments import SentFile

TABLE3 = GB2021.table3

# Table 三's applicant columns, except the sum.
APPLICANT_KIND_CHOICES: list[tuple[str, str]] = [
    (column.key, column.display_name) for column in TABLE3.columns if column.key != TOTAL
]

# The leaf result rows of table 三: every result row except the short （六） that collapses others.
OUTCOME_CHOICES: list[tuple[str, str]] = [
    (row.key, f"{row.group}{row.label}" if row.group and "." in row.key else row.label)
    for row in TABLE3.rows
    if row.is_result and not row.collapses
]
OUTCOME_KEYS: frozenset[str] = frozenset(key for key, _ in OUTCOME_CHOICES)
# Outcome key → the plain name citizens read (部分公开), never the report's counting note.
PLAIN_OUTCOMES: dict[str, str] = {
    row.key: row.plain for row in TABLE3.rows if row.key in OUTCOME_KEYS and row.plain
}


class Channel(models.TextChoices):
    """How the application arrived; decides its receipt date under 第三十一条."""

    ONLINE = "online", "网络"
    LETTER = "letter", "信函"
    IN_PERSON = "in_person", "当面"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"


class State(models.TextChoices):
    """Where a case stands. The transitions between them live in `transitions.py`."""

    SUBMITTED = "submitted", "待确认收到"
    REGISTERED = "registered", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_REASONS = "awaiting_reasons", "待说明理由"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    DRAFTED = "drafted", "答复已拟稿"
    REVIEWED = "reviewed", "答复已审核"
    APPROVED = "approved", "答复已签发"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已办结"
    ABANDONED = "abandoned", "视为放弃"
    WITHDRAWN = "withdrawn", "已撤回"


CONCLUDED_STATES: frozenset[str] = frozenset({State.REPLIED, State.CLOSED, State.ABANDONED, State.WITHDRAWN})


class IdentityDocument(models.TextChoices):
    ID_CARD = "id_card", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO_TAIWAN = "hmt_permit", "港澳台居民居住证或通行证"
    CREDIT_CODE = "credit_code", "统一社会信用代码证书"
    OTHER = "other", "其他有效证件"


class InfoForm(models.TextChoices):
    """第二十九条第二款第（三）项: the form the applicant asks for."""

    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文本"
    EITHER = "either", "均可"


class Delivery(models.TextChoices):
    """第二十九条第二款第（三）项: how the applicant wants to obtain it."""

    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICK_UP = "pick_up", "当面领取"
    FAX = "fax", "传真"
    ONLINE = "online", "网上查看"


class Application(models.Model):
    """One application for disclosure (政府信息公开申请).

    Contract relied on by the annual report (table 三), kept stable:

    - `organisation` — the handling agency (FK orgs.Organisation, PROTECT, related_name
      "applications").
    - `applicant_kind` — a table 三 column key other than "total" (natural_person, commercial,
      research, social_welfare, legal_service, other_org), choices from `GB2021.table3`.
    - `received_on` — the receipt date under 第三十一条, null until it is confirmed; an
      application with no `received_on` is counted nowhere.
    - `state` — see `State`.
    - `outcome` — blank while open; once concluded exactly one table 三 *leaf* result row key
      (granted, partial, denied.*, unavailable.*, not_processed.*, other.no_correction,
      other.no_fee, other.other; never the short row "other"). A withdrawal is other.other.
    - `concluded_on` — the day the case concluded (reply sent, abandoned, withdrawn), set
      together with `outcome`.
    - `handler`, `version` (optimistic lock), `number` (unique tracking number).

    An application is open on a date D if received_on <= D and (concluded_on is null or
    concluded_on > D). Indexed on (organisation, received_on) and (organisation, concluded_on).
    """

    organisation = models.ForeignKey(
        "orgs.Organisation", verbose_name="承办机关", on_delete=models.PROTECT, related_name="applications"
    )
    number = models.CharField("受理编号", max_length=32, unique=True)
    # SHA-256 of the public tracking secret; the secret itself is shown once and never stored.
    secret_hash = models.CharField(max_length=64, blank=True, editable=False)
    # SHA-256 of the one-time token of the public form that created the case: a replayed or
    # double-clicked submission finds this case instead of creating a second one.
    submission_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    channel = models.CharField("申请渠道", max_length=20, choices=Channel.choices)
    submitted_at = models.DateTimeField("提交时间")
    received_on = models.DateField("收到申请日期", null=True, blank=True)
    receipt_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="收到日期确认人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receipt_confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)

    applicant_kind = models.CharField("申请人类型", max_length=20, choices=APPLICANT_KIND_CHOICES)
    # Personal information: shown only to the handling agency's staff, never logged.
    name = models.CharField("申请人姓名或名称", max_length=100)
    id_type = models.CharField("身份证明类型", max_length=20, choices=IdentityDocument.choices)
    id_number = models.CharField("身份证明号码", max_length=40)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通讯地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    description = models.TextField("所需政府信息的名称、文号或者特征性描述")
    info_form = models.CharField("信息的指定提供形式", max_length=20, choices=InfoForm.choices)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=Delivery.choices)

    state = models.CharField("状态", max_length=30, choices=State.choices, default=State.SUBMITTED)
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES, blank=True)
    concluded_on = models.DateField("办结日期", null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_applications",
    )
    # Denormalised from the event log for lists; recomputed by services whenever events or
    # the calendar change. Never the truth: `deadlines.due_date_for` is.
    due_on = models.DateField("答复期限", null=True, blank=True)
    due_provisional = models.BooleanField("期限暂定", default=False)

    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ("-submitted_at", "-id")
        indexes = (
            models.Index(fields=("organisation", "received_on"), name="applications_org_received"),
            models.Index(fields=("organisation", "concluded_on"), name="applications_org_concluded"),
            models.Index(fields=("organisation", "state", "due_on"), name="applications_org_state_due"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(outcome="", concluded_on__isnull=True)
                | (~models.Q(outcome="") & models.Q(concluded_on__isnull=False)),
                name="applications_outcome_with_concluded_on",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="") | models.Q(outcome__in=sorted(OUTCOME_KEYS)),
                name="applications_outcome_is_leaf_row",
            ),
        )

    def __str__(self) -> str:
        return self.number

    @property
    def is_concluded(self) -> bool:
        return self.state in CONCLUDED_STATES

    @property
    def plain_outcome(self) -> str:
        return PLAIN_OUTCOMES.get(self.outcome, "")


EVENT_KIND_CHOICES: list[tuple[str, str]] = [
    (EventKind.RECEIVED, "收到申请"),
    (EventKind.CORRECTION_REQUESTED, "发出补正通知"),
    (EventKind.CORRECTED, "收到补正后的申请"),
    (EventKind.CONSULTATION_STARTED, "征求意见"),
    (EventKind.CONSULTATION_ENDED, "征求意见结束"),
    (EventKind.EXTENDED, "延长答复期限"),
    (EventKind.REASONS_REQUESTED, "要求说明理由"),
    (EventKind.REASONS_RECEIVED, "收到说明的理由"),
    (EventKind.PAUSED, "暂停计算"),
    (EventKind.RESUMED, "恢复计算"),
    (EventKind.REPLIED, "答复"),
]


class CaseEvent(models.Model):
    """One entry of a case's deadline log; maps one-to-one to `xxgk.deadlines` event classes.

    Kind-specific fields: `respond_by` (补正期限), `consulted` (征求意见对象), `days` (延长天数),
    `reason` (延期/暂停理由). Same-day events replay in `id` order. Never edited or deleted.
    """

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("事项", max_length=30, choices=EVENT_KIND_CHOICES)
    on = models.DateField("日期")
    respond_by = models.DateField(null=True, blank=True)
    consulted = models.CharField(max_length=100, blank=True)
    days = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "办理期限事项"
        verbose_name_plural = "办理期限事项"
        ordering = ("on", "id")

    def __str__(self) -> str:
        return f"{self.application_id} {self.kind} {self.on}"


class Attachment(SentFile):
    """A file sent with the application. Kept in the database so it commits or rolls back with
    the case (no orphan files)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="attachments")

    class Meta(SentFile.Meta):
        verbose_name = "申请附件"
        verbose_name_plural = "申请附件"


class LetterKind(models.TextChoices):
    REPLY = "reply", "政府信息公开申请答复告知书"
    CORRECTION = "correction", "补正申请告知书"
    EXTENSION = "extension", "延期答复告知书"
    FEE = "fee", "收费通知书"


class Letter(models.Model):
    """A letter of the case. Its text (`body`) is editable until approved; the DOCX is stored
    when it is issued and never changes afterwards."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField("文书类型", max_length=20, choices=LetterKind.choices)
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES, blank=True)
    body = models.TextField("正文")
    docx = models.BinaryField(null=True, blank=True)
    issued_on = models.DateField("发出日期", null=True, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "告知书"
        verbose_name_plural = "告知书"
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.application_id} {self.get_kind_display()}"

    @property
    def plain_outcome(self) -> str:
        return PLAIN_OUTCOMES.get(self.outcome, "")


class FeeNotice(models.Model):
    """信息处理费 charged on a case (条例第四十二条, 国办函〔2020〕109号), computed by `xxgk.fees`."""

    class Method(models.TextChoices):
        PER_PIECE = "per_piece", "按件计收"
        PER_PAGE = "per_page", "按量计收"

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="fees")
    method = models.CharField("计收方式", max_length=20, choices=Method.choices)
    quantity = models.PositiveIntegerField("数量")
    prior_pieces = models.PositiveIntegerField("本月此前已申请件数", default=0)
    amount = models.DecimalField("金额（元）", max_digits=10, decimal_places=2)
    issued_on = models.DateField("收费通知日期")
    pay_by = models.DateField("缴费期限")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    unpaid_on = models.DateField("逾期未缴费确认日期", null=True, blank=True)

    class Meta:
        verbose_name = "信息处理费"
        verbose_name_plural = "信息处理费"
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.application_id} {self.amount}"


class PublicThrottle(models.Model):
    """Attempts from one client (a hash of its address, never the address) at one public action,
    in the current window: keeps the tracking page guess-safe and the form free of floods."""

    key = models.CharField(max_length=80, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()

    class Meta:
        verbose_name = "公众操作频率限制"
        verbose_name_plural = "公众操作频率限制"

    def __str__(self) -> str:
        return self.key
