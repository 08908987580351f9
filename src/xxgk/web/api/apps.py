"""App configuration for api."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "xxgk.web.api"
    label = "api"
    verbose_name = "开放接口"
