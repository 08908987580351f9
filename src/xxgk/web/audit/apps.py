"""App configuration for audit: its dashboard widget and navigation entry."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "xxgk.web.audit"
    label = "audit"
    verbose_name = "操作日志"

    def ready(self) -> None:
        from xxgk.web.audit import widgets  # noqa: F401  (registration side effect)
