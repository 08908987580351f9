"""App configuration for remedies."""

from django.apps import AppConfig


class RemediesConfig(AppConfig):
    name = "xxgk.web.remedies"
    label = "remedies"
    verbose_name = "行政复议与行政诉讼"
