"""App configuration for rollup: registers its audit actions and navigation."""

from django.apps import AppConfig


class RollupConfig(AppConfig):
    name = "xxgk.web.rollup"
    label = "rollup"
    verbose_name = "年报汇总与监督"

    def ready(self) -> None:
        from xxgk.web.rollup import audit_codes, widgets  # noqa: F401  (registration side effects)
