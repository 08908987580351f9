"""App configuration for annual."""

from django.apps import AppConfig


class AnnualConfig(AppConfig):
    name = "xxgk.web.annual"
    label = "annual"
    verbose_name = "年度报告"
