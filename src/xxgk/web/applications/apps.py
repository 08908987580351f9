"""App configuration for applications."""

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "xxgk.web.applications"
    label = "applications"
    verbose_name = "依申请公开"
