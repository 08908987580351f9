"""Commands of the annual-report context (`xxgk annual`). Django is imported inside the command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xxgk.cli.django_setup import setup_django


def annual_command(
    year: Annotated[int, typer.Option("--year", help="报告年度，如 2025")],
    output: Annotated[Path, typer.Option("--output", "-o", help="输出目录（不存在时新建）")],
    org: Annotated[int | None, typer.Option("--org", help="只输出该机关（机关编号）的报告")] = None,
) -> None:
    """按平台当前数据生成各机关的年度报告，每个机关一个 JSON 文件（xxgk check、xxgk render 可读）。"""
    setup_django()
    from django.db import DatabaseError

    from xxgk.web.annual.assembly import assembled_reports
    from xxgk.web.annual.services import FIRST_YEAR
    from xxgk.web.orgs.models import Organisation

    if year < FIRST_YEAR:
        _fail(f"年度须为{FIRST_YEAR}年或以后（2021年格式）。")
    try:
        orgs = Organisation.objects.filter(is_active=True).order_by("path")
        if org is not None:
            orgs = orgs.filter(pk=org)
            if not orgs.exists():
                _fail(f"没有编号为 {org} 的机关。")
        chosen = list(orgs)
        reports = assembled_reports(chosen, year)
    except DatabaseError as exc:
        _fail(f"数据库无法使用：{exc}".strip())
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"无法建立输出目录 {output}：{exc.strerror}")
    for organisation in chosen:
        target = output / f"{year}-{organisation.pk}-{organisation.name}.json"
        target.write_text(reports[organisation.pk].model_dump_json(indent=2) + "\n", encoding="utf-8")
    typer.echo(f"已写入 {len(chosen)} 份{year}年度报告到 {output}")


def _fail(message: str) -> None:
    typer.secho(message, fg="red", err=True)
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("annual")(annual_command)
