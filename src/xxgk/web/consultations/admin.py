"""Read-only admin registry of consultations (writes go through the services); no personal fields listed."""

from django.contrib import admin

from xxgk.web.consultations.models import AnswerPeriod, Consultation


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ("number", "organisation", "channel", "received_on", "due_on", "status")
    list_filter = ("channel", "status")
    search_fields = ("number",)
    fields = (*list_display, "answered_on", "application", "faq")
    readonly_fields = fields

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(AnswerPeriod)
class AnswerPeriodAdmin(admin.ModelAdmin):
    list_display = ("organisation", "working_days")
    readonly_fields = ("organisation", "working_days")

    def has_add_permission(self, request: object) -> bool:
        return False
