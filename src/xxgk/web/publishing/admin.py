"""Admin for an agency's publishing settings and its own review chain (changes are audited).
Publications and the registry are changed only through the staff pages (the services)."""

from __future__ import annotations

from django.contrib import admin

from xxgk.web.audit.admin import AuditedAdmin
from xxgk.web.publishing.models import PublishingProfile, ReviewStep


@admin.register(PublishingProfile)
class PublishingProfileAdmin(AuditedAdmin):
    list_display = (
        "organisation",
        "index_code",
        "validity_years",
        "provisional_validity_years",
        "guide_reviewed_at",
    )
    search_fields = ("organisation__name",)
    autocomplete_fields = ("organisation",)
    exclude = ("version",)


@admin.register(ReviewStep)
class ReviewStepAdmin(AuditedAdmin):
    list_display = ("organisation", "position", "name", "role", "may_hold")
    list_filter = ("role",)
    search_fields = ("organisation__name", "name")
    autocomplete_fields = ("organisation",)
