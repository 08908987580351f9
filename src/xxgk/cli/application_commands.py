"""Commands of the applications context (`xxgk remind`). Django is imported inside the command."""

from __future__ import annotations

from datetime import date

import typer

from xxgk.cli.django_setup import setup_django


def remind(
    today: str = typer.Option("", "--today", help="按哪一天计算（YYYY-MM-DD，默认今天）。"),
) -> None:
    """给承办人发送办理期限提醒邮件（即将到期或已逾期的申请）。默认邮件输出到控制台（XXGK_EMAIL_BACKEND 可改）。"""
    day: date | None = None
    if today:
        try:
            day = date.fromisoformat(today.strip())
        except ValueError:
            typer.echo(f"错误：日期“{today}”无效，应为 YYYY-MM-DD", err=True)
            raise typer.Exit(2) from None
    setup_django()
    from xxgk.web.applications.reminders import send_reminders

    sent = send_reminders(day)
    typer.echo(f"已发送 {sent} 封提醒邮件。")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("remind")(remind)
