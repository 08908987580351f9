"""App configuration for rollup."""

from django.apps import AppConfig


class RollupConfig(AppConfig):
    name = "xxgk.web.rollup"
    label = "rollup"
    verbose_name = "年报汇总与监督"
