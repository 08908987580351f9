"""App configuration for publishing."""

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "xxgk.web.publishing"
    label = "publishing"
    verbose_name = "主动公开"
