"""Admin for reference data: organisations, users and role assignments (changes are audited)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from xxgk.web.audit.admin import AuditedAdmin
from xxgk.web.orgs.models import LoginThrottle, Membership, Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name", "kind", "credit_code", "parent", "phone", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "credit_code")
    autocomplete_fields = ("parent",)


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("user", "organisation", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user", "organisation")


@admin.register(User)
class StaffUserAdmin(AuditedAdmin, UserAdmin):
    pass


@admin.register(LoginThrottle)
class LoginThrottleAdmin(AuditedAdmin):
    """Lets an administrator see locked user names and lift a lock early (deleting the row, audited)."""

    list_display = ("username", "failures", "first_failure_at", "locked_until")
    search_fields = ("username",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
