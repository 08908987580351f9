"""Commands of the proactive-disclosure context (`xxgk scan`)."""

from __future__ import annotations

from datetime import date

import typer

from xxgk.cli.django_setup import setup_django


def scan_command(
    org: str = typer.Option(
        "", "--org", help="只巡检一个机关（编号或统一社会信用代码）；默认全部启用的机关。"
    ),
    on: str = typer.Option("", "--date", help="巡检日期 YYYY-MM-DD（默认今天）。"),
    expire: bool = typer.Option(False, "--expire", help="同时将有效期已届满的文件登记为失效。"),
) -> None:
    """主动公开巡检：逾期未公开、栏目久未更新、规范性文件有效期、政策解读、指南核对。"""
    setup_django()
    from django.utils import timezone

    from xxgk.web.orgs.models import Organisation
    from xxgk.web.publishing.registry import expire_overdue
    from xxgk.web.publishing.scan import scan

    try:
        today = date.fromisoformat(on) if on else timezone.localdate()
    except ValueError:
        typer.secho(f"日期格式应为 YYYY-MM-DD：{on}", fg="red", err=True)
        raise typer.Exit(2) from None
    agencies = Organisation.objects.filter(is_active=True).order_by("path")
    if org:
        agencies = agencies.filter(pk=int(org)) if org.isdigit() else agencies.filter(credit_code=org.upper())
        if not agencies.exists():
            typer.secho(f"未找到机关：{org}", fg="red", err=True)
            raise typer.Exit(2)
    if expire:
        typer.echo(f"已登记失效 {expire_overdue(today)} 件。")
    total = 0
    for agency in agencies:
        findings = scan(agency, today=today)
        total += len(findings)
        if findings:
            typer.echo(f"{agency.name}（{len(findings)}）")
            for finding in findings:
                typer.echo(f"  {finding.format_zh()}")
    typer.echo(f"巡检完成：{today.isoformat()}，共 {total} 项。")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("scan")(scan_command)
