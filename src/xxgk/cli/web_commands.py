"""Platform commands (demo, manage). Django is imported inside each command, never at import."""

from __future__ import annotations

import socket

import typer

from xxgk.cli.django_setup import setup_django


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def demo(
    serve: bool = typer.Option(True, "--serve/--no-serve", help="准备好数据库后启动网站（默认启动）。"),
    host: str = typer.Option("127.0.0.1", help="网站监听地址。"),
    port: int = typer.Option(8000, min=1, max=65535, help="网站监听端口。"),
) -> None:
    """建立数据库、载入演示数据（宜春市的机关与各角色用户），然后启动网站。可重复运行。"""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import DatabaseError

    from xxgk.web.demo import load_demo

    database = settings.DATABASES["default"]
    typer.echo(f"数据库：{database['NAME']}（{database['ENGINE'].rsplit('.', 1)[-1]}）")
    try:
        call_command("migrate", interactive=False, verbosity=0)
        context = load_demo()
    except DatabaseError as exc:
        typer.secho(f"数据库无法使用：{exc}".strip(), fg="red", err=True)
        typer.echo("请检查 XXGK_DATABASE_URL 或数据目录（XXGK_DATA_DIR）的读写权限。", err=True)
        raise typer.Exit(1) from None
    typer.echo("演示数据已就绪。" if context.created else "演示数据已存在，未作改动。")
    url = f"http://{host}:{port}/"
    typer.echo(f"\n网址：{url}")
    typer.echo(f"演示账号（密码均为 {context.password}）：")
    width = max(len(login.username) for login in context.logins)
    for login in context.logins:
        typer.echo(f"  {login.username.ljust(width)}  {login.description_zh}")
    if not serve:
        return
    if not _port_free(host, port):
        typer.secho(f"端口 {port} 已被占用，请用 --port 指定其他端口。", fg="red", err=True)
        raise typer.Exit(1)
    typer.echo("\n网站已启动，按 Ctrl+C 停止。")
    call_command("runserver", f"{host}:{port}", use_reloader=False)


def manage(ctx: typer.Context) -> None:
    """执行 Django 管理命令，例如 xxgk manage migrate、xxgk manage createsuperuser。"""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["xxgk manage", *ctx.args])


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `xxgk` app (called once, by `xxgk.cli.app`)."""
    app.command("demo")(demo)
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    )(manage)
