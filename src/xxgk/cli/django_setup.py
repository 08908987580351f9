"""Django set-up for the platform commands (`xxgk demo`, `manage`, `job`, `scan`, …).

It lives in the CLI, not in `xxgk.web`: the failure path is a typer exit with a Chinese message,
and `xxgk.web` must not depend on typer. Commands call it inside their function body so that
importing the CLI never imports Django.
"""

from __future__ import annotations

import os

import typer

_CONFIG_ERROR_EXIT = 2


def setup_django() -> None:
    """Configure Django from the XXGK_* environment; configuration errors end with a Chinese message."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xxgk.web.settings")
    import django

    from xxgk.web.config import ConfigError

    try:
        django.setup()
    except ConfigError as exc:
        typer.secho(f"配置错误：{exc}", fg="red", err=True)
        raise typer.Exit(_CONFIG_ERROR_EXIT) from None
