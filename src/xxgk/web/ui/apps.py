"""App configuration for the staff UI shell."""

from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "xxgk.web.ui"
    label = "ui"
    verbose_name = "工作台"
