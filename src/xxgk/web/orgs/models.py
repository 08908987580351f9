"""Organisations (a tree along the supervising relation), staff users and per-organisation roles.

Invariants kept here: a valid 统一社会信用代码, no cycle in the tree, and `path` (the
materialised chain of ancestor ids, "/1/4/9/") always matching the parents, so that a subtree
is one indexed prefix query.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Concat, Substr

from xxgk.web.orgs.credit_code import normalise, validate_credit_code


class User(AbstractUser):
    """A staff member. Applicants are not users of the staff site."""

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        full = f"{self.last_name}{self.first_name}".strip()
        return f"{full}（{self.username}）" if full else self.username


class OrgKind(models.TextChoices):
    PROVINCE_GOVERNMENT = "province_gov", "省级政府"
    CITY_GOVERNMENT = "city_gov", "市级政府"
    COUNTY_GOVERNMENT = "county_gov", "县级政府"
    DEPARTMENT = "department", "政府部门"
    TOWNSHIP = "township", "乡镇/街道"
    DEVELOPMENT_ZONE = "zone", "开发区/功能区"
    VERTICAL = "vertical", "垂直管理单位"
    OTHER = "other", "其他"


class Role(models.TextChoices):
    REGISTRAR = "registrar", "登记"
    HANDLER = "handler", "承办"
    REVIEWER = "reviewer", "审核"
    APPROVER = "approver", "签发"
    ADMIN = "admin", "管理员"
    SUPERVISOR = "supervisor", "监督"


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def subtree_of(self, org: Organisation) -> OrganisationQuerySet:
        """`org` and every organisation below it."""
        return self.filter(path__startswith=org.path)


class Organisation(models.Model):
    """A 行政机关 or other body that discloses information, placed under its supervising body."""

    name = models.CharField("机关名称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=40, blank=True)
    credit_code = models.CharField(
        "统一社会信用代码", max_length=18, unique=True, validators=[validate_credit_code]
    )
    kind = models.CharField("机构类型", max_length=20, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级（监督）机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    address = models.CharField("通讯地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    phone = models.CharField("联系电话", max_length=50, blank=True)
    fax = models.CharField("传真", max_length=50, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    # Named in the remedy notice of reply letters (条例第五十一条): where the applicant may apply
    # for 行政复议 (行政复议法 第二十四条 ff.) and bring 行政诉讼 (行政诉讼法 第十四条 ff.).
    review_body = models.CharField("行政复议机关", max_length=100, blank=True)
    court = models.CharField("管辖人民法院（行政诉讼）", max_length=100, blank=True)
    # How an applicant pays a 信息处理费: printed on the fee notice and the tracking page.
    fee_payment = models.CharField("信息处理费缴纳方式", max_length=300, blank=True)
    is_active = models.BooleanField("启用", default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ("path",)

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.credit_code,)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    def clean(self) -> None:
        self.credit_code = normalise(self.credit_code)
        if self._would_create_cycle():
            raise ValidationError({"parent": "上级机关不能是本机关或其下级机关。"})

    def _would_create_cycle(self) -> bool:
        return bool(self.path and self.parent is not None and self.parent.path.startswith(self.path))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.credit_code = normalise(self.credit_code)
        rows = type(self).objects
        with transaction.atomic():
            # Read both paths from the database: the instances in memory may predate a move.
            old_path = (
                (rows.filter(pk=self.pk).values_list("path", flat=True).first() or "") if self.pk else ""
            )
            parent_path = (
                rows.values_list("path", flat=True).get(pk=self.parent_id) if self.parent_id else "/"
            )
            if old_path and parent_path.startswith(old_path):
                raise ValidationError({"parent": "上级机关不能是本机关或其下级机关。"})
            super().save(*args, **kwargs)
            new_path = f"{parent_path}{self.pk}/"
            if new_path != old_path:
                self._move_subtree(old_path, new_path)
            self.path = new_path

    def _move_subtree(self, old_path: str, new_path: str) -> None:
        type(self).objects.filter(pk=self.pk).update(path=new_path)
        if old_path:
            type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(models.Value(new_path), Substr("path", len(old_path) + 1))
            )


class Membership(models.Model):
    """One role one user holds in one organisation."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, verbose_name="机关", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = "角色授权"
        verbose_name_plural = "角色授权"
        constraints = (
            models.UniqueConstraint(fields=("user", "organisation", "role"), name="orgs_membership_unique"),
        )
        ordering = ("organisation__path", "user__username", "role")

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"


class LoginThrottle(models.Model):
    """Failed log-ins per user name and client address (hashed), for the temporary lockout (see login_guard)."""

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveSmallIntegerField(default=0)
    first_failure_at = models.DateTimeField(null=True)
    locked_until = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "登录失败记录"
        verbose_name_plural = "登录失败记录"

    def __str__(self) -> str:
        return self.username
