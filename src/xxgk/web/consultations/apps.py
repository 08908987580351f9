"""App configuration for consultations: registers audit actions, navigation and the work-list widget."""

from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "xxgk.web.consultations"
    label = "consultations"
    verbose_name = "咨询答复"

    def ready(self) -> None:
        from xxgk.web.consultations import audit_codes, widgets  # noqa: F401  (registrations)
