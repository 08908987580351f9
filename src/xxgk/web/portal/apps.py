"""App configuration for portal."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "xxgk.web.portal"
    label = "portal"
    verbose_name = "公众门户"
