"""Admin for reference data: organisations, users and role assignments (changes are audited)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from xxgk.web.audit.admin import AuditedAdmin
from xxgk.web.orgs.models import Membership, Organisation, User


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
