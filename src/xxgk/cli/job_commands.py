"""Background-job commands: `xxgk worker` starts a Celery worker (optionally with the scheduler)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from xxgk.cli.main import app


@app.command("worker")
def worker_command(
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, help="并行进程数")] = 2,
    queue: Annotated[str, typer.Option("--queue", "-Q", help="监听的队列")] = "xxgk",
    beat: Annotated[
        bool, typer.Option("--beat", help="同时运行定时任务（提醒、定时发布、夜间检查）")
    ] = False,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="worker 名称（同一台机器运行多个时区分）")
    ] = None,
) -> None:
    """启动后台任务 worker（Celery）。需设置 XXGK_CELERY_BROKER_URL，例如 redis://127.0.0.1:6379/0。"""
    from xxgk.web.jobs.celery_app import BROKER_ENV, broker_url

    if broker_url() is None:
        typer.secho(
            f"未设置 {BROKER_ENV}：没有消息队列时任务在网站进程内直接执行，无需 worker。", fg="red", err=True
        )
        raise typer.Exit(2)
    from xxgk.cli.web_commands import _setup_django

    _setup_django()
    from xxgk.web.jobs.celery_app import app as celery_app

    argv = ["worker", "--loglevel=INFO", f"--concurrency={concurrency}", f"--queues={queue}"]
    argv.append(f"--hostname={name or 'xxgk'}-{os.getpid()}@%h")
    if beat:
        argv.append("--beat")
    celery_app.worker_main(argv)
